/**
 * The server address the user types: trimmed to an origin (plus a path prefix, if Strapi is served
 * under one), https required except on this computer, because the password and the token travel
 * with every request.
 */
export type ServerUrlResult = { ok: true; url: string } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function normaliseServerUrl(input: string): ServerUrlResult {
  let text = input.trim();
  if (!text) return { ok: false, message: 'Укажите адрес сервера «Наставника».' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'Адрес сервера записан с ошибкой. Пример: https://nastavnik.school.ru' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Адрес сервера должен начинаться с https://' };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      message:
        'Пароль нельзя передавать без шифрования: адрес сервера должен начинаться с https:// (http:// допустим только для localhost).',
    };
  }
  if (url.username || url.password)
    return { ok: false, message: 'Не указывайте логин и пароль в адресе сервера.' };
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(api|graphql|admin)$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/**
 * The pattern to ask host permission for, so the extension may call the server without CORS help.
 * Without the port: match patterns ignore ports in Chrome and may not contain one in Firefox.
 */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

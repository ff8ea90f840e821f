/**
 * A road-map file chosen from disk, before anything leaves the browser: how big it may be, and how
 * its bytes travel inside a GraphQL request (base64).
 */

/** What the file picker offers; the engine still decides the format by the bytes, not the name. */
export const ROADMAP_FILE_ACCEPT = '.docx,.pdf,.html,.htm,.txt';

/**
 * The CMS refuses GraphQL requests over 24 MB (plugin `GRAPHQL_BODY_LIMIT`). Base64 makes a file 4/3
 * as long, and the query, filename and JSON around it need room too, so 17 MB is the largest file
 * that still fits; the engine's own 50 MB limit never comes into play from the panel.
 */
export const GRAPHQL_BODY_LIMIT = 24 * 1024 * 1024;
export const MAX_ROADMAP_FILE_BYTES = 17 * 1024 * 1024;

const sizeFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** «512 Б», «12,4 КБ», «17 МБ». */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} КБ`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} МБ`;
}

/** Why the panel will not read or send this file, in Russian; null when its size is fine. */
export function fileSizeProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) {
    return `Файл «${file.name}» пуст. Выберите документ Word (DOCX), PDF, веб-страницу (HTML) или текст с таблицей.`;
  }
  if (file.size > MAX_ROADMAP_FILE_BYTES) {
    return (
      `Файл «${file.name}» занимает ${formatBytes(file.size)}, а панель может отправить на сервер не больше ` +
      `${formatBytes(MAX_ROADMAP_FILE_BYTES)}. Дорожная карта обычно меньше 1 МБ: проверьте, тот ли файл выбран, ` +
      'или сохраните документ без картинок.'
    );
  }
  return null;
}

/** A multiple of 3, so that every chunk but the last encodes without padding and chunks join cleanly. */
const CHUNK = 3 * 8 * 1024;

/**
 * Base64 of any number of bytes. `String.fromCharCode(...bytes)` of a whole file passes every byte
 * as an argument and overflows the stack at a few hundred kilobytes, so the bytes go in chunks.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const chunk = bytes.subarray(at, at + CHUNK);
    // 24 K arguments per call: far below any engine's limit on the argument list.
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}

/** The length of `bytesToBase64` of `size` bytes, to check a request's size without building it. */
export function base64Length(size: number): number {
  return Math.ceil(size / 3) * 4;
}

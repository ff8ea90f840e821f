/**
 * A road map published as a file linked from a page (a PDF or DOCX on the school's «Наставничество»
 * page): fetched by the panel with the site's permission and read like a file chosen from disk.
 */
import { MAX_ROADMAP_FILE_BYTES, formatBytes } from './file.js';

/** Links to files the import reads: PDF and Word (an .html page is captured from the page itself). */
export function isRoadmapDocumentLink(href: string): boolean {
  try {
    return /\.(pdf|docx)$/i.test(new URL(href).pathname);
  } catch {
    return false;
  }
}

/** The file's name: the one the server gives (Content-Disposition), else the last part of the path. */
export function fileNameOf(href: string, disposition: string | null): string {
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition ?? '');
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition ?? '');
  const decode = (value: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  if (star?.[1]) return decode(star[1].trim());
  if (plain?.[1]) return plain[1].trim();
  const last = new URL(href).pathname.split('/').filter(Boolean).pop();
  return last ? decode(last) : 'дорожная карта';
}

/** Fetches the linked file; a Russian message for everything that can go wrong on the way. */
export async function fetchRoadmapFile(
  href: string,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<File> {
  let response: Response;
  try {
    // The site's cookies go along: some school sites serve their documents only within a session.
    response = await fetchImpl(href, { credentials: 'include' });
  } catch {
    throw new Error(`Не удалось скачать файл по ссылке ${href}: сайт не ответил.`);
  }
  if (!response.ok) {
    throw new Error(`Не удалось скачать файл по ссылке ${href}: сайт ответил ошибкой ${response.status}.`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooBig = (size: number): Error =>
    new Error(
      `Файл по ссылке занимает ${formatBytes(size)}, а панель может разобрать не больше ${formatBytes(MAX_ROADMAP_FILE_BYTES)}.`,
    );
  if (declared > MAX_ROADMAP_FILE_BYTES) throw tooBig(declared);
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_ROADMAP_FILE_BYTES) throw tooBig(bytes.byteLength);
  const name = fileNameOf(href, response.headers.get('content-disposition'));
  return new File([bytes], name, { type: response.headers.get('content-type') ?? '' });
}

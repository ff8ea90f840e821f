/**
 * What kind of file we were given, decided by its bytes (a DOCX is a ZIP: «PK\x03\x04»; a PDF starts
 * with «%PDF») and only then by its name, because users rename files and browsers guess types.
 * Refusals carry a Russian message that says what is expected instead.
 */
import type { ImportError } from './schema.js';

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export type Detected =
  | { kind: 'docx'; bytes: Uint8Array }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'html'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'error'; error: ImportError };

const EXPECTED =
  'Загрузите дорожную карту в формате DOCX (Word), PDF, HTML или текстом с таблицей (ячейки через табуляцию).';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

const PK = [0x50, 0x4b, 0x03, 0x04];
const PK_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

function namedDocx(filename?: string, contentType?: string): boolean {
  return /\.docx$/i.test(filename ?? '') || /officedocument\.wordprocessingml/i.test(contentType ?? '');
}

function error(code: ImportError['code'], message: string): Detected {
  return { kind: 'error', error: { code, message } };
}

function decode(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Russian text files saved by older Windows programs are in Windows-1251.
    try {
      return new TextDecoder('windows-1251').decode(bytes);
    } catch {
      return null;
    }
  }
}

/** Control characters other than tab and line breaks: a binary file, not text. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd)
      control += 1;
  }
  return control > Math.max(8, sample.length * 0.01);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 2 : 3;
  }
  return bytes;
}

export function classifyText(text: string): 'html' | 'text' {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return /<(?:table|html|body)[\s>]/i.test(head) || /<!doctype html/i.test(head) ? 'html' : 'text';
}

export function detectInput(data: Uint8Array | string, filename?: string, contentType?: string): Detected {
  const name = filename ? `«${filename}»` : '';
  if (typeof data === 'string') {
    if (
      data.length > MAX_INPUT_BYTES ||
      (data.length * 3 > MAX_INPUT_BYTES && utf8Length(data) > MAX_INPUT_BYTES)
    ) {
      return error(
        'too_large',
        `Файл больше 50 МБ. Дорожная карта занимает обычно меньше 1 МБ: проверьте, тот ли файл выбран.`,
      );
    }
    if (data.trim().length === 0) return error('empty', `Файл ${name} пуст. ${EXPECTED}`.replace('  ', ' '));
    if (data.startsWith('%PDF')) return pdfAsText();
    if (namedDocx(filename, contentType)) return notDocx(name);
    return { kind: classifyText(data), text: data.replace(/^\ufeff/, '') };
  }
  if (data.byteLength > MAX_INPUT_BYTES) {
    return error(
      'too_large',
      `Файл больше 50 МБ. Дорожная карта занимает обычно меньше 1 МБ: проверьте, тот ли файл выбран.`,
    );
  }
  if (data.byteLength === 0) return error('empty', `Файл ${name} пуст. ${EXPECTED}`.replace('  ', ' '));
  if (startsWith(data, PK) || startsWith(data, PK_EMPTY)) return { kind: 'docx', bytes: data };
  if (startsWith(data, PDF)) return { kind: 'pdf', bytes: data };
  if (startsWith(data, OLE)) {
    return error(
      'doc_not_supported',
      'Формат Word 97–2003 (.doc) не поддерживается. Откройте файл в Word и сохраните его как «Документ Word (.docx)».',
    );
  }
  if (namedDocx(filename, contentType)) return notDocx(name);
  if (startsWith(data, RTF)) {
    return error(
      'unsupported_format',
      `Формат RTF не поддерживается. Сохраните файл как «Документ Word (.docx)».`,
    );
  }
  const text = decode(data);
  if (text === null || looksBinary(text)) {
    return error(
      'unsupported_format',
      `Файл ${name} не похож ни на документ, ни на текст. ${EXPECTED}`.replace('  ', ' '),
    );
  }
  if (text.trim().length === 0) return error('empty', `Файл ${name} пуст. ${EXPECTED}`.replace('  ', ' '));
  return { kind: classifyText(text), text };
}

/** A PDF pasted or sent as text has lost its binary parts on the way. */
function pdfAsText(): Detected {
  return error(
    'pdf_invalid',
    'PDF передан как текст, и его содержимое повреждено. Загрузите PDF файлом (в GraphQL — полем fileBase64).',
  );
}

export function brokenPdf(name: string): ImportError {
  return {
    code: 'pdf_invalid',
    message:
      `Файл ${name ? `${name} ` : ''}не удалось прочитать как PDF: файл повреждён, защищён паролем или это другой формат. ` +
      'Откройте его в программе просмотра и сохраните заново как PDF (или загрузите исходный DOCX).',
  };
}

export function scannedPdf(name: string): ImportError {
  return {
    code: 'pdf_scanned',
    message:
      `Файл ${name ? `${name} ` : ''}— скан (изображение страниц) без текстового слоя: в нём нет текста, который можно прочитать. ` +
      'Распознавание сканов доступно при загрузке через CMS или командную строку на сервере с установленным tesseract-ocr (русский язык); ' +
      'иначе загрузите исходный документ (DOCX или PDF, сохранённый из Word) или распознайте скан в программе OCR.',
  };
}

function notDocx(name: string): Detected {
  return error(
    'docx_invalid',
    `Файл ${name} назван как документ Word, но не является DOCX: ожидался ZIP-архив Word (файл .docx начинается с «PK»). ` +
      'Откройте файл в Word и сохраните его как «Документ Word (.docx)».',
  );
}

export function brokenDocx(name: string): ImportError {
  return {
    code: 'docx_invalid',
    message:
      `Файл ${name ? `${name} ` : ''}не удалось прочитать как документ Word (DOCX): архив повреждён или это другой формат ` +
      '(например, таблица Excel). Откройте его в Word и сохраните как «Документ Word (.docx)».',
  };
}

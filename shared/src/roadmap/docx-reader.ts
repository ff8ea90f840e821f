/**
 * DOCX to HTML, then the HTML reader: one path for tables, lists and italics whatever the format.
 * Two converters write that HTML: our lean OOXML reader (fast on long plans) and mammoth (slower,
 * but it has seen every corner of Word); mammoth takes over whenever the lean reader fails, and can
 * be asked for directly. Both are loaded on first use so the extension pays for them only when a
 * DOCX arrives.
 */
import type { SourceDocument } from './document.js';
import { docxToHtmlFast } from './docx-xml.js';
import { readHtml } from './html-reader.js';

type Mammoth = typeof import('mammoth');

export type DocxReader = 'fast' | 'mammoth';

let loading: Promise<Mammoth> | null = null;

async function mammoth(): Promise<Mammoth> {
  loading ??= import('mammoth').then((module) => ('default' in module ? module.default : module));
  return loading;
}

/** mammoth's rendering of a DOCX; throws when the bytes are not a readable Word document. */
export async function docxToHtmlWithMammoth(bytes: Uint8Array): Promise<string> {
  const m = await mammoth();
  // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; both accept these bytes.
  const arrayBuffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes.buffer
      : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<Mammoth['convertToHtml']>[0];
  const result = await m.convertToHtml(input, {
    // Images are irrelevant to a road map and would only bloat the HTML with base64.
    convertImage: m.images.imgElement(() => Promise.resolve({ src: '' })),
  });
  return result.value;
}

export async function docxToHtml(bytes: Uint8Array, reader: DocxReader = 'fast'): Promise<string> {
  if (reader === 'fast') {
    try {
      const html = await docxToHtmlFast(bytes);
      if (html !== null) return html;
    } catch {
      // A file the lean reader cannot take apart may still be one mammoth reads; if not, mammoth's
      // failure is what the caller reports.
    }
  }
  return docxToHtmlWithMammoth(bytes);
}

export async function readDocx(bytes: Uint8Array, reader: DocxReader = 'fast'): Promise<SourceDocument> {
  return readHtml(await docxToHtml(bytes, reader));
}

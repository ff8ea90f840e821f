// The extension and the tests compile this file from source: the worker's declaration must come with it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfjs-worker.d.ts" />
/**
 * PDF to the document model with Mozilla's pdf.js: the text items with their positions and fonts,
 * and the straight lines the page draws (table borders), handed to pdf-layout.ts. pdf.js is loaded
 * on first use (the extension pays for it only when a PDF arrives); its worker runs on the calling
 * thread, so the same code works in Node, in a page and in an extension, with no worker file to serve.
 */
import type { SourceDocument } from './document.js';
import { layoutPdf, type PdfPage, type PdfRule, type PdfText } from './pdf-layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type Matrix = [number, number, number, number, number, number];

let loading: Promise<PdfJs> | null = null;

/** The legacy build: the modern one needs Promise.withResolvers and friends that Node 20 lacks. */
async function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // pdf.js runs its worker code on this thread when it finds it here (no Worker, no workerSrc).
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

export interface PdfRead {
  pages: PdfPage[];
  /** Letters and digits found in the text layer: none means a scan. */
  textChars: number;
}

/** The most pages we read: a road map has a few dozen; a 2,000-page file is something else. */
export const MAX_PDF_PAGES = 300;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

// pdf.js path commands (its DrawOPS, not exported from the package).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

/**
 * The straight horizontal and vertical strokes of a page, and filled rectangles thin enough to be
 * lines (Chromium draws borders so), in viewport coordinates.
 */
async function rulesOf(page: PdfPageProxy, OPS: PdfJs['OPS'], viewport: Matrix): Promise<PdfRule[]> {
  const list = await page.getOperatorList();
  const rules: PdfRule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const strokes = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < list.fnArray.length; i += 1) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as ArrayLike<number> | null;
      if (matrix?.length === 6) ctm = multiply(ctm, Array.from(matrix) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const op = args[0] as number;
      const data = (args[1] as Array<ArrayLike<number> | null>)[0];
      if (!data || (!strokes.has(op) && !fills.has(op))) continue;
      const toPage = multiply(viewport, ctm);
      pathRules(data, toPage, strokes.has(op), rules);
    }
  }
  return rules;
}

function pathRules(data: ArrayLike<number>, m: Matrix, stroke: boolean, out: PdfRule[]): void {
  const points: Array<[number, number]> = [];
  const flush = (closed: boolean): void => {
    if (points.length >= 2) {
      if (stroke) {
        const segments = closed ? [...points, ...points.slice(0, 1)] : points;
        for (let k = 1; k < segments.length; k += 1) {
          const [ax, ay] = segments[k - 1] ?? [0, 0];
          const [bx, by] = segments[k] ?? [0, 0];
          if (Math.abs(ax - bx) < 0.5 || Math.abs(ay - by) < 0.5)
            out.push({ x0: ax, y0: ay, x1: bx, y1: by });
        }
      } else if (points.length >= 4 && points.length <= 5) {
        // A thin filled rectangle is a line.
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const x0 = Math.min(...xs);
        const x1 = Math.max(...xs);
        const y0 = Math.min(...ys);
        const y1 = Math.max(...ys);
        if (y1 - y0 <= 1.5 && x1 - x0 > 3) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
        else if (x1 - x0 <= 1.5 && y1 - y0 > 3) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
      }
    }
    points.length = 0;
  };
  let i = 0;
  let curved = false;
  while (i < data.length) {
    const op = data[i];
    if (op === MOVE) {
      flush(false);
      curved = false;
      points.push(apply(m, data[i + 1] ?? 0, data[i + 2] ?? 0));
      i += 3;
    } else if (op === LINE) {
      points.push(apply(m, data[i + 1] ?? 0, data[i + 2] ?? 0));
      i += 3;
    } else if (op === CURVE) {
      curved = true;
      i += 7;
    } else if (op === QUADRATIC) {
      curved = true;
      i += 5;
    } else if (op === CLOSE) {
      if (curved) points.length = 0;
      flush(true);
      i += 1;
    } else break;
  }
  if (curved) points.length = 0;
  flush(false);
}

interface FontFlags {
  bold: boolean;
  italic: boolean;
}

function fontFlags(page: PdfPageProxy, fontName: string, cache: Map<string, FontFlags>): FontFlags {
  let flags = cache.get(fontName);
  if (!flags) {
    let name = '';
    try {
      const font = page.commonObjs.has(fontName)
        ? (page.commonObjs.get(fontName) as { name?: unknown })
        : null;
      name = typeof font?.name === 'string' ? font.name : '';
    } catch {
      // A font pdf.js could not load still has its text; it is read as regular.
    }
    flags = { bold: /bold|black|heavy|semibold|demi/i.test(name), italic: /italic|oblique/i.test(name) };
    cache.set(fontName, flags);
  }
  return flags;
}

async function readPage(
  page: PdfPageProxy,
  OPS: PdfJs['OPS'],
  number: number,
): Promise<{ page: PdfPage; chars: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent();
  // A page without text (a scan) needs no ruling lines, and drawing it would decode its picture.
  const hasText = content.items.some((item) => 'str' in item && item.str.trim() !== '');
  // The drawing operators also load the page's fonts, whose names say bold and italic.
  const rules = hasText ? await rulesOf(page, OPS, vt) : [];
  const fonts = new Map<string, FontFlags>();
  const texts: PdfText[] = [];
  let chars = 0;
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = multiply(vt, item.transform as Matrix);
    // Only text running left to right as the page is shown; vertical captions are not table text.
    if (Math.abs(m[1]) > Math.abs(m[0]) * 0.1 || m[0] <= 0) continue;
    const size = Math.hypot(m[2], m[3]) || Math.abs(m[0]);
    const baseline = m[5];
    const x0 = m[4];
    const own = item.transform as Matrix;
    const width = item.width * (m[0] / Math.hypot(own[0], own[1]) || 1);
    const flags = fontFlags(page, item.fontName, fonts);
    chars += item.str.replace(/[^\p{L}\p{N}]/gu, '').length;
    texts.push({
      text: item.str,
      x0,
      x1: x0 + Math.max(width, 0),
      top: baseline - size * 0.8,
      bottom: baseline + size * 0.2,
      size,
      ...flags,
    });
  }
  page.cleanup();
  return { page: { number, width: viewport.width, height: viewport.height, texts, rules }, chars };
}

/** The pages of a PDF with their text and ruling lines; throws when the bytes are not a readable PDF. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfRead> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const task = lib.getDocument({
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    let textChars = 0;
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= count; n += 1) {
      const { page, chars } = await readPage(await doc.getPage(n), lib.OPS, n);
      pages.push(page);
      textChars += chars;
    }
    return { pages, textChars };
  } finally {
    await task.destroy();
  }
}

/** A PDF's text layer as the document model, with the count that tells a scan from a document. */
export async function readPdf(
  bytes: Uint8Array,
): Promise<{ document: SourceDocument; textChars: number; pages: number }> {
  const { pages, textChars } = await readPdfPages(bytes);
  return { document: layoutPdf(pages), textChars, pages: pages.length };
}

/** Pages recognised by OCR go through the same layout as a text layer. */
export function readPdfFromPages(pages: readonly PdfPage[]): SourceDocument {
  return layoutPdf(pages);
}

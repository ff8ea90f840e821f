/**
 * What Tesseract recognised on a page image (its TSV output: one row per block, paragraph, line and
 * word with its box and confidence) as a page of positioned words, so a scan goes through the same
 * layout as a PDF's text layer. Pure: running Tesseract is the caller's business (Node only).
 */
import type { PdfPage, PdfText } from './pdf-layout.js';

const POINTS_PER_INCH = 72;

interface TsvRow {
  level: number;
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  text: string;
}

function parseRow(line: string): TsvRow | null {
  const cells = line.split('\t');
  if (cells.length < 12) return null;
  const [level, page, block, paragraph, lineNo, , left, top, width, height, conf] = cells.map(Number);
  if ([level, left, top, width, height, conf].some((n) => n === undefined || Number.isNaN(n))) return null;
  return {
    level: level ?? 0,
    key: `${page ?? 0}/${block ?? 0}/${paragraph ?? 0}/${lineNo ?? 0}`,
    left: left ?? 0,
    top: top ?? 0,
    width: width ?? 0,
    height: height ?? 0,
    conf: conf ?? -1,
    text: cells.slice(11).join('\t'),
  };
}

/**
 * The words of one page image rendered at `dpi`. Each word takes the box of its line, top to
 * bottom, so the words of a line stay one line whatever their letters (ascenders, descenders).
 */
export function pageFromTesseractTsv(
  tsv: string,
  number: number,
  dpi: number,
  size: { width: number; height: number },
): PdfPage {
  const scale = POINTS_PER_INCH / dpi;
  const lines = new Map<string, TsvRow>();
  const texts: PdfText[] = [];
  for (const raw of tsv.split(/\r?\n/).slice(1)) {
    const row = parseRow(raw);
    if (!row) continue;
    if (row.level === 4) {
      lines.set(row.key, row);
      continue;
    }
    if (row.level !== 5 || row.conf < 0 || row.text.trim() === '') continue;
    const line = lines.get(row.key) ?? row;
    const height = line.height * scale;
    texts.push({
      text: row.text.trim(),
      x0: row.left * scale,
      x1: (row.left + row.width) * scale,
      top: line.top * scale,
      bottom: (line.top + line.height) * scale,
      // A line's box runs from the tops of capitals to the tails of descenders: about one em.
      size: height * 0.9,
      bold: false,
      italic: false,
      confidence: row.conf,
    });
  }
  return { number, width: size.width, height: size.height, texts, rules: [] };
}

/**
 * A PDF page is only glyphs at positions and lines drawn between them; this rebuilds the paragraphs
 * and tables a reader sees, into the same document model as DOCX and HTML. Pure: the text pieces
 * come from pdf.js (pdf-reader.ts) or from OCR of a scan, so both go through the same layout.
 *
 *  - A table with borders is the grid of its ruling lines: columns and rows between them, merged
 *    cells where a line is missing.
 *  - A borderless table is found by its header (the same header words as in any other format):
 *    columns from the header's positions and the empty gutters of the rows under it, rows by
 *    vertical clustering (a number in the «№» column or a wider gap starts a row).
 *  - Lines of one cell are joined into its paragraphs: a line that did not reach the cell's right
 *    edge ended a paragraph; one that did was only wrapped.
 *  - A table that goes on to the next page is one table (a repeated header dropped); page numbers
 *    and running headers or footers repeated on every page are dropped.
 * Coordinates are in points, from the top left corner of the page as it is shown (rotation applied).
 */
import type { Block, Cell, ParagraphBlock, SourceDocument, TableBlock, TableRow } from './document.js';
import { MAX_COLUMNS } from './document.js';
import { headerRole, headerRoles, isColumnNumberRow } from './header.js';
import { contingentHeader, kpiHeader } from './kpi.js';
import { collapse, fold, isCodeLike } from './text.js';

export interface PdfText {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Set for a word recognised from a scan: the recogniser's confidence, 0–100. */
  confidence?: number;
}

/** A straight ruling line (a table border), horizontal or vertical. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}

/** A row of a PDF table also knows its page, for warnings. */
export type PdfTableRow = TableRow & { page: number };

interface Line {
  texts: PdfText[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  size: number;
}

interface Grid {
  xs: number[];
  ys: number[];
  /** Region id (union-find root) per grid cell, row-major. */
  region: number[];
}

interface PageTable {
  top: number;
  bottom: number;
  /** Column boundaries, left to right (columns + 1 values). */
  xs: number[];
  rows: PdfTableRow[];
  /** The table reaches the last line of text of its page. */
  endsPage: boolean;
  /** Header roles when the table was found by its header (borderless). */
  borderless: boolean;
}

interface PageItem {
  y: number;
  block: Block;
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

// ---------------------------------------------------------------------------------------------------
// Lines

function lineOf(texts: PdfText[]): Line {
  texts.sort((a, b) => a.x0 - b.x0);
  return {
    texts,
    top: Math.min(...texts.map((t) => t.top)),
    bottom: Math.max(...texts.map((t) => t.bottom)),
    x0: Math.min(...texts.map((t) => t.x0)),
    x1: Math.max(...texts.map((t) => t.x1)),
    size: median(texts.map((t) => t.size)),
  };
}

/** Texts whose vertical middles fall within one another's height form a line. */
export function groupLines(texts: readonly PdfText[]): Line[] {
  const sorted = texts
    .filter((t) => t.text.trim() !== '')
    .sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const groups: PdfText[][] = [];
  let current: PdfText[] = [];
  let top = 0;
  let bottom = 0;
  for (const text of sorted) {
    const middle = (text.top + text.bottom) / 2;
    if (current.length > 0 && middle >= top - 0.5 && middle <= bottom + 0.5) {
      current.push(text);
      // The line's band is its first text's: a taller piece must not swallow the next line.
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [text];
    const inset = (text.bottom - text.top) * 0.2;
    top = text.top + inset;
    bottom = text.bottom - inset;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(lineOf);
}

/** Pieces of a line close enough to be one run of words (a gap wider than a space separates cells). */
function chunks(line: Line): PdfText[] {
  const out: PdfText[] = [];
  for (const text of line.texts) {
    const last = out[out.length - 1];
    if (last && text.x0 - last.x1 <= Math.max(last.size, text.size) * 0.6) {
      out[out.length - 1] = {
        ...last,
        text: joinWords(last.text, text.text, text.x0 - last.x1 > last.size * 0.1),
        x1: Math.max(last.x1, text.x1),
        top: Math.min(last.top, text.top),
        bottom: Math.max(last.bottom, text.bottom),
      };
    } else out.push({ ...text });
  }
  return out;
}

function joinWords(a: string, b: string, gap: boolean): string {
  if (/\s$/.test(a) || /^\s/.test(b)) return a + b;
  return gap ? `${a} ${b}` : a + b;
}

function lineText(texts: readonly PdfText[]): string {
  let text = '';
  let last: PdfText | undefined;
  for (const t of [...texts].sort((a, b) => a.x0 - b.x0)) {
    text = last ? joinWords(text, t.text, t.x0 - last.x1 > last.size * 0.1) : t.text;
    last = t;
  }
  return collapse(text);
}

const LIST_MARKER = /^(?:\d{1,2}[.)]|[-–—•·▪*])\s/;

/**
 * Lines of one cell or paragraph to its text: a line that stopped short of the right edge ended a
 * paragraph (a new line in the cell), one that reached it was wrapped and goes on with a space.
 */
/** The line before `line` was full: the first word of `line` would not have fitted after it. */
function isWrapped(previous: Line, line: Line, right: number): boolean {
  const firstWord = lineText(line.texts).split(' ')[0] ?? '';
  const first = line.texts[0];
  const charWidth =
    first && first.text.length > 0 ? (first.x1 - first.x0) / first.text.length : line.size / 2;
  return previous.x1 + (firstWord.length + 1) * charWidth >= right - line.size * 0.5;
}

function joinLines(lines: readonly Line[], right: number): string {
  let text = '';
  let previous: Line | undefined;
  for (const line of lines) {
    const value = lineText(line.texts);
    if (!value) continue;
    if (!previous) {
      text = value;
      previous = line;
      continue;
    }
    const wrapped = isWrapped(previous, line, right);
    const gap = line.top - previous.bottom;
    // Punctuation never starts a line of its own: it was pushed over from the line above.
    if (/^[,.;:!?)»]/.test(value)) text += value;
    else if (!wrapped || gap > line.size * 1.2) text += `\n${value}`;
    else if (/[\p{L}\p{N}][-/]$/u.test(text)) text += value;
    else text += ` ${value}`;
    previous = line;
  }
  return text;
}

function italicRuns(texts: readonly PdfText[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const t of texts) {
    if (t.italic) run = run ? `${run} ${t.text.trim()}` : t.text.trim();
    else if (run) {
      runs.push(collapse(run));
      run = '';
    }
  }
  if (run) runs.push(collapse(run));
  return runs.filter(Boolean);
}

/**
 * A cell's text. `left` and `right` are its borders, where text stops short by the cell's padding
 * (the same on both sides: the right mirrors the left); for a borderless column `left` is null and
 * `right` is already the furthest its text goes.
 */
function cellFrom(texts: readonly PdfText[], left: number | null, right: number): Cell {
  if (texts.length === 0) return { text: '', italic: [] };
  const lines = groupLines(texts);
  const padding = left === null ? 0 : Math.min(Math.max(Math.min(...lines.map((l) => l.x0)) - left, 0), 12);
  return {
    text: joinLines(lines, right - padding),
    italic: italicRuns(lines.flatMap((l) => l.texts)),
  };
}

/** The lowest confidence of the recognised words of a row; nothing for a row of a text layer. */
function confidenceOf(texts: readonly PdfText[]): { confidence?: number } {
  let lowest: number | undefined;
  for (const t of texts) if (t.confidence !== undefined) lowest = Math.min(lowest ?? 100, t.confidence);
  return lowest === undefined ? {} : { confidence: lowest };
}

// ---------------------------------------------------------------------------------------------------
// Tables with borders

const near = (a: number, b: number, tolerance = 2): boolean => Math.abs(a - b) <= tolerance;

function clusterValues(values: readonly number[], tolerance = 2): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - (last[last.length - 1] ?? v) <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((group) => group.reduce((s, v) => s + v, 0) / group.length);
}

interface SplitRules {
  horizontal: PdfRule[];
  vertical: PdfRule[];
}

function splitRules(rules: readonly PdfRule[]): SplitRules {
  const horizontal: PdfRule[] = [];
  const vertical: PdfRule[] = [];
  for (const r of rules) {
    const x0 = Math.min(r.x0, r.x1);
    const x1 = Math.max(r.x0, r.x1);
    const y0 = Math.min(r.y0, r.y1);
    const y1 = Math.max(r.y0, r.y1);
    if (y1 - y0 <= 1.5 && x1 - x0 >= 3) horizontal.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (x1 - x0 <= 1.5 && y1 - y0 >= 3) vertical.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
  }
  return { horizontal, vertical };
}

/** Groups of ruling lines that touch each other: one group per bordered table. */
function ruleGroups({ horizontal, vertical }: SplitRules): SplitRules[] {
  const all = [...horizontal.map((r) => ({ r, h: true })), ...vertical.map((r) => ({ r, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[i] = root;
    return root;
  };
  const touch = (a: PdfRule, b: PdfRule): boolean =>
    a.x0 - 2 <= b.x1 && b.x0 - 2 <= a.x1 && a.y0 - 2 <= b.y1 && b.y0 - 2 <= a.y1;
  // Sorted by top, a rule can only touch rules that start above its bottom.
  const order = all.map((_, i) => i).sort((a, b) => (all[a]?.r.y0 ?? 0) - (all[b]?.r.y0 ?? 0));
  for (let i = 0; i < order.length; i += 1) {
    const a = all[order[i] ?? 0];
    if (!a) continue;
    for (let j = i + 1; j < order.length; j += 1) {
      const b = all[order[j] ?? 0];
      if (!b) continue;
      if (b.r.y0 - 2 > a.r.y1) break;
      if (touch(a.r, b.r)) parent[find(order[i] ?? 0)] = find(order[j] ?? 0);
    }
  }
  const groups = new Map<number, SplitRules>();
  all.forEach((item, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { horizontal: [], vertical: [] }));
    (item.h ? group.horizontal : group.vertical).push(item.r);
  });
  return [...groups.values()];
}

function gridOf(rules: SplitRules): Grid | null {
  const xs = clusterValues(rules.vertical.map((r) => r.x0));
  const ys = clusterValues(rules.horizontal.map((r) => r.y0));
  // A row broken by the page may be left open (Chromium draws no line where it cuts a cell): the
  // column lines still say how far the table goes.
  const top = Math.min(...rules.vertical.map((r) => r.y0));
  const bottom = Math.max(...rules.vertical.map((r) => r.y1));
  if (ys.length > 0 && bottom > (ys[ys.length - 1] ?? 0) + 3) ys.push(bottom);
  if (ys.length > 0 && top < (ys[0] ?? 0) - 3) ys.unshift(top);
  if (xs.length < 3 || ys.length < 2 || xs.length - 1 > MAX_COLUMNS) return null;
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  const region = Array.from({ length: rows * columns }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (region[root] !== root) root = region[root] ?? root;
    region[i] = root;
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    // The top-left cell of a merged region stays its root.
    if (ra !== rb) region[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const verticalAt = (x: number, y: number): boolean =>
    rules.vertical.some((r) => near(r.x0, x) && r.y0 - 1 <= y && r.y1 + 1 >= y);
  const horizontalAt = (y: number, x: number): boolean =>
    rules.horizontal.some((r) => near(r.y0, y) && r.x0 - 1 <= x && r.x1 + 1 >= x);
  const columnMiddle = (c: number): number => ((xs[c] ?? 0) + (xs[c + 1] ?? 0)) / 2;
  const rowMiddle = (r: number): number => ((ys[r] ?? 0) + (ys[r + 1] ?? 0)) / 2;
  // A missing line merges two cells only inside a drawn box: the line above or below runs over
  // both (a merged cell), not where the table has no cell at all (a row shorter than the others).
  for (let r = 0; r < rows; r += 1) {
    for (let c = 1; c < columns; c += 1) {
      const boxed =
        horizontalAt(ys[r] ?? 0, columnMiddle(c)) || horizontalAt(ys[r + 1] ?? 0, columnMiddle(c));
      if (!verticalAt(xs[c] ?? 0, rowMiddle(r)) && boxed) union(r * columns + c - 1, r * columns + c);
    }
  }
  for (let r = 1; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const boxed = verticalAt(xs[c] ?? 0, rowMiddle(r)) || verticalAt(xs[c + 1] ?? 0, rowMiddle(r));
      if (!horizontalAt(ys[r] ?? 0, columnMiddle(c)) && boxed) union((r - 1) * columns + c, r * columns + c);
    }
  }
  for (let i = 0; i < region.length; i += 1) find(i);
  return { xs, ys, region };
}

function indexIn(bounds: readonly number[], value: number): number {
  for (let i = 0; i < bounds.length - 1; i += 1) if (value < (bounds[i + 1] ?? 0)) return i;
  return bounds.length - 2;
}

function gridTable(grid: Grid, texts: readonly PdfText[], page: number): PageTable {
  const { xs, ys, region } = grid;
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  const byRegion = new Map<number, PdfText[]>();
  const rowTexts: PdfText[][] = Array.from({ length: rows }, () => []);
  for (const t of texts) {
    const r = indexIn(ys, (t.top + t.bottom) / 2);
    const c = indexIn(xs, (t.x0 + t.x1) / 2);
    const id = region[r * columns + c] ?? 0;
    let list = byRegion.get(id);
    if (!list) byRegion.set(id, (list = []));
    list.push(t);
    rowTexts[r]?.push(t);
  }
  const regionCell = new Map<number, Cell>();
  const cellOfRegion = (id: number): Cell => {
    let cell = regionCell.get(id);
    if (!cell) {
      let right = 0;
      const rootColumn = id % columns;
      for (let c = rootColumn; c < columns; c += 1) {
        if (region[Math.floor(id / columns) * columns + c] === id) right = xs[c + 1] ?? right;
      }
      regionCell.set(id, (cell = cellFrom(byRegion.get(id) ?? [], xs[rootColumn] ?? 0, right)));
    }
    return cell;
  };
  const tableRows: PdfTableRow[] = [];
  for (let r = 0; r < rows; r += 1) {
    const cells: Cell[] = [];
    for (let c = 0; c < columns; c += 1) {
      const id = region[r * columns + c] ?? 0;
      const rootRow = Math.floor(id / columns);
      const rootColumn = id % columns;
      if (rootRow === r && rootColumn === c) cells.push(cellOfRegion(id));
      else if (rootColumn === c) cells.push({ ...cellOfRegion(id), spanned: 'row' });
      else cells.push({ text: '', italic: [], spanned: 'col' });
    }
    // A band between two lines with no text at all (a double border) is no row.
    if (cells.every((cell) => cell.text === '')) continue;
    tableRows.push({ cells, source: 0, afterBreak: false, page, ...confidenceOf(rowTexts[r] ?? []) });
  }
  return {
    top: ys[0] ?? 0,
    bottom: ys[ys.length - 1] ?? 0,
    xs,
    rows: tableRows,
    endsPage: false,
    borderless: false,
  };
}

// ---------------------------------------------------------------------------------------------------
// Tables without borders

interface HeaderBand {
  start: number;
  end: number;
  columns: Array<{ x0: number; x1: number }>;
}

/**
 * How many cells of a line read as a header of a table the import knows (the plan, KPIs, contingent,
 * working group); 0 when it is no such header.
 */
function headerScore(cells: readonly Cell[]): number {
  const roles = headerRoles(cells);
  if (roles) return roles.filter(Boolean).length;
  const row: TableRow = { cells: [...cells], source: 1, afterBreak: false };
  const kpi = kpiHeader([row]);
  if (kpi) return kpi.years.size + 1;
  const contingent = contingentHeader([row]);
  if (contingent) return contingent.columns.length + 1;
  return /ф\.?\s?и\.?\s?о.*должност/.test(cells.map((cell) => fold(cell.text)).join(' ')) ? 2 : 0;
}

function headerAt(lines: readonly Line[], start: number): HeaderBand | null {
  let best: { band: HeaderBand; recognised: number } | null = null;
  for (let end = start; end < Math.min(lines.length, start + 4); end += 1) {
    const line = lines[end];
    const prev = lines[end - 1];
    if (!line) break;
    if (end > start && prev && line.top - prev.bottom > line.size * 1.2) break;
    const pieces = lines.slice(start, end + 1).flatMap((l) => chunks(l));
    const columns: Array<{ x0: number; x1: number; texts: PdfText[] }> = [];
    for (const piece of [...pieces].sort((a, b) => a.x0 - b.x0)) {
      const column = columns.find((c) => piece.x0 < c.x1 - 1 && piece.x1 > c.x0 + 1);
      if (column) {
        column.x0 = Math.min(column.x0, piece.x0);
        column.x1 = Math.max(column.x1, piece.x1);
        column.texts.push(piece);
      } else columns.push({ x0: piece.x0, x1: piece.x1, texts: [piece] });
    }
    if (columns.length < 2) continue;
    columns.sort((a, b) => a.x0 - b.x0);
    const cells = columns.map((c) => ({
      text: collapse(
        c.texts
          .sort((a, b) => a.top - b.top || a.x0 - b.x0)
          .map((t) => t.text)
          .join(' '),
      ),
      italic: [],
    }));
    const recognised = headerScore(cells);
    if (recognised === 0) continue;
    if (!best || recognised > best.recognised) {
      best = { band: { start, end, columns: columns.map(({ x0, x1 }) => ({ x0, x1 })) }, recognised };
    }
  }
  if (!best) return null;
  // Header cells wrap too («Ответственный / исполнитель»): close lines under the header whose words
  // all sit under header cells, with nothing like a row number first, belong to it.
  const band = best.band;
  for (let next = band.end + 1; next < lines.length; next += 1) {
    const line = lines[next];
    const prev = lines[next - 1];
    if (!line || !prev || line.top - prev.bottom > line.size * 0.8) break;
    const pieces = chunks(line);
    const firstColumn = band.columns[0];
    const under = pieces.every((piece) =>
      band.columns.some((c) => piece.x0 < c.x1 + 2 && piece.x1 > c.x0 - 2),
    );
    const numbered = pieces.some(
      (piece) => firstColumn && piece.x0 < firstColumn.x1 + 2 && isCodeLike(piece.text),
    );
    const numberRow = /^\s*1\s+2\s+3(?:\s+\d+)*\s*$/.test(lineText(line.texts));
    if (!under || numbered || numberRow) break;
    band.end = next;
    for (const piece of pieces) {
      const column = band.columns.find((c) => piece.x0 < c.x1 + 2 && piece.x1 > c.x0 - 2);
      if (column) {
        column.x0 = Math.min(column.x0, piece.x0);
        column.x1 = Math.max(column.x1, piece.x1);
      }
    }
  }
  return band;
}

/** Column boundaries: in each space between two header cells, the widest gutter no row's text crosses. */
function gutterBounds(header: HeaderBand, body: readonly Line[]): number[] {
  const centres = header.columns.map((c) => (c.x0 + c.x1) / 2);
  const left = Math.min(header.columns[0]?.x0 ?? 0, ...body.map((l) => l.x0)) - 1;
  const right = Math.max(header.columns[header.columns.length - 1]?.x1 ?? 0, ...body.map((l) => l.x1)) + 1;
  const spans: Array<[number, number]> = [];
  for (const line of body) {
    for (const piece of chunks(line)) {
      const crossed = centres.filter((c) => piece.x0 < c && piece.x1 > c).length;
      if (crossed < 2) spans.push([piece.x0, piece.x1]);
    }
  }
  const bounds = [left];
  for (let i = 0; i + 1 < header.columns.length; i += 1) {
    const from = centres[i] ?? 0;
    const to = centres[i + 1] ?? 0;
    const blocked = spans
      .filter(([a, b]) => b > from && a < to)
      .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
      .sort((a, b) => a[0] - b[0]);
    let best: [number, number] | null = null;
    let cursor = from;
    for (const [a, b] of [...blocked, [to, to] as [number, number]]) {
      if (a > cursor && (!best || a - cursor > best[1] - best[0])) best = [cursor, a];
      cursor = Math.max(cursor, b);
    }
    const fallback = ((header.columns[i]?.x1 ?? from) + (header.columns[i + 1]?.x0 ?? to)) / 2;
    bounds.push(best ? (best[0] + best[1]) / 2 : fallback);
  }
  bounds.push(right);
  return bounds;
}

/** A line fits the columns when none of its runs of words crosses a boundary (a banner crosses all). */
function fitsColumns(line: Line, xs: readonly number[]): boolean {
  const inner = xs.slice(1, -1);
  return chunks(line).every((piece) => {
    const crossed = inner.filter((x) => piece.x0 < x - 2 && piece.x1 > x + 2).length;
    return crossed === 0 || crossed >= inner.length - 1;
  });
}

function isBannerLine(line: Line, xs: readonly number[]): boolean {
  const inner = xs.slice(1, -1);
  const pieces = chunks(line);
  return (
    pieces.length === 1 &&
    inner.filter((x) => (pieces[0]?.x0 ?? 0) < x - 2 && (pieces[0]?.x1 ?? 0) > x + 2).length >= 2
  );
}

/** Body lines of a borderless table into rows of cells. */
function borderlessRows(
  body: readonly Line[],
  xs: readonly number[],
  numbered: boolean,
  page: number,
): PdfTableRow[] {
  const columns = xs.length - 1;
  const gaps = body.slice(1).map((line, i) => line.top - (body[i]?.bottom ?? line.top));
  const lineGap = Math.min(median(gaps.filter((g) => g >= 0)), median(body.map((l) => l.size)) * 0.6);
  const groups: Line[][] = [];
  let current: Line[] = [];
  let currentBanner = false;
  // Without borders a column's right edge is as far as its text ever goes.
  const reach = Array.from({ length: columns }, (_, c) => xs[c + 1] ?? 0);
  const seen = Array.from({ length: columns }, () => false);
  for (const line of body) {
    if (isBannerLine(line, xs)) continue;
    for (const t of line.texts) {
      const c = indexIn(xs, (t.x0 + t.x1) / 2);
      reach[c] = seen[c] ? Math.max(reach[c] ?? 0, t.x1) : t.x1;
      seen[c] = true;
    }
  }
  const inColumns = body.map((line) => {
    const byColumn: PdfText[][] = Array.from({ length: columns }, () => []);
    for (const t of line.texts) byColumn[indexIn(xs, (t.x0 + t.x1) / 2)]?.push(t);
    return byColumn.map((texts) => (texts.length > 0 ? lineOf(texts) : null));
  });
  /**
   * Rows set close together (no padding, no borders) still start all their cells on one line: every
   * column with text there begins a paragraph (the column had nothing on the line above, or its
   * line above ended short of the column's edge).
   */
  const allCellsStart = (i: number): boolean => {
    const here = inColumns[i] ?? [];
    const above = inColumns[i - 1] ?? [];
    const cells = here.flatMap((cellLine, c) =>
      cellLine ? [{ cellLine, prev: above[c], right: reach[c] }] : [],
    );
    const afterBlank = cells.filter((cell) => !cell.prev).length;
    // A full line above may still have ended its paragraph: a capital says a new one starts.
    const unsure = cells.some(
      ({ cellLine, prev, right }) =>
        prev &&
        isWrapped(prev, cellLine, right ?? cellLine.x1) &&
        !/^[A-ZА-ЯЁ0-9«"]/.test(lineText(cellLine.texts)),
    );
    const filled = cells.length;
    return !unsure && filled >= 2 && afterBlank >= 1 && above.some(Boolean);
  };
  body.forEach((line, i) => {
    const banner = isBannerLine(line, xs);
    const gap = i > 0 ? line.top - (body[i - 1]?.bottom ?? line.top) : 0;
    const firstColumn = line.texts.filter((t) => (t.x0 + t.x1) / 2 < (xs[1] ?? 0));
    const startsNumber = numbered && firstColumn.length > 0 && isCodeLike(lineText(firstColumn));
    const fresh =
      current.length === 0 ||
      banner ||
      currentBanner ||
      gap > lineGap + line.size * 0.45 ||
      allCellsStart(i) ||
      (startsNumber && current.some((l) => l.texts.some((t) => (t.x0 + t.x1) / 2 < (xs[1] ?? 0))));
    if (fresh && current.length > 0) groups.push(current);
    if (fresh) current = [];
    current.push(line);
    currentBanner = banner;
  });
  if (current.length > 0) groups.push(current);
  return groups.map((lines) => {
    const texts = lines.flatMap((l) => l.texts);
    if (lines.length === 1 && lines[0] && isBannerLine(lines[0], xs)) {
      const cells: Cell[] = [cellFrom(texts, xs[0] ?? 0, xs[columns] ?? 0)];
      for (let c = 1; c < columns; c += 1) cells.push({ text: '', italic: [], spanned: 'col' });
      return { cells, source: 0, afterBreak: false, page, ...confidenceOf(texts) };
    }
    const byColumn: PdfText[][] = Array.from({ length: columns }, () => []);
    for (const t of texts) byColumn[indexIn(xs, (t.x0 + t.x1) / 2)]?.push(t);
    const cells = byColumn.map((list, c) => cellFrom(list, null, reach[c] ?? 0));
    return { cells, source: 0, afterBreak: false, page, ...confidenceOf(texts) };
  });
}

// ---------------------------------------------------------------------------------------------------
// Pages

const PAGE_NUMBER = /^(?:(?:стр(?:аница)?|с)\.?\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:из|\/)\s*\d{1,4})?$/i;

/** Page numbers in the margins, and lines repeated at the same place on most pages. */
function runningLines(pages: ReadonlyArray<{ page: PdfPage; lines: Line[] }>): Set<Line> {
  const dropped = new Set<Line>();
  const seen = new Map<string, Line[]>();
  for (const { page, lines } of pages) {
    for (const line of lines) {
      const margin = line.bottom < page.height * 0.12 || line.top > page.height * 0.88;
      if (!margin) continue;
      const text = lineText(line.texts);
      if (PAGE_NUMBER.test(text)) {
        dropped.add(line);
        continue;
      }
      if (chunks(line).length !== 1) continue;
      const key = `${Math.round(line.top / 6)}|${fold(text).replace(/\d+/g, '#')}`;
      let list = seen.get(key);
      if (!list) seen.set(key, (list = []));
      list.push(line);
    }
  }
  if (pages.length >= 2) {
    for (const list of seen.values()) {
      if (list.length >= Math.max(2, Math.ceil(pages.length / 2))) for (const line of list) dropped.add(line);
    }
  }
  return dropped;
}

function paragraphsOf(lines: readonly Line[], right: number): Array<{ y: number; block: ParagraphBlock }> {
  const out: Array<{ y: number; block: ParagraphBlock }> = [];
  let group: Line[] = [];
  const flush = (): void => {
    const first = group[0];
    if (!first) return;
    const texts = group.flatMap((l) => l.texts);
    const letters = texts.reduce((n, t) => n + t.text.length, 0);
    const bold = texts.filter((t) => t.bold).reduce((n, t) => n + t.text.length, 0);
    const text = joinLines(group, right);
    // Each line that did not wrap is a paragraph of its own, as it was in the document.
    for (const part of text.split('\n')) {
      if (part.trim())
        out.push({ y: first.top, block: { kind: 'paragraph', text: part, bold: bold > letters / 2 } });
    }
    group = [];
  };
  for (const line of lines) {
    const last = group[group.length - 1];
    const lineBold = line.texts.filter((t) => t.bold).length > line.texts.length / 2;
    const lastBold = last ? last.texts.filter((t) => t.bold).length > last.texts.length / 2 : lineBold;
    if (last && (line.top - last.bottom > line.size * 1.2 || lineBold !== lastBold)) flush();
    group.push(line);
  }
  flush();
  return out;
}

function layoutPage(page: PdfPage, live: readonly Line[]): { items: PageItem[]; tables: PageTable[] } {
  const tables: PageTable[] = [];
  const inTable = new Set<PdfText>();
  for (const rules of ruleGroups(splitRules(page.rules))) {
    const grid = gridOf(rules);
    if (!grid) continue;
    const top = grid.ys[0] ?? 0;
    const bottom = grid.ys[grid.ys.length - 1] ?? 0;
    const left = grid.xs[0] ?? 0;
    const right = grid.xs[grid.xs.length - 1] ?? 0;
    const texts = page.texts.filter((t) => {
      const x = (t.x0 + t.x1) / 2;
      const y = (t.top + t.bottom) / 2;
      return x > left && x < right && y > top && y < bottom && t.text.trim() !== '';
    });
    if (texts.length === 0) continue;
    for (const t of texts) inTable.add(t);
    tables.push(gridTable(grid, texts, page.number));
  }
  let rest = live.filter((line) => !line.texts.some((t) => inTable.has(t)));
  // Borderless tables among the lines left.
  for (let i = 0; i < rest.length; i += 1) {
    const header = headerAt(rest, i);
    if (!header) continue;
    const table = borderlessTable(rest, header, page);
    tables.push(table.table);
    for (const line of table.lines) for (const t of line.texts) inTable.add(t);
    rest = rest.filter((line) => !table.lines.includes(line));
    i -= 1;
  }
  for (const table of tables) {
    table.endsPage =
      !rest.some((l) => l.top > table.bottom) && !tables.some((other) => other.top > table.bottom);
  }
  const right = Math.max(...rest.map((l) => l.x1), 0);
  const items: PageItem[] = [
    ...paragraphsOf(rest, right),
    ...tables.map((table) => ({ y: table.top, block: tableBlock(table) })),
  ];
  items.sort((a, b) => a.y - b.y);
  return { items, tables };
}

const tableBlocks = new WeakMap<PageTable, TableBlock>();

function tableBlock(table: PageTable): TableBlock {
  let block = tableBlocks.get(table);
  if (!block) tableBlocks.set(table, (block = { kind: 'table', rows: table.rows }));
  return block;
}

function borderlessTable(
  lines: readonly Line[],
  header: HeaderBand,
  page: PdfPage,
  continued?: number[],
): { table: PageTable; lines: Line[] } {
  const headerLines = continued ? [] : lines.slice(header.start, header.end + 1);
  const body: Line[] = [];
  const from = continued ? header.start : header.end + 1;
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i];
    const prev = body[body.length - 1] ?? headerLines[headerLines.length - 1];
    if (!line) break;
    if (prev && line.top - prev.bottom > Math.max(line.size * 3, 24)) break;
    body.push(line);
  }
  const xs = continued ?? gutterBounds(header, body);
  // The table ends at the first line that does not fit its columns.
  const fitting: Line[] = [];
  for (const line of body) {
    if (!fitsColumns(line, xs)) break;
    fitting.push(line);
  }
  // A heading across the columns opens a section only with rows under it: one that ends the table
  // while the page goes on is the heading of what follows («Планируемые результаты …»).
  while (fitting.length > 0) {
    const last = fitting[fitting.length - 1];
    if (!last || !isBannerLine(last, xs) || lines.indexOf(last) === lines.length - 1) break;
    fitting.pop();
  }
  const headerTexts = headerLines.flatMap((l) => l.texts);
  const columns = xs.length - 1;
  const headerRow: PdfTableRow[] = [];
  if (headerTexts.length > 0) {
    const byColumn: PdfText[][] = Array.from({ length: columns }, () => []);
    for (const t of headerTexts) byColumn[indexIn(xs, (t.x0 + t.x1) / 2)]?.push(t);
    headerRow.push({
      cells: byColumn.map((list, c) => cellFrom(list, xs[c] ?? 0, xs[c + 1] ?? 0)),
      source: 0,
      afterBreak: false,
      page: page.number,
    });
  }
  const numbered = headerRole(headerRow[0]?.cells[0]?.text ?? '') === 'number' || continued !== undefined;
  const rows = [...headerRow, ...borderlessRows(fitting, xs, numbered, page.number)];
  const all = [...headerLines, ...fitting];
  return {
    table: {
      top: all[0]?.top ?? 0,
      bottom: all[all.length - 1]?.bottom ?? 0,
      xs,
      rows,
      endsPage: false,
      borderless: true,
    },
    lines: all,
  };
}

// ---------------------------------------------------------------------------------------------------
// Document

const rowKey = (row: TableRow): string => row.cells.map((cell) => fold(cell.text)).join('|');

interface OpenTable {
  table: PageTable;
  block: TableBlock;
  /** The header row's text, to drop it where it is repeated on the next page. */
  header: string | null;
}

/** Rows at the top of a continued table that only repeat its header or the «1 2 3 4 5» row. */
function withoutRepeatedHeader(rows: readonly PdfTableRow[], header: string | null): PdfTableRow[] {
  let start = 0;
  while (start < rows.length && start < 3) {
    const row = rows[start];
    if (!row) break;
    const repeated = header !== null && (rowKey(row) === header || headerRoles(row.cells) !== null);
    if (!repeated && !isColumnNumberRow(row.cells)) break;
    start += 1;
  }
  return rows.slice(start);
}

/** A borderless table left open at the end of a page goes on where the next page's text fits its columns. */
function continueBorderless(
  open: OpenTable,
  page: PdfPage,
  lines: readonly Line[],
  laid: { items: PageItem[]; tables: PageTable[] },
): { items: PageItem[]; tables: PageTable[] } {
  const firstTable = laid.tables[0];
  const before = lines.filter((l) => !firstTable || l.bottom < firstTable.top);
  const [first] = before;
  if (!first || !fitsColumns(first, open.table.xs)) return laid;
  const cont = borderlessTable(before, { start: 0, end: -1, columns: [] }, page, open.table.xs);
  cont.table.endsPage = !firstTable && cont.lines.length === before.length;
  const taken = new Set(cont.lines.map((l) => l.top));
  const items = laid.items.filter((item) => item.block.kind === 'table' || !taken.has(item.y));
  return {
    items: [{ y: cont.table.top, block: tableBlock(cont.table) }, ...items],
    tables: [cont.table, ...laid.tables],
  };
}

/**
 * The first row of a page is the rest of the row the previous page ended with (a row broken by the
 * page) when its «№» cell is empty while the row above and most rows of the table have a number.
 */
function isRowRemainder(first: TableRow, last: TableRow, rows: readonly TableRow[]): boolean {
  if (first.cells.some((cell) => cell.spanned === 'col') || last.cells.some((cell) => cell.spanned === 'col'))
    return false;
  const number = (row: TableRow): string => (row.cells[0]?.spanned ? '' : (row.cells[0]?.text ?? '').trim());
  if (number(first) !== '') return false;
  const body = rows.filter((row) => !row.cells.some((cell) => cell.spanned === 'col'));
  if (isCodeLike(number(last)) && body.filter((row) => isCodeLike(number(row))).length >= body.length * 0.6)
    return true;
  // Without numbers to go by: every cell goes on with a cell the row above had, one mid-sentence.
  const own = first.cells.filter((cell) => !cell.spanned && cell.text.trim() !== '');
  return (
    own.length > 0 &&
    first.cells.every(
      (cell, c) => cell.spanned || !cell.text.trim() || (last.cells[c]?.text.trim() ?? '') !== '',
    ) &&
    own.some((cell) => /^[a-zа-яё,;:)]/.test(cell.text.trim()))
  );
}

function joinCells(a: Cell, b: Cell | undefined): Cell {
  if (!b || b.spanned || !b.text) return a;
  if (!a.text) return { ...a, text: b.text, italic: [...a.italic, ...b.italic] };
  const text = LIST_MARKER.test(b.text)
    ? `${a.text}\n${b.text}`
    : /[A-Za-zА-Яа-яЁё]-$/.test(a.text)
      ? a.text + b.text
      : `${a.text} ${b.text}`;
  return { ...a, text, italic: [...a.italic, ...b.italic] };
}

/**
 * The same table's columns: as many (give or take a column some rows lack), in the same proportions
 * (a landscape page widens them all).
 */
function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  if (Math.abs(a.length - b.length) > 1 || a.length < 2 || b.length < 2) return false;
  const n = Math.min(a.length, b.length);
  const relative = (xs: readonly number[]): number[] => {
    const left = xs[0] ?? 0;
    const width = (xs[n - 1] ?? 0) - left || 1;
    return xs.slice(0, n).map((x) => (x - left) / width);
  };
  const ra = relative(a);
  const rb = relative(b);
  if (a.length === b.length) return true;
  return ra.every((x, i) => Math.abs(x - (rb[i] ?? 0)) < 0.03);
}

/** Paragraphs and tables of every page, a table continued on the next page joined to its start. */
export function layoutPdf(pages: readonly PdfPage[]): SourceDocument {
  const withLines = pages.map((page) => ({ page, lines: groupLines(page.texts) }));
  const dropped = runningLines(withLines);
  const blocks: Block[] = [];
  let open: OpenTable | null = null as OpenTable | null;
  for (const { page, lines } of withLines) {
    const live = lines.filter((line) => !dropped.has(line));
    let laid = layoutPage(page, live);
    if (open?.table.borderless && open.table.endsPage) laid = continueBorderless(open, page, live, laid);
    laid.items.forEach((item, index) => {
      const table = laid.tables.find((t) => tableBlock(t) === item.block);
      if (!table) {
        blocks.push(item.block);
        open = null;
        return;
      }
      if (index === 0 && open?.table.endsPage && sameColumns(open.table.xs, table.xs)) {
        const [first, ...others] = withoutRepeatedHeader(table.rows, open.header);
        const last = open.block.rows[open.block.rows.length - 1];
        if (first && last && isRowRemainder(first, last, open.block.rows)) {
          last.cells = last.cells.map((cell, c) => joinCells(cell, first.cells[c]));
          open.block.rows.push(...others);
        } else if (first) open.block.rows.push({ ...first, afterBreak: true }, ...others);
        open.table = table;
        return;
      }
      const block = tableBlock(table);
      blocks.push(block);
      const header = table.rows.slice(0, 8).find((row) => headerRoles(row.cells));
      open = { table, block, header: header ? rowKey(header) : null };
    });
  }
  for (const block of blocks) {
    if (block.kind === 'table') block.rows.forEach((row, i) => (row.source = i + 1));
  }
  return { blocks };
}

/**
 * Plain-text exports of DOCX/PDF road maps: a table row is a line with tab-separated cells, a blank
 * line inside a table is a page break, other lines are paragraphs («**» marks bold). A row merged
 * across the table (a section heading) has no tab either: it is told from a paragraph by the row of
 * the table right under it. Some exporters write one cell per line instead (a tab, then the cell,
 * continued on following lines without a tab, 004); that layout is recognised and regrouped into
 * rows by the header's width.
 */
import type { Block, Cell, SourceDocument, TableRow } from './document.js';
import { headerRole, headerRoles } from './header.js';
import { readFlatText } from './flat-reader.js';
import { cellFromText } from './html-reader.js';
import { contingentHeader, kpiHeader } from './kpi.js';

// A line holding only a tab is an empty cell, not a blank line.
const isBlank = (line: string): boolean => !line.includes('\t') && line.trim().length === 0;
const hasTab = (line: string): boolean => line.includes('\t');
const isStreamLine = (line: string): boolean => /^\t[^\t]*$/.test(line);
/** A leading tab and a column's name; `undefined` is the end of the text. */
const isHeaderLine = (line: string | undefined): boolean =>
  line !== undefined && isStreamLine(line) && headerRole(line.slice(1)) !== null;

/** The first line from `from` on that is not blank, or `lines.length` if there is none. */
function nextNonBlank(lines: readonly string[], from: number): number {
  let j = from;
  for (let line = lines[j]; line !== undefined && isBlank(line); line = lines[j]) j += 1;
  return j;
}

/** One cell per line if most tab lines of the run are a single leading tab and a cell. */
function isStreamRun(lines: readonly string[], start: number): boolean {
  let tabLines = 0;
  let streamLines = 0;
  for (let i = start; tabLines < 30; i += 1) {
    const line = lines[i];
    if (line === undefined) break;
    if (!hasTab(line)) continue;
    tabLines += 1;
    if (isStreamLine(line)) streamLines += 1;
  }
  return tabLines >= 3 && streamLines >= tabLines * 0.8;
}

const rowCells = (line: string): Cell[] => line.split('\t').map(cellFromText);

/**
 * Where the lines without a tab from `from` on end, when each is a row merged across a table `width`
 * cells wide: a row of about that width (the same slack as a table split over pages) follows them at
 * once. A heading over another table's header is that table's caption, not a row. -1 otherwise.
 */
function mergedRowsEnd(lines: readonly string[], from: number, width: number): number {
  let end = from;
  for (let line = lines[end]; line !== undefined && !isBlank(line) && !hasTab(line); line = lines[end])
    end += 1;
  const next = lines[end];
  if (end === from || next === undefined || !hasTab(next)) return -1;
  const cells = rowCells(next);
  if (Math.abs(cells.length - width) > 1) return -1;
  const row: TableRow = { cells, source: 1, afterBreak: false };
  if (headerRoles(cells) || kpiHeader([row]) || contingentHeader([row])) return -1;
  return end;
}

function readRowTable(lines: readonly string[], start: number): { rows: TableRow[]; next: number } {
  const rows: TableRow[] = [];
  // The header's width; a merged row is spread over it as HTML spreads a colspan.
  const width = rowCells(lines[start] ?? '').length;
  let i = start;
  let pendingBreak = false;
  for (let line = lines[i]; line !== undefined; line = lines[i]) {
    if (isBlank(line)) {
      const j = nextNonBlank(lines, i);
      const after = lines[j];
      if (after !== undefined && (hasTab(after) || mergedRowsEnd(lines, j, width) >= 0)) {
        pendingBreak = true;
        i = j;
        continue;
      }
      break;
    }
    if (!hasTab(line)) {
      const end = mergedRowsEnd(lines, i, width);
      if (end < 0) break;
      // One line per heading: «3. Мониторинг» and «3.1. Мониторинг пар» are two rows.
      for (; i < end; i += 1) {
        const merged: Cell[] = [cellFromText(lines[i] ?? '')];
        while (merged.length < width) merged.push({ text: '', italic: [], spanned: 'col' });
        rows.push({ cells: merged, source: rows.length + 1, line: i + 1, afterBreak: pendingBreak });
        pendingBreak = false;
      }
      continue;
    }
    rows.push({
      cells: rowCells(line),
      source: rows.length + 1,
      line: i + 1,
      afterBreak: pendingBreak,
    });
    pendingBreak = false;
    i += 1;
  }
  return { rows, next: i };
}

interface StreamCell {
  lines: string[];
  line: number;
}

function readStreamTable(lines: readonly string[], start: number): { rows: TableRow[]; next: number } | null {
  // The header fixes the width: its cells are the leading tab lines that name a column.
  let width = 0;
  let i = start;
  while (isHeaderLine(lines[i])) {
    width += 1;
    i += 1;
  }
  if (width < 2) return null;
  const rows: TableRow[] = [];
  const header: StreamCell[] = lines
    .slice(start, start + width)
    .map((line, k) => ({ lines: [line.slice(1)], line: start + k + 1 }));
  let current: StreamCell[] = [];
  const pushRow = (cells: StreamCell[]): void => {
    const [first] = cells;
    if (!first) return;
    rows.push({
      cells: cells.map((cell) => cellFromText(cell.lines.join('\n'))),
      source: rows.length + 1,
      line: first.line,
      afterBreak: false,
    });
  };
  pushRow(header);
  let sawBlank = false;
  for (; ; i += 1) {
    const line = lines[i];
    if (line === undefined) break;
    if (isBlank(line)) {
      sawBlank = true;
      continue;
    }
    if (hasTab(line)) {
      if (current.length >= width) {
        pushRow(current);
        current = [];
      } else if (sawBlank && current.length > 0) {
        // A blank line also separates rows: a row that would overflow with the coming group ends here.
        let group = 0;
        for (let k = i; ; k += 1) {
          const next = lines[k];
          if (next === undefined || isBlank(next)) break;
          if (hasTab(next)) group += 1;
        }
        if (current.length + group > width) {
          pushRow(current);
          current = [];
        }
      }
      current.push({ lines: [line.slice(line.indexOf('\t') + 1)], line: i + 1 });
      sawBlank = false;
      continue;
    }
    // A line without a tab continues the last cell, unless a blank line closed a complete row.
    const last = current[current.length - 1];
    if (last && (!sawBlank || current.length < width)) {
      last.lines.push(line);
      sawBlank = false;
      continue;
    }
    break;
  }
  pushRow(current);
  // Give back the blank lines before a paragraph so the caller sees where the table ended.
  return { rows, next: i };
}

/** A text export as paragraphs and tables. */
export function readText(text: string): SourceDocument {
  // A table copied from a web page without its tabs (cells ended by «|», a cell per paragraph, a row
  // joined by spaces) is rebuilt first; everything else is read line by line below.
  const flat = readFlatText(text);
  if (flat) return flat;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  for (let line = lines[i]; line !== undefined; line = lines[i]) {
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    if (hasTab(line)) {
      const stream = isStreamRun(lines, i) ? readStreamTable(lines, i) : null;
      const table = stream ?? readRowTable(lines, i);
      if (table.rows.length > 0) blocks.push({ kind: 'table', rows: table.rows });
      i = Math.max(table.next, i + 1);
      continue;
    }
    const start = i;
    const paragraph: string[] = [];
    for (let next = lines[i]; next !== undefined && !isBlank(next) && !hasTab(next); next = lines[i]) {
      paragraph.push(next.trim());
      i += 1;
    }
    const joined = paragraph.join('\n');
    const bold = joined.startsWith('**') && joined.endsWith('**');
    const cell: Cell = cellFromText(joined);
    if (cell.text) blocks.push({ kind: 'paragraph', text: cell.text, bold, line: start + 1 });
  }
  return { blocks };
}

/**
 * Reads an HTML table (or an ARIA grid, which single-page journals render instead) into a plain
 * grid of strings: merged cells resolved, header rows found and flattened into per-column paths.
 * Works on any Document (live page, jsdom, happy-dom), so it never touches globals or layout.
 */
import { detectColumnRole, looksLikePersonName, normaliseText } from '@nastavnik/shared/capture';

export interface TableGrid {
  /** Caption, aria-label or the nearest heading: how the user recognises the table. */
  label: string;
  /** Per column, the header texts from the top header row down (merged header cells repeat). */
  headerPaths: string[][];
  rows: string[][];
  /** Per body row, the text of the last full-width row above it («7А класс»), if there was one. */
  rowGroups: Array<string | null>;
  /** Body rows in the source table; when reading was limited, the unread rest is counted unread (approximate). */
  totalRows: number;
}

// A hostile or broken page can declare colspan="100000"; HTML itself caps spans at 1000 and 65534.
const MAX_COLSPAN = 200;
const MAX_ROWSPAN = 1_000;
const MAX_COLUMNS = 300;

const GRID_SELECTOR = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'BUTTON', 'SVG', 'svg']);
const BLOCK_TAGS = new Set(['BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

interface RawCell {
  element: Element;
  header: boolean;
  rowSpan: number;
  colSpan: number;
}

interface Placed {
  cell: RawCell;
  text: string;
  row: number;
}

/**
 * Element children by sibling links: jsdom's live `children` collection makes `Array.from` quadratic
 * (10 s on a 10 000-row table), while sibling traversal is linear everywhere.
 */
function childElements(parent: Element): Element[] {
  const list: Element[] = [];
  for (let child = parent.firstElementChild; child !== null; child = child.nextElementSibling)
    list.push(child);
  return list;
}

function isAria(element: Element): boolean {
  return element.tagName !== 'TABLE';
}

/** Cell text with spaces where the layout would break lines, and no hidden helper text. */
export function cellText(element: Element): string {
  if (element.childElementCount === 0) return normaliseText(element.textContent);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (
          SKIPPED_TAGS.has(el.tagName) ||
          el.hasAttribute('hidden') ||
          el.getAttribute('aria-hidden') === 'true'
        ) {
          continue;
        }
        const block = BLOCK_TAGS.has(el.tagName);
        if (block) parts.push(' ');
        walk(el);
        if (block) parts.push(' ');
      }
    }
  };
  walk(element);
  return normaliseText(parts.join(''));
}

function span(element: Element, name: 'rowspan' | 'colspan', max: number): number {
  const value = Number.parseInt(element.getAttribute(name) ?? '1', 10);
  // rowspan="0" means "to the end of the section"; one row is the safe reading.
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

function tableRows(table: Element): Element[] {
  if (isAria(table)) {
    return Array.from(table.querySelectorAll('[role="row"]')).filter(
      (row) => row.closest(GRID_SELECTOR) === table,
    );
  }
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  const rowsOf = (section: Element): Element[] => childElements(section).filter((el) => el.tagName === 'TR');
  for (const child of childElements(table)) {
    if (child.tagName === 'TR') body.push(child);
    else if (child.tagName === 'THEAD') head.push(...rowsOf(child));
    else if (child.tagName === 'TBODY') {
      for (const row of rowsOf(child)) body.push(row); // spread of 10 000 items can overflow the call stack
    } else if (child.tagName === 'TFOOT') foot.push(...rowsOf(child));
  }
  return [...head, ...body, ...foot];
}

function rowCells(row: Element, aria: boolean): RawCell[] {
  const cells: RawCell[] = [];
  for (const element of childElements(row)) {
    let header: boolean;
    if (aria) {
      const role = element.getAttribute('role');
      if (role !== 'columnheader' && role !== 'rowheader' && role !== 'cell' && role !== 'gridcell') continue;
      header = role === 'columnheader';
    } else {
      if (element.tagName !== 'TD' && element.tagName !== 'TH') continue;
      header = element.tagName === 'TH';
    }
    cells.push({
      element,
      header,
      rowSpan: aria ? 1 : span(element, 'rowspan', MAX_ROWSPAN),
      colSpan: aria ? 1 : span(element, 'colspan', MAX_COLSPAN),
    });
  }
  return cells;
}

function theadRowCount(table: Element): number {
  if (isAria(table)) return 0;
  let count = 0;
  for (const child of childElements(table)) {
    if (child.tagName === 'THEAD') count += childElements(child).filter((el) => el.tagName === 'TR').length;
  }
  return count;
}

export function tableLabel(table: Element, index: number): string {
  const caption = table.querySelector(':scope > caption');
  const fromCaption = caption ? cellText(caption) : '';
  if (fromCaption) return fromCaption.slice(0, 200);
  const aria = normaliseText(table.getAttribute('aria-label') ?? '');
  if (aria) return aria.slice(0, 200);
  // The nearest heading before the table, looking back a few siblings and up a few levels.
  let node: Element | null = table;
  for (let depth = 0; node && depth < 4; depth += 1, node = node.parentElement) {
    let sibling = node.previousElementSibling;
    for (let steps = 0; sibling && steps < 4; steps += 1, sibling = sibling.previousElementSibling) {
      const heading = /^H[1-4]$/.test(sibling.tagName) ? sibling : sibling.querySelector('h1, h2, h3, h4');
      const text = heading ? cellText(heading) : '';
      if (text) return text.slice(0, 200);
    }
  }
  return `Таблица ${index + 1}`;
}

/** Tables worth offering: data tables only, not layout tables that wrap other tables. */
export function findDataTables(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(GRID_SELECTOR)).filter((table) => {
    const role = table.getAttribute('role');
    if (role === 'presentation' || role === 'none') return false;
    if (table.querySelector(GRID_SELECTOR)) return false;
    const rows = tableRows(table);
    if (rows.length < 2) return false;
    const aria = isAria(table);
    return rows
      .slice(0, 5)
      .some((row) => rowCells(row, aria).reduce((sum, cell) => sum + cell.colSpan, 0) >= 2);
  });
}

function isNumberingRow(values: readonly string[]): boolean {
  const filled = values.filter((value) => value !== '');
  return filled.length >= 3 && filled.every((value, index) => value === String(index + 1));
}

type Grid = Array<Array<Placed | undefined>>;

/**
 * Places one row's cells in the grid, a merged cell in every row and column it spans; returns the
 * width the row reaches.
 */
function placeRow(grid: Grid, rowElement: Element, r: number, rowCount: number, aria: boolean): number {
  const row = (grid[r] ??= []);
  let column = 0;
  let width = 0;
  for (const cell of rowCells(rowElement, aria)) {
    while (row[column] !== undefined) column += 1;
    if (column >= MAX_COLUMNS) break;
    const placed: Placed = { cell, text: cellText(cell.element), row: r };
    const lastRow = Math.min(r + cell.rowSpan, rowCount);
    for (let rr = r; rr < lastRow; rr += 1) {
      const target = (grid[rr] ??= []);
      for (let cc = column; cc < Math.min(column + cell.colSpan, MAX_COLUMNS); cc += 1) target[cc] = placed;
    }
    column += cell.colSpan;
    width = Math.max(width, Math.min(column, MAX_COLUMNS));
  }
  return width;
}

/** How many of the first `probe` rows, already placed, are header rows. */
function headerRowCount(grid: Grid, theadRows: number, probe: number, rowCount: number): number {
  let headerCount = theadRows;
  if (headerCount === 0) {
    while (headerCount < probe - 1) {
      const cells = (grid[headerCount] ?? []).filter((placed): placed is Placed => placed !== undefined);
      if (cells.length === 0 || !cells.every((placed) => placed.cell.header)) break;
      headerCount += 1;
    }
  }
  if (headerCount === 0 && rowCount > 1) {
    // No <th>: the first row is a header when its words name columns we know and it holds no pupil.
    const first = Array.from(new Set((grid[0] ?? []).filter((p): p is Placed => p !== undefined)));
    const named = first.filter(
      (placed) => /\p{L}/u.test(placed.text) && detectColumnRole([placed.text]) !== null,
    ).length;
    const holdsPerson = first.some((placed) => looksLikePersonName(placed.text));
    if (named >= 1 && !holdsPerson) headerCount = 1;
  }
  // A header cell spanning down into the body must not swallow body rows: extend the header instead.
  for (let r = 0; r < headerCount; r += 1) {
    for (const placed of grid[r] ?? []) {
      if (placed && placed.row + placed.cell.rowSpan > headerCount && placed.cell.header) {
        headerCount = Math.min(placed.row + placed.cell.rowSpan, probe);
      }
    }
  }
  return headerCount;
}

function headerPathsOf(grid: Grid, headerCount: number, width: number): string[][] {
  const headerPaths: string[][] = [];
  for (let c = 0; c < width; c += 1) {
    const path: string[] = [];
    let previous: Placed | undefined;
    for (let r = 0; r < headerCount; r += 1) {
      const placed = grid[r]?.[c];
      if (placed && placed !== previous && placed.text) path.push(placed.text);
      previous = placed;
    }
    headerPaths.push(path);
  }
  return headerPaths;
}

/** A body row's texts by column, with how many cells have text and how many distinct cells it has. */
function rowValues(
  placedRow: ReadonlyArray<Placed | undefined>,
  width: number,
): { values: string[]; filled: number; distinct: number } {
  const values: string[] = new Array<string>(width).fill('');
  let filled = 0;
  let distinct = 0;
  let lastPlaced: Placed | undefined;
  for (let c = 0; c < width; c += 1) {
    const placed = placedRow[c];
    if (!placed) continue;
    if (placed !== lastPlaced) distinct += 1;
    // Row-merged body cells («Класс» spanning its pupils) apply to each row; column-merged ones once.
    if (placed !== lastPlaced && placed.text) {
      values[c] = placed.text;
      filled += 1;
    }
    lastPlaced = placed;
  }
  return { values, filled, distinct };
}

/**
 * Reads `table` into a grid. `maxRows` limits the body rows read (detection needs only a sample);
 * `totalRows` still counts them all.
 */
export function readTable(table: Element, options: { maxRows?: number; index?: number } = {}): TableGrid {
  const aria = isAria(table);
  const rowElements = tableRows(table);
  const grid: Grid = [];
  let width = 0;
  const place = (rowElement: Element, r: number): void => {
    width = Math.max(width, placeRow(grid, rowElement, r, rowElements.length, aria));
  };

  // Header detection needs the first rows placed before deciding how many to read.
  const theadRows = theadRowCount(table);
  const probe = Math.min(rowElements.length, Math.max(theadRows, 6));
  rowElements.slice(0, probe).forEach(place);
  const headerCount = headerRowCount(grid, theadRows, probe, rowElements.length);
  const headerPaths = headerPathsOf(grid, headerCount, width);

  const limit = options.maxRows ?? Number.POSITIVE_INFINITY;
  const rows: string[][] = [];
  const rowGroups: Array<string | null> = [];
  let group: string | null = null;
  let totalRows = 0;
  let checkedNumbering = false;
  for (const [r, rowElement] of rowElements.entries()) {
    if (r < headerCount) continue;
    if (rows.length >= limit) {
      // Only counting from here on: a sample for detection must stay cheap on 10 000-row tables.
      totalRows += rowElements.length - r;
      break;
    }
    if (r >= probe) place(rowElement, r);
    const placedRow = grid[r] ?? [];
    grid[r - 1] = []; // rows above are no longer needed; keeps memory flat on 10 000-row tables
    const { values, filled, distinct } = rowValues(placedRow, width);
    if (filled === 0) continue;
    if (!checkedNumbering) {
      checkedNumbering = true;
      if (headerCount > 0 && isNumberingRow(values)) continue;
    }
    if (distinct === 1 && width > 1 && (placedRow[0]?.cell.colSpan ?? 1) >= Math.min(width, 2)) {
      group = values.find((value) => value !== '') ?? null;
      continue;
    }
    totalRows += 1;
    rows.push(values);
    rowGroups.push(group);
  }

  return { label: tableLabel(table, options.index ?? 0), headerPaths, rows, rowGroups, totalRows };
}

/** «Фамилия / Имя» for display; «Столбец 3» when the column has no header at all. */
export function columnTitle(path: readonly string[], index: number): string {
  return path.length > 0 ? path.join(' / ') : `Столбец ${index + 1}`;
}

/**
 * Plans copied from web pages, where the table lost its structure on the way to plain text. These
 * layouts are common in the legal-text sites and school sites road maps are copied from:
 *
 * - **pipe cells**: every cell followed by «|» (Garant, Консультант, regional portals), either on the
 *   cell's line («Сроки |») or on a line of its own, with a row merged across the table written as its
 *   one cell plus empty ones («I. Анализ работы … | |||»); or one row per line, cells between « | »
 *   (a Markdown table too), a row under cells merged from above written with its missing cells last.
 * - **a cell per paragraph** (Кодекс): the header's cells, then each row's cells, one paragraph each;
 *   a schedule may put a column per quarter under «Срок» and mark the row's quarters with «х».
 * - **rows joined by spaces**: one line per row, its cells glued with single spaces
 *   («1. Проведение заседаний … февраль 2010 года министерство образования …»).
 *
 * Each is turned back into the same paragraphs and table the other readers give, so everything after
 * the readers works as for a DOCX. What cannot be regrouped with confidence is left to the plain-text
 * reader, which then reports the document as not a plan rather than inventing rows.
 */
import { isDeadlinePhrase } from './deadline.js';
import type { Block, Cell, SourceDocument, TableRow } from './document.js';
import { headerRole } from './header.js';
import { collapse } from './text.js';

/** A bare row number: «1», «1.», «2.1», «1.1.». */
const BARE_CODE = /^\d{1,3}(?:\.\d{1,3})*\.?$/;
/** What opens a row or a numbered section heading: «1.1.», «I. Анализ…», «2. Мероприятия…». */
const ROW_START = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,5}\.)(?:\s|$)/;

const textCell = (text: string): Cell => ({ text: collapse(text), italic: [] });
const spannedCell = (): Cell => ({ text: '', italic: [], spanned: 'col' });

/** How a long header cell is named for the structure reader. */
const HEADER_NAMES: Partial<Record<string, string>> = {
  responsible: 'Ответственный',
  deadline: 'Срок',
  activity: 'Мероприятие',
  result: 'Результат',
};

/** A header cell: one that names a column («Сроки», «Ответственные лица», «N п/п»). */
const isHeaderText = (text: string): boolean => headerRole(text) !== null;

interface FlatCell {
  text: string;
  /** 1-based line the cell starts on. */
  line: number;
}

/** Paragraphs before a table: lines grouped by blank lines, each a paragraph block. */
function paragraphsOf(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = firstLine;
  const flush = (): void => {
    const text = current.map(collapse).filter(Boolean).join('\n');
    if (text) blocks.push({ kind: 'paragraph', text, bold: false, line: start });
    current = [];
  };
  lines.forEach((line, k) => {
    if (line.trim() === '') {
      flush();
      start = firstLine + k + 1;
    } else {
      if (current.length === 0) start = firstLine + k;
      current.push(line);
    }
  });
  flush();
  return blocks;
}

/**
 * Rows of a table given as a flat sequence of cells: the header's width decides where a row ends.
 * A row starts at a bare number and takes the header's width of cells; a cell that is no bare number
 * where a row should start is a row merged across the table (a section heading), and the empty cells
 * that follow it are its merged rest.
 */
function rowsFromCells(cells: readonly FlatCell[]): TableRow[] | null {
  // The header runs to the first row number or section heading; a text cell that is followed by an
  // empty cell or a row number is a merged heading under the header, not one of its cells.
  let width = 1;
  for (; width < cells.length; width += 1) {
    const text = cells[width]?.text ?? '';
    if (ROW_START.test(text)) break;
    const next = cells[width + 1]?.text;
    if (text !== '' && !isHeaderText(text) && (next === '' || (next !== undefined && BARE_CODE.test(next))))
      break;
  }
  const header = cells.slice(0, width);
  if (header.filter((cell) => isHeaderText(cell.text)).length < 2) return null;
  const grid: FlatCell[][] = [header];
  const merged = new Set<number>();
  let p = width;
  while (p < cells.length) {
    const cell = cells[p];
    if (!cell) break;
    if (cell.text === '') {
      p += 1;
      continue;
    }
    if (BARE_CODE.test(cell.text)) {
      grid.push(cells.slice(p, p + width));
      p += width;
      continue;
    }
    merged.add(grid.length);
    grid.push([cell]);
    p += 1;
    while (cells[p]?.text === '') p += 1;
  }
  numberUnnamedColumn(
    grid[0] ?? [],
    grid.filter((_, r) => r > 0 && !merged.has(r)).map((row) => row[0]?.text ?? ''),
  );
  // Columns empty in every row are the site's hidden layout columns, not the plan's.
  const used = Array.from({ length: width }, (_, c) =>
    grid.some((row, r) => (merged.has(r) ? c === 0 : (row[c]?.text ?? '') !== '')),
  );
  return grid.map((row, r) => {
    const line = row[0]?.line;
    const out: Cell[] = [];
    for (let c = 0; c < width; c += 1) {
      if (!used[c]) continue;
      if (merged.has(r)) out.push(out.length === 0 ? textCell(row[0]?.text ?? '') : spannedCell());
      else out.push(textCell(row[c]?.text ?? ''));
    }
    return { cells: out, source: r + 1, ...(line ? { line } : {}), afterBreak: false };
  });
}

/**
 * A first column with no header whose cells are row numbers is the «№» column the page lost the name
 * of (a lone «|», an empty first cell): it is named so the plan keeps its numbers.
 */
function numberUnnamedColumn(header: Array<{ text: string }>, firstCells: readonly string[]): void {
  const first = header[0];
  if (first?.text !== '' || firstCells.length === 0) return;
  if (firstCells.every((text) => BARE_CODE.test(text))) first.text = '№';
}

/** How many of the last lines (up to three) together name a column; 0 when none do. */
function headerSuffix(lines: readonly string[]): number {
  let best = 0;
  for (let n = 1; n <= 3 && n <= lines.length; n += 1) {
    const part = lines.slice(lines.length - n);
    if (part.some((line) => line.trim() === '')) break;
    if (isHeaderText(part.join(' '))) best = n;
  }
  return best;
}

/** «Сроки |», «|»: a line that ends a cell. */
const endsCell = (line: string): boolean => /\|\s*$/.test(line);
/** A line that is one row of cells between « | » (text on both sides of an inner bar). */
const isInlineRow = (line: string): boolean =>
  line.split('|').filter((part) => part.trim() !== '').length >= 2;

function readPipeCells(lines: readonly string[]): SourceDocument | null {
  const first = lines.findIndex((line) => line.includes('|'));
  if (first < 0) return null;
  // The first cell: on the bar's own line («N |»), or the lines just before a lone «|» that name a
  // column («N п/п» then «|»); a lone «|» after the title is an empty cell (an unnamed «№» column).
  const own = lines[first]?.replace(/\|.*$/, '').trim() ?? '';
  const before = lines.slice(0, first);
  // «N» then «п/п |»: a header cell wrapped over short lines starts on the first of them.
  let wrapped = 0;
  while (
    own !== '' &&
    wrapped < 2 &&
    /^[^\d\s][^\s]*(?:\s+[^\s]+)?$/.test((before[before.length - 1 - wrapped] ?? '').trim()) &&
    isHeaderText([...before.slice(before.length - 1 - wrapped), own].join(' '))
  )
    wrapped += 1;
  const take = own === '' ? headerSuffix(before) : wrapped;
  const cellStart = first - take;
  const body = [...lines.slice(cellStart, first), ...lines.slice(first)];
  const cells: FlatCell[] = [];
  let current: string[] = [];
  let currentLine = cellStart + 1;
  body.forEach((line, k) => {
    const parts = line.split('|');
    parts.forEach((part, j) => {
      if (j > 0) {
        cells.push({ text: current.join(' '), line: currentLine });
        current = [];
        currentLine = cellStart + k + 1;
      }
      if (part.trim() !== '') {
        if (current.length === 0) currentLine = cellStart + k + 1;
        current.push(part.trim());
      }
    });
  });
  const rows = rowsFromCells(cells);
  if (!rows) return null;
  const blocks: Block[] = paragraphsOf(lines.slice(0, cellStart), 1);
  blocks.push({ kind: 'table', rows });
  // What follows the last bar (a cut cell, a closing paragraph) stays a paragraph.
  if (current.length > 0)
    blocks.push({ kind: 'paragraph', text: collapse(current.join(' ')), bold: false, line: currentLine });
  return { blocks };
}

function readInlineRows(lines: readonly string[]): SourceDocument | null {
  const start = lines.findIndex(isInlineRow);
  if (start < 0) return null;
  let end = start;
  while (end < lines.length && (lines[end] ?? '').includes('|')) end += 1;
  // A Markdown table opens every row with a bar too, and has a «|---|---|» line under its header.
  const leading = lines.slice(start, end).every((line) => line.trimStart().startsWith('|'));
  const rows: Cell[][] = lines
    .slice(start, end)
    .map((line) => {
      const parts = line.split('|').map(collapse);
      if (leading) parts.shift();
      if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts.map(textCell);
    })
    .filter((row) => !row.every((cell) => /^:?-{3,}:?$/.test(cell.text)));
  const header = rows[0];
  if (!header || header.filter((cell) => isHeaderText(cell.text)).length < 2) return null;
  // A header that lost its «№» cell: it ends in an empty cell and names no number column, while the
  // full rows under it open with a row number. Its cells belong one column to the right.
  const full = rows
    .slice(1)
    .filter((row) => row.length === header.length && row.filter((cell) => cell.text !== '').length > 1);
  if (
    header[header.length - 1]?.text === '' &&
    headerRole(header[0]?.text ?? '') !== 'number' &&
    full.length > 0 &&
    full.every((row) => BARE_CODE.test(row[0]?.text ?? ''))
  ) {
    header.pop();
    header.unshift(textCell(''));
  }
  numberUnnamedColumn(
    header,
    rows
      .slice(1)
      .filter((row) => row.filter((cell) => cell.text !== '').length > 1)
      .map((row) => row[0]?.text ?? ''),
  );
  const width = header.length;
  // A row under cells merged down from the row above: the page writes the cells it lacks at the end
  // (« | ||»). Its cells move right, and the merged ones are the row above's.
  for (let r = 2; r < rows.length; r += 1) {
    const row = rows[r] ?? [];
    const above = rows[r - 1] ?? [];
    let missing = 0;
    while (missing < row.length && row[row.length - 1 - missing]?.text === '') missing += 1;
    const opens = row[0]?.text ?? '';
    if (
      row.length === width &&
      missing > 0 &&
      missing < width - 1 &&
      opens !== '' &&
      !BARE_CODE.test(opens) &&
      BARE_CODE.test(above[0]?.text ?? '') &&
      above.slice(0, missing).every((cell) => cell.text !== '')
    )
      rows[r] = [
        ...above.slice(0, missing).map((cell): Cell => ({ ...cell, spanned: 'row' })),
        ...row.slice(0, width - missing),
      ];
  }
  const tableRows: TableRow[] = rows.map((row, r) => {
    const texts = row.filter((cell) => cell.text !== '');
    // One text cell in a row of the table is a row merged across it: a section or a note.
    const cells =
      r > 0 && texts.length === 1 && row[0]?.text !== '' && !BARE_CODE.test(row[0]?.text ?? '')
        ? [row[0] ?? textCell(''), ...Array.from({ length: width - 1 }, spannedCell)]
        : row;
    return { cells, source: r + 1, line: start + r + 1, afterBreak: false };
  });
  const blocks: Block[] = paragraphsOf(lines.slice(0, start), 1);
  blocks.push({ kind: 'table', rows: tableRows });
  blocks.push(...paragraphsOf(lines.slice(end), end + 1));
  return { blocks };
}

interface Paragraph {
  text: string;
  line: number;
}

function paragraphList(lines: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: string[] = [];
  let line = 1;
  lines.forEach((raw, k) => {
    if (raw.trim() === '') {
      if (current.length > 0) out.push({ text: collapse(current.join(' ')), line });
      current = [];
    } else {
      if (current.length === 0) line = k + 1;
      current.push(raw);
    }
  });
  if (current.length > 0) out.push({ text: collapse(current.join(' ')), line });
  return out;
}

/**
 * A paragraph that is a header cell: it names a column, opens with no number and ends no sentence
 * (prose paragraphs such as «5. План мероприятий …» or «… результаты внедрения.» are not cells).
 */
const isHeaderParagraph = (text: string): boolean =>
  !/^[\d(•–—-]/.test(text) && !/[.;:!?]$/.test(text) && headerRole(text, 120) !== null;

function readParagraphCells(lines: readonly string[]): SourceDocument | null {
  const paragraphs = paragraphList(lines);
  let start = -1;
  let width = 0;
  for (let k = 0; k < paragraphs.length && start < 0; k += 1) {
    let n = 0;
    while (isHeaderParagraph(paragraphs[k + n]?.text ?? '')) n += 1;
    const roles = new Set(paragraphs.slice(k, k + n).map((para) => headerRole(para.text, 120)));
    if (n >= 3 && roles.has('activity') && (roles.has('deadline') || roles.has('responsible'))) {
      start = k;
      width = n;
    }
  }
  if (start < 0) return null;
  const header = paragraphs.slice(start, start + width);
  const numbered = headerRole(header[0]?.text ?? '') === 'number';
  // A long header cell («Наименование органа исполнительной власти …, ответственного за реализацию
  // мероприятия») is given its column's short name: the structure reader takes only short cells for a
  // header, since a long cell elsewhere is data.
  const headerTexts = header.map((cell) => {
    const role = headerRole(cell.text, 120);
    return role && headerRole(cell.text) === null ? (HEADER_NAMES[role] ?? cell.text) : cell.text;
  });
  const grid: Array<{ cells: Cell[]; line: number }> = [
    { cells: headerTexts.map(textCell), line: header[0]?.line ?? 1 },
  ];
  let p = start + width;
  // «Срок реализации» over a column per period («I квартал 2013 г.», …), the row's periods marked «х»:
  // the period headers follow the header, then the column numbers count every column.
  const deadlineAt = headerTexts.findIndex((text) => headerRole(text) === 'deadline');
  let periods: string[] = [];
  while (isDeadlinePhrase(paragraphs[p + periods.length]?.text ?? '')) {
    periods.push(paragraphs[p + periods.length]?.text ?? '');
  }
  const columns = width - 1 + periods.length;
  const numbering = paragraphs.slice(p + periods.length, p + periods.length + columns);
  if (
    deadlineAt >= 0 &&
    periods.length >= 2 &&
    numbering.length === columns &&
    numbering.every((cell, k) => cell.text === String(k + 1))
  ) {
    p += periods.length + columns;
  } else periods = [];
  const rowWidth = periods.length > 0 ? columns : width;
  while (p < paragraphs.length) {
    const here = paragraphs[p];
    if (!here) break;
    if (numbered && !BARE_CODE.test(here.text)) {
      // Two paragraphs in a row that open no row: the table is over.
      if (!BARE_CODE.test(paragraphs[p + 1]?.text ?? '')) break;
      grid.push({
        cells: [textCell(here.text), ...Array.from({ length: width - 1 }, spannedCell)],
        line: here.line,
      });
      p += 1;
      continue;
    }
    const row = paragraphs.slice(p, p + rowWidth).map((cell) => cell.text);
    grid.push({
      cells: periods.length > 0 ? foldMarks(row, deadlineAt, periods) : row.map(textCell),
      line: here.line,
    });
    p += rowWidth;
  }
  if (grid.length < 2) return null;
  const blocks: Block[] = paragraphs
    .slice(0, start)
    .map((para) => ({ kind: 'paragraph', text: para.text, bold: false, line: para.line }));
  blocks.push({
    kind: 'table',
    rows: grid.map((row, r) => ({ cells: row.cells, source: r + 1, line: row.line, afterBreak: false })),
  });
  for (const para of paragraphs.slice(p))
    blocks.push({ kind: 'paragraph', text: para.text, bold: false, line: para.line });
  return { blocks };
}

/** «х», «+», «✓»: a period column marked as one the activity runs in. */
const MARK = /^[xх+✓✔v]$/i;

/** A row of a schedule with a column per period, its marked periods gathered into one deadline cell. */
function foldMarks(row: readonly string[], at: number, periods: readonly string[]): Cell[] {
  const marked = periods.filter((_, k) => MARK.test((row[at + k] ?? '').trim()));
  return [
    ...row.slice(0, at).map(textCell),
    textCell(marked.join(', ')),
    ...row.slice(at + periods.length).map(textCell),
  ];
}

/**
 * «N п/п Наименование мероприятия Срок проведения Ответственный исполнитель»: a header whose cells
 * were joined by spaces. Each cell starts with a capital letter (or «N», «№»), so the capitals split it.
 */
function splitJoinedHeader(line: string): string[] | null {
  const words = collapse(line).split(' ');
  const cells: string[] = [];
  for (const word of words) {
    const opens = /^(?:[А-ЯЁA-Z№])/.test(word);
    if (opens || cells.length === 0) cells.push(word);
    else cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''} ${word}`;
  }
  if (cells.length < 3 || !cells.every(isHeaderText)) return null;
  const roles = cells.map((cell) => headerRole(cell));
  // Only the common order is regrouped: number, activity, deadline, responsible.
  const order = ['number', 'activity', 'deadline', 'responsible'];
  if (roles.length !== 4 || roles.some((role, i) => role !== order[i])) return null;
  return cells;
}

/**
 * A row joined by spaces: its number, then the activity, the deadline and the executor. The deadline
 * is the last run of words that reads wholly as a deadline with words after it (the executor); the
 * longest such run ending there is taken, so «в течение 2010 года» is read whole. A line with no such
 * run is a heading.
 */
function splitJoinedRow(line: string): Cell[] | null {
  const words = collapse(line).split(' ');
  const code = words[0] ?? '';
  if (!BARE_CODE.test(code)) return null;
  for (let end = words.length - 1; end > 2; end -= 1) {
    let found = -1;
    for (let from = end - 1; from >= 2 && end - from <= 8; from -= 1) {
      if (isDeadlinePhrase(words.slice(from, end).join(' '))) found = from;
    }
    if (found >= 0) {
      // «… в 2015 году в течение 2015 года»: the activity's own date is no part of the deadline; a
      // deadline names one year, and never starts with the word «году» left of that year.
      const reads = (from: number): boolean => isDeadlinePhrase(words.slice(from, end).join(' '));
      const years = (from: number): number => words.slice(from, end).filter((w) => /^\d{4}/.test(w)).length;
      while (years(found) > 1 && found + 1 < end && reads(found + 1)) found += 1;
      while (found + 1 < end && /^(?:год[а-я]*|гг?\.?)$/.test(words[found] ?? '') && reads(found + 1))
        found += 1;
      return [
        textCell(code),
        textCell(words.slice(1, found).join(' ')),
        textCell(words.slice(found, end).join(' ')),
        textCell(words.slice(end).join(' ')),
      ];
    }
  }
  return null;
}

function readJoinedRows(lines: readonly string[]): SourceDocument | null {
  const start = lines.findIndex((line) => splitJoinedHeader(line) !== null);
  if (start < 0) return null;
  const header = splitJoinedHeader(lines[start] ?? '') ?? [];
  const rows: TableRow[] = [{ cells: header.map(textCell), source: 1, line: start + 1, afterBreak: false }];
  let i = start + 1;
  for (; i < lines.length; i += 1) {
    const line = collapse(lines[i] ?? '');
    if (line === '') break;
    const numbers = line.split(' ');
    if (numbers.length === header.length && numbers.every((n, k) => n === String(k + 1))) {
      rows.push({ cells: numbers.map(textCell), source: rows.length + 1, line: i + 1, afterBreak: false });
      continue;
    }
    const cells = splitJoinedRow(line) ?? [
      textCell(line),
      ...Array.from({ length: header.length - 1 }, spannedCell),
    ];
    rows.push({ cells, source: rows.length + 1, line: i + 1, afterBreak: false });
  }
  if (rows.length < 2) return null;
  const blocks: Block[] = paragraphsOf(lines.slice(0, start), 1);
  blocks.push({ kind: 'table', rows });
  blocks.push(...paragraphsOf(lines.slice(i), i + 1));
  return { blocks };
}

/**
 * The document, when the text is one of the flattened layouts above and a plan table can be rebuilt
 * from it; null otherwise (the caller reads it as ordinary text).
 */
export function readFlatText(text: string): SourceDocument | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.some((line) => line.includes('\t'))) return null;
  const barLines = lines.filter((line) => line.includes('|'));
  if (barLines.length >= 3) {
    const inline = barLines.filter(isInlineRow).length;
    if (inline >= barLines.length / 2) return readInlineRows(lines);
    if (barLines.filter(endsCell).length >= barLines.length * 0.8) return readPipeCells(lines);
    return null;
  }
  return readJoinedRows(lines) ?? readParagraphCells(lines);
}

/**
 * Rows whose cell count differs from the header's: text exports of PDFs split a cell in two or add
 * an empty one (002 has rows of 6 cells under a 5-column header). The cells are fitted to the
 * columns by what they look like — a date goes to «Срок», «УОиМП» to «Ответственный» — dropping
 * empty cells or joining neighbours as needed.
 */
import type { Cell } from './document.js';
import type { RoadmapColumnRole } from './schema.js';
import { joinPieces } from './text.js';

export type CellScorer = (role: RoadmapColumnRole | null, text: string) => number;

const DROP_COST = 0.1;
const SKIP_COST = 0.1;
const JOIN_COST = 0.75;
// Scores are sums of tenths: compare with a tolerance so a tie is a tie.
const EPS = 1e-9;

function isEmpty(cell: Cell): boolean {
  return cell.text.trim().length === 0;
}

function mergeCells(cells: readonly Cell[]): { cell: Cell; cost: number } {
  let text = '';
  let cost = 0;
  const italic: string[] = [];
  for (const cell of cells) {
    italic.push(...cell.italic);
    if (isEmpty(cell)) {
      cost += DROP_COST;
      continue;
    }
    if (text === '') text = cell.text;
    else if (text === cell.text)
      continue; // a merged cell printed twice (002: «УОиМП | УОиМП»)
    else {
      text = joinPieces(text, cell.text);
      cost += JOIN_COST;
    }
  }
  return { cell: { text, italic }, cost };
}

export interface Alignment {
  cells: Cell[];
  changed: boolean;
}

/** Fits `cells` to the header's columns; rows of the right width are returned as they are. */
export function alignCells(
  input: readonly Cell[],
  roles: ReadonlyArray<RoadmapColumnRole | null>,
  score: CellScorer,
): Alignment {
  const width = roles.length;
  let cells = [...input];
  if (cells.length === width) return { cells, changed: false };
  // Trailing empty cells are the usual reason for a longer row; the fitting below still gets to
  // place the row's text (002 item 5: «образовательных организациях» belongs to «Ответственный»).
  const trimmed = cells.slice(0, Math.max(width, cells.findLastIndex((cell) => !isEmpty(cell)) + 1));
  if (trimmed.length === 0) return { cells: roles.map(() => ({ text: '', italic: [] })), changed: false };
  if (cells.length > width + 24) {
    // Hostile input: keep the first columns and fold the rest into the last one.
    cells = [...cells.slice(0, width - 1), mergeCells(cells.slice(width - 1)).cell];
    return { cells, changed: true };
  }

  const m = cells.length;
  const n = width;
  type Step =
    | { kind: 'assign'; cell: Cell }
    | { kind: 'drop' }
    | { kind: 'skip' }
    | { kind: 'merge'; count: number; cell: Cell };
  // (m + 1) × (n + 1) tables, flat: the state (i, j) is cells from i on fitted to columns from j on.
  const size = n + 1;
  const bestScore = new Array<number>((m + 1) * size).fill(-Infinity);
  const bestStep = new Array<Step | null>((m + 1) * size).fill(null);
  // Every state read lies inside the table; one outside it could not be reached, like an unfilled one.
  const best = (i: number, j: number): number => bestScore[i * size + j] ?? -Infinity;
  bestScore[m * size + n] = 0;
  const scoreCache = new Map<string, number>();
  const scoreOf = (j: number, text: string): number => {
    const key = `${j}\u0000${text}`;
    let value = scoreCache.get(key);
    if (value === undefined) {
      value = text.trim() === '' ? 0 : score(roles[j] ?? null, text);
      scoreCache.set(key, value);
    }
    return value;
  };
  for (let i = m; i >= 0; i -= 1) {
    // Absent on the last state row (i === m), where every cell is placed.
    const cell = cells[i];
    for (let j = n; j >= 0; j -= 1) {
      if (i === m && j === n) continue;
      let value = -Infinity;
      let choice: Step | null = null;
      // Ties go to the first option tried, so drops and merges happen as far right as possible.
      if (cell && j < n) {
        const v = scoreOf(j, cell.text) + best(i + 1, j + 1);
        if (v > value + EPS) [value, choice] = [v, { kind: 'assign', cell }];
      }
      if (cell && m - i > n - j && isEmpty(cell)) {
        const v = -DROP_COST + best(i + 1, j);
        if (v > value + EPS) [value, choice] = [v, { kind: 'drop' }];
      }
      if (j < n && n - j > m - i) {
        const v = -SKIP_COST + best(i, j + 1);
        if (v > value + EPS) [value, choice] = [v, { kind: 'skip' }];
      }
      if (j < n) {
        const maxCount = m - i - (n - j - 1);
        for (let count = 2; count <= maxCount; count += 1) {
          const merged = mergeCells(cells.slice(i, i + count));
          const v = scoreOf(j, merged.cell.text) - merged.cost + best(i + count, j + 1);
          if (v > value + EPS) [value, choice] = [v, { kind: 'merge', count, cell: merged.cell }];
        }
      }
      bestScore[i * size + j] = value;
      bestStep[i * size + j] = choice;
    }
  }
  const out: Cell[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    const s = bestStep[i * size + j];
    if (!s) break;
    if (s.kind === 'assign') {
      out.push(s.cell);
      i += 1;
      j += 1;
    } else if (s.kind === 'drop') i += 1;
    else if (s.kind === 'skip') {
      out.push({ text: '', italic: [] });
      j += 1;
    } else {
      out.push(s.cell);
      i += s.count;
      j += 1;
    }
  }
  while (out.length < n) out.push({ text: '', italic: [] });
  const fitted = out.slice(0, n);
  const same = trimmed.length === n && fitted.every((cell, k) => cell.text === trimmed[k]?.text);
  return { cells: fitted, changed: !same };
}

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
  const trimmed = [...cells];
  while (trimmed.length > width && isEmpty(trimmed[trimmed.length - 1]!)) trimmed.pop();
  if (trimmed.length === 0) return { cells: roles.map(() => ({ text: '', italic: [] })), changed: false };
  if (cells.length > width + 24) {
    // Hostile input: keep the first columns and fold the rest into the last one.
    cells = [...cells.slice(0, width - 1), mergeCells(cells.slice(width - 1)).cell];
    return { cells, changed: true };
  }

  const m = cells.length;
  const n = width;
  type Step =
    { kind: 'assign' } | { kind: 'drop' } | { kind: 'skip' } | { kind: 'merge'; count: number; cell: Cell };
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-Infinity));
  const step: Array<Array<Step | null>> = Array.from({ length: m + 1 }, () =>
    new Array<Step | null>(n + 1).fill(null),
  );
  best[m]![n] = 0;
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
    for (let j = n; j >= 0; j -= 1) {
      if (i === m && j === n) continue;
      let value = -Infinity;
      let choice: Step | null = null;
      // Ties go to the first option tried, so drops and merges happen as far right as possible.
      if (i < m && j < n) {
        const v = scoreOf(j, cells[i]!.text) + best[i + 1]![j + 1]!;
        if (v > value + EPS) [value, choice] = [v, { kind: 'assign' }];
      }
      if (i < m && m - i > n - j && isEmpty(cells[i]!)) {
        const v = -DROP_COST + best[i + 1]![j]!;
        if (v > value + EPS) [value, choice] = [v, { kind: 'drop' }];
      }
      if (j < n && n - j > m - i) {
        const v = -SKIP_COST + best[i]![j + 1]!;
        if (v > value + EPS) [value, choice] = [v, { kind: 'skip' }];
      }
      if (j < n) {
        const maxCount = m - i - (n - j - 1);
        for (let count = 2; count <= maxCount; count += 1) {
          const merged = mergeCells(cells.slice(i, i + count));
          const v = scoreOf(j, merged.cell.text) - merged.cost + best[i + count]![j + 1]!;
          if (v > value + EPS) [value, choice] = [v, { kind: 'merge', count, cell: merged.cell }];
        }
      }
      best[i]![j] = value;
      step[i]![j] = choice;
    }
  }
  const out: Cell[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    const s = step[i]![j];
    if (!s) break;
    if (s.kind === 'assign') {
      out.push(cells[i]!);
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
  const same = trimmed.length === n && fitted.every((cell, k) => cell.text === trimmed[k]!.text);
  return { cells: fitted, changed: !same };
}

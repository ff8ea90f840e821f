/**
 * Shared by every table adapter: list the data tables of a page, rank them (a table with a name
 * column beats a timetable), and turn the chosen one into an extraction.
 */
import { captureKinds } from '@nastavnik/shared/enums';
import { AdapterError, type Detection, type Extraction, type TableChoice } from '../contract.js';
import {
  buildTablePayload,
  detectRoles,
  draftFromGrid,
  kindForRoles,
  rowsWord,
  type TableDefaults,
} from './draft.js';
import { findDataTables, readTable } from './read-table.js';

const SAMPLE_ROWS = 40;

export interface RankedTable {
  element: Element;
  choice: TableChoice;
  /** Has a column of pupils' names (or surnames): the table is about people. */
  hasNames: boolean;
  score: number;
}

export function rankTables(doc: Document): RankedTable[] {
  return findDataTables(doc)
    .map((element, index): RankedTable => {
      const sample = readTable(element, { maxRows: SAMPLE_ROWS, index });
      const roles = detectRoles(sample);
      const hasNames = roles.includes('full_name') || roles.includes('last_name');
      const known = roles.filter((role) => role !== 'ignore').length;
      return {
        element,
        choice: { index, label: sample.label, rows: sample.totalRows, columns: sample.headerPaths.length },
        hasNames,
        score: (hasNames ? 1_000_000 : 0) + known * 10_000 + Math.min(sample.totalRows, 9_999),
      };
    })
    .sort((a, b) => b.score - a.score || a.choice.index - b.choice.index);
}

export function describeTable(ranked: RankedTable, kind: 'roster' | 'grades', context?: string): string {
  const where = context ? ` ${context}` : '';
  return `${captureKinds.label(kind)}${where}: «${ranked.choice.label}», ${rowsWord(ranked.choice.rows)}`;
}

export function tableDetection(
  ranked: readonly RankedTable[],
  confidence: number,
  context?: string,
): Detection | null {
  const best = ranked[0];
  if (!best) return null;
  const kind = kindForRoles(detectRoles(readTable(best.element, { maxRows: SAMPLE_ROWS })));
  return {
    kind,
    summary: describeTable(best, kind, context),
    confidence,
    tables: ranked.map((table) => table.choice),
  };
}

/** Reads the chosen (or best) table in full and builds its payload with the detected roles. */
export function extractTable(
  ranked: readonly RankedTable[],
  tableIndex: number | undefined,
  defaults: TableDefaults,
): Extraction {
  const chosen =
    tableIndex === undefined ? ranked[0] : ranked.find((table) => table.choice.index === tableIndex);
  if (!chosen) throw new AdapterError('На странице нет таблицы с данными.');
  const grid = readTable(chosen.element, { index: chosen.choice.index });
  const draft = draftFromGrid(grid, defaults);
  const built = buildTablePayload(draft);
  return { kind: built.payload.kind, payload: built.payload, table: draft, warnings: built.warnings };
}

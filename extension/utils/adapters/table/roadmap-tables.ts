/**
 * Which tables of a page are road maps («дорожная карта», «план мероприятий»), told by the header
 * words road maps use rather than by site markup. Shared by the road-map adapter, which captures
 * them, the site audit, which counts one on the section page as the section's road map, and the
 * generic table adapter, which leaves them alone.
 */
import { normaliseText } from '@nastavnik/shared/capture';
import { findDataTables, readTable } from './read-table.js';

const HEADER_WORDS: readonly RegExp[] = [
  /мероприят/,
  /срок/,
  /ответствен|исполнител/,
  /результат|вид документа|продукт/,
  /содержани/,
  /этап/,
];
const TITLE_WORDS = /дорожн\S*\s+карт|план\S*\s+мероприят|план работы/i;

export interface RoadmapTable {
  element: Element;
  /** Position among the page's data tables, as the other table adapters number them. */
  index: number;
  rows: number;
}

function headerScore(table: Element): number {
  const grid = readTable(table, { maxRows: 1 });
  const header = normaliseText(
    grid.headerPaths.flat().join(' ') || (grid.rows[0] ?? []).join(' '),
  ).toLowerCase();
  return HEADER_WORDS.filter((pattern) => pattern.test(header)).length;
}

/** Road-map tables of the page, the most road-map-like first. */
export function findRoadmapTables(doc: Document): RoadmapTable[] {
  const titled =
    TITLE_WORDS.test(doc.title) ||
    Array.from(doc.querySelectorAll('h1, h2, h3')).some((h) => TITLE_WORDS.test(h.textContent));
  return findDataTables(doc)
    .map((element, index) => ({ element, index, score: headerScore(element) }))
    .filter(({ score }) => score >= 3 || (score >= 2 && titled))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ element, index }) => {
      const grid = readTable(element, { maxRows: 0 });
      // A header of plain <td> cells is not recognised as a header by the generic reader: do not count it.
      const headerless = grid.headerPaths.every((path) => path.length === 0);
      return { element, index, rows: Math.max(grid.totalRows - (headerless ? 1 : 0), 0) };
    });
}

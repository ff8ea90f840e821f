/**
 * Any HTML table (or ARIA grid) on any page → class list or grades, with column roles detected
 * from headers and values. The fallback behind every specific adapter: when a journal changes its
 * layout, the user can still capture the table here and fix the column mapping in the panel.
 */
import { type Adapter, isHttpPage } from './contract.js';
import { pageDefaults } from './table/page-context.js';
import { extractTable, rankTables, type RankedTable, tableDetection } from './table/pick.js';
import { findRoadmapTables } from './table/roadmap-tables.js';

/**
 * The page's tables less the road maps without a name column: those are the road-map adapter's, and
 * as a class list they would hold not one pupil.
 */
function offeredTables(doc: Document): RankedTable[] {
  const roadmaps = new Set(findRoadmapTables(doc).map(({ element }) => element));
  return rankTables(doc).filter((table) => table.hasNames || !roadmaps.has(table.element));
}

export const genericTableAdapter: Adapter = {
  id: 'generic-table',
  label: 'Таблица на странице',
  matches: isHttpPage,
  detect(doc) {
    const ranked = offeredTables(doc);
    const detection = tableDetection(ranked, ranked[0]?.hasNames ? 0.5 : 0.2);
    return detection;
  },
  extract(doc, _url, options) {
    // A journal this project has no adapter for still states the class and period around its table.
    return extractTable(offeredTables(doc), options?.tableIndex, pageDefaults(doc));
  },
};

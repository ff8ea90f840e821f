/**
 * A road map («дорожная карта», «план мероприятий») published as an HTML table on a school or
 * authority site → sanitised table HTML plus the draft the shared import engine makes of it, with
 * the engine's warnings (unparsed deadlines, rows split across page breaks) for the curator.
 * Serves any http(s) page. Detects by the header words road maps use, not by site markup.
 */
import { absolutiseUrls, sanitiseTableHtml } from '../sanitize.js';
import { type Adapter, AdapterError, type Detection, isHttpPage } from './contract.js';
import { importRoadmapHtml as engine, type ImportRoadmapHtml } from './roadmap-engine.js';
import { readTable, tableLabel } from './table/read-table.js';
import { rowsWord } from './table/draft.js';
import { findRoadmapTables } from './table/roadmap-tables.js';

export function createRoadmapTableAdapter(importHtml: ImportRoadmapHtml | null): Adapter {
  return {
    id: 'roadmap-table',
    label: 'Дорожная карта (таблица)',
    matches: isHttpPage,
    detect(doc): Detection | null {
      const tables = findRoadmapTables(doc);
      const best = tables[0];
      if (!best) return null;
      return {
        kind: 'roadmap_table',
        summary: `Дорожная карта: «${tableLabel(best.element, best.index)}», ${rowsWord(best.rows)}`,
        confidence: 0.95,
        tables: tables.map(({ element, index, rows }) => ({
          index,
          label: tableLabel(element, index),
          rows,
          columns: readTable(element, { maxRows: 0 }).headerPaths.length,
        })),
      };
    },
    extract(doc, url, options) {
      const tables = findRoadmapTables(doc);
      const chosen =
        options?.tableIndex === undefined ? tables[0] : tables.find((t) => t.index === options.tableIndex);
      if (!chosen) throw new AdapterError('На странице не найдена таблица, похожая на дорожную карту.');
      const copy = chosen.element.cloneNode(true) as Element;
      absolutiseUrls(copy, doc.baseURI || url.href);
      const win = doc.defaultView;
      if (!win) throw new AdapterError('Страница ещё не загружена.');
      // The heading above the table names the road map and its period («… на 2024–2025 учебный год»),
      // which the engine needs to turn «До 01 октября» into a date. Built through the DOM so it is escaped.
      const heading = doc.createElement('h1');
      heading.textContent = tableLabel(chosen.element, chosen.index).replace(/^Таблица \d+$/, '');
      const html = `${heading.textContent ? heading.outerHTML : ''}${sanitiseTableHtml(copy.outerHTML, win)}`;
      if (!importHtml) {
        return {
          kind: 'roadmap_table',
          payload: { kind: 'roadmap_table', html },
          warnings: [
            'Черновик дорожной карты будет разобран на сервере: модуль импорта недоступен в расширении.',
          ],
        };
      }
      const result = importHtml(html);
      if (!result.ok) {
        return {
          kind: 'roadmap_table',
          payload: { kind: 'roadmap_table', html },
          warnings: [`Не удалось разобрать таблицу: ${result.error.message}`],
        };
      }
      const messages = result.warnings.map((warning) =>
        warning.row > 0 ? `Строка ${warning.row}: ${warning.message}` : warning.message,
      );
      return {
        kind: 'roadmap_table',
        payload: {
          kind: 'roadmap_table',
          html,
          draft: result.draft,
          warnings: result.warnings.slice(0, 1_000),
        },
        warnings: messages.slice(0, 200),
      };
    },
  };
}

export const roadmapTableAdapter = createRoadmapTableAdapter(engine);

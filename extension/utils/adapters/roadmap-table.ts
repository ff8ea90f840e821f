/**
 * A road map («дорожная карта», «план мероприятий») published as an HTML table on a school or
 * authority site → sanitised table HTML plus the draft the shared import engine makes of it, with
 * the engine's warnings (unparsed deadlines, rows split across page breaks) for the curator.
 * Serves any http(s) page. Detects by the header words road maps use, not by site markup.
 */
import { normaliseText } from '@nastavnik/shared/capture';
import { absolutiseUrls, sanitiseTableHtml } from '../sanitize.js';
import { type Adapter, AdapterError, type Detection, isHttpPage } from './contract.js';
import { importRoadmapHtml as engine, type ImportRoadmapHtml } from './roadmap-engine.js';
import { findDataTables, readTable, tableLabel } from './table/read-table.js';
import { rowsWord } from './table/draft.js';

const HEADER_WORDS: readonly RegExp[] = [
  /мероприят/,
  /срок/,
  /ответствен|исполнител/,
  /результат|вид документа|продукт/,
  /содержани/,
  /этап/,
];
const TITLE_WORDS = /дорожн\S*\s+карт|план\S*\s+мероприят|план работы/i;

function headerScore(table: Element): number {
  const grid = readTable(table, { maxRows: 1 });
  const header = normaliseText(
    grid.headerPaths.flat().join(' ') || (grid.rows[0] ?? []).join(' '),
  ).toLowerCase();
  return HEADER_WORDS.filter((pattern) => pattern.test(header)).length;
}

function roadmapTables(doc: Document): Array<{ element: Element; index: number; rows: number }> {
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

export function createRoadmapTableAdapter(importHtml: ImportRoadmapHtml | null): Adapter {
  return {
    id: 'roadmap-table',
    label: 'Дорожная карта (таблица)',
    matches: isHttpPage,
    detect(doc): Detection | null {
      const tables = roadmapTables(doc);
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
      const tables = roadmapTables(doc);
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

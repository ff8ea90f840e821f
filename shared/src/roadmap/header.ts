/**
 * Finding the header of a road-map table by what its cells mean, so any column order or count
 * works: «№ п/п | Этапы | Мероприятие | Содержание деятельности | Ответственные | Сроки» and
 * «№ | Наименование мероприятий | Срок реализации | Ответственный исполнитель | Результат. Вид документа»
 * are the same table to us.
 */
import type { Cell, TableRow } from './document.js';
import type { RoadmapColumnRole } from './schema.js';
import { fold } from './text.js';

const RULES: ReadonlyArray<[RoadmapColumnRole, RegExp]> = [
  ['number', /^(?:№|n|no|nn|номер)(?:\s|$|\.|п)|п\/п|^№/],
  ['stage', /^(?:основн[а-я]* )?(?:этап|раздел|направлени|блок)/],
  ['content', /содержани|^описание|^формы? (?:и методы )?работы/],
  ['deadline', /срок|^дата|^период|^время|^когда/],
  ['responsible', /ответствен|исполнител/],
  ['result', /результат|вид документ|^итог|продукт|выходн|отчетн/],
  ['status', /^статус|отметка о выполнени|^выполнени/],
  ['evidence', /подтвержд|доказательств|^ссылк/],
  ['activity', /мероприяти|наименование|^действи|^вид(?:ы)? работ|^задач|^название/],
];

/**
 * The role a header cell names, or null when it names none we know. A longer text is a data cell, not
 * a header; a reader that knows it holds a header cell («Наименование органа исполнительной власти …,
 * ответственного за реализацию мероприятия») may allow more.
 */
export function headerRole(text: string, maxLength = 60): RoadmapColumnRole | null {
  const key = fold(text).replace(/[.:;,*]+$/, '');
  if (key.length === 0 || key.length > maxLength) return null;
  if (key.includes('показател')) return null;
  for (const [role, re] of RULES) if (re.test(key)) return role;
  return null;
}

export interface ActivityHeader {
  /** Index of the header row in the table's rows. */
  index: number;
  roles: Array<RoadmapColumnRole | null>;
}

/** «Наименование этапа», «Название этапа»: names a stage, though «наименование» reads as an activity. */
const STAGE_NAME = /^(?:наименование|название) (?:этап|раздел|направлени|блок)/;
/** «Мероприятия», «Наименование мероприятия»: a column that names the activities themselves. */
const ACTIVITY_NAME = 'мероприяти';

/** Columns of plans that are no part of a road map's activity: counted as understood, given no role. */
const OTHER_COLUMN = /^(?:количеств|финансов|затрат|стоимост|сумма|объем|источник|примечани|охват)/;

/** Roles of a row if it reads as a road-map header, else null. */
export function headerRoles(cells: readonly Cell[]): Array<RoadmapColumnRole | null> | null {
  const live = (cell: Cell): boolean => cell.spanned !== 'col' && cell.text.trim() !== '';
  const keys = cells.map((cell) => (live(cell) ? fold(cell.text) : ''));
  // «№ | Наименование этапа | Мероприятия | …»: the stage column is only the stage when another column
  // names the activities; without one, the stage cell is all the activity the row has, as today.
  const stageNamed =
    keys.some((key) => STAGE_NAME.test(key)) &&
    keys.some(
      (key) => !STAGE_NAME.test(key) && key.includes(ACTIVITY_NAME) && headerRole(key) === 'activity',
    );
  const seen = new Set<RoadmapColumnRole>();
  let nonEmpty = 0;
  let recognised = 0;
  const roles = cells.map((cell, index) => {
    if (!live(cell)) return null;
    nonEmpty += 1;
    const role = stageNamed && STAGE_NAME.test(keys[index] ?? '') ? 'stage' : headerRole(cell.text);
    // Columns a plan may carry besides its own («Количество человек», «Финансовые затраты»): known, no role.
    if (!role && OTHER_COLUMN.test(keys[index] ?? '')) recognised += 1;
    if (!role || seen.has(role)) return null;
    seen.add(role);
    recognised += 1;
    return role;
  });
  if (!seen.has('activity') && seen.has('stage') && !seen.has('content')) {
    // «N | Направления деятельности | Сроки | Ответственные лица»: the only text column is the activity.
    roles[roles.indexOf('stage')] = 'activity';
    seen.delete('stage');
    seen.add('activity');
  }
  if (!seen.has('activity') && seen.has('content')) {
    // «№ | Содержание работы | Срок | Ответственный»: the only text column is the activity.
    roles[roles.indexOf('content')] = 'activity';
    seen.delete('content');
    seen.add('activity');
  }
  const hasTask =
    seen.has('deadline') || seen.has('responsible') || seen.has('result') || seen.has('content');
  if (!seen.has('activity') || !hasTask) return null;
  if (recognised < Math.max(2, Math.ceil(nonEmpty * 0.6))) return null;
  return roles;
}

export function findActivityHeader(rows: readonly TableRow[]): ActivityHeader | null {
  for (const [index, row] of rows.slice(0, 8).entries()) {
    const roles = headerRoles(row.cells);
    if (roles) return { index, roles };
  }
  return null;
}

/** «1 | 2 | 3 | 4 | 5»: the column numbering rows printed under a header. */
export function isColumnNumberRow(cells: readonly Cell[]): boolean {
  const values = cells.map((cell) => cell.text.trim()).filter((text) => text.length > 0);
  if (values.length < 3 || values.length < cells.length * 0.6) return false;
  return values.every((value, i) => /^\d{1,2}\.?$/.test(value) && Number.parseInt(value, 10) === i + 1);
}

/** «2020 г.», «2021», «2022 год» as a column header: the year, else null. */
export function yearOfHeader(text: string): number | null {
  const m = /^(\d{4})\s*(?:г\.?|год)?$/.exec(fold(text));
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1990 && year <= 2100 ? year : null;
}

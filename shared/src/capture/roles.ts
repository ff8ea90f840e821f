/**
 * Labelled enumerations that belong to captures only: what a table column means, and which parts
 * of a school's «Наставничество» section a site audit looks for.
 */
import { enumeration } from '../enums.js';

/** What a column of a captured table holds; the user can correct the detected role in the panel. */
export const columnRoles = enumeration({
  ignore: 'Не использовать',
  index: '№ п/п',
  full_name: 'ФИО полностью',
  last_name: 'Фамилия',
  first_name: 'Имя',
  middle_name: 'Отчество',
  class_name: 'Класс',
  birth_date: 'Дата рождения',
  grade: 'Оценка (отметка)',
  final_grade: 'Итоговая отметка (четверть, год)',
  average_grade: 'Средний балл',
  absences: 'Пропуски',
  attendance_percent: 'Посещаемость, %',
});
export type ColumnRole = (typeof columnRoles.values)[number];

/** Roles that make a table a grades capture rather than a class list. */
export const performanceRoles: readonly ColumnRole[] = [
  'grade',
  'final_grade',
  'average_grade',
  'absences',
  'attendance_percent',
];

/** Roles that may appear in one column only; a second column with the same role is ambiguous. */
export const singleColumnRoles: readonly ColumnRole[] = [
  'index',
  'full_name',
  'last_name',
  'first_name',
  'middle_name',
  'class_name',
  'birth_date',
  // A row carries one final mark; a second period column (a yearly sheet) is the user's to map.
  'final_grade',
  'average_grade',
  'absences',
  'attendance_percent',
];

/**
 * Parts a public «Наставничество» section is expected to have (the municipal and regional road maps
 * require them; see shared/README.md, «Публичный раздел «Наставничество»»).
 */
export const siteAuditParts = enumeration({
  documents: 'Нормативные документы (положение, приказы)',
  roadmap: 'Дорожная карта',
  curator: 'Куратор и контакты',
  programmes: 'Программы наставничества',
  cases: 'Кейсы и лучшие практики',
  news: 'Новости и мероприятия',
  join_form: 'Как присоединиться (анкета, форма)',
  results: 'Результаты и показатели',
  accessible_version: 'Версия для слабовидящих',
});
export type SiteAuditPart = (typeof siteAuditParts.values)[number];

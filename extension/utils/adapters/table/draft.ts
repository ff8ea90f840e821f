/**
 * From a read table to a capture: detect what each column holds, then turn rows into roster or
 * grades rows with the (possibly user-corrected) column roles. The panel calls `buildTablePayload`
 * again whenever the user changes a role, so this is the one place rows become payload.
 */
import {
  type ColumnRole,
  type GradesPayload,
  type GradesRow,
  type RosterPayload,
  type RosterRow,
  captureLimits,
  detectColumnRole,
  guessColumnRole,
  isSummaryLabel,
  joinFullName,
  normaliseClassName,
  normaliseText,
  parseCount,
  parseDecimal,
  parseGrades,
  parsePercent,
  parseRussianDate,
  performanceRoles,
  singleColumnRoles,
} from '@nastavnik/shared/capture';
import { columnTitle, type TableGrid } from './read-table.js';

export interface TableDefaults {
  /** Class of every row when the page names it outside the table («Журнал 7А класса»). */
  className?: string;
  /** Period the grades are for, as the journal names it. */
  period?: string;
}

/** Everything the panel needs to show and re-map a table without asking the page again. */
export interface TableDraft {
  label: string;
  headers: string[];
  rows: string[][];
  rowGroups: Array<string | null>;
  roles: ColumnRole[];
  defaults: TableDefaults;
}

const STRONG_GUESSES: readonly ColumnRole[] = ['full_name', 'birth_date', 'class_name'];

function columnValues(rows: readonly string[][], column: number): string[] {
  const values: string[] = [];
  for (let r = 0; r < rows.length && values.length < 300; r += 1) values.push(rows[r]?.[column] ?? '');
  return values;
}

const YEAR_MARK = /годов|^год\.?$|^итог/i;

/** The last period column headed as the year's mark, when at least two period columns precede it. */
function yearMarkColumn(headerPaths: ReadonlyArray<readonly string[]>, roles: readonly ColumnRole[]): number {
  const periods = roles.flatMap((role, column) => (role === 'final_grade' ? [column] : []));
  const last = periods.at(-1);
  if (last === undefined || periods.length < 3) return -1;
  const header = headerPaths[last]?.at(-1) ?? '';
  return YEAR_MARK.test(normaliseText(header)) ? last : -1;
}

/** Roles from headers first, then from values; a role that must be unique keeps its first column. */
export function detectRoles(grid: Pick<TableGrid, 'headerPaths' | 'rows'>): ColumnRole[] {
  const roles = grid.headerPaths.map((path, column): ColumnRole => {
    const fromHeader = detectColumnRole(path);
    if (fromHeader) return fromHeader;
    const guess = guessColumnRole(columnValues(grid.rows, column));
    if (!guess) return 'ignore';
    // An unknown but meaningful header («Кабинет», «Телефон») only yields to unmistakable values.
    const headerSaysNothing = path.length === 0 || path.every((text) => /^[\d\s./-]*$/.test(text));
    return headerSaysNothing || STRONG_GUESSES.includes(guess) ? guess : 'ignore';
  });
  // A sheet of period marks alone («1 четв.», «2 четв.», «3 четв.») has no lesson marks for them to
  // stand apart from: they are its marks, and its average is taken over them.
  const periodSheet = !roles.includes('grade') && roles.filter((role) => role === 'final_grade').length > 1;
  // Its year mark («Годовая», «Итоговая») sums the periods up, as a quarter's mark sums up lessons.
  const yearColumn = periodSheet ? yearMarkColumn(grid.headerPaths, roles) : -1;
  const seen = new Set<ColumnRole>();
  return roles.map((detected, column) => {
    const role = periodSheet && detected === 'final_grade' && column !== yearColumn ? 'grade' : detected;
    if (!singleColumnRoles.includes(role)) return role;
    if (seen.has(role)) return 'ignore';
    seen.add(role);
    return role;
  });
}

export function draftFromGrid(
  grid: TableGrid,
  defaults: TableDefaults = {},
  roles?: ColumnRole[],
): TableDraft {
  return {
    label: grid.label,
    headers: grid.headerPaths.map((path, index) => columnTitle(path, index)),
    rows: grid.rows,
    rowGroups: grid.rowGroups,
    roles: roles ?? detectRoles(grid),
    defaults,
  };
}

export function kindForRoles(roles: readonly ColumnRole[]): 'roster' | 'grades' {
  return roles.some((role) => performanceRoles.includes(role)) ? 'grades' : 'roster';
}

export interface BuiltTable {
  payload: RosterPayload | GradesPayload;
  /** Rows that became payload rows. */
  accepted: number;
  /** Indexes of table rows left out (no name, «Итого», markup), so the preview can show which. */
  skipped: number[];
  warnings: string[];
}

const CLASS_IN_TEXT = /(\d{1,2}\s*[-–]?\s*[«"]?[А-ЯЁA-Z][»"]?)(?=\s*(класс|$))/i;

function classFromGroup(group: string | null): string | undefined {
  if (!group) return undefined;
  const match = CLASS_IN_TEXT.exec(normaliseText(group));
  return match?.[1] ? normaliseClassName(match[1]) : undefined;
}

function plural(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function rowsWord(count: number): string {
  return `${count.toLocaleString('ru-RU')} ${plural(count, 'строка', 'строки', 'строк')}`;
}

/** Where each role's column is; -1 when no column has it. */
interface Columns {
  fullName: number;
  lastName: number;
  firstName: number;
  middleName: number;
  className: number;
  birthDate: number;
  average: number;
  absences: number;
  attendance: number;
  grades: number[];
  finalGrade: number;
}

function columnsFor(roles: readonly ColumnRole[]): Columns {
  const at = (role: ColumnRole): number => roles.indexOf(role);
  return {
    fullName: at('full_name'),
    lastName: at('last_name'),
    firstName: at('first_name'),
    middleName: at('middle_name'),
    className: at('class_name'),
    birthDate: at('birth_date'),
    average: at('average_grade'),
    absences: at('absences'),
    attendance: at('attendance_percent'),
    grades: roles.flatMap((role, index) => (role === 'grade' ? [index] : [])),
    finalGrade: at('final_grade'),
  };
}

function cell(row: readonly string[], column: number): string {
  return column >= 0 ? (row[column] ?? '') : '';
}

function optionalText(value: string, max: number): string | undefined {
  const text = normaliseText(value);
  return text && text.length <= max ? text : undefined;
}

/** Why a row is left out; the counts of these and of unreadable values make the warnings. */
interface Counts {
  summaries: number;
  nameless: number;
  tooLong: number;
  markup: number;
  /** Cells whose value was not read, each to be named in a warning by its row and column. */
  unclear: UnclearCell[];
}

interface UnclearCell {
  /** The row's number among the table's rows, from 1. */
  row: number;
  fullName: string;
  column: number;
  value: string;
  what: 'date' | 'number';
}

type Skip = 'summaries' | 'nameless' | 'tooLong' | 'markup';

interface RowName {
  fullName: string;
  /** Last, first and middle name as their own columns have them. */
  parts: Array<string | undefined>;
}

/** The person a row is about, or why the row is not about one. */
function rowName(row: readonly string[], columns: Columns): RowName | Skip {
  const parts = [
    cell(row, columns.lastName),
    cell(row, columns.firstName),
    cell(row, columns.middleName),
  ].map((part) => optionalText(part, 100));
  const fullName = normaliseText(columns.fullName >= 0 ? cell(row, columns.fullName) : joinFullName(parts));
  // «Итого: 27» may sit in any column, often a merged cell left of the name column.
  const firstFilled = row.find((value) => value !== '') ?? '';
  if (isSummaryLabel(fullName) || isSummaryLabel(firstFilled)) return 'summaries';
  if (!fullName) return 'nameless';
  if (fullName.length > 200) return 'tooLong';
  if (/[<>]/.test(fullName) || parts.some((part) => part !== undefined && /[<>]/.test(part))) return 'markup';
  return { fullName, parts };
}

/** The row's class: its own column, the group row above it («7А класс»), or the page's. */
function rowClass(
  draft: TableDraft,
  row: readonly string[],
  index: number,
  columns: Columns,
): string | undefined {
  const rawClass =
    optionalText(cell(row, columns.className), 30) ??
    classFromGroup(draft.rowGroups[index] ?? null) ??
    (draft.defaults.className ? optionalText(draft.defaults.className, 30) : undefined);
  return rawClass === undefined ? undefined : normaliseClassName(rawClass);
}

function rosterRow(
  row: readonly string[],
  rowNumber: number,
  { fullName, parts }: RowName,
  className: string | undefined,
  columns: Columns,
  counts: Counts,
): RosterRow {
  const entry: RosterRow = { fullName };
  if (parts[0]) entry.lastName = parts[0];
  if (parts[1]) entry.firstName = parts[1];
  if (parts[2]) entry.middleName = parts[2];
  if (className) entry.className = className;
  const birth = normaliseText(cell(row, columns.birthDate));
  if (birth) {
    const iso = parseRussianDate(birth);
    if (iso) entry.birthDate = iso;
    else
      counts.unclear.push({
        row: rowNumber,
        fullName,
        column: columns.birthDate,
        value: birth,
        what: 'date',
      });
  }
  return entry;
}

// «н», «нб», «н/б» (absent), «б» (ill), «у», «ув» (excused) in a lesson cell: an absence, not a mark.
const ABSENCE_MARK = /^(н|нб|б|у|ув)$/i;

function isAbsenceCell(value: string): boolean {
  const text = normaliseText(value);
  // «н/а» is «не аттестован», a period's verdict, not a missed lesson.
  if (/^н\s*\/\s*а$/i.test(text)) return false;
  return text.split(/[\s,;/]+/).some((token) => ABSENCE_MARK.test(token));
}

/** Whether the lesson cells carry absences, to be counted where the table has no column of them. */
function marksAbsences(rows: ReadonlyArray<readonly string[]>, columns: Columns): boolean {
  return (
    columns.absences < 0 &&
    rows.some((row) => columns.grades.some((column) => isAbsenceCell(cell(row, column))))
  );
}

function gradesRow(
  row: readonly string[],
  rowNumber: number,
  { fullName }: RowName,
  className: string | undefined,
  columns: Columns,
  counts: Counts,
  countAbsences: boolean,
): GradesRow {
  const entry: GradesRow = { fullName };
  if (className) entry.className = className;
  const read = <T>(column: number, parse: (value: string) => T | undefined): T | undefined => {
    const raw = normaliseText(cell(row, column));
    if (!raw || /^[-–—]$/.test(raw)) return undefined;
    const value = parse(raw);
    if (value === undefined)
      counts.unclear.push({ row: rowNumber, fullName, column, value: raw, what: 'number' });
    return value;
  };
  const average = read(columns.average, (value) => {
    const number = parseDecimal(value);
    return number !== undefined && number >= 0 && number <= 100 ? number : undefined;
  });
  if (average !== undefined) entry.averageGrade = average;
  const absences = read(columns.absences, parseCount);
  if (absences !== undefined) entry.absences = absences;
  else if (countAbsences)
    entry.absences = columns.grades.filter((column) => isAbsenceCell(cell(row, column))).length;
  const attendance = read(columns.attendance, parsePercent);
  if (attendance !== undefined) entry.attendancePercent = attendance;
  const values = columns.grades.flatMap((column) => parseGrades(cell(row, column)));
  if (values.length > 0) entry.grades = values.slice(0, captureLimits.maxGradesPerRow);
  // Words («н/а», «зач») are skipped as in lesson cells; two marks («4/5») leave the period's mark
  // undecided, so it is counted as unreadable rather than one of them picked.
  const [final, ...more] = parseGrades(cell(row, columns.finalGrade));
  if (more.length > 0) {
    const value = normaliseText(cell(row, columns.finalGrade));
    counts.unclear.push({ row: rowNumber, fullName, column: columns.finalGrade, value, what: 'number' });
  } else if (final !== undefined) entry.finalGrade = final;
  return entry;
}

/** At most this many unread cells are named one by one; the rest are counted. */
const NAMED_CELLS = 20;

function unclearWarning(cell: UnclearCell, headers: readonly string[]): string {
  const header = (headers[cell.column] ?? `Столбец ${cell.column + 1}`).slice(0, 100);
  const what =
    cell.what === 'date' ? 'не распознана дата рождения «%», она' : 'не распознано значение «%», оно';
  const place = `Строка ${cell.row} («${cell.fullName.slice(0, 100)}»), столбец «${header}»`;
  return `${place}: ${what.replace('%', cell.value.slice(0, 50))} не отправится.`;
}

function tableWarnings(counts: Counts, columns: Columns, headers: readonly string[]): string[] {
  const warnings: string[] = [];
  const named = columns.fullName >= 0 || columns.lastName >= 0;
  if (!named) warnings.push('Не выбран столбец с ФИО или фамилией: укажите его в сопоставлении столбцов.');
  const { summaries, nameless, tooLong, markup, unclear } = counts;
  if (summaries > 0) warnings.push(`Пропущено итоговых строк («Итого», «Средний балл»): ${summaries}.`);
  if (nameless > 0 && named) warnings.push(`Пропущено строк без ФИО: ${nameless}.`);
  if (tooLong > 0) warnings.push(`Пропущено строк со слишком длинным ФИО (больше 200 символов): ${tooLong}.`);
  if (markup > 0) warnings.push(`Пропущено строк, где вместо ФИО разметка или код («<», «>»): ${markup}.`);
  for (const cell of unclear.slice(0, NAMED_CELLS)) warnings.push(unclearWarning(cell, headers));
  if (unclear.length > NAMED_CELLS)
    warnings.push(`Не распознаны ещё значения (${unclear.length - NAMED_CELLS}); они не отправятся.`);
  return warnings;
}

/**
 * Builds the payload for `roles`. Rows without a name and summary rows («Итого») are skipped;
 * values that cannot be read are left out and counted in a warning, never guessed.
 */
export function buildTablePayload(draft: TableDraft, roles: readonly ColumnRole[] = draft.roles): BuiltTable {
  const kind = kindForRoles(roles);
  const columns = columnsFor(roles);
  const counts: Counts = { summaries: 0, nameless: 0, tooLong: 0, markup: 0, unclear: [] };
  const roster: RosterRow[] = [];
  const grades: GradesRow[] = [];
  const skipped: number[] = [];
  const countAbsences = kind === 'grades' && marksAbsences(draft.rows, columns);

  draft.rows.forEach((row, index) => {
    const name = rowName(row, columns);
    if (typeof name === 'string') {
      counts[name] += 1;
      skipped.push(index);
      return;
    }
    const className = rowClass(draft, row, index, columns);
    if (kind === 'roster') roster.push(rosterRow(row, index + 1, name, className, columns, counts));
    else grades.push(gradesRow(row, index + 1, name, className, columns, counts, countAbsences));
  });

  const tableColumns = draft.headers.map((header, index) => ({
    header: header.slice(0, 300),
    role: roles[index] ?? 'ignore',
  }));
  const payload: RosterPayload | GradesPayload =
    kind === 'roster'
      ? { kind, rows: roster, columns: tableColumns }
      : {
          kind,
          rows: grades,
          columns: tableColumns,
          ...(draft.defaults.period ? { period: draft.defaults.period.slice(0, 100) } : {}),
        };
  const accepted = kind === 'roster' ? roster.length : grades.length;
  return { payload, accepted, skipped, warnings: tableWarnings(counts, columns, draft.headers) };
}

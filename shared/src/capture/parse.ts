/**
 * Text parsing that every table adapter needs: recognising what a column holds from its header or
 * its values, and reading Russian school notation (grades, «4,67», «95 %», «12.03.2011»).
 * Pure string functions, so the extension and the CMS read a cell the same way.
 */
import type { ColumnRole } from './roles.js';
// Below the type import, which keeps the file comment above in parse.d.ts.
import { group } from '../roadmap/text.js';

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Most cells are already clean; testing first keeps a 50 000-cell table from paying for two replaces each.
const UNCLEAN =
  /[\u00ad\u200b-\u200d\u2060\ufeff\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]| {2}/;

/** Collapses the whitespace HTML leaves in cells (nbsp, newlines, indentation) and drops invisible characters. */
export function normaliseText(value: string): string {
  return UNCLEAN.test(value) ? value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim() : value.trim();
}

function key(value: string): string {
  return normaliseText(value)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[:*]+$/, '')
    .trim();
}

const MONTH_STEMS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const MONTH_IN_TEXT = /(январ|феврал|март|апрел|\bма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)/;

type Rule = readonly [ColumnRole, RegExp];

// Order matters: the narrow, unambiguous headers come first («Фамилия» before the «фамилия, имя» of a full name,
// «средний балл» before the generic «оценки»).
const HEADER_RULES: readonly Rule[] = [
  ['index', /^(№|n|no|#|номер)\.?\s*(п\s*\/?\s*п)?\.?$|^п\s*\/\s*п$/],
  ['attendance_percent', /посещаем|%\s*посещ|присутств.*%|%\s*присутств/],
  ['absences', /пропус|пропущ|отсутств|неявк|^н\s*\/?\s*б$|^(н|нб)$/],
  ['average_grade', /средн.*(балл|оцен|отмет)|ср\.\s*(балл|оц)|^ср\.?\s*$|^средн/],
  ['birth_date', /рожд|^д\.\s*р\.?$|^др$/],
  ['last_name', /^фамилия$/],
  ['first_name', /^имя$/],
  ['middle_name', /^отчество$/],
  ['class_name', /^(класс|группа|параллель|литера)(\b|$)(?!.*руковод)/],
  [
    'full_name',
    /фио|ф\.\s*и\.\s*о|^ф\.?\s*и\.?$|ученик|учащ|обучающ|воспитанник|студент|фамилия,?\s*(и\s+)?имя|^участник|наставляем|^список/,
  ],
  // A period's final mark («Итог», «4 четв.», «Годовая») before the lesson marks it sums up, even when
  // worded as one («Отметка за четверть»): averaged with them, it would skew the pupil's average.
  [
    'final_grade',
    /итог(?!о(?![а-я]))|четверт|триместр|полугод|годов|^год\.?$|^[1-4]\s*(ч|чет|четв|тр|п\/г|пг)\.?$|^[ivx]{1,3}$/,
  ],
  ['grade', /оценк|отметк|экзамен|^\d{1,2}[./]\d{1,2}([./]\d{2,4})?$/],
];

// «1 четверть», «II полугодие»: a period heading with its own number, whose sub-columns are lesson days.
const NUMBERED_PERIOD = /(^|\s)([1-4]|i{1,3}|iv)\s*(-?я\s+)?(четверт|триместр|полугод)/;

/**
 * The role a header names, or null when the words do not say. `path` is the header from the top
 * row down to the column's own cell (merged header rows give several levels): the column's own
 * label is tried first, then the whole path, so «Оценки / Средний балл» is an average, not a grade.
 */
export function detectColumnRole(path: readonly string[]): ColumnRole | null {
  const levels = path.map(key).filter((level) => level.length > 0);
  const leaf = levels.at(-1);
  if (leaf === undefined) return null;
  // Gradebooks put lesson days («1», «15») under a month («Сентябрь»), a numbered period («1 четверть»)
  // or a «Оценки» header; the period's word above a day does not make the day a final mark.
  const lessonDay =
    /^\d{1,2}$/.test(leaf) &&
    levels
      .slice(0, -1)
      .some((level) => MONTH_IN_TEXT.test(level) || NUMBERED_PERIOD.test(level) || /оцен|отмет/.test(level));
  for (const candidate of [leaf, levels.join(' ')]) {
    for (const [role, pattern] of HEADER_RULES) {
      if (lessonDay && role === 'final_grade') continue;
      if (pattern.test(candidate)) return role;
    }
  }
  return lessonDay ? 'grade' : null;
}

const PERSON_WORD = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const PERSON_NAME = new RegExp(
  `^${PERSON_WORD}(?:\\s+${PERSON_WORD}){1,3}$|^${PERSON_WORD}\\s+[А-ЯЁ]\\.\\s*(?:[А-ЯЁ]\\.)?$`,
);
/** «Иванова Мария Петровна», «Ким Анна-Мария», «Иванов И.И.»: what a cell with a pupil looks like. */
export function looksLikePersonName(value: string): boolean {
  return PERSON_NAME.test(normaliseText(value));
}
const CLASS_NAME = /^\d{1,2}\s*[-–]?\s*[«"]?[А-ЯЁа-яёA-Za-z][»"]?(\s*класс)?$/;
const PERCENT = /^\d{1,3}(?:[.,]\d+)?\s*%$/;
const DECIMAL_GRADE = /^(?:[1-4][.,]\d{1,2}|5[.,]0{1,2})$/;
const GRADE_TOKEN = /^(?:(?:10|[1-9])[+-]?|н|нб|н\/б|б|у|п|ув|осв|зач|незач|—|-)$/i;

function share(values: readonly string[], test: (value: string) => boolean): number {
  let hits = 0;
  for (const value of values) if (test(value)) hits += 1;
  return values.length === 0 ? 0 : hits / values.length;
}

/** Guesses a role from what a column holds when its header says nothing useful («Столбец 3», empty). */
export function guessColumnRole(values: readonly string[]): ColumnRole | null {
  const sample = values
    .slice(0, 300)
    .map(normaliseText)
    .filter((value) => value.length > 0);
  if (sample.length === 0) return null;
  const enough = (ratio: number): boolean => ratio >= 0.7;
  if (enough(share(sample, (v) => PERSON_NAME.test(v)))) return 'full_name';
  if (enough(share(sample, (v) => parseRussianDate(v) !== undefined))) return 'birth_date';
  if (enough(share(sample, (v) => CLASS_NAME.test(v)))) return 'class_name';
  if (enough(share(sample, (v) => PERCENT.test(v)))) return 'attendance_percent';
  if (
    enough(share(sample, (v) => DECIMAL_GRADE.test(v) || /^[1-5]$/.test(v))) &&
    sample.some((v) => /[.,]/.test(v))
  ) {
    return 'average_grade';
  }
  const gradeCell = (v: string): boolean => v.split(/[\s,;/]+/).every((token) => GRADE_TOKEN.test(token));
  if (enough(share(sample, gradeCell)) && sample.some((v) => /\d/.test(v))) return 'grade';
  return null;
}

/** Grades written in one cell: «5», «4 5», «5/4», «3+», with «н» (absent) and other marks skipped. */
export function parseGrades(cell: string): number[] {
  const grades: number[] = [];
  for (const token of normaliseText(cell).split(/[\s,;/]+/)) {
    const match = /^(10|[1-9])[+-]?$/.exec(token);
    if (match?.[1] !== undefined) grades.push(Number(match[1]));
  }
  return grades;
}

/** «4,67», «4.67», «4» → number; anything else (dashes, words, empty) → undefined. */
export function parseDecimal(cell: string): number | undefined {
  const match = /^(-?\d+(?:[.,]\d+)?)$/.exec(normaliseText(cell).replace(/\s/g, ''));
  return match?.[1] === undefined ? undefined : Number(match[1].replace(',', '.'));
}

/** The first whole number in a cell: «12», «12 (3 по ув.)» → 12. */
export function parseCount(cell: string): number | undefined {
  const match = /^\D{0,3}?(\d{1,6})(?!\d|[.,]\d)/.exec(normaliseText(cell));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** «95%», «95,5 %», «95» → 95.5 etc.; values outside 0–100 are not percentages. */
export function parsePercent(cell: string): number | undefined {
  const value = parseDecimal(normaliseText(cell).replace(/%$/, '').trim());
  return value !== undefined && value >= 0 && value <= 100 ? value : undefined;
}

const GENITIVE_MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  MONTH_STEMS.map((stem, index) => [stem, index + 1]),
);

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  if (year < 1900 || year > 2100) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Russian date notations → YYYY-MM-DD: «12.03.2011», «12.03.11», «2011-03-12», «12 марта 2011 г.».
 * Two-digit years are read as birth years (not in the future), the only place journals use them.
 */
export function parseRussianDate(cell: string, today: Date = new Date()): string | undefined {
  const trimmed = cell.trim();
  // The common «12.03.2011» needs none of the word handling below.
  const text = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(trimmed)
    ? trimmed
    : key(cell).replace(/\s*г(ода|\.)?$/, '');
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(text);
  if (match) {
    let year = Number(match[3]);
    if (group(match, 3).length === 2) {
      const century = today.getFullYear() % 100 >= year ? 2000 : 1900;
      year += century;
    }
    return isoDate(year, Number(match[2]), Number(match[1]));
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\s+([а-я]+)\s+(\d{4})$/.exec(text);
  if (match) {
    const word = group(match, 2);
    const stem = MONTH_STEMS.find(
      (candidate) => word.startsWith(candidate) && (candidate !== 'ма' || /^ма[йя]$/.test(word)),
    );
    const month = stem === undefined ? undefined : GENITIVE_MONTHS[stem];
    if (month !== undefined) return isoDate(Number(match[3]), month, Number(match[1]));
  }
  return undefined;
}

const SCHOOL_CLASS = /^(\d{1,2})\s*[-–]?\s*[«"„]?\s*([А-ЯЁа-яёA-Za-z])\s*[»"“]?(?:\s*класс)?$/;

/**
 * «7 «а»», «7-А», «7А класс» → «7А», so the same class written three ways is one class; other
 * group names («ТМ-21», «Группа 3») are kept as written.
 */
export function normaliseClassName(value: string): string {
  const text = normaliseText(value);
  const match = SCHOOL_CLASS.exec(text);
  return match ? `${match[1]}${group(match, 2).toUpperCase()}` : text;
}

const SUMMARY = /^\s*(итого|всего|средн|ср\.|по классу|в среднем)/i;

/** Rows journals append under the pupils («Итого», «Средний балл по классу») are not pupils. */
export function isSummaryLabel(cell: string): boolean {
  return SUMMARY.test(cell);
}

/** Builds «Фамилия Имя Отчество» from the parts a table keeps in separate columns. */
export function joinFullName(parts: ReadonlyArray<string | undefined>): string {
  return normaliseText(parts.filter((part): part is string => Boolean(part)).join(' '));
}

/**
 * Russian deadlines as road maps write them («До 01 октября», «Февраль-май 2022», «Декабрь, май»,
 * «в течение всего периода», «по плану работы УОиМП») turned into date windows. The text is always
 * kept: a curator sees what the document said, and the windows are only what we understood of it.
 *
 * Plain calendar arithmetic on ISO strings is enough here, so no date library is pulled into the
 * extension bundle.
 */
import type { Deadline, DeadlineKind, DeadlineWindow, DeadlineRecurrence } from './schema.js';
import { collapse, fold, group } from './text.js';

export interface DeadlineContext {
  /** First year of the road map's period; a date written without a year is placed inside it. */
  periodStart?: number;
  periodEnd?: number;
  /**
   * The period is counted in school years: a month without a year is September–December of
   * `periodStart` or January–August of the year after.
   */
  academicYear?: boolean;
  /**
   * When the document was approved (ISO date). A plan for year Y approved in the autumn of Y−1 starts
   * then: its months from the approval month on, written without a year, are in Y−1.
   */
  approvedOn?: string;
}

type Atom =
  | { type: 'day'; day: number; month: number; year?: number }
  /** Days `first` to `last` of a month (to its end without `last`): a decade, a half, «начало». */
  | { type: 'part'; month: number; first: number; last?: number; year?: number }
  | { type: 'month'; month: number; year?: number }
  | { type: 'quarter'; quarter: number; year?: number }
  | { type: 'half'; half: 1 | 2; year?: number }
  | { type: 'year'; year: number }
  | { type: 'academic'; year: number };

type Token =
  | { t: 'atom'; atom: Atom }
  | { t: 'num'; n: number }
  | { t: 'dash' | 'po' | 'do' | 'from' | 'until' | 'sep' }
  | { t: 'word'; text: string }
  | { t: 'invalid'; text: string };

type Element =
  | { type: 'point'; a: Atom }
  | { type: 'range'; a: Atom; b: Atom }
  | { type: 'until'; a: Atom }
  | { type: 'from'; a: Atom };

const MONTH = String.raw`(январ[а-я]*|феврал[а-я]*|март[а-я]*|апрел[а-я]*|ма[йяею](?![а-я])|июн[а-я]*|июл[а-я]*|август[а-я]*|сентябр[а-я]*|октябр[а-я]*|ноябр[а-я]*|декабр[а-я]*|янв\.|февр?\.|мар\.|апр\.|авг\.|сент?\.|окт\.|нояб?\.|дек\.)`;
const YEAR_TAIL = String.raw`(?:\s+(\d{4})(?!\d))?`;

const MONTH_PREFIXES: ReadonlyArray<[string, number]> = [
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['ма', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
];

function monthOfWord(word: string): number {
  for (const [prefix, month] of MONTH_PREFIXES) if (word.startsWith(prefix)) return month;
  return 0;
}

function ordinal(word: string): number {
  if (/^(перв|1|i$)/.test(word)) return 1;
  if (/^(втор|2|ii$)/.test(word)) return 2;
  if (/^(трет|3|iii$)/.test(word)) return 3;
  if (/^(четв|4|iv$)/.test(word)) return 4;
  return 0;
}

function toYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const year = value.length === 2 ? 2000 + n : n;
  return year >= 1900 && year <= 2200 ? year : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray) => Token | null;
}

const rules: Rule[] = [
  {
    // «2022-2023 уч. год», «2020/2021 учебного года»: must come before a plain year range.
    re: /(\d{4})\s*[-/]\s*(\d{4}|\d{2})\s*(?:уч(?:\.|ебн[а-я]*)?)\s*(?:год[а-я]*)?/y,
    make: (m) => {
      const a = toYear(m[1]);
      const b = Number(m[2]);
      if (a === undefined || (b !== a + 1 && b !== (a + 1) % 100)) return null;
      return { t: 'atom', atom: { type: 'academic', year: a } };
    },
  },
  {
    re: /(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4}|\d{2})(?!\d)/y,
    make: (m) => day(Number(m[1]), Number(m[2]), toYear(m[3]) ?? -1) ?? { t: 'invalid', text: m[0] },
  },
  {
    re: /(\d{1,2})\.(\d{1,2})\.?(?![\d])/y,
    make: (m) => day(Number(m[1]), Number(m[2]), undefined) ?? { t: 'invalid', text: m[0] },
  },
  {
    re: new RegExp(
      String.raw`(перв[а-я]*|втор[а-я]*|трет[а-я]*|[123]|i{1,3})(?:-?[а-я]{1,2})?\s+декад[а-я]*\s+${MONTH}${YEAR_TAIL}`,
      'y',
    ),
    make: (m) => {
      const decade = ordinal(group(m, 1));
      const month = monthOfWord(group(m, 2));
      if (decade < 1 || decade > 3 || !month) return null;
      return monthPart(month, (decade - 1) * 10 + 1, decade === 3 ? undefined : decade * 10, m[3]);
    },
  },
  {
    // «2-я половина сентября», «в первой половине мая»: the 1st–15th, or the 16th to the month's end.
    re: new RegExp(
      String.raw`(перв[а-я]*|втор[а-я]*|[12]|i{1,2})(?:-?[а-я]{1,2})?\s+половин[а-я]*\s+${MONTH}${YEAR_TAIL}`,
      'y',
    ),
    make: (m) => {
      const half = ordinal(group(m, 1));
      const month = monthOfWord(group(m, 2));
      if (half < 1 || half > 2 || !month) return null;
      return half === 1 ? monthPart(month, 1, 15, m[3]) : monthPart(month, 16, undefined, m[3]);
    },
  },
  {
    // «вторая половина 2025 года», «в первой половине 2026 г.»: a half of a year is its half-year, as
    // «II полугодие» is. The year must be written: without it «половина» may be of anything.
    re: /(перв[а-я]*|втор[а-я]*|[12]|i{1,2})(?:-?[а-я]{1,2})?\s+половин[а-я]*\s+(\d{4})(?!\d)/y,
    make: (m) => {
      const half = ordinal(group(m, 1));
      const year = toYear(m[2]);
      if ((half !== 1 && half !== 2) || year === undefined) return null;
      return { t: 'atom', atom: { type: 'half', half, year } };
    },
  },
  {
    // «начало сентября», «конец мая»: the first, middle or last ten days of the month.
    re: new RegExp(String.raw`(начал[а-я]*|середин[а-я]*|конец|конц[а-я]*)\s+${MONTH}${YEAR_TAIL}`, 'y'),
    make: (m) => {
      const month = monthOfWord(group(m, 2));
      if (!month) return null;
      const part = group(m, 1);
      if (part.startsWith('нач')) return monthPart(month, 1, 10, m[3]);
      return part.startsWith('сер') ? monthPart(month, 11, 20, m[3]) : monthPart(month, 21, undefined, m[3]);
    },
  },
  {
    re: new RegExp(String.raw`(\d{1,2})(?:-?(?:го|е|ое))?\s+${MONTH}${YEAR_TAIL}`, 'y'),
    make: (m) => day(Number(m[1]), monthOfWord(group(m, 2)), toYear(m[3])),
  },
  {
    re: /(iv|i{1,3}|[1-4])\s*(?:-?(?:й|ый|ой))?\s*(?:квартал[а-я]*|кв\.)(?:\s+(\d{4})(?!\d))?/y,
    make: (m) => ({
      t: 'atom',
      atom: { type: 'quarter', quarter: ordinal(group(m, 1)), year: toYear(m[2]) },
    }),
  },
  {
    re: /(ii|i|[12]|перв[а-я]*|втор[а-я]*)\s*(?:-?(?:е|ое))?\s*полугоди[а-я]*(?:\s+(\d{4})(?!\d))?/y,
    make: (m) => ({
      t: 'atom',
      atom: { type: 'half', half: ordinal(group(m, 1)) as 1 | 2, year: toYear(m[2]) },
    }),
  },
  {
    re: new RegExp(MONTH + YEAR_TAIL, 'y'),
    make: (m) => ({
      t: 'atom',
      atom: { type: 'month', month: monthOfWord(group(m, 1)), year: toYear(m[2]) },
    }),
  },
  {
    re: /(\d{4})(?!\d)/y,
    make: (m) => {
      const year = toYear(m[1]);
      return year === undefined ? null : { t: 'atom', atom: { type: 'year', year } };
    },
  },
  { re: /(\d{1,2})(?!\d)/y, make: (m) => ({ t: 'num', n: Number(m[1]) }) },
  { re: /-/y, make: () => ({ t: 'dash' }) },
  { re: /(?:не позднее|не позже)(?![а-я])/y, make: () => ({ t: 'until' }) },
  { re: /(?:до)(?![а-я])/y, make: () => ({ t: 'do' }) },
  { re: /(?:по)(?![а-я])/y, make: () => ({ t: 'po' }) },
  { re: /(?:ко|к)(?![а-я])/y, make: () => ({ t: 'until' }) },
  { re: /(?:начиная\s+со?|со|с)(?![а-я])/y, make: () => ({ t: 'from' }) },
  { re: /(?:[,;]|(?:и|или)(?![а-я]))/y, make: () => ({ t: 'sep' }) },
  { re: /[a-zа-я]+\.?/y, make: (m) => ({ t: 'word', text: m[0] }) },
];

function monthPart(month: number, first: number, last: number | undefined, year: string | undefined): Token {
  return { t: 'atom', atom: { type: 'part', month, first, last, year: toYear(year) } };
}

function day(d: number, month: number, year: number | undefined): Token | null {
  if (month < 1 || month > 12 || d < 1) return null;
  if (year === -1) return null; // a written year outside the plausible range
  if (d > (year === undefined ? daysInMonth(2024, month) : daysInMonth(year, month))) return null;
  return { t: 'atom', atom: { type: 'day', day: d, month, year } };
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === ' ' || ch === '(' || ch === ')' || ch === '.' || ch === '"' || ch === '«' || ch === '»') {
      i += 1;
      continue;
    }
    for (const rule of rules) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(s);
      if (!m || m[0].length === 0) continue;
      const token = rule.make(m);
      if (!token) continue;
      tokens.push(token);
      i += m[0].length;
      continue outer;
    }
    i += 1;
  }
  return tokens;
}

/** Words that carry no meaning of their own in a deadline and so are not «left over». */
const FILLER = new Set([
  'в',
  'во',
  'на',
  'течение',
  'срок',
  'сроки',
  'г',
  'г.',
  'гг',
  'гг.',
  'год',
  'года',
  'году',
  'уч',
  'уч.',
  'учебного',
  'учебный',
  'учебном',
  'включительно',
  'числа',
  'месяца',
  'текущего',
  'от',
  'за',
]);

function parseElements(tokens: Token[]): { elements: Element[]; leftovers: string[] } {
  const elements: Element[] = [];
  const leftovers: string[] = [];
  const meaningful: Token[] = [];
  for (const token of tokens) {
    if (token.t === 'invalid') continue;
    if (token.t === 'word') {
      if (!FILLER.has(token.text)) leftovers.push(token.text);
    } else meaningful.push(token);
  }
  let i = 0;
  const at = (k: number): Token | undefined => meaningful[k];
  // Each pass reads one element and moves `i` past it; the loop ends when `i` runs past the last token.
  for (let token = at(i); token !== undefined; token = at(i)) {
    if (token.t === 'sep') {
      i += 1;
      continue;
    }
    let prefix: 'from' | 'until' | null = null;
    if (token.t === 'from') {
      prefix = 'from';
      i += 1;
    } else if (token.t === 'do' || token.t === 'until' || (token.t === 'po' && at(i + 1)?.t === 'atom')) {
      prefix = 'until';
      i += 1;
    }
    const first = at(i);
    if (!first) break;
    if (first.t === 'num') {
      // «1-15 марта», «с 1 по 15 марта»: the first day borrows the month of the second.
      const link = at(i + 1);
      const second = at(i + 2);
      if (
        link &&
        (link.t === 'dash' || link.t === 'po' || link.t === 'do') &&
        second?.t === 'atom' &&
        second.atom.type === 'day' &&
        first.n >= 1 &&
        first.n <= second.atom.day
      ) {
        const a: Atom = { type: 'day', day: first.n, month: second.atom.month, year: second.atom.year };
        elements.push({ type: 'range', a, b: second.atom });
        i += 3;
      } else {
        leftovers.push(String(first.n));
        i += 1;
      }
      continue;
    }
    if (first.t !== 'atom') {
      i += 1;
      continue;
    }
    const link = at(i + 1);
    const second = at(i + 2);
    if (link && (link.t === 'dash' || link.t === 'po' || link.t === 'do') && second?.t === 'atom') {
      elements.push({ type: 'range', a: first.atom, b: second.atom });
      i += 3;
      continue;
    }
    if (prefix === 'from') elements.push({ type: 'from', a: first.atom });
    else if (prefix === 'until') elements.push({ type: 'until', a: first.atom });
    else elements.push({ type: 'point', a: first.atom });
    i += 1;
  }
  return { elements, leftovers };
}

/** The month an atom starts in, for ordering atoms inside the same year. */
function startMonth(atom: Atom): number {
  switch (atom.type) {
    case 'day':
    case 'part':
    case 'month':
      return atom.month;
    case 'quarter':
      return (atom.quarter - 1) * 3 + 1;
    case 'half':
      return atom.half === 1 ? 1 : 7;
    case 'year':
      return 1;
    case 'academic':
      return 9;
  }
}

function yearFromContext(atom: Atom, ctx: DeadlineContext): number | undefined {
  if (ctx.periodStart === undefined) return undefined;
  if (!ctx.academicYear) {
    // A calendar period of several years does not say which of them a bare month is in.
    if ((ctx.periodEnd ?? ctx.periodStart) > ctx.periodStart) return undefined;
    const approved = /^(\d{4})-(\d{2})/.exec(ctx.approvedOn ?? '');
    if (approved && Number(approved[1]) === ctx.periodStart - 1 && startMonth(atom) >= Number(approved[2]))
      return ctx.periodStart - 1;
    return ctx.periodStart;
  }
  const end = Math.max(ctx.periodEnd ?? ctx.periodStart + 1, ctx.periodStart);
  return startMonth(atom) >= 9 ? ctx.periodStart : Math.min(ctx.periodStart + 1, end);
}

function withYear(atom: Atom, year: number): Atom {
  return atom.type === 'year' || atom.type === 'academic' ? atom : { ...atom, year };
}

function hasYear(atom: Atom): atom is Atom & { year: number } {
  return atom.year !== undefined;
}

/** Gives a year to every atom: from its partner in a range, then its neighbours, then the period. */
function resolveYears(elements: Element[], ctx: DeadlineContext): Element[] {
  const ranged = elements.map((el): Element => {
    if (el.type !== 'range') return el;
    let { a, b } = el;
    if (!hasYear(a) && hasYear(b)) a = withYear(a, b.year - (startMonth(a) > startMonth(b) ? 1 : 0));
    if (hasYear(a) && !hasYear(b)) b = withYear(b, a.year + (startMonth(b) < startMonth(a) ? 1 : 0));
    return { ...el, a, b };
  });
  const explicit = ranged.map((el) => (hasYear(el.a) ? el.a : null));
  return ranged.map((el, index): Element => {
    const fill = (atom: Atom): Atom => {
      if (hasYear(atom)) return atom;
      for (let k = index + 1; k < explicit.length; k += 1) {
        const next = explicit[k];
        if (next) return withYear(atom, next.year - (startMonth(atom) > startMonth(next) ? 1 : 0));
      }
      for (let k = index - 1; k >= 0; k -= 1) {
        const prev = explicit[k];
        if (prev) return withYear(atom, prev.year + (startMonth(atom) < startMonth(prev) ? 1 : 0));
      }
      const year = yearFromContext(atom, ctx);
      return year === undefined ? atom : withYear(atom, year);
    };
    if (el.type === 'range') {
      const a = fill(el.a);
      let b = el.b;
      if (!hasYear(b) && hasYear(a)) b = withYear(b, a.year + (startMonth(b) < startMonth(a) ? 1 : 0));
      return { ...el, a, b };
    }
    return { ...el, a: fill(el.a) };
  });
}

function atomWindow(atom: Atom): { start: string; end: string } | null {
  const year = atom.year;
  if (year === undefined) return null;
  switch (atom.type) {
    case 'day':
      if (atom.day > daysInMonth(year, atom.month)) return null;
      return { start: iso(year, atom.month, atom.day), end: iso(year, atom.month, atom.day) };
    case 'part': {
      const last = atom.last ?? daysInMonth(year, atom.month);
      return { start: iso(year, atom.month, atom.first), end: iso(year, atom.month, last) };
    }
    case 'month':
      return { start: iso(year, atom.month, 1), end: iso(year, atom.month, daysInMonth(year, atom.month)) };
    case 'quarter': {
      const first = (atom.quarter - 1) * 3 + 1;
      return { start: iso(year, first, 1), end: iso(year, first + 2, daysInMonth(year, first + 2)) };
    }
    case 'half':
      return atom.half === 1
        ? { start: iso(year, 1, 1), end: iso(year, 6, 30) }
        : { start: iso(year, 7, 1), end: iso(year, 12, 31) };
    case 'year':
      return { start: iso(year, 1, 1), end: iso(year, 12, 31) };
    case 'academic':
      return { start: iso(year, 9, 1), end: iso(year + 1, 8, 31) };
  }
}

function elementWindow(el: Element): DeadlineWindow | null {
  const a = atomWindow(el.a);
  if (!a) return null;
  switch (el.type) {
    case 'point':
      return a;
    case 'until':
      return { start: null, end: a.end };
    case 'from':
      return { start: a.start, end: null };
    case 'range': {
      const b = atomWindow(el.b);
      if (!b) return null;
      return b.end >= a.start ? { start: a.start, end: b.end } : null;
    }
  }
}

/** The whole period of the road map, for «в течение всего периода» and the like. */
export function periodWindow(ctx: DeadlineContext): DeadlineWindow | null {
  if (ctx.periodStart === undefined) return null;
  const end = Math.max(ctx.periodEnd ?? ctx.periodStart, ctx.periodStart);
  if (ctx.academicYear && end > ctx.periodStart) {
    return { start: iso(ctx.periodStart, 9, 1), end: iso(end, 8, 31) };
  }
  return { start: iso(ctx.periodStart, 1, 1), end: iso(end, 12, 31) };
}

const EXTERNAL =
  /(?:^|[^а-я])(?:в соответствии|согласно|по (?:отдельному |утвержденному |особому |единому |своему )?(?:план[а-я]*|график[а-я]*|срокам|расписани[а-я]*)|в сроки,? (?:установлен|определен|утвержден)[а-я]*|по приказу|по распоряжению|по согласованию)/;
const CONTINUOUS =
  /(?:в течение|на протяжении) (?:всего )?(?:периода|года|учебного года|срока|реализации)|(?:^|[^а-я])(?:постоянно|весь период|ежедневно|систематически|регулярно)(?![а-я])/;
const AS_NEEDED =
  /по мере (?:необходимости|поступления|потребности)|при необходимости|по необходимости|по запросу/;
const RECURRING: ReadonlyArray<[RegExp, DeadlineRecurrence['frequency']]> = [
  [/еженедельн|раз в неделю/, 'weekly'],
  [/ежемесячн|раз в месяц|каждого месяца|каждый месяц/, 'monthly'],
  [/ежеквартальн|раз в квартал|раз в четверть|ежечетвертн|по (?:итогам )?четверт/, 'quarterly'],
  [/ежегодн|раз в год|раза в год|раз в полугоди|раз в учебн/, 'yearly'],
];

/**
 * The whole text reads as a deadline, every word of it understood: how a plan whose cells were
 * joined into one line by spaces («… Года учителя февраль 2010 года министерство …») shows where its
 * deadline cell is. A date inside a sentence («в 2010 году на территории …») does not count.
 */
export function isDeadlinePhrase(text: string): boolean {
  const s = fold(collapse(text)).replace(/(\d{4})\s*(?:гг?\.?|год(?:а|у|ы|ов)?)(?![а-я])/g, '$1');
  if (s.length === 0) return false;
  let stripped = s;
  for (const re of [EXTERNAL, CONTINUOUS, AS_NEEDED, ...RECURRING.map(([r]) => r)])
    stripped = stripped.replace(new RegExp(`(?:${re.source})[а-я]*`, 'g'), ' ');
  const tokens = tokenize(stripped);
  if (tokens.some((token) => token.t === 'invalid')) return false;
  const { elements, leftovers } = parseElements(tokens);
  return leftovers.length === 0 && (elements.length > 0 || stripped !== s);
}

/**
 * Parses a deadline cell. Never throws and never loses the text: what it cannot read becomes
 * `kind: 'unknown'` with a Russian `warning`.
 */
export function parseDeadline(text: string, ctx: DeadlineContext = {}): Deadline {
  const written = collapse(text);
  if (written.length === 0) {
    return { text: written, kind: 'unknown', windows: [], recurrence: null, warning: 'Срок не указан' };
  }
  const s = fold(written).replace(/(\d{4})\s*(?:гг?\.?|год(?:а|у|ы|ов)?)(?![а-я])/g, '$1');
  // «25 августа X - 1 года»: a template counting from the year «X» something opens, not a date.
  if (/(?:^|[\s(])[xх](?:\s*[-+]\s*\d+)?\s+год/.test(s)) {
    return {
      text: written,
      kind: 'unknown',
      windows: [],
      recurrence: null,
      warning: `Срок ${quoteShort(written)} отсчитывается от года «X», а не задан датой: укажите год`,
    };
  }
  const tokens = tokenize(s);
  const invalid = tokens.find((token) => token.t === 'invalid');
  if (invalid) {
    return {
      text: written,
      kind: 'unknown',
      windows: [],
      recurrence: null,
      warning: `В сроке указана несуществующая дата ${quoteShort(invalid.text)}: исправьте срок`,
    };
  }
  const { elements: raw, leftovers } = parseElements(tokens);
  const elements = resolveYears(raw, ctx);
  const windows: DeadlineWindow[] = [];
  let unresolved = false;
  for (const el of elements) {
    const window = elementWindow(el);
    if (window) windows.push(window);
    else unresolved = true;
  }
  const yearWarning = !unresolved
    ? undefined
    : ctx.periodStart !== undefined
      ? 'В сроке не указан год, а дорожная карта рассчитана на несколько лет: даты не определены'
      : 'В сроке не указан год, и период дорожной карты неизвестен: даты не определены';

  const phraseKind = ((): DeadlineKind | null => {
    if (EXTERNAL.test(s)) return 'external';
    if (CONTINUOUS.test(s)) return 'continuous';
    if (AS_NEEDED.test(s)) return 'as_needed';
    return null;
  })();
  if (phraseKind) {
    const fallback = phraseKind === 'continuous' ? periodWindow(ctx) : null;
    return finish(
      written,
      phraseKind,
      windows.length > 0 ? windows : fallback ? [fallback] : [],
      null,
      yearWarning,
    );
  }

  const frequency = RECURRING.find(([re]) => re.test(s))?.[1];
  // Months written without a year («Декабрь, май») repeat every year of the period.
  const monthsOnly = raw.every(
    (el) => el.type === 'point' && (el.a.type === 'month' || el.a.type === 'part') && !hasYear(el.a),
  );
  if (frequency) {
    const months =
      frequency === 'yearly' && elements.length > 0 && monthsOnly
        ? elements.map((el) => startMonth(el.a))
        : undefined;
    const fallback = windows.length === 0 ? periodWindow(ctx) : null;
    return finish(
      written,
      'recurring',
      fallback ? [fallback] : windows,
      months ? { frequency, months } : { frequency },
      yearWarning,
    );
  }

  if (elements.length === 0) {
    return {
      text: written,
      kind: 'unknown',
      windows: [],
      recurrence: null,
      warning: `Срок ${quoteShort(written)} не распознан: сохранён как текст`,
    };
  }
  const leftoverWarning =
    leftovers.length > 0
      ? `В сроке есть слова, которые не учтены: ${quoteShort(leftovers.join(' '))}`
      : undefined;
  const warning = yearWarning ?? leftoverWarning;

  if (elements.length > 1 && monthsOnly) {
    const months = elements.map((el) => startMonth(el.a));
    return finish(written, 'recurring', windows, { frequency: 'yearly', months }, warning);
  }
  const kinds = new Set(elements.map((el) => el.type));
  // With a single kind, any element names it: the first one does.
  const only = kinds.size === 1 ? elements[0]?.type : undefined;
  let kind: DeadlineKind;
  if (only !== undefined) kind = only === 'point' ? 'date' : only;
  else kind = kinds.has('range') ? 'range' : 'date';
  return finish(written, kind, windows, null, warning);
}

function finish(
  text: string,
  kind: DeadlineKind,
  windows: DeadlineWindow[],
  recurrence: DeadlineRecurrence | null,
  warning: string | undefined,
): Deadline {
  return warning ? { text, kind, windows, recurrence, warning } : { text, kind, windows, recurrence };
}

function quoteShort(value: string): string {
  return `«${value.length > 80 ? `${value.slice(0, 79)}…` : value}»`;
}

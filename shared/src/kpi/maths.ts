/**
 * The arithmetic around a KPI value: the year's window, age bands as birth-date bounds (so the database
 * compares dates and never computes ages), the value from its numbers, and its status against the target.
 */
import type { KpiStatus, TargetBound, YearBasis } from '../enums.js';
import type { YearRange } from './definition.js';

export interface YearWindow {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

/** Year 2020 is 2020-01-01…2020-12-31, or the academic year 2020/21: 2020-09-01…2021-08-31. */
export function yearWindow(year: number, basis: YearBasis): YearWindow {
  return basis === 'academic'
    ? { start: `${year}-09-01`, end: `${year + 1}-08-31` }
    : { start: `${year}-01-01`, end: `${year}-12-31` };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const monthDay = date.slice(5) === '02-29' && !isLeap(y) ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${monthDay}`;
}

/** The day after `date` (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface BirthBounds {
  /** Born on or before this day: at least `min` full years old on the reference day. */
  bornOnOrBefore?: string;
  /** Born on or after this day: at most `max` full years old on the reference day. */
  bornOnOrAfter?: string;
  /** The same band for people whose birth year alone is known: their age is the age they reach that year. */
  birthYearMax?: number;
  birthYearMin?: number;
}

/**
 * Who is between `min` and `max` full years old (both included) on `reference`: at least `min` means born
 * on or before the reference day `min` years earlier; at most `max` means the (max+1)-th birthday is
 * still ahead, i.e. born after the reference day `max + 1` years earlier.
 */
export function birthBounds(reference: string, ages: YearRange): BirthBounds {
  const year = Number(reference.slice(0, 4));
  const bounds: BirthBounds = {};
  if (ages.min !== undefined) {
    bounds.bornOnOrBefore = yearsBefore(reference, Math.ceil(ages.min));
    bounds.birthYearMax = year - Math.ceil(ages.min);
  }
  if (ages.max !== undefined) {
    bounds.bornOnOrAfter = nextDay(yearsBefore(reference, Math.floor(ages.max) + 1));
    bounds.birthYearMin = year - Math.floor(ages.max);
  }
  return bounds;
}

/** A share in per cent with one decimal; nothing without a denominator or over zero. */
export function kpiValue(numerator: number, denominator: number | null): number | null {
  if (denominator === null || denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

export interface Target {
  value: number;
  bound: TargetBound;
}

/**
 * Null without a target to compare with. Met when the value reaches the target (at most it, for a «не более» bound; a plain plan value is a
 * level to reach). Otherwise: a finished year is behind; a year in progress is on track while the value
 * keeps pace with the part of the year gone; a year not begun is on track.
 */
export function kpiStatus(
  value: number | null,
  target: Target | undefined,
  window: YearWindow,
  today: string,
): KpiStatus | null {
  if (!target) return null;
  if (value === null) return 'no_data';
  const met = target.bound === 'max' ? value <= target.value : value >= target.value;
  if (met) return 'met';
  if (today > window.end) return 'behind';
  if (today < window.start || target.bound === 'max') return 'on_track';
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const elapsed =
    (day(today) - day(window.start) + 86_400_000) / (day(window.end) - day(window.start) + 86_400_000);
  return value >= target.value * elapsed ? 'on_track' : 'behind';
}

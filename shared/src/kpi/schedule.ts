/**
 * When the internal monitoring freezes its numbers: on the last day of each month the road map names for
 * its monitoring activity («Проведение внутреннего мониторинга … — Декабрь, май»), else of the configured
 * months. Pure date arithmetic; the plugin's daily job asks which moments are due and not yet taken.
 */
import type { Deadline } from '../roadmap/schema.js';
import { fold } from '../roadmap/text.js';

/** December and May: the two moments the target model's road maps schedule most often. */
export const DEFAULT_MONITORING_MONTHS: readonly number[] = [12, 5];

/** How long after its date a missed moment (the server was down) is still taken. */
export const MONITORING_GRACE_DAYS = 31;

const MONTH_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

export interface MonitoringActivity {
  title: string;
  deadline?: Deadline | null;
}

/** A road-map activity that is the internal monitoring itself (not a survey of requests or a collection). */
export function isMonitoringActivity(title: string): boolean {
  const text = fold(title);
  return (
    text.includes('мониторинг') && /внутренн|реализац|эффективност/.test(text) && !text.startsWith('сбор')
  );
}

/**
 * The months (1–12) the road map's monitoring activities fall in: a yearly recurrence's months, else the
 * months its deadline windows end in. Sorted, without repeats; empty when the road map names none.
 */
export function monitoringMonthsOf(activities: readonly MonitoringActivity[]): number[] {
  const months = new Set<number>();
  for (const activity of activities) {
    if (!isMonitoringActivity(activity.title) || !activity.deadline) continue;
    const recurring = activity.deadline.recurrence;
    if (recurring?.frequency === 'yearly' && recurring.months?.length) {
      for (const m of recurring.months) months.add(m);
      continue;
    }
    for (const window of activity.deadline.windows) {
      const end = window.end ?? window.start;
      if (end) months.add(Number(end.slice(5, 7)));
    }
  }
  return [...months].sort((a, b) => a - b);
}

export interface MonitoringMoment {
  /** The day the numbers are frozen: the month's last day, YYYY-MM-DD. */
  date: string;
  /** The snapshot's name, which also tells whether the moment was already taken. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12). */
export function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** How a scheduled snapshot's label ends, unlike one made by hand. */
export const SCHEDULED_SUFFIX = '(по графику)';

export const monitoringLabel = (year: number, month: number) =>
  `Внутренний мониторинг: ${MONTH_NAMES[month - 1] ?? String(month)} ${year} ${SCHEDULED_SUFFIX}`;

/** Every moment of these months dated from `from` to `to`, both included, in date order. */
export function monitoringMoments(months: readonly number[], from: string, to: string): MonitoringMoment[] {
  const moments: MonitoringMoment[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const month of months) {
      const date = lastDayOf(year, month);
      if (date >= from && date <= to) moments.push({ date, label: monitoringLabel(year, month) });
    }
  }
  return moments.sort((a, b) => a.date.localeCompare(b.date));
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The moments to take on `today`: dated today or in the last `MONITORING_GRACE_DAYS` days and not yet
 * taken (`taken`: labels of the organisation's snapshots). Only the latest such moment: two missed
 * moments are one snapshot of today's numbers, not two copies of them.
 */
export function dueMonitoring(
  months: readonly number[],
  today: string,
  taken: ReadonlySet<string>,
): MonitoringMoment | null {
  const recent = monitoringMoments(months, daysBefore(today, MONITORING_GRACE_DAYS), today);
  const latest = recent[recent.length - 1];
  return latest && !taken.has(latest.label) ? latest : null;
}

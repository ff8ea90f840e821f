/**
 * Where a road-map activity stands on a given day, from its parsed deadline and its status. Pure: the
 * CMS passes "today" in the organisation's own timezone. Recurring and continuous activities are never
 * "overdue forever": they are judged by the occurrence around today, or not by date at all.
 */
import type { ActivityStatus } from './enums.js';
import type { Deadline, DeadlineWindow } from './roadmap/schema.js';

export type ActivityTimingState =
  /** Done or cancelled: nothing left to track. */
  | 'closed'
  /** Every window has ended and the activity is not done. */
  | 'overdue'
  /** A window ends (or a recurring occurrence starts) within the horizon. */
  | 'due_soon'
  /** Today lies in a window that ends after the horizon. */
  | 'in_window'
  /** The next window starts after the horizon. */
  | 'upcoming'
  /** Continuous, as needed, an external schedule, or an open end: no date makes it late. */
  | 'ongoing'
  /** No date could be read from the deadline. */
  | 'undated';

export interface ActivityTiming {
  state: ActivityTimingState;
  /** The window the state refers to (the last one when overdue, the current or next one otherwise). */
  window: DeadlineWindow | null;
  /** The date to sort agendas by: a window's end, or its start when it has no end. */
  sortDate: string | null;
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date (YYYY-MM-DD) as the clock on the wall of an organisation in `timeZone` shows it. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Occurrences of a yearly recurrence named by months, around `today` (this year and the next). */
function monthlyOccurrences(months: readonly number[], today: string): DeadlineWindow[] {
  const year = Number(today.slice(0, 4));
  // Every window here has both ends, which the sort below relies on.
  const windows: Array<{ start: string; end: string }> = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const m of months)
      windows.push({ start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` });
  }
  return windows.sort((a, b) => a.start.localeCompare(b.start));
}

function periodicOccurrences(frequency: 'weekly' | 'monthly' | 'quarterly', today: string): DeadlineWindow[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (frequency === 'weekly') return [{ start: today, end: addDays(today, 6) }];
  if (frequency === 'monthly')
    return [{ start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` }];
  const q = Math.floor((m - 1) / 3);
  const endMonth = q * 3 + 3;
  return [
    { start: `${y}-${pad(q * 3 + 1)}-01`, end: `${y}-${pad(endMonth)}-${pad(lastDayOfMonth(y, endMonth))}` },
  ];
}

function judgeWindows(
  windows: DeadlineWindow[],
  today: string,
  horizon: string,
  recurring: boolean,
): ActivityTiming {
  const sorted = [...windows].sort((a, b) => (a.start ?? a.end ?? '').localeCompare(b.start ?? b.end ?? ''));
  const current = sorted.find(
    (w) => (w.start === null || w.start <= today) && (w.end === null || w.end >= today),
  );
  if (current) {
    if (current.end === null) return { state: 'ongoing', window: current, sortDate: current.start };
    return {
      state: current.end <= horizon ? 'due_soon' : 'in_window',
      window: current,
      sortDate: current.end,
    };
  }
  const next = sorted.find(
    (w): w is DeadlineWindow & { start: string } => w.start !== null && w.start > today,
  );
  if (next) {
    const soon = recurring ? next.start <= horizon : (next.end ?? next.start) <= horizon;
    return { state: soon ? 'due_soon' : 'upcoming', window: next, sortDate: next.end ?? next.start };
  }
  const last = sorted.at(-1) ?? null;
  if (recurring) return { state: 'ongoing', window: last, sortDate: null };
  return { state: 'overdue', window: last, sortDate: last?.end ?? last?.start ?? null };
}

export function activityTiming(
  deadline: Deadline | null | undefined,
  status: ActivityStatus,
  today: string,
  horizonDays = 30,
): ActivityTiming {
  if (status === 'done' || status === 'cancelled') return { state: 'closed', window: null, sortDate: null };
  if (!deadline) return { state: 'undated', window: null, sortDate: null };
  const horizon = addDays(today, horizonDays);
  switch (deadline.kind) {
    case 'continuous':
    case 'as_needed':
    case 'external':
      return { state: 'ongoing', window: deadline.windows[0] ?? null, sortDate: null };
    case 'recurring': {
      const r = deadline.recurrence;
      if (r?.frequency === 'yearly' && r.months?.length)
        return judgeWindows(monthlyOccurrences(r.months, today), today, horizon, true);
      if (r && r.frequency !== 'yearly')
        return judgeWindows(periodicOccurrences(r.frequency, today), today, horizon, true);
      return deadline.windows.length
        ? judgeWindows(deadline.windows, today, horizon, true)
        : { state: 'ongoing', window: null, sortDate: null };
    }
    default:
      if (!deadline.windows.length) return { state: 'undated', window: null, sortDate: null };
      return judgeWindows(deadline.windows, today, horizon, false);
  }
}

/** The window agendas and lists sort by: the first one, as in the document. */
export function firstWindow(deadline: Deadline | null | undefined): DeadlineWindow | null {
  return deadline?.windows[0] ?? null;
}

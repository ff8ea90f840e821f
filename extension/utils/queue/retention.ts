/**
 * How long an undelivered capture may wait in `storage.local`. A class list or grades that never reach
 * the CMS (no sign-in, the server refusing them) would otherwise keep pupils' names in the browser for
 * good; after the configured number of days such a capture is deleted, and the panel warns beforehand.
 * A delivered capture holds no personal data any more (delivery drops the submission) and is not counted.
 */
import type { QueueEntry } from './entry.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Default of the panel's setting «Удалять неотправленные захваты через … дней». */
export const DEFAULT_PURGE_DAYS = 14;
export const MIN_PURGE_DAYS = 1;
export const MAX_PURGE_DAYS = 90;
/** The warning shows this long before the purge (a shorter retention warns for its second half). */
const WARNING_DAYS = 3;

/** A setting from storage or a form field as a whole number of days within the allowed range. */
export function purgeDays(value: unknown): number {
  const days = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(days)) return DEFAULT_PURGE_DAYS;
  return Math.min(MAX_PURGE_DAYS, Math.max(MIN_PURGE_DAYS, Math.round(days)));
}

/** Still holding what was captured because the CMS does not have it yet. */
export function isUndelivered(entry: Pick<QueueEntry, 'state' | 'submission'>): boolean {
  return (
    entry.submission !== undefined &&
    (entry.state === 'queued' || entry.state === 'sending' || entry.state === 'failed')
  );
}

export interface Retention {
  /** Epoch ms at which the capture is deleted unless delivered first. */
  purgeAt: number;
  /** Whole days left, rounded up (0 once due). */
  daysLeft: number;
  warn: boolean;
}

export function retentionOf(
  entry: Pick<QueueEntry, 'state' | 'submission' | 'createdAt'>,
  days: number,
  now: number,
): Retention | null {
  return isUndelivered(entry) ? retentionFrom(entry.createdAt, days, now) : null;
}

/** When something kept since `createdAt` is deleted, and whether to warn already. */
export function retentionFrom(createdAt: number, days: number, now: number): Retention {
  const purgeAt = createdAt + purgeDays(days) * DAY_MS;
  const left = purgeAt - now;
  const warnMs = Math.min(WARNING_DAYS, purgeDays(days) / 2) * DAY_MS;
  return { purgeAt, daysLeft: Math.max(0, Math.ceil(left / DAY_MS)), warn: left <= warnMs };
}

/** The entries to delete now: undelivered and past their time, except one being sent at this moment. */
export function expiredEntries(entries: readonly QueueEntry[], days: number, now: number): QueueEntry[] {
  return entries.filter((entry) => {
    const retention = retentionOf(entry, days, now);
    return retention !== null && entry.state !== 'sending' && retention.purgeAt <= now;
  });
}

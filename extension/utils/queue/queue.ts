/**
 * The outbox of captures. Captures are delivered from here only, by one owner (the background),
 * one at a time, each with its idempotency key (`delivery.ts`); every state change is written to
 * `storage.local` at once (`entry-store.ts`), so a restart loses nothing.
 */
import { captureSubmissionSchema, describeIssues, type CaptureSubmission } from '@nastavnik/shared/capture';
import { ApiFailure } from '../api/errors.js';
import { applyEntry, type ApplyOptions, type ApplyResult, type RoadmapCaptureDeps } from './apply.js';
import { flushDue, type FlushReport, type SendResult } from './delivery.js';
import type { QueueEntry } from './entry.js';
import { createEntryStore, newEntry, prune, type EntryStore, type QueueStore } from './entry-store.js';
import { expiredEntries } from './retention.js';

export interface QueueDeps {
  store: QueueStore;
  send: (submission: CaptureSubmission) => Promise<SendResult>;
  apply: (documentId: string, options?: ApplyOptions) => Promise<ApplyResult>;
  roadmap?: RoadmapCaptureDeps;
  /** Called once per flush when the server refused the session, so the panel can ask to sign in. */
  onAuthFailure?: () => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export function createCaptureQueue(deps: QueueDeps) {
  const now = deps.now ?? Date.now;
  const entries = createEntryStore(deps.store, now);
  const context = { ...deps, entries, now };
  let flushing: Promise<FlushReport> | null = null;

  return {
    list: (): Promise<QueueEntry[]> => entries.read(),
    enqueue: (submission: CaptureSubmission, summary: string): Promise<QueueEntry> =>
      enqueue(entries, submission, summary, now),

    /** Sends every entry that is due. Concurrent calls share one run. */
    flush(): Promise<FlushReport> {
      flushing ??= flushDue(context).finally(() => {
        flushing = null;
      });
      return flushing;
    },

    /** Earliest planned retry, for scheduling the next wake-up; null when nothing waits. */
    async nextDueAt(): Promise<number | null> {
      const times = (await entries.peek()).flatMap((entry) =>
        entry.state === 'queued' && entry.nextAttemptAt !== null ? [entry.nextAttemptAt] : [],
      );
      return times.length > 0 ? Math.min(...times) : null;
    },

    async retry(id: string): Promise<QueueEntry> {
      const entry = await entries.patch(id, {
        state: 'queued',
        nextAttemptAt: now(),
        lastError: undefined,
        attempts: 0,
      });
      if (!entry) throw new ApiFailure('invalid', 'Такого захвата нет в очереди.');
      return entry;
    },

    async discard(id: string): Promise<boolean> {
      return entries.mutate((list) => {
        const next = list.filter((entry) => entry.id !== id || entry.state === 'sending');
        return { entries: next, result: next.length !== list.length };
      });
    },

    apply: (id: string, options?: ApplyOptions): Promise<QueueEntry> => applyEntry(context, id, options),

    /** Deletes undelivered captures older than `days` (see retention.ts); resolves to how many. */
    purgeExpired(days: number): Promise<number> {
      return entries.mutate((list) => {
        const expired = new Set(expiredEntries(list, days, now()).map((entry) => entry.id));
        return { entries: list.filter((entry) => !expired.has(entry.id)), result: expired.size };
      });
    },
  };
}

export type CaptureQueue = ReturnType<typeof createCaptureQueue>;

/** Adds a checked capture once: its idempotency key is its id, so enqueuing it again returns the first. */
async function enqueue(
  entries: EntryStore,
  submission: CaptureSubmission,
  summary: string,
  now: () => number,
): Promise<QueueEntry> {
  const checked = captureSubmissionSchema.safeParse(submission);
  if (!checked.success) {
    throw new ApiFailure('invalid', `Данные не прошли проверку: ${describeIssues(checked.error).join('; ')}`);
  }
  const valid = checked.data;
  return entries.mutate((list) => {
    const existing = list.find((entry) => entry.id === valid.idempotencyKey);
    if (existing) return { entries: list, result: existing };
    const entry = newEntry(valid, summary, now());
    return { entries: prune([...list, entry]), result: entry };
  });
}

/**
 * The outbox of meeting records: a meeting saved in the panel without a connection (or while the
 * server is down) waits in `storage.local` and is sent by the background with the captures. Once the
 * CMS has it, the entry is removed at once — its notes and feedback may be about pupils — and an
 * undelivered one is deleted after the same number of days as captures (`retention.ts`).
 *
 * Each meeting carries a resend key made when it is saved (the entry's id): the CMS answers a send
 * repeated with it with the meeting it already stored, so a send whose answer was lost (a server error,
 * a dropped connection) is simply sent again, like a capture, until the server has answered it or
 * refused the meeting itself.
 */
import { z } from 'zod';
import { meetingRecordSchema, type MeetingRecord } from '@nastavnik/shared/contracts/meeting';
import { classifyError } from '../api/errors.js';
import { backoffDelay } from './backoff.js';
import { MAX_SERVER_ATTEMPTS } from './delivery.js';
import { DAY_MS, purgeDays } from './retention.js';

export const meetingEntrySchema = z.object({
  id: z.string().min(1).max(64),
  record: meetingRecordSchema,
  /** What the user sees in the list: pair, date and kind, no notes. */
  summary: z.string().max(300),
  state: z.enum(['queued', 'sending', 'failed']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().optional(),
  createdAt: z.number(),
});
export type MeetingEntry = z.infer<typeof meetingEntrySchema>;

export interface MeetingStore {
  getValue(): Promise<MeetingEntry[]>;
  setValue(value: MeetingEntry[]): Promise<void>;
}

export interface MeetingOutboxDeps {
  store: MeetingStore;
  create: (record: MeetingRecord) => Promise<string>;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

export interface MeetingSendReport {
  delivered: number;
  waiting: number;
  failed: number;
}

export function createMeetingOutbox(deps: MeetingOutboxDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let lock: Promise<unknown> = Promise.resolve();
  // Changes one after another, each on the stored list as the previous one left it.
  const mutate = <T>(change: (list: MeetingEntry[]) => { list: MeetingEntry[]; result: T }): Promise<T> => {
    const run = lock.then(async () => {
      const { list, result } = change(await deps.store.getValue());
      await deps.store.setValue(list);
      return result;
    });
    lock = run.catch(() => undefined);
    return run;
  };
  const patch = (id: string, changes: Partial<MeetingEntry>) =>
    mutate((list) => ({
      list: list.map((e) => (e.id === id ? { ...e, ...changes } : e)),
      result: undefined,
    }));
  const remove = (id: string) =>
    mutate((list) => ({ list: list.filter((e) => e.id !== id), result: list.some((e) => e.id === id) }));

  let flushing: Promise<MeetingSendReport> | null = null;
  async function flushDue(): Promise<MeetingSendReport> {
    const report: MeetingSendReport = { delivered: 0, waiting: 0, failed: 0 };
    const due = (await lock.then(() => deps.store.getValue())).filter(
      (e) => (e.state === 'queued' || e.state === 'sending') && (e.nextAttemptAt ?? 0) <= now(),
    );
    for (const entry of due) {
      // A meeting queued before meetings had keys gets its entry's id, before its first send.
      const record = { ...entry.record, idempotencyKey: entry.record.idempotencyKey ?? entry.id };
      await patch(entry.id, { state: 'sending', record });
      try {
        await deps.create(record);
        await remove(entry.id);
        report.delivered += 1;
      } catch (error) {
        const failure = classifyError(error);
        const attempts = entry.attempts + 1;
        const givingUp =
          failure.kind !== 'auth' &&
          (!failure.retryable || (failure.kind === 'server' && attempts >= MAX_SERVER_ATTEMPTS));
        if (givingUp) {
          await patch(entry.id, {
            state: 'failed',
            attempts,
            lastError: failure.retryable ? `${failure.message} Попыток: ${attempts}.` : failure.message,
            nextAttemptAt: null,
          });
          report.failed += 1;
          continue;
        }
        const delay = failure.kind === 'auth' ? 0 : backoffDelay(attempts, deps.random);
        await patch(entry.id, {
          state: 'queued',
          attempts,
          lastError: failure.message,
          nextAttemptAt: now() + delay,
        });
        report.waiting += 1;
        // No connection or no session: every other meeting would fail the same way now.
        if (failure.kind === 'network' || failure.kind === 'auth') break;
      }
    }
    return report;
  }

  return {
    list: (): Promise<MeetingEntry[]> => lock.then(() => deps.store.getValue()),
    async enqueue(record: MeetingRecord, summary: string): Promise<MeetingEntry> {
      const checked = meetingRecordSchema.parse(record);
      const id = newId();
      const entry: MeetingEntry = {
        id,
        record: { ...checked, idempotencyKey: checked.idempotencyKey ?? id },
        summary: summary.slice(0, 300),
        state: 'queued',
        attempts: 0,
        nextAttemptAt: now(),
        createdAt: now(),
      };
      return mutate((list) => ({ list: [...list, entry], result: entry }));
    },
    /** Sends every meeting that is due; concurrent calls share one run. */
    flush(): Promise<MeetingSendReport> {
      flushing ??= flushDue().finally(() => {
        flushing = null;
      });
      return flushing;
    },
    /** The user sends a meeting now: a waiting one, or a failed one once its data is put right. */
    retry: (id: string) => patch(id, { state: 'queued', nextAttemptAt: now(), lastError: undefined }),
    discard: (id: string): Promise<boolean> => remove(id),
    /** Deletes meetings that waited longer than `days`; resolves to how many. */
    purgeExpired(days: number): Promise<number> {
      const limit = now() - purgeDays(days) * DAY_MS;
      return mutate((list) => {
        const kept = list.filter((e) => e.state === 'sending' || e.createdAt > limit);
        return { list: kept, result: list.length - kept.length };
      });
    },
  };
}

export type MeetingOutbox = ReturnType<typeof createMeetingOutbox>;

/**
 * The outbox of meeting records: a meeting saved in the panel without a connection (or while the
 * server is down) waits in `storage.local` and is sent by the background with the captures. Once the
 * CMS has it, the entry is removed at once — its notes and feedback may be about pupils — and an
 * undelivered one is deleted after the same number of days as captures (`retention.ts`).
 *
 * The CMS keeps no idempotency key for meetings, so a send is repeated automatically only when it
 * certainly did not arrive (no connection, the server answering 503); a send whose answer was lost in
 * any other way is left for the user to check and repeat, rather than risk the meeting twice.
 */
import { z } from 'zod';
import { meetingRecordSchema, type MeetingRecord } from '@nastavnik/shared/contracts/meeting';
import { ApiFailure, classifyError } from '../api/errors.js';
import { backoffDelay } from './backoff.js';
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
      await patch(entry.id, { state: 'sending' });
      try {
        await deps.create(entry.record);
        await remove(entry.id);
        report.delivered += 1;
      } catch (error) {
        const failure = classifyError(error);
        const attempts = entry.attempts + 1;
        // Not sent for sure: no connection, the server's database away, or the session to renew.
        const notArrived = failure.kind === 'network' || failure.kind === 'auth';
        if (notArrived) {
          const delay = failure.kind === 'auth' ? 0 : backoffDelay(attempts, deps.random);
          await patch(entry.id, {
            state: 'queued',
            attempts,
            lastError: failure.message,
            nextAttemptAt: now() + delay,
          });
          report.waiting += 1;
          // Every other meeting would fail the same way now.
          break;
        }
        await patch(entry.id, {
          state: 'failed',
          attempts,
          lastError: failureText(failure),
          nextAttemptAt: null,
        });
        report.failed += 1;
      }
    }
    return report;
  }

  return {
    list: (): Promise<MeetingEntry[]> => lock.then(() => deps.store.getValue()),
    async enqueue(record: MeetingRecord, summary: string): Promise<MeetingEntry> {
      const checked = meetingRecordSchema.parse(record);
      const entry: MeetingEntry = {
        id: newId(),
        record: checked,
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
    /** The user sends a meeting now: a waiting one, or a failed one after checking the CMS lacks it. */
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

function failureText(failure: ApiFailure): string {
  if (failure.kind === 'server' || failure.kind === 'unknown')
    return `${failure.message} Проверьте в «Наставнике», сохранилась ли встреча, прежде чем отправить её снова.`;
  return failure.message;
}

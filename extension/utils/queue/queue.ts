/**
 * The outbox of captures. Captures are delivered from here only, by one owner (the background),
 * one at a time, each with its idempotency key: a capture that was sent but whose answer was lost
 * is sent again with the same key, and the CMS answers `duplicate` instead of storing it twice.
 * Every state change is written to `storage.local` at once, so a restart loses nothing.
 */
import {
  captureSubmissionSchema,
  describeIssues,
  type CaptureSubmission,
  type GradesApplyOptions,
} from '@nastavnik/shared/capture';
import { ApiFailure, classifyError } from '../api/errors.js';
import {
  describeCommit,
  roadmapApplyOptionsSchema,
  stateAfterApply,
  type DuplicateChoice,
  type DuplicateInfo,
  type RoadmapApplyOptions,
  type RoadmapImportResult,
} from '../roadmap/result.js';
import { backoffDelay } from './backoff.js';
import type { QueueEntry } from './entry.js';

export interface QueueStore {
  getValue(): Promise<QueueEntry[]>;
  setValue(value: QueueEntry[]): Promise<void>;
}

export interface SendResult {
  documentId: string;
  duplicate: boolean;
}

export interface ApplyResult {
  state: string;
  message: string | null;
  createdCount: number | null;
}

export type ApplyOptions = GradesApplyOptions | RoadmapApplyOptions;

/**
 * Road-map captures only. The CMS writes a captured road map with `onDuplicate: fail`; these read
 * the capture back to name the road map it duplicates, and write it anyway as the user chose.
 */
export interface RoadmapCaptureDeps {
  findDuplicate: (documentId: string) => Promise<DuplicateInfo | null>;
  commitDuplicate: (documentId: string, mode: DuplicateChoice) => Promise<RoadmapImportResult>;
}

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

export interface FlushReport {
  delivered: number;
  failed: number;
  waiting: number;
  /** Set when delivery stopped early: the server is down or the session is gone. */
  stoppedBy?: 'network' | 'auth';
}

/** Server errors may be a passing outage or a bug; after this many the user decides. */
export const MAX_SERVER_ATTEMPTS = 8;
/** Delivered entries kept for the status list. */
const KEEP_DELIVERED = 100;

export function createCaptureQueue(deps: QueueDeps) {
  const now = deps.now ?? Date.now;
  let lock: Promise<unknown> = Promise.resolve();
  let flushing: Promise<FlushReport> | null = null;

  /** Serialises read-modify-write of the stored list: two updates never work from the same snapshot. */
  function mutate<T>(change: (entries: QueueEntry[]) => { entries: QueueEntry[]; result: T }): Promise<T> {
    const run = lock.then(async () => {
      const { entries, result } = change(await deps.store.getValue());
      await deps.store.setValue(entries);
      return result;
    });
    // The caller gets the failure through `run`; the lock only has to let the next change through.
    lock = run.catch(() => undefined);
    return run;
  }

  function patch(id: string, changes: Partial<QueueEntry>): Promise<QueueEntry | undefined> {
    return mutate((entries) => {
      let updated: QueueEntry | undefined;
      const next = entries.map((entry) => {
        if (entry.id !== id) return entry;
        // `undefined` in `changes` means "remove the field", so it does not linger in storage as null.
        const merged: Record<string, unknown> = { ...entry, updatedAt: now() };
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) delete merged[key];
          else merged[key] = value;
        }
        updated = merged as QueueEntry;
        return updated;
      });
      return { entries: next, result: updated };
    });
  }

  function prune(entries: QueueEntry[]): QueueEntry[] {
    const delivered = entries.filter(
      (entry) => entry.state === 'applied' || entry.state === 'sent' || entry.state === 'checked',
    );
    if (delivered.length <= KEEP_DELIVERED) return entries;
    const drop = new Set(
      delivered
        .filter((entry) => entry.state === 'applied')
        .sort((a, b) => a.updatedAt - b.updatedAt)
        .slice(0, delivered.length - KEEP_DELIVERED)
        .map((entry) => entry.id),
    );
    return entries.filter((entry) => !drop.has(entry.id));
  }

  async function enqueue(submission: CaptureSubmission, summary: string): Promise<QueueEntry> {
    const checked = captureSubmissionSchema.safeParse(submission);
    if (!checked.success)
      throw new ApiFailure(
        'invalid',
        `Данные не прошли проверку: ${describeIssues(checked.error).join('; ')}`,
      );
    const valid = checked.data;
    return mutate((entries) => {
      const existing = entries.find((entry) => entry.id === valid.idempotencyKey);
      if (existing) return { entries, result: existing };
      const entry: QueueEntry = {
        id: valid.idempotencyKey,
        kind: valid.kind,
        adapter: valid.adapter,
        sourceUrl: valid.sourceUrl,
        summary: summary.slice(0, 500),
        submission: valid,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: now(),
        createdAt: now(),
        updatedAt: now(),
      };
      return { entries: prune([...entries, entry]), result: entry };
    });
  }

  async function deliver(
    entry: QueueEntry,
  ): Promise<'delivered' | 'failed' | 'waiting' | 'network' | 'auth'> {
    if (!entry.submission) {
      await patch(entry.id, {
        state: 'failed',
        nextAttemptAt: null,
        lastError: 'Данные захвата утрачены; захватите страницу заново.',
      });
      return 'failed';
    }
    await patch(entry.id, { state: 'sending' });
    try {
      const result = await deps.send(entry.submission);
      await patch(entry.id, {
        state: 'sent',
        documentId: result.documentId,
        duplicate: result.duplicate,
        nextAttemptAt: null,
        lastError: undefined,
        waitingForSession: undefined,
        // The CMS has the data now; pupils' names need not stay in this browser.
        submission: undefined,
      });
      return 'delivered';
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'auth') {
        await patch(entry.id, {
          state: 'queued',
          waitingForSession: true,
          lastError: failure.message,
          nextAttemptAt: now(),
        });
        return 'auth';
      }
      const attempts = entry.attempts + 1;
      const givingUp = !failure.retryable || (failure.kind === 'server' && attempts >= MAX_SERVER_ATTEMPTS);
      await patch(entry.id, {
        state: givingUp ? 'failed' : 'queued',
        attempts,
        lastError:
          givingUp && failure.retryable ? `${failure.message} Попыток: ${attempts}.` : failure.message,
        nextAttemptAt: givingUp ? null : now() + backoffDelay(attempts, deps.random),
        waitingForSession: undefined,
      });
      if (givingUp) return 'failed';
      return failure.kind === 'network' ? 'network' : 'waiting';
    }
  }

  async function runFlush(): Promise<FlushReport> {
    const report: FlushReport = { delivered: 0, failed: 0, waiting: 0 };
    const entries = await lock.then(() => deps.store.getValue());
    // An entry left in «sending» was interrupted (the worker was stopped): its key makes resending safe.
    const due = entries.filter(
      (entry) =>
        (entry.state === 'queued' || entry.state === 'sending') && (entry.nextAttemptAt ?? 0) <= now(),
    );
    for (const entry of due) {
      const outcome = await deliver(entry);
      if (outcome === 'delivered') report.delivered += 1;
      else if (outcome === 'failed') report.failed += 1;
      else report.waiting += 1;
      if (outcome === 'auth' || outcome === 'network') {
        // Every other entry would fail the same way; try them on the next flush instead.
        report.stoppedBy = outcome;
        if (outcome === 'auth') await deps.onAuthFailure?.();
        break;
      }
    }
    return report;
  }

  return {
    list: (): Promise<QueueEntry[]> => lock.then(() => deps.store.getValue()),
    enqueue,

    /** Sends every entry that is due. Concurrent calls share one run. */
    flush(): Promise<FlushReport> {
      flushing ??= runFlush().finally(() => {
        flushing = null;
      });
      return flushing;
    },

    /** Earliest planned retry, for scheduling the next wake-up; null when nothing waits. */
    async nextDueAt(): Promise<number | null> {
      const times = (await deps.store.getValue())
        .filter((entry) => entry.state === 'queued' && entry.nextAttemptAt !== null)
        .map((entry) => entry.nextAttemptAt as number);
      return times.length > 0 ? Math.min(...times) : null;
    },

    async retry(id: string): Promise<QueueEntry> {
      const entry = await patch(id, {
        state: 'queued',
        nextAttemptAt: now(),
        lastError: undefined,
        attempts: 0,
      });
      if (!entry) throw new ApiFailure('invalid', 'Такого захвата нет в очереди.');
      return entry;
    },

    async discard(id: string): Promise<boolean> {
      return mutate((entries) => {
        const next = entries.filter((entry) => entry.id !== id || entry.state === 'sending');
        return { entries: next, result: next.length !== entries.length };
      });
    },

    async apply(id: string, options?: ApplyOptions): Promise<QueueEntry> {
      const entry = (await deps.store.getValue()).find((candidate) => candidate.id === id);
      const documentId = entry?.documentId;
      if (
        !entry ||
        !documentId ||
        (entry.state !== 'sent' && entry.state !== 'checked' && entry.state !== 'applied')
      ) {
        throw new ApiFailure('invalid', 'Сначала захват должен быть отправлен на сервер.');
      }
      const roadmap =
        entry.kind === 'roadmap_table' ? roadmapApplyOptionsSchema.safeParse(options).data : undefined;
      // A failed look-up must not hide the outcome it was meant to explain.
      const duplicateOf = async (): Promise<DuplicateInfo | undefined> =>
        (await deps.roadmap?.findDuplicate(documentId).catch((error: unknown) => {
          console.warn('[nastavnik] duplicate look-up failed', error);
          return null;
        })) ?? undefined;
      try {
        if (roadmap?.onDuplicate) {
          if (!deps.roadmap)
            throw new ApiFailure('invalid', 'Запись дорожной карты поверх прежней недоступна.');
          const result = await deps.roadmap.commitDuplicate(documentId, roadmap.onDuplicate);
          const updated = await patch(id, {
            state: 'applied',
            applyMessage: describeCommit(result),
            createdCount: result.activitiesCount,
            duplicateOf: undefined,
            lastError: undefined,
          });
          return updated ?? entry;
        }
        const result = await deps.apply(documentId, options);
        const state = stateAfterApply(result.state);
        // The CMS's sentence for a written road map repeats the count the panel shows beside it.
        const roadmapWritten = roadmap && state === 'applied' && (result.createdCount ?? 0) > 0;
        const updated = await patch(id, {
          state,
          applyMessage: roadmapWritten
            ? describeCommit({ version: 1, warnings: [] })
            : (result.message ?? undefined),
          createdCount: result.createdCount ?? undefined,
          lastError: undefined,
          // After a dry run the user is told at once when writing would collide with a road map in the CMS.
          duplicateOf:
            state === 'checked' && entry.kind === 'roadmap_table' ? await duplicateOf() : undefined,
        });
        return updated ?? entry;
      } catch (error) {
        const failure = classifyError(error);
        if (failure.kind === 'auth') await deps.onAuthFailure?.();
        // The CMS refuses to write a road map it already has: find which one, and let the user choose.
        if (roadmap && failure.kind === 'invalid') {
          const duplicate = await duplicateOf();
          if (duplicate) return (await patch(id, { duplicateOf: duplicate, lastError: undefined })) ?? entry;
        }
        await patch(id, { lastError: `Не применён: ${failure.message}` });
        throw failure;
      }
    },
  };
}

export type CaptureQueue = ReturnType<typeof createCaptureQueue>;

/**
 * Delivery of the entries that are due, one at a time, each with its idempotency key: a capture that
 * was sent but whose answer was lost is sent again with the same key, and the CMS answers `duplicate`
 * instead of storing it twice. A failure that may pass is retried later with a growing delay.
 */
import type { CaptureSubmission } from '@nastavnik/shared/capture';
import { type ApiFailure, classifyError } from '../api/errors.js';
import { backoffDelay } from './backoff.js';
import type { QueueEntry } from './entry.js';
import type { EntryStore } from './entry-store.js';

export interface SendResult {
  documentId: string;
  duplicate: boolean;
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

export interface DeliveryDeps {
  entries: EntryStore;
  send: (submission: CaptureSubmission) => Promise<SendResult>;
  onAuthFailure?: () => Promise<void>;
  now: () => number;
  random?: () => number;
}

type Outcome = 'delivered' | 'failed' | 'waiting' | 'network' | 'auth';

export async function flushDue(deps: DeliveryDeps): Promise<FlushReport> {
  const report: FlushReport = { delivered: 0, failed: 0, waiting: 0 };
  // An entry left in «sending» was interrupted (the worker was stopped): its key makes resending safe.
  const due = (await deps.entries.read()).filter(
    (entry) =>
      (entry.state === 'queued' || entry.state === 'sending') && (entry.nextAttemptAt ?? 0) <= deps.now(),
  );
  for (const entry of due) {
    const outcome = await deliver(deps, entry);
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

async function deliver(deps: DeliveryDeps, entry: QueueEntry): Promise<Outcome> {
  if (!entry.submission) {
    await deps.entries.patch(entry.id, {
      state: 'failed',
      nextAttemptAt: null,
      lastError: 'Данные захвата утрачены; захватите страницу заново.',
    });
    return 'failed';
  }
  await deps.entries.patch(entry.id, { state: 'sending' });
  try {
    const result = await deps.send(entry.submission);
    await deps.entries.patch(entry.id, {
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
    const { changes, outcome } = afterFailure(entry, classifyError(error), deps);
    await deps.entries.patch(entry.id, changes);
    return outcome;
  }
}

/** What a failed send leaves in the entry: waiting for a sign-in, a retry planned, or given up. */
function afterFailure(
  entry: QueueEntry,
  failure: ApiFailure,
  { now, random }: Pick<DeliveryDeps, 'now' | 'random'>,
): { changes: Partial<QueueEntry>; outcome: Outcome } {
  if (failure.kind === 'auth') {
    return {
      changes: { state: 'queued', waitingForSession: true, lastError: failure.message, nextAttemptAt: now() },
      outcome: 'auth',
    };
  }
  const attempts = entry.attempts + 1;
  const givingUp = !failure.retryable || (failure.kind === 'server' && attempts >= MAX_SERVER_ATTEMPTS);
  return {
    changes: {
      state: givingUp ? 'failed' : 'queued',
      attempts,
      lastError: givingUp && failure.retryable ? `${failure.message} Попыток: ${attempts}.` : failure.message,
      nextAttemptAt: givingUp ? null : now() + backoffDelay(attempts, random),
      waitingForSession: undefined,
    },
    outcome: givingUp ? 'failed' : failure.kind === 'network' ? 'network' : 'waiting',
  };
}

/**
 * The outbox's entries as stored in `storage.local`. Every change is written at once, so a restart
 * loses nothing, and changes are serialised: two of them never work from the same snapshot.
 */
import type { CaptureSubmission } from '@nastavnik/shared/capture';
import type { QueueEntry } from './entry.js';

export interface QueueStore {
  getValue(): Promise<QueueEntry[]>;
  setValue(value: QueueEntry[]): Promise<void>;
}

export interface EntryStore {
  /** The entries once every change already asked for is written. */
  read(): Promise<QueueEntry[]>;
  /** The entries as stored at this moment, changes in flight or not. */
  peek(): Promise<QueueEntry[]>;
  mutate<T>(change: (entries: QueueEntry[]) => { entries: QueueEntry[]; result: T }): Promise<T>;
  /** Changes one entry; resolves to undefined when the entry is no longer there. */
  patch(id: string, changes: Partial<QueueEntry>): Promise<QueueEntry | undefined>;
}

/** Delivered entries kept for the status list. */
const KEEP_DELIVERED = 100;

export function createEntryStore(store: QueueStore, now: () => number): EntryStore {
  let lock: Promise<unknown> = Promise.resolve();

  function mutate<T>(change: (entries: QueueEntry[]) => { entries: QueueEntry[]; result: T }): Promise<T> {
    const run = lock.then(async () => {
      const { entries, result } = change(await store.getValue());
      await store.setValue(entries);
      return result;
    });
    // The caller gets the failure through `run`; the lock only has to let the next change through.
    lock = run.catch(() => undefined);
    return run;
  }

  return {
    read: () => lock.then(() => store.getValue()),
    peek: () => store.getValue(),
    mutate,
    patch: (id, changes) =>
      mutate((entries) => {
        let updated: QueueEntry | undefined;
        const next = entries.map((entry) => {
          if (entry.id !== id) return entry;
          updated = withChanges(entry, changes, now());
          return updated;
        });
        return { entries: next, result: updated };
      }),
  };
}

/** `undefined` in `changes` removes the field, so that it does not linger in storage as null. */
function withChanges(entry: QueueEntry, changes: Partial<QueueEntry>, updatedAt: number): QueueEntry {
  const merged: Partial<QueueEntry> = { ...entry, updatedAt, ...changes };
  // `unknown`: inferred from the fields, the values' type would leave out the `undefined` of the optional ones.
  const defined = Object.entries<unknown>(merged).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined) as QueueEntry;
}

/** A capture that has just entered the outbox, due at once. */
export function newEntry(submission: CaptureSubmission, summary: string, at: number): QueueEntry {
  return {
    id: submission.idempotencyKey,
    kind: submission.kind,
    adapter: submission.adapter,
    sourceUrl: submission.sourceUrl,
    summary: summary.slice(0, 500),
    submission,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

/** Drops the oldest applied entries once more delivered ones are kept than the status list shows. */
export function prune(entries: QueueEntry[]): QueueEntry[] {
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

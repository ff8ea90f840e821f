/**
 * One capture in the outbox. The entry keeps the submission only until the CMS has it: once sent,
 * the pupils' names leave the browser's storage and only the status and the CMS document id stay.
 */
import { z } from 'zod';
import { captureKinds } from '@nastavnik/shared/enums';
import { captureSubmissionSchema, idempotencyKeySchema } from '@nastavnik/shared/capture';
import { duplicateInfoSchema } from '../roadmap/result.js';

export const queueStates = {
  queued: 'В очереди',
  sending: 'Отправляется',
  sent: 'Отправлено',
  /** A road-map table the CMS has parsed into a draft (a dry run): nothing is written yet. */
  checked: 'Черновик проверен',
  applied: 'Применено',
  failed: 'Ошибка',
} as const;
export type QueueState = keyof typeof queueStates;

export const queueEntrySchema = z.object({
  /** The idempotency key: the CMS stores a key once, so a retried send cannot create a second capture. */
  id: idempotencyKeySchema,
  kind: captureKinds.schema,
  adapter: z.string(),
  sourceUrl: z.string(),
  summary: z.string().max(500),
  submission: captureSubmissionSchema.optional(),
  state: z.enum(['queued', 'sending', 'sent', 'checked', 'applied', 'failed']),
  attempts: z.number().int().min(0),
  /** Epoch ms; null when no automatic retry is planned (delivered, or failed for good). */
  nextAttemptAt: z.number().nullable(),
  /** Why the last attempt did not succeed, in Russian, shown as is. */
  lastError: z.string().optional(),
  /** Delivery waits for the user to sign in again rather than for time to pass. */
  waitingForSession: z.boolean().optional(),
  documentId: z.string().optional(),
  duplicate: z.boolean().optional(),
  applyMessage: z.string().optional(),
  createdCount: z.number().int().optional(),
  /** A road map the CMS already has that this capture would duplicate: the user decides what to do. */
  duplicateOf: duplicateInfoSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

/** What the panel gets back from the background: the entry without the (possibly large) submission. */
export const queueEntryViewSchema = queueEntrySchema.omit({ submission: true });
export type QueueEntryView = z.infer<typeof queueEntryViewSchema>;

export function entryView(entry: QueueEntry): QueueEntryView {
  const { submission: _submission, ...view } = entry;
  return view;
}

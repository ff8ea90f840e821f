/**
 * Every message the extension passes, declared once: who may send it, who handles it, and the
 * zod schemas of its request and response. Both ends validate against these at runtime, so a
 * page that compromises a content script still cannot make the background send anything.
 */
import { z } from 'zod';
import { captureKinds } from '@nastavnik/shared/enums';
import {
  adapterIdSchema,
  capturePayloadSchema,
  captureSubmissionSchema,
  columnRoles,
  gradesApplyOptionsSchema,
  idempotencyKeySchema,
} from '@nastavnik/shared/capture';
import { meetingRecordSchema } from '@nastavnik/shared/contracts/meeting';
import { queueEntryViewSchema } from '../queue/entry.js';
import { roadmapApplyOptionsSchema } from '../roadmap/result.js';

export type Context = 'panel' | 'background' | 'content';

export interface MessageSpec<
  To extends Context = Context,
  Req extends z.ZodType = z.ZodType,
  Res extends z.ZodType = z.ZodType,
> {
  to: To;
  from: readonly Context[];
  request: Req;
  response: Res;
}

const spec = <To extends Context, Req extends z.ZodType, Res extends z.ZodType>(
  value: MessageSpec<To, Req, Res>,
) => value;

const tableChoiceSchema = z.object({
  index: z.number().int().min(0),
  label: z.string().max(300),
  rows: z.number().int().min(0),
  columns: z.number().int().min(0),
});

export const offerSchema = z.object({
  adapterId: adapterIdSchema,
  adapterLabel: z.string().max(200),
  kind: captureKinds.schema,
  kindLabel: z.string().max(200),
  summary: z.string().max(500),
  confidence: z.number().min(0).max(1),
  tables: z.array(tableChoiceSchema).max(500).optional(),
});

const detectFailureSchema = z.object({
  adapterId: adapterIdSchema,
  adapterLabel: z.string().max(200),
  message: z.string().max(500),
});

export const detectResponseSchema = z.object({
  url: z.string().max(4096),
  title: z.string().max(1000),
  offers: z.array(offerSchema).max(50),
  /** Adapters whose `detect` threw; the others' offers are still listed. */
  failures: z.array(detectFailureSchema).max(50),
  elapsedMs: z.number().min(0),
});

export const tableDraftSchema = z.object({
  label: z.string().max(300),
  headers: z.array(z.string().max(1000)).max(300),
  rows: z.array(z.array(z.string().max(5000)).max(300)).max(20_000),
  rowGroups: z.array(z.string().max(1000).nullable()).max(20_000),
  roles: z.array(columnRoles.schema).max(300),
  defaults: z.object({ className: z.string().max(100).optional(), period: z.string().max(200).optional() }),
});

export const extractResponseSchema = z.object({
  adapterId: adapterIdSchema,
  kind: captureKinds.schema,
  sourceUrl: z.string().max(4096),
  payload: capturePayloadSchema.optional(),
  table: tableDraftSchema.optional(),
  warnings: z.array(z.string().max(2000)).max(500),
  problems: z.array(z.string().max(2000)).max(50),
  elapsedMs: z.number().min(0),
});

const empty = z.strictObject({});
const flushReportSchema = z.object({
  delivered: z.number().int(),
  failed: z.number().int(),
  waiting: z.number().int(),
  stoppedBy: z.enum(['network', 'auth']).optional(),
});

export const messages = {
  /** Is the content script already in this tab? (It is injected only when it is not.) */
  'content.ping': spec({
    to: 'content',
    from: ['panel'],
    request: empty,
    response: z.object({ ready: z.literal(true) }),
  }),
  /** Which adapters recognise the page, best first, and which of them broke trying. */
  'content.detect': spec({ to: 'content', from: ['panel'], request: empty, response: detectResponseSchema }),
  /** Run one adapter in full (optionally on another table of the page). */
  'content.extract': spec({
    to: 'content',
    from: ['panel'],
    request: z.strictObject({
      adapterId: adapterIdSchema,
      tableIndex: z.number().int().min(0).max(1000).optional(),
    }),
    response: extractResponseSchema,
  }),
  /** Put checked submissions into the outbox and start delivering them. */
  'queue.enqueue': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({
      items: z
        .array(z.strictObject({ submission: captureSubmissionSchema, summary: z.string().max(500) }))
        .min(1)
        .max(100),
    }),
    response: z.array(queueEntryViewSchema),
  }),
  'queue.flush': spec({ to: 'background', from: ['panel'], request: empty, response: flushReportSchema }),
  'queue.retry': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({ id: idempotencyKeySchema }),
    response: queueEntryViewSchema,
  }),
  'queue.discard': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({ id: idempotencyKeySchema }),
    response: z.object({ removed: z.boolean() }),
  }),
  'queue.apply': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({
      id: idempotencyKeySchema,
      options: z.union([gradesApplyOptionsSchema, roadmapApplyOptionsSchema]).optional(),
    }),
    response: queueEntryViewSchema,
  }),
  /** Save a meeting through the outbox: sent at once when possible, kept and sent later when not. */
  'meetings.enqueue': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({ record: meetingRecordSchema, summary: z.string().max(300) }),
    response: z.object({ delivered: z.boolean(), queued: z.boolean(), message: z.string() }),
  }),
  'meetings.retry': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({ id: z.string().min(1).max(64) }),
    response: z.object({ ok: z.literal(true) }),
  }),
  'meetings.discard': spec({
    to: 'background',
    from: ['panel'],
    request: z.strictObject({ id: z.string().min(1).max(64) }),
    response: z.object({ removed: z.boolean() }),
  }),
} as const;

export type MessageType = keyof typeof messages;
export type RequestOf<T extends MessageType> = z.input<(typeof messages)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof messages)[T]['response']>;
export type MessagesTo<C extends Context> = {
  [T in MessageType]: (typeof messages)[T]['to'] extends C ? T : never;
}[MessageType];

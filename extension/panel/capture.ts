/**
 * The capture tab's steps and what each one derives, free of React and the browser, so the rules
 * (what a page change resets, when a capture may be sent, how queued parts read) are tested alone.
 */
import { captureKinds } from '@nastavnik/shared/enums';
import {
  captureSubmissionSchema,
  describeIssues,
  type ArticlePayload,
  type CapturePayload,
  type ColumnRole,
} from '@nastavnik/shared/capture';
import { buildTablePayload, type BuiltTable } from '@/utils/adapters/table/draft';
import type { ResponseOf } from '@/utils/messaging/registry';
import type { QueueEntryView } from '@/utils/queue/entry';
import type { Tone } from './components/Notice';

export type Detected = ResponseOf<'content.detect'>;
export type Offer = Detected['offers'][number];
export type DetectFailure = Detected['failures'][number];
export type Extracted = ResponseOf<'content.extract'>;

export interface PreviewStep {
  name: 'preview';
  detected: Detected;
  offer: Offer;
  extracted: Extracted;
  tableIndex?: number;
  /** The column mapping as the user left it, starting from the adapter's guess. */
  roles: ColumnRole[];
  /** The article as the user edited it; null for anything but an article. */
  article: ArticlePayload | null;
}

export type Step =
  | { name: 'idle' }
  | { name: 'detecting' }
  | { name: 'offers'; detected: Detected }
  | { name: 'extracting'; detected: Detected; offer: Offer }
  | PreviewStep
  | { name: 'queued'; ids: string[]; summary: string };

export interface Problem {
  message: string;
  /** Offer to ask for this site when the browser refused access for lack of permission. */
  askOrigin?: boolean;
}

/** A different page means different data; only the report on what was already queued stays. */
export function afterPageChange(step: Step): Step {
  return step.name === 'queued' ? step : { name: 'idle' };
}

export function previewStep(
  detected: Detected,
  offer: Offer,
  extracted: Extracted,
  tableIndex?: number,
): PreviewStep {
  return {
    name: 'preview',
    detected,
    offer,
    extracted,
    ...(tableIndex === undefined ? {} : { tableIndex }),
    roles: extracted.table?.roles ?? [],
    article: extracted.payload?.kind === 'article' ? extracted.payload : null,
  };
}

export function withRole(preview: PreviewStep, column: number, role: ColumnRole): PreviewStep {
  return { ...preview, roles: preview.roles.map((value, index) => (index === column ? role : value)) };
}

export interface Draft {
  /** For tables: the payload rebuilt with the user's column mapping. */
  table: BuiltTable | null;
  payload: CapturePayload | undefined;
  /** The queue's one-line name for the capture. */
  summary: string;
  /** Why the capture may not be sent as it is; empty when it may. */
  issues: string[];
}

export function draftOf(preview: PreviewStep): Draft {
  const { extracted } = preview;
  const table = extracted.table ? buildTablePayload(extracted.table, preview.roles) : null;
  const payload = table ? table.payload : (preview.article ?? extracted.payload);
  if (!payload) return { table, payload, summary: '', issues: extracted.problems };
  const checked = captureSubmissionSchema.safeParse({
    kind: payload.kind,
    sourceUrl: extracted.sourceUrl,
    adapter: extracted.adapterId,
    payload,
    idempotencyKey: 'preview-check-0000000',
  });
  return {
    table,
    payload,
    summary: summaryOf(preview, payload, table),
    issues: checked.success ? [] : describeIssues(checked.error),
  };
}

function summaryOf(preview: PreviewStep, payload: CapturePayload, table: BuiltTable | null): string {
  const label = captureKinds.label(payload.kind);
  if (payload.kind === 'article') return `${label}: «${payload.title.slice(0, 120)}»`;
  if (table) return `${label}: «${preview.extracted.table?.label ?? ''}», строк: ${table.accepted}`;
  return preview.offer.summary;
}

export type Sendable = Draft & { payload: CapturePayload };

export function canSend(draft: Draft): draft is Sendable {
  return draft.payload !== undefined && draft.issues.length === 0;
}

export function failureMessage(error: unknown): string {
  const text = error instanceof Error && error.message ? error.message : 'Непредвиденная ошибка.';
  // Chrome's own wording when the tab has gone or its content script was unloaded.
  if (/Receiving end does not exist|Could not establish connection|No tab with id/i.test(text)) {
    return 'Страница не отвечает: возможно, она перезагрузилась. Попробуйте ещё раз.';
  }
  return text;
}

export function detectFailureText(failure: DetectFailure): string {
  return `Обработчик «${failure.adapterLabel}» не смог прочитать страницу: ${failure.message}`;
}

export interface QueuedStatus {
  entries: QueueEntryView[];
  tone: Tone;
  allSent: boolean;
}

/** How the parts of one capture are doing in the outbox, worst news first. */
export function queuedStatus(queue: readonly QueueEntryView[], ids: readonly string[]): QueuedStatus {
  const entries = queue.filter((entry) => ids.includes(entry.id));
  const failed = entries.some((entry) => entry.state === 'failed');
  const troubled = entries.some((entry) => entry.lastError !== undefined);
  const allSent =
    entries.length > 0 &&
    entries.every(
      (entry) => entry.state === 'sent' || entry.state === 'checked' || entry.state === 'applied',
    );
  const tone = failed ? 'error' : allSent ? 'success' : troubled ? 'warning' : 'info';
  return { entries, tone, allSent };
}

/**
 * Turns a checked payload into submissions for the queue. Large tables are split into parts: a
 * school-wide list of thousands of rows would exceed the request size the CMS accepts, and a
 * part that fails can be retried alone. Each part gets its own idempotency key.
 */
import type { CaptureKind } from '@nastavnik/shared/enums';
import type { CapturePayload, CaptureSubmission } from '@nastavnik/shared/capture';

/** Rows per part, and a JSON size budget well under a 1 MB request body limit. */
export const PART_MAX_ROWS = 2_000;
export const PART_MAX_CHARS = 600_000;

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

function splitRows<T>(rows: readonly T[]): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (current.length >= PART_MAX_ROWS || chars + size > PART_MAX_CHARS)) {
      parts.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

export interface PlannedSubmission {
  submission: CaptureSubmission;
  summary: string;
}

export function planSubmissions(input: {
  kind: CaptureKind;
  adapter: string;
  sourceUrl: string;
  payload: CapturePayload;
  summary: string;
  newKey?: () => string;
}): PlannedSubmission[] {
  const newKey = input.newKey ?? newIdempotencyKey;
  const base = { kind: input.kind, adapter: input.adapter, sourceUrl: input.sourceUrl };
  const payload = input.payload;
  if (payload.kind !== 'roster' && payload.kind !== 'grades') {
    return [{ submission: { ...base, payload, idempotencyKey: newKey() }, summary: input.summary }];
  }
  const parts: CapturePayload[] =
    payload.kind === 'roster'
      ? splitRows(payload.rows).map((rows) => ({ ...payload, rows }))
      : splitRows(payload.rows).map((rows) => ({ ...payload, rows }));
  return parts.map((part, index) => ({
    submission: { ...base, payload: part, idempotencyKey: newKey() },
    summary: parts.length > 1 ? `${input.summary} (часть ${index + 1} из ${parts.length})` : input.summary,
  }));
}

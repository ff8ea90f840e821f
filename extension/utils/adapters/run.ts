/**
 * Runs adapters against a document the way the content script does: every matching adapter's
 * `detect`, then one `extract` whose payload is checked against the shared schema before it
 * leaves the page. An adapter that throws or produces an invalid payload becomes a Russian
 * message, never an exception across the message channel.
 */
import { captureKinds, type CaptureKind } from '@nastavnik/shared/enums';
import { capturePayloadSchema, describeIssues, type CapturePayload } from '@nastavnik/shared/capture';
import { type Adapter, AdapterError, type Detection, type TableChoice } from './contract.js';
import { adapters as allAdapters } from './index.js';
import type { TableDraft } from './table/draft.js';

export interface Offer {
  adapterId: string;
  adapterLabel: string;
  kind: CaptureKind;
  kindLabel: string;
  summary: string;
  confidence: number;
  tables?: TableChoice[];
}

export interface ExtractResult {
  adapterId: string;
  kind: CaptureKind;
  sourceUrl: string;
  /** Absent when the adapter's output did not pass the schema (for tables: until roles are fixed). */
  payload?: CapturePayload;
  table?: TableDraft;
  warnings: string[];
  problems: string[];
  elapsedMs: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function detectOffers(doc: Document, url: URL, adapters: readonly Adapter[] = allAdapters): Offer[] {
  const offers: Offer[] = [];
  for (const adapter of adapters) {
    if (!adapter.matches(url)) continue;
    let detection: Detection | null;
    try {
      detection = adapter.detect(doc, url);
    } catch {
      continue; // a broken adapter must not hide what the others found
    }
    if (!detection) continue;
    offers.push({
      adapterId: adapter.id,
      adapterLabel: adapter.label,
      kind: detection.kind,
      kindLabel: captureKinds.label(detection.kind),
      summary: detection.summary,
      confidence: detection.confidence,
      ...(detection.tables && detection.tables.length > 1 ? { tables: detection.tables } : {}),
    });
  }
  return offers.sort((a, b) => b.confidence - a.confidence);
}

export function runExtraction(adapter: Adapter, doc: Document, url: URL, tableIndex?: number): ExtractResult {
  const started = now();
  try {
    const extraction = adapter.extract(doc, url, tableIndex === undefined ? {} : { tableIndex });
    const checked = capturePayloadSchema.safeParse(extraction.payload);
    return {
      adapterId: adapter.id,
      kind: extraction.kind,
      sourceUrl: url.href,
      ...(checked.success ? { payload: checked.data } : {}),
      ...(extraction.table ? { table: extraction.table } : {}),
      warnings: extraction.warnings,
      problems: checked.success ? [] : describeIssues(checked.error),
      elapsedMs: Math.round(now() - started),
    };
  } catch (error) {
    const message =
      error instanceof AdapterError
        ? error.message
        : 'Не удалось прочитать страницу: её устройство не похоже на ожидаемое.';
    throw new AdapterError(message);
  }
}

/**
 * Runs adapters against a document the way the content script does: every matching adapter's
 * `detect`, then one `extract` whose payload is checked against the shared schema before it
 * leaves the page. An adapter that throws is logged here, in the page's console, with its stack,
 * and reaches the panel only as a Russian message that names it.
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

/** An adapter whose `detect` threw: the panel names it, so a bug does not pass for «nothing found». */
export interface DetectFailure {
  adapterId: string;
  adapterLabel: string;
  message: string;
}

export interface Detected {
  offers: Offer[];
  failures: DetectFailure[];
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

const MAX_REASON = 500;

function reasonOf(error: unknown): string {
  const text = error instanceof Error && error.message ? error.message : 'Непредвиденная ошибка.';
  return text.slice(0, MAX_REASON);
}

export function detectOffers(doc: Document, url: URL, adapters: readonly Adapter[] = allAdapters): Detected {
  const offers: Offer[] = [];
  const failures: DetectFailure[] = [];
  for (const adapter of adapters) {
    if (!adapter.matches(url)) continue;
    let detection: Detection | null;
    try {
      detection = adapter.detect(doc, url);
    } catch (error) {
      // A broken adapter must not hide what the others found, nor go unnoticed itself.
      console.error(`[nastavnik] adapter ${adapter.id} failed to detect`, error);
      failures.push({ adapterId: adapter.id, adapterLabel: adapter.label, message: reasonOf(error) });
      continue;
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
  return { offers: offers.sort((a, b) => b.confidence - a.confidence), failures };
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
    // Only the message crosses to the panel; the stack stays here for whoever opens the console.
    console.error(`[nastavnik] adapter ${adapter.id} failed to extract`, error);
    const reason = error instanceof AdapterError ? error.message : 'Её устройство не похоже на ожидаемое.';
    throw new AdapterError(`Обработчик «${adapter.label}» не смог прочитать страницу. ${reason}`, {
      cause: error,
    });
  }
}

/**
 * The contract every site adapter follows (after Zotero translators): `matches` is a cheap URL
 * test, `detect` looks at the page and says what it offers (null on a foreign page), `extract`
 * does the work. Adapters are pure functions of a Document, so tests run them on jsdom.
 */
import type { CaptureKind } from '@nastavnik/shared/enums';
import type { CapturePayload } from '@nastavnik/shared/capture';
import type { TableDraft } from './table/draft.js';

export interface TableChoice {
  index: number;
  label: string;
  rows: number;
  columns: number;
}

export interface Detection {
  kind: CaptureKind;
  /** One Russian line for the offer list: «Список класса 7А: 27 учеников». */
  summary: string;
  /** 0–1; offers are listed best first, and a specific adapter outranks the generic table. */
  confidence: number;
  /** When the page has several tables the user may pick another one. */
  tables?: TableChoice[];
}

export interface ExtractOptions {
  /** Index into `Detection.tables`. */
  tableIndex?: number;
}

export interface Extraction {
  kind: CaptureKind;
  payload: CapturePayload;
  /** Present for table captures: the panel re-maps columns from it. */
  table?: TableDraft;
  warnings: string[];
}

export interface Adapter {
  /** Stored with the capture in the CMS; kebab-case, never renamed. */
  readonly id: string;
  readonly label: string;
  matches(url: URL): boolean;
  detect(doc: Document, url: URL): Detection | null;
  extract(doc: Document, url: URL, options?: ExtractOptions): Extraction;
}

/** An extraction problem the user can act on; the message is shown as is. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
}

export function isHttpPage(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Types of fidelity.mjs (the one implementation, shared with scripts/fidelity.mjs). */
import type { DeadlineWindow, ImportResult, ResponsibleKind, RoadmapActivityDraft } from '../../schema.js';

export interface ExpectedActivity {
  code: string;
  title: string;
  deadline: DeadlineWindow[];
  responsibles: Array<{ kind: ResponsibleKind; name: string }>;
}

export interface CorpusDocument {
  id: string;
  file: string;
  text: string;
  /** The document saved as PDF, when the corpus has that rendering. */
  pdf?: Uint8Array;
  /** The document as the Word file and the web page it was rendered as, for some documents. */
  docx?: Uint8Array;
  html?: Uint8Array;
  expected: { note?: string; activities: ExpectedActivity[] };
}

export interface Figures {
  activities_exact: number;
  activities: number;
  deadlines_exact: number;
  deadlines: number;
  responsibles_exact: number;
  responsibles: number;
}

export interface Mismatch {
  kind: 'activity' | 'missing activity' | 'extra activity' | 'deadline' | 'responsible';
  index: number;
  text?: string;
  expected: unknown;
  got: unknown;
}

export interface DocumentFigures extends Figures {
  mismatches: Mismatch[];
}

export interface Summary extends Figures {
  documents: number;
}

export const corpusDir: string;
export const RENDERINGS: ReadonlyArray<'pdf' | 'docx' | 'html'>;
export function loadCorpus(dir?: string): CorpusDocument[];
export function compareDocument(
  expectedActivities: ExpectedActivity[],
  gotActivities: Array<Pick<RoadmapActivityDraft, 'code' | 'title' | 'deadline' | 'responsible'>>,
): DocumentFigures;
export function summarise(perDocument: Figures[]): Summary;
export function ratios(summary: Figures): { activities: number; deadlines: number; responsibles: number };
export function measure(
  importRoadmap: (input: { data: Uint8Array; filename: string }) => Promise<ImportResult>,
  documents?: CorpusDocument[],
): Promise<{
  perDocument: Array<DocumentFigures & { id: string; ok: boolean }>;
  summary: Summary;
  pdf: Summary;
  docx: Summary;
  html: Summary;
}>;

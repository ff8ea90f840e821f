/**
 * The file tab's steps and what each one derives, free of React and the browser, so the rules (what
 * the CMS's answer to a check or a write makes of the preview) are tested alone.
 */
import {
  roadmapImportFormats,
  type ImportFormat,
  type ImportWarning,
  type RoadmapDraft,
} from '@nastavnik/shared/roadmap/schema';
import type { RoadmapImportInput } from '@/utils/api/operations';
import { bytesToBase64 } from '@/utils/roadmap/file';
import type { DuplicateChoice, DuplicateInfo, RoadmapImportResult } from '@/utils/roadmap/result';

export interface FileInfo {
  name: string;
  size: number;
}

export interface Parsed {
  format: ImportFormat;
  draft: RoadmapDraft;
  warnings: ImportWarning[];
  /** Who read the document: the engine here in the panel, or the CMS on «Проверить на сервере». */
  readBy: 'panel' | 'server';
}

export interface FilePreview {
  name: 'preview';
  file: FileInfo;
  bytes: Uint8Array;
  parsed: Parsed;
  duplicateOf: DuplicateInfo | null;
  checked: boolean;
}

export interface FileWritten {
  name: 'written';
  file: FileInfo;
  result: RoadmapImportResult;
  title: string | undefined;
  /** What became of the road map it duplicated, if it did. */
  previous: DuplicateChoice | null;
}

export type FileStep =
  | { name: 'empty' }
  | { name: 'reading'; file: FileInfo }
  | { name: 'refused'; file: FileInfo; message: string }
  | FilePreview
  | FileWritten;

export type SendMode = 'check' | 'commit';

export interface FileProblem {
  tone: 'warning' | 'error';
  text: string;
}

/** The user's organisation; null: the account has none; undefined: the profile is still loading. */
export type Organisation = { documentId: string; name: string; shortName: string | null } | null | undefined;

export function errorText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/** A check is a dry run; a write over a road map the CMS has already goes as the user chose. */
export function importInput(
  preview: FilePreview,
  organisation: string,
  mode: SendMode,
  choice: DuplicateChoice,
): RoadmapImportInput {
  return {
    organisation,
    fileBase64: bytesToBase64(preview.bytes),
    filename: preview.file.name,
    dryRun: mode === 'check',
    ...(mode === 'commit' ? { onDuplicate: preview.duplicateOf ? choice : 'fail' } : {}),
  };
}

/** Where the CMS's answer leaves the tab, and what to tell the user beside it. */
export function afterImport(
  preview: FilePreview,
  result: RoadmapImportResult,
  choice: DuplicateChoice,
): { step: FileStep; problem: FileProblem | null } {
  if (result.ok && result.committed) {
    const previous = preview.duplicateOf ? choice : null;
    const written: FileWritten = {
      name: 'written',
      file: preview.file,
      result,
      title: preview.parsed.draft.title,
      previous,
    };
    return { step: written, problem: null };
  }
  if (result.duplicateOf && (result.ok || result.error?.code === 'duplicate')) {
    // The CMS has this road map already: the choice appears, nothing is written until it is made.
    const step = {
      ...preview,
      duplicateOf: result.duplicateOf,
      checked: true,
      parsed: serverParse(result, preview.parsed),
    };
    const problem: FileProblem | null = result.ok
      ? null
      : {
          tone: 'warning',
          text: 'Документ не записан: такая дорожная карта уже есть. Выберите, что с ней сделать, и нажмите «Записать» ещё раз.',
        };
    return { step, problem };
  }
  if (!result.ok) {
    return {
      step: preview,
      problem: { tone: 'error', text: result.error?.message ?? 'Сервер не принял документ.' },
    };
  }
  return {
    step: { ...preview, duplicateOf: null, checked: true, parsed: serverParse(result, preview.parsed) },
    problem: null,
  };
}

/** The CMS's own reading replaces the panel's once it arrives: it is what will be written. */
function serverParse(result: RoadmapImportResult, previous: Parsed): Parsed {
  if (!result.draft || !isFormat(result.format)) return previous;
  return { format: result.format, draft: result.draft, warnings: result.warnings, readBy: 'server' };
}

function isFormat(value: string | null): value is ImportFormat {
  return value !== null && (roadmapImportFormats.values as readonly string[]).includes(value);
}

/** «DOCX · разбор в браузере, документ проверен сервером». */
export function readByText(preview: FilePreview): string {
  const by =
    preview.parsed.readBy === 'server'
      ? 'разбор сервера'
      : preview.checked
        ? 'разбор в браузере, документ проверен сервером'
        : 'разбор в браузере, на сервер ещё не отправлен';
  return `${roadmapImportFormats.label(preview.parsed.format)} · ${by}`;
}

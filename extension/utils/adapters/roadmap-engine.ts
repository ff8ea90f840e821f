/**
 * The shared road-map import engine as the adapter sees it: the HTML path only. Imported from its
 * module rather than the roadmap index, which also carries the DOCX/XLSX export (docx, exceljs) that
 * has no place in a content script.
 */
import { importRoadmapHtml as importHtml } from '@nastavnik/shared/roadmap/import';
import type { ImportError, ImportWarning, RoadmapDraft } from '@nastavnik/shared/roadmap/schema';

export type RoadmapImportResult =
  { ok: true; draft: RoadmapDraft; warnings: ImportWarning[] } | { ok: false; error: ImportError };

export type ImportRoadmapHtml = (html: string) => RoadmapImportResult;

export const importRoadmapHtml: ImportRoadmapHtml | null = (html) => importHtml(html);

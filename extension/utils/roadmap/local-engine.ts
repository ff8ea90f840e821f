/**
 * The shared import engine on a file from disk, in the panel, for an instant preview before anything
 * is sent. The panel loads this module on first use (`import()`), so the engine and its DOCX readers
 * cost nothing to users who never import a file.
 */
import { importRoadmap } from '@nastavnik/shared/roadmap/import';
import type { ImportResult } from '@nastavnik/shared/roadmap/schema';

export function parseRoadmapFile(bytes: Uint8Array, filename: string): Promise<ImportResult> {
  return importRoadmap({ data: bytes, filename });
}

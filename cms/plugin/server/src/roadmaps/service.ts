/**
 * Road maps in the CMS, as methods of the road-map core service: import (`import.ts`), progress and
 * agendas (`progress.ts`), export (`export.ts`). Parsing, timing and file generation are the shared
 * package's; these modules wire them to storage.
 */
import type { ImportWarning, RoadmapDraft } from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { exportableRoadmap, exportRoadmapFile } from './export.js';
import { importRoadmapFor, seedRoadmap, type RoadmapImportCall } from './import.js';
import { activityAgenda, roadmapProgress } from './progress.js';

export const roadmapService = ({ strapi }: { strapi: Strapi }) => ({
  import: (call: RoadmapImportCall) => importRoadmapFor(strapi, call),
  seedRoadmap: (
    seed: { source: string; draft: RoadmapDraft; warnings?: ImportWarning[] },
    organisation: string,
    sourceText?: string,
  ) => seedRoadmap(strapi, seed, organisation, sourceText),
  progress: (documentId: string, horizonDays?: number) => roadmapProgress(strapi, documentId, horizonDays),
  agenda: (options: { organisation?: string | null; horizonDays?: number; limit?: number }) =>
    activityAgenda(strapi, options),
  exportable: (documentId: string, status?: 'draft' | 'published') =>
    exportableRoadmap(strapi, documentId, status),
  exportFile: (documentId: string, format: 'docx' | 'xlsx', status?: 'draft' | 'published') =>
    exportRoadmapFile(strapi, documentId, format, status),
});

export type RoadmapService = ReturnType<typeof roadmapService>;

/**
 * What the CMS answers to a road-map import (`nastavnikImportRoadmap`), checked before the panel
 * trusts it, and the Russian sentences the panel makes of it: duplicates, results, warnings.
 */
import { z } from 'zod';
import {
  importWarningSchema,
  roadmapColumnRoles,
  roadmapDraftSchema,
  type ImportWarning,
} from '@nastavnik/shared/roadmap/schema';

/** What to do when the CMS already has this road map: `fail` asks the user first. */
export const duplicateModes = ['fail', 'replace', 'new_version'] as const;
export type DuplicateMode = (typeof duplicateModes)[number];
/** The modes a user chooses between once told about the duplicate. */
export type DuplicateChoice = Exclude<DuplicateMode, 'fail'>;

export const duplicateInfoSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  version: z.number().int().min(1),
  /** The very same document (same bytes) rather than another one with the same title. */
  sameSource: z.boolean(),
});
export type DuplicateInfo = z.infer<typeof duplicateInfoSchema>;

export const roadmapImportResultSchema = z.object({
  ok: z.boolean(),
  committed: z.boolean(),
  format: z.string().nullable(),
  warnings: z.array(importWarningSchema),
  /** Codes of the engine (`empty`, `pdf_not_supported`, …) and the CMS (`duplicate`); message in Russian. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  duplicateOf: duplicateInfoSchema.nullable(),
  roadmapDocumentId: z.string().nullable(),
  version: z.number().int().nullable(),
  activitiesCount: z.number().int().min(0),
  kpisCount: z.number().int().min(0),
  /** Asked for only when the panel shows it. */
  draft: roadmapDraftSchema.nullable().optional(),
});
export type RoadmapImportResult = z.infer<typeof roadmapImportResultSchema>;

/** `nastavnikApplyCapture` options for a road-map table: write it, and how to treat a duplicate. */
export const roadmapApplyOptionsSchema = z.strictObject({
  commit: z.literal(true),
  onDuplicate: z.enum(['replace', 'new_version']).optional(),
});
export type RoadmapApplyOptions = z.infer<typeof roadmapApplyOptionsSchema>;

/**
 * The queue state a capture is in after the CMS applied it. The CMS keeps a road-map table `new`
 * after a dry run (a draft was made, nothing written): that is «checked», not «applied».
 */
export function stateAfterApply(serverState: string): 'applied' | 'checked' {
  return serverState === 'applied' ? 'applied' : 'checked';
}

/** «Этот документ уже есть в «Наставнике»: «План…», версия 1.» */
export function describeDuplicate(duplicate: DuplicateInfo): string {
  return duplicate.sameSource
    ? `Этот документ уже записан в «Наставник»: «${duplicate.title}», версия ${duplicate.version}.`
    : `В «Наставнике» уже есть дорожная карта с таким названием: «${duplicate.title}», версия ${duplicate.version}.`;
}

export const duplicateChoiceLabels: Record<DuplicateChoice, (duplicate: DuplicateInfo) => string> = {
  new_version: (duplicate) =>
    `Записать новой версией (версия ${duplicate.version + 1}; прежняя уйдёт в архив)`,
  replace: () => 'Заменить прежнюю (её мероприятия и отметки о выполнении будут удалены)',
};

/** «Дорожная карта записана, версия 2.» after a commit that went through. */
export function describeCommit(result: Pick<RoadmapImportResult, 'version' | 'warnings'>): string {
  const version = result.version && result.version > 1 ? `, версия ${result.version}` : '';
  const warnings = result.warnings.length > 0 ? ` Замечаний при разборе: ${result.warnings.length}.` : '';
  return `Дорожная карта записана${version}.${warnings}`;
}

/** «Записано мероприятий: 16.» */
export function activitiesWritten(count: number): string {
  return `Записано мероприятий: ${count}.`;
}

/** Where a warning points: «Таблица 2, строка 5 · Срок», «Строка 5», «Документ в целом». */
export function warningPlace(warning: ImportWarning, severalTables: boolean): string {
  const where =
    warning.row > 0
      ? `${severalTables && warning.table ? `Таблица ${warning.table}, строка` : 'Строка'} ${warning.row}`
      : 'Документ в целом';
  return warning.cell ? `${where} · ${roadmapColumnRoles.label(warning.cell)}` : where;
}

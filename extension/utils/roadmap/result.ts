/**
 * What the CMS answers to a road-map import (`nastavnikImportRoadmap`), checked before the panel
 * trusts it, and the Russian sentences the panel makes of it: duplicates, results, warnings.
 */
import { z } from 'zod';
import {
  roadmapApplyOptionsSchema as applyOptionsContract,
  type DuplicateChoice,
  type DuplicateInfo,
  type RoadmapImportResult,
} from '@nastavnik/shared/contracts/index';
import { roadmapColumnRoles, type ImportWarning } from '@nastavnik/shared/roadmap/schema';

// The operation's contract lives in the shared package; the panel re-exports what it reads of it.
export {
  duplicateInfoSchema,
  roadmapImportResultSchema,
  type DuplicateChoice,
  type DuplicateInfo,
  type DuplicateMode,
  type RoadmapImportResult,
} from '@nastavnik/shared/contracts/index';

/** What the panel asks for when it writes a captured table: a commit, after the user's choice. */
export const roadmapApplyOptionsSchema = applyOptionsContract.extend({
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

/**
 * Where a warning points: «Таблица 2, строка 5 · Срок», «Строка 5», «Страница 3, строка 12» (a PDF),
 * «Документ в целом».
 */
export function warningPlace(warning: ImportWarning, severalTables: boolean): string {
  const parts = [
    ...(warning.page ? [`Страница ${warning.page}`] : []),
    ...(severalTables && warning.table ? [`Таблица ${warning.table}`] : []),
  ];
  const where =
    warning.row > 0
      ? parts.length > 0
        ? `${parts.join(', ')}, строка ${warning.row}`
        : `Строка ${warning.row}`
      : 'Документ в целом';
  return warning.cell ? `${where} · ${roadmapColumnRoles.label(warning.cell)}` : where;
}

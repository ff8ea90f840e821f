/** A stored road map back in the table layout schools use, as DOCX or XLSX, read with the caller's rights. */
import { errors } from '@strapi/utils';
import {
  exportRoadmapDocx,
  exportRoadmapXlsx,
  type ActivityStatus,
  type ExportableRoadmap,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { storedSections } from './stored.js';

/** A date attribute as `YYYY-MM-DD` (the databases return strings; Strapi's types also allow a Date). */
const isoDate = (date: string | Date | null | undefined) =>
  date ? (typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10)) : undefined;
const yearOf = (date: string | Date | null | undefined) => {
  const iso = isoDate(date);
  return iso ? Number(iso.slice(0, 4)) : undefined;
};

interface StoredActivity {
  code?: string | null;
  title: string;
  content?: unknown;
  expectedResult?: string | null;
  sectionIndex?: number | null;
  evidenceLink?: string | null;
  deadlineText?: string | null;
  responsibleText?: string | null;
  activityStatus?: string | null;
}

function exportableActivity(a: StoredActivity): ExportableRoadmap['activities'][number] {
  return {
    code: a.code ?? '',
    title: a.title,
    content: (a.content ?? undefined) as string | string[] | undefined,
    result: a.expectedResult ?? undefined,
    sectionIndex: a.sectionIndex ?? undefined,
    evidence: a.evidenceLink ? a.evidenceLink.split('\n') : undefined,
    deadline: { text: a.deadlineText ?? '' },
    responsible: { text: a.responsibleText ?? '' },
    status: (a.activityStatus ?? undefined) as ActivityStatus | undefined,
  };
}

export async function exportableRoadmap(
  strapi: Strapi,
  documentId: string,
  status?: 'draft' | 'published',
): Promise<ExportableRoadmap> {
  const roadmap = await strapi.documents('plugin::nastavnik.roadmap').findOne({
    documentId,
    ...(status ? { status } : {}),
    populate: { organisation: { fields: ['name'] } },
  });
  if (!roadmap) throw new errors.NotFoundError('Дорожная карта не найдена или недоступна.');
  const activities = (await strapi.documents('plugin::nastavnik.roadmap-activity').findMany({
    filters: { roadmap: { documentId } },
    sort: ['order:asc'],
    limit: 100_000,
  })) as StoredActivity[];
  const kpis = await strapi.documents('plugin::nastavnik.kpi-indicator').findMany({
    filters: { roadmap: { documentId } },
    populate: { targets: true },
    sort: ['order:asc'],
    limit: 1000,
  });
  const startYear = yearOf(roadmap.periodStart);
  const endYear = yearOf(roadmap.periodEnd);
  const organisation = roadmap.organisation as { name?: string } | null | undefined;
  return {
    title: roadmap.title ?? undefined,
    organisationName: organisation?.name,
    approval: roadmap.approvalText
      ? {
          text: roadmap.approvalText,
          orderNumber: roadmap.approvalOrderNumber ?? undefined,
          date: isoDate(roadmap.approvalDate),
          approver: roadmap.approver ?? undefined,
        }
      : undefined,
    period:
      startYear && endYear
        ? {
            start: startYear,
            end: roadmap.academicYear ? endYear - 1 : endYear,
            academicYear: !!roadmap.academicYear,
            source: 'input',
          }
        : undefined,
    sections: storedSections(roadmap.sections),
    activities: activities.map(exportableActivity),
    kpis: kpis.map((k) => ({
      code: k.code ?? undefined,
      title: k.title ?? '',
      formula: k.formula ?? undefined,
      unit: k.unit ?? '',
      targets: ((k.targets ?? []) as Array<{ year: number; value: number | string }>).map((t) => ({
        year: t.year,
        value: Number(t.value),
        bound: 'exact' as const,
      })),
    })),
  };
}

export async function exportRoadmapFile(
  strapi: Strapi,
  documentId: string,
  format: 'docx' | 'xlsx',
  status?: 'draft' | 'published',
) {
  const roadmap = await exportableRoadmap(strapi, documentId, status);
  const bytes = format === 'docx' ? await exportRoadmapDocx(roadmap) : await exportRoadmapXlsx(roadmap);
  return { bytes, filename: `${(roadmap.title ?? 'dorozhnaya-karta').slice(0, 80)}.${format}` };
}

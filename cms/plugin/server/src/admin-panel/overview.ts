/**
 * The home screen of the plugin in the admin panel: what needs the account's attention in the
 * organisations it works for. Every read goes through the document service, so the account's scope
 * (admin-access/) decides what is counted; personal data is only counted, and only for curators.
 */
import { currentActor } from '../tenancy/actor.js';
import { organisations } from '../tenancy/organisations.js';
import { roadmapServiceOf } from '../services/access.js';
import type { Strapi } from '../types.js';
import type { AdminOverview } from '@nastavnik/shared';

const ROADMAP_LIMIT = 50;

interface YearlyValue {
  year: number;
  value: number | string;
}

export async function adminOverview(strapi: Strapi): Promise<AdminOverview> {
  const actor = await currentActor(strapi);
  const role = actor.kind === 'user' ? actor.role : 'superadmin';
  const roadmaps = roadmapServiceOf(strapi);
  const year = new Date().getFullYear();

  const [agenda, current, submitted, indicators, awaitingConsent] = await Promise.all([
    roadmaps.agenda({ horizonDays: 30, limit: 20 }),
    strapi.documents('plugin::nastavnik.roadmap').findMany({
      filters: { roadmapState: { $ne: 'archived' } },
      fields: ['documentId', 'title'],
      populate: { organisation: { fields: ['documentId', 'name', 'shortName'] } },
      sort: ['updatedAt:desc'],
      limit: ROADMAP_LIMIT,
    }),
    strapi.documents('plugin::nastavnik.case').findMany({
      filters: { reviewState: 'submitted' },
      fields: ['documentId', 'title', 'updatedAt'],
      populate: { organisation: { fields: ['name', 'shortName'] } },
      sort: ['updatedAt:asc'],
      limit: 20,
    }),
    strapi.documents('plugin::nastavnik.kpi-indicator').findMany({
      fields: ['documentId', 'title', 'unit'],
      populate: { targets: true, actuals: true, organisation: { fields: ['name', 'shortName'] } },
      sort: ['order:asc'],
      limit: 20,
    }),
    role === 'curator' || role === 'superadmin'
      ? strapi.documents('plugin::nastavnik.person').count({ filters: { awaitingConsent: true } })
      : Promise.resolve(null),
  ]);

  const progress = await Promise.all(
    current.map(async (roadmap) => {
      const p = await roadmaps.progress(roadmap.documentId);
      const organisation = roadmap.organisation as { name?: string; shortName?: string | null } | null;
      return {
        documentId: roadmap.documentId,
        title: roadmap.title ?? '',
        organisation: organisation?.shortName ?? organisation?.name ?? '',
        total: p.total,
        done: p.done,
        overdue: p.overdueCount,
      };
    }),
  );

  const valueFor = (values: unknown) =>
    ((values ?? []) as YearlyValue[]).find((v) => v.year === year)?.value ?? null;

  return {
    role,
    organisations: actor.kind === 'user' ? actor.scope.size : (await organisations(strapi)).size,
    year,
    overdue: agenda.overdue,
    dueSoon: agenda.dueSoon,
    roadmaps: progress,
    casesAwaitingReview: submitted.map((c) => ({
      documentId: c.documentId,
      title: c.title ?? '',
      submittedAt: String(c.updatedAt ?? ''),
      organisation: (c.organisation as { name?: string } | null)?.name ?? '',
    })),
    kpis: indicators.map((k) => ({
      documentId: k.documentId,
      title: k.title ?? '',
      unit: k.unit ?? '',
      organisation: (k.organisation as { name?: string } | null)?.name ?? '',
      target: valueFor(k.targets),
      actual: valueFor(k.actuals),
    })),
    awaitingConsent,
  };
}

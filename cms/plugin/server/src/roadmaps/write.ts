/**
 * Storing a parsed road map: one transaction that (optionally) replaces or archives the previous
 * version, creates the road map through the document service, bulk-inserts its activities, and adds
 * its KPIs and contingent snapshots. Duplicates are recognised by the source's fingerprint or title.
 */
import { createHash } from 'node:crypto';
import {
  matchPersons,
  recogniseKpi,
  type DuplicateInfo,
  type ImportWarning,
  type OrganisationKind,
  type RoadmapDraft,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { organisations } from '../tenancy/organisations.js';
import { shorten } from '../text.js';
import { insertRows, type KnexTransaction } from './bulk.js';

const ROADMAP = 'plugin::nastavnik.roadmap';
const ACTIVITY = 'plugin::nastavnik.roadmap-activity';
const KPI = 'plugin::nastavnik.kpi-indicator';
const SNAPSHOT = 'plugin::nastavnik.contingent-snapshot';
const PERSON = 'plugin::nastavnik.person';

const LEVEL_BY_KIND: Partial<Record<OrganisationKind, 'municipal' | 'regional'>> = {
  municipal_authority: 'municipal',
  methodical_centre: 'municipal',
  region: 'regional',
  regional_centre: 'regional',
};

/** The same document gives the same fingerprint whatever whitespace a copy-paste added. */
export function sourceHash(data: Uint8Array | string): string {
  const hash = createHash('sha256');
  if (typeof data === 'string') hash.update(data.replace(/\s+/g, ' ').trim());
  else hash.update(data);
  return hash.digest('hex');
}

export interface WriteOptions {
  hash: string;
  sourceName?: string;
  sourceText?: string;
  version: number;
  warnings: ImportWarning[];
  publish: boolean;
  /** The road map this one replaces (deleted with everything the import created for it). */
  replace?: string;
  /** The road map this one follows as a new version (archived). */
  archive?: string;
}

function yearBounds(draft: RoadmapDraft) {
  const p = draft.period;
  if (!p) return { academicYear: false };
  return p.academicYear
    ? { periodStart: `${p.start}-09-01`, periodEnd: `${p.end}-08-31`, academicYear: true }
    : { periodStart: `${p.start}-01-01`, periodEnd: `${p.end}-12-31`, academicYear: false };
}

function roadmapData(
  draft: RoadmapDraft,
  organisation: string,
  kind: string | undefined,
  options: WriteOptions,
) {
  const approval = draft.approval;
  const title = draft.title ?? 'Дорожная карта';
  return {
    title,
    shortTitle: shorten(title, 200),
    organisation,
    level: draft.level ?? LEVEL_BY_KIND[kind as OrganisationKind] ?? 'organisation',
    ...yearBounds(draft),
    approvalOrderNumber: approval?.orderNumber ?? undefined,
    approvalDate: approval?.date ?? undefined,
    approver: [approval?.approver, approval?.approverName].filter(Boolean).join(' ') || undefined,
    approvalText: approval?.text ?? undefined,
    sections: draft.sections,
    workingGroup: draft.workingGroup.map((m) => ({ name: m.fullName, position: m.position ?? undefined })),
    sourceName: options.sourceName ?? undefined,
    sourceText: options.sourceText ?? undefined,
    sourceHash: options.hash,
    version: options.version,
    roadmapState: 'approved' as const,
    importWarnings: options.warnings,
  };
}

function activityRows(draft: RoadmapDraft, warnings: ImportWarning[]) {
  return draft.activities.map((a) => {
    const first = a.deadline.windows[0];
    const rows = new Set(a.sourceRows);
    return {
      sectionIndex: a.sectionIndex ?? null,
      sectionCode: a.sectionCode ?? null,
      sectionTitle: a.sectionTitle ?? null,
      stage: a.stage ?? null,
      code: a.code,
      title: a.title || '(без названия)',
      content: a.content ?? null,
      deadlineText: a.deadline.text,
      deadline: a.deadline,
      windowStart: first?.start ?? null,
      windowEnd: first?.end ?? null,
      responsibleText: a.responsible.text,
      responsible: a.responsible.parsed,
      expectedResult: a.result ?? null,
      activityStatus: a.status ?? 'planned',
      evidenceLink: a.evidence?.join('\n') || null,
      order: a.order,
      importWarnings: warnings.filter((w) => w.row > 0 && rows.has(w.row)),
    };
  });
}

export async function findDuplicate(
  strapi: Strapi,
  organisation: string,
  hash: string,
  title: string | undefined,
): Promise<DuplicateInfo | null> {
  const rows = (await strapi.db.query(ROADMAP).findMany({
    where: { organisation: { documentId: organisation }, roadmapState: { $ne: 'archived' } },
    select: ['documentId', 'title', 'version', 'sourceHash'],
    orderBy: { version: 'desc' },
  })) as Array<{ documentId: string; title: string; version: number | null; sourceHash: string | null }>;
  const same =
    rows.find((r) => r.sourceHash === hash) ?? (title ? rows.find((r) => r.title === title) : undefined);
  return same
    ? {
        documentId: same.documentId,
        title: same.title,
        version: same.version ?? 1,
        sameSource: same.sourceHash === hash,
      }
    : null;
}

const rowIdsOf = async (strapi: Strapi, uid: string, documentId: string) =>
  (
    (await strapi.db.query(uid).findMany({ where: { documentId }, select: ['id'] })) as Array<{ id: number }>
  ).map((r) => r.id);

/** Remove a road map; its activities and KPIs go with it (the road map type's delete rule). */
async function removeRoadmap(strapi: Strapi, documentId: string) {
  await strapi.documents(ROADMAP).delete({ documentId });
}

/**
 * «Баева С.Н.» in the document is linked to Баева Светлана Николаевна of the organisation when exactly
 * one person fits; ambiguous names stay text for the curator to resolve.
 */
async function responsiblePersonIds(strapi: Strapi, draft: RoadmapDraft, organisation: string) {
  const people = (await strapi.db.query(PERSON).findMany({
    where: { organisation: { documentId: organisation }, anonymised: false },
    select: ['id', 'fullName'],
  })) as Array<{ id: number; fullName: string }>;
  if (!people.length) return draft.activities.map(() => []);
  return draft.activities.map((a) => [
    ...new Set(matchPersons(a.responsible.parsed, people).flatMap((m) => (m.person ? [m.person.id] : []))),
  ]);
}

/** KPIs and snapshots are few: the document service keeps their components right. */
async function writeFigures(strapi: Strapi, draft: RoadmapDraft, organisation: string, roadmap: string) {
  const context = { academicYear: draft.period?.academicYear ?? false, contingent: draft.contingent };
  for (const [order, kpi] of draft.kpis.entries()) {
    const definition = recogniseKpi(kpi, context);
    await strapi.documents(KPI).create({
      data: {
        organisation,
        roadmap,
        code: kpi.code ?? undefined,
        title: kpi.title,
        formula: kpi.formula ?? undefined,
        metricKind: definition.kind === 'manual' ? 'manual' : 'computed',
        definition,
        unit: kpi.unit || undefined,
        targets: kpi.targets.map((t) => ({ year: t.year, value: t.value, bound: t.bound })),
        order: order + 1,
      },
    });
  }
  for (const snapshot of draft.contingent) {
    await strapi.db.query(SNAPSHOT).deleteMany({
      where: { organisation: { documentId: organisation }, date: snapshot.date, snapshotKind: snapshot.kind },
    });
    await strapi.documents(SNAPSHOT).create({
      data: {
        organisation,
        date: snapshot.date,
        snapshotKind: snapshot.kind,
        metrics: snapshot.metrics.map((m, i) => ({
          code: m.code ?? `m${i + 1}`,
          label: m.label,
          value: m.value,
        })),
      },
    });
  }
}

/** All of it in one transaction: a failure anywhere leaves the database as it was. */
export async function writeRoadmap(
  strapi: Strapi,
  draft: RoadmapDraft,
  organisation: string,
  options: WriteOptions,
) {
  const node = (await organisations(strapi)).get(organisation);
  if (!node) throw new Error(`organisation ${organisation} vanished during the import`);
  return strapi.db.transaction(async ({ trx }) => {
    if (options.replace) await removeRoadmap(strapi, options.replace);
    if (options.archive) {
      await strapi.db
        .query(ROADMAP)
        .updateMany({ where: { documentId: options.archive }, data: { roadmapState: 'archived' } });
    }
    const created = await strapi.documents(ROADMAP).create({
      data: roadmapData(draft, organisation, node.kind, options),
      ...(options.publish ? { status: 'published' as const } : {}),
    });
    const activities = await insertRows(
      strapi,
      ACTIVITY,
      activityRows(draft, options.warnings),
      { roadmap: await rowIdsOf(strapi, ROADMAP, created.documentId), organisation: [node.id] },
      trx as KnexTransaction,
      { responsiblePersons: await responsiblePersonIds(strapi, draft, organisation) },
    );
    await writeFigures(strapi, draft, organisation, created.documentId);
    return { documentId: created.documentId, activities: activities.length };
  });
}

/**
 * Road maps in the CMS: import (dry run, or one all-or-nothing transaction with duplicate detection),
 * seeding from generated drafts, progress and agendas computed from parsed deadlines, and export to
 * DOCX/XLSX. Parsing, timing and file generation are the shared package's; this wires them to storage.
 */
import { createHash } from 'node:crypto';
import { errors } from '@strapi/utils';
import {
  activityTiming,
  exportRoadmapDocx,
  exportRoadmapXlsx,
  importRoadmap,
  matchPersons,
  todayIn,
  type ActivityStatus,
  type ActivityTimingState,
  type Deadline,
  type ExportableRoadmap,
  type ImportResult,
  type ImportWarning,
  type OrganisationKind,
  type RoadmapDraft,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { asInternal, currentActor, type Actor } from '../tenancy/actor.js';
import { organisations, subtreeOf } from '../tenancy/organisations.js';
import { insertRows, type KnexTransaction } from './bulk.js';
import { shorten } from '../text.js';

const ROADMAP = 'plugin::nastavnik.roadmap';
const ACTIVITY = 'plugin::nastavnik.roadmap-activity';
const KPI = 'plugin::nastavnik.kpi-indicator';
const SNAPSHOT = 'plugin::nastavnik.contingent-snapshot';
const PERSON = 'plugin::nastavnik.person';

export type DuplicateMode = 'fail' | 'replace' | 'new_version';

export interface ImportSource {
  text?: string | null;
  html?: string | null;
  /** DOCX (or any file) as base64. */
  fileBase64?: string | null;
  filename?: string | null;
  bytes?: Uint8Array;
}

export interface ImportRequest extends ImportSource {
  organisation: string;
  dryRun: boolean;
  onDuplicate?: DuplicateMode;
  publish?: boolean;
}

export interface DuplicateInfo {
  documentId: string;
  title: string;
  version: number;
  sameSource: boolean;
}

export interface ImportOutcome {
  ok: boolean;
  committed: boolean;
  format?: string;
  draft?: RoadmapDraft;
  warnings: ImportWarning[];
  error?: { code: string; message: string };
  duplicateOf?: DuplicateInfo;
  roadmapDocumentId?: string;
  activitiesCount: number;
  kpisCount: number;
  version?: number;
}

const LEVEL_BY_KIND: Partial<Record<OrganisationKind, 'municipal' | 'regional'>> = {
  municipal_authority: 'municipal',
  methodical_centre: 'municipal',
  region: 'regional',
  regional_centre: 'regional',
};

function inputOf(source: ImportSource): { data: Uint8Array | string; filename?: string } {
  if (source.bytes) return { data: source.bytes, filename: source.filename ?? undefined };
  if (source.fileBase64)
    return {
      data: new Uint8Array(Buffer.from(source.fileBase64, 'base64')),
      filename: source.filename ?? undefined,
    };
  const text = source.html ?? source.text;
  if (text == null) {
    throw new errors.ValidationError(
      'Передайте документ: текст (text), HTML-страницу (html) или файл (fileBase64 и filename).',
      {
        path: ['text'],
      },
    );
  }
  return { data: text, filename: source.filename ?? (source.html ? 'page.html' : undefined) };
}

/** The same document gives the same fingerprint whatever whitespace a copy-paste added. */
export function sourceHash(data: Uint8Array | string): string {
  const hash = createHash('sha256');
  if (typeof data === 'string') hash.update(data.replace(/\s+/g, ' ').trim());
  else hash.update(data);
  return hash.digest('hex');
}

function yearBounds(draft: RoadmapDraft) {
  const p = draft.period;
  if (!p) return { periodStart: null, periodEnd: null, academicYear: false };
  return p.academicYear
    ? { periodStart: `${p.start}-09-01`, periodEnd: `${p.end}-08-31`, academicYear: true }
    : { periodStart: `${p.start}-01-01`, periodEnd: `${p.end}-12-31`, academicYear: false };
}

function roadmapData(
  draft: RoadmapDraft,
  organisation: string,
  kind: OrganisationKind | undefined,
  meta: {
    sourceName?: string;
    sourceText?: string;
    hash: string;
    version: number;
    warnings: ImportWarning[];
  },
) {
  const approval = draft.approval;
  return {
    title: draft.title ?? 'Дорожная карта',
    shortTitle: shorten(draft.title ?? 'Дорожная карта', 200),
    organisation,
    level: draft.level ?? (kind && LEVEL_BY_KIND[kind]) ?? 'organisation',
    ...yearBounds(draft),
    approvalOrderNumber: approval?.orderNumber ?? null,
    approvalDate: approval?.date ?? null,
    approver: [approval?.approver, approval?.approverName].filter(Boolean).join(' ') || null,
    approvalText: approval?.text ?? null,
    sections: draft.sections,
    workingGroup: draft.workingGroup.map((m) => ({ name: m.fullName, position: m.position ?? null })),
    sourceName: meta.sourceName ?? null,
    sourceText: meta.sourceText ?? null,
    sourceHash: meta.hash,
    version: meta.version,
    roadmapState: 'approved',
    importWarnings: meta.warnings,
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

export interface TimedActivity {
  documentId: string;
  title: string;
  code: string | null;
  sectionIndex: number | null;
  deadlineText: string | null;
  responsibleText: string | null;
  activityStatus: ActivityStatus;
  state: ActivityTimingState;
  windowStart: string | null;
  windowEnd: string | null;
  sortDate: string | null;
  organisation?: { documentId: string; name: string } | null;
  roadmap?: { documentId: string; title: string } | null;
}

function timed(row: any, today: string, horizon: number): TimedActivity {
  const timing = activityTiming(
    row.deadline as Deadline | null,
    row.activityStatus as ActivityStatus,
    today,
    horizon,
  );
  return {
    documentId: row.documentId,
    title: row.title,
    code: row.code ?? null,
    sectionIndex: row.sectionIndex ?? null,
    deadlineText: row.deadlineText ?? null,
    responsibleText: row.responsibleText ?? null,
    activityStatus: row.activityStatus,
    state: timing.state,
    windowStart: timing.window?.start ?? null,
    windowEnd: timing.window?.end ?? null,
    sortDate: timing.sortDate,
    organisation: row.organisation
      ? { documentId: row.organisation.documentId, name: row.organisation.shortName || row.organisation.name }
      : null,
    roadmap: row.roadmap ? { documentId: row.roadmap.documentId, title: row.roadmap.title } : null,
  };
}

const bySortDate = (a: TimedActivity, b: TimedActivity) =>
  (a.sortDate ?? '9999').localeCompare(b.sortDate ?? '9999');

export const roadmapService = ({ strapi }: { strapi: Strapi }) => {
  async function requireWritable(actor: Actor, organisation: string) {
    const orgs = await organisations(strapi);
    const node = orgs.get(organisation);
    if (!node)
      throw new errors.ValidationError(`Организация ${organisation} не найдена.`, { path: ['organisation'] });
    if (actor.kind === 'anonymous')
      throw new errors.ForbiddenError('Войдите в систему, чтобы импортировать дорожную карту.');
    if (actor.kind === 'user') {
      if (!actor.scope.has(organisation))
        throw new errors.ForbiddenError('Нет доступа: организация вне вашей зоны ответственности.');
      if (actor.role !== 'curator' && actor.role !== 'methodist') {
        throw new errors.ForbiddenError('Импортировать дорожные карты могут куратор и методист.');
      }
    }
    return node;
  }

  async function findDuplicate(
    organisation: string,
    hash: string,
    title: string | undefined,
  ): Promise<DuplicateInfo | undefined> {
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
      : undefined;
  }

  /** Remove a road map with everything the import created for it. */
  async function removeRoadmap(documentId: string) {
    const rowIds = (
      (await strapi.db.query(ROADMAP).findMany({ where: { documentId }, select: ['id'] })) as Array<{
        id: number;
      }>
    ).map((r) => r.id);
    await strapi.db.query(ACTIVITY).deleteMany({ where: { roadmap: { id: { $in: rowIds } } } });
    await strapi.db.query(KPI).deleteMany({ where: { roadmap: { id: { $in: rowIds } } } });
    await strapi.documents(ROADMAP as never).delete({ documentId } as never);
  }

  async function write(
    draft: RoadmapDraft,
    organisation: string,
    options: {
      hash: string;
      sourceName?: string;
      sourceText?: string;
      version: number;
      warnings: ImportWarning[];
      publish: boolean;
      replace?: string;
      archive?: string;
    },
  ) {
    const orgs = await organisations(strapi);
    const node = orgs.get(organisation);
    return strapi.db.transaction(async ({ trx }: { trx: unknown }) => {
      if (options.replace) await removeRoadmap(options.replace);
      if (options.archive) {
        await strapi.db
          .query(ROADMAP)
          .updateMany({ where: { documentId: options.archive }, data: { roadmapState: 'archived' } });
      }
      const created = await strapi.documents(ROADMAP as never).create({
        data: roadmapData(draft, organisation, node?.kind as OrganisationKind | undefined, options),
        ...(options.publish ? { status: 'published' } : {}),
      } as never);
      const roadmapRows = (
        (await strapi.db
          .query(ROADMAP)
          .findMany({ where: { documentId: (created as any).documentId }, select: ['id'] })) as Array<{
          id: number;
        }>
      ).map((r) => r.id);
      const orgRow = [node!.id];
      // «Баева С.Н.» in the document is linked to Баева Светлана Николаевна of the organisation when
      // exactly one person fits; ambiguous names stay text for the curator to resolve.
      const people = (await strapi.db.query(PERSON).findMany({
        where: { organisation: { documentId: organisation }, anonymised: false },
        select: ['id', 'fullName'],
      })) as Array<{ id: number; fullName: string }>;
      const responsibleIds = draft.activities.map((a) =>
        people.length
          ? [
              ...new Set(
                matchPersons(a.responsible.parsed, people).flatMap((m) => (m.person ? [m.person.id] : [])),
              ),
            ]
          : [],
      );
      const activities = await insertRows(
        strapi,
        ACTIVITY,
        activityRows(draft, options.warnings),
        { roadmap: roadmapRows, organisation: orgRow },
        trx as KnexTransaction,
        { responsiblePersons: responsibleIds },
      );
      // KPIs and snapshots are few: the document service keeps their components right.
      for (const [order, kpi] of draft.kpis.entries()) {
        await strapi.documents(KPI as never).create({
          data: {
            organisation,
            roadmap: (created as any).documentId,
            code: kpi.code ?? null,
            title: kpi.title,
            formula: kpi.formula ?? null,
            metricKind: 'manual',
            unit: kpi.unit || null,
            targets: kpi.targets.map((t) => ({ year: t.year, value: t.value })),
            order: order + 1,
          },
        } as never);
      }
      for (const snapshot of draft.contingent) {
        await strapi.db.query(SNAPSHOT).deleteMany({
          where: {
            organisation: { documentId: organisation },
            date: snapshot.date,
            snapshotKind: snapshot.kind,
          },
        });
        await strapi.documents(SNAPSHOT as never).create({
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
        } as never);
      }
      return { documentId: (created as any).documentId as string, activities: activities.length };
    });
  }

  return {
    /** Parse, check for a duplicate and, unless it is a dry run, store: all or nothing. */
    async import(request: ImportRequest): Promise<ImportOutcome> {
      const actor = await currentActor(strapi);
      await requireWritable(actor, request.organisation);
      const input = inputOf(request);
      const result: ImportResult = await importRoadmap(input);
      if (!result.ok)
        return {
          ok: false,
          committed: false,
          error: result.error,
          warnings: [],
          activitiesCount: 0,
          kpisCount: 0,
        };
      const hash = sourceHash(input.data);
      const duplicateOf = await findDuplicate(request.organisation, hash, result.draft.title);
      const base: ImportOutcome = {
        ok: true,
        committed: false,
        format: result.format,
        draft: result.draft,
        warnings: result.warnings,
        duplicateOf,
        activitiesCount: result.draft.activities.length,
        kpisCount: result.draft.kpis.length,
      };
      if (request.dryRun) return base;
      const mode = request.onDuplicate ?? 'fail';
      if (duplicateOf && mode === 'fail') {
        return {
          ...base,
          ok: false,
          error: {
            code: 'duplicate',
            message: `${duplicateOf.sameSource ? 'Этот документ уже импортирован' : 'Дорожная карта с таким названием уже есть'}: «${duplicateOf.title}», версия ${duplicateOf.version}. Выберите: заменить прежнюю или записать новой версией.`,
          },
        };
      }
      const version =
        duplicateOf && mode === 'new_version' ? duplicateOf.version + 1 : (duplicateOf?.version ?? 1);
      const written = await asInternal(strapi, () =>
        write(result.draft, request.organisation, {
          hash,
          sourceName: request.filename ?? undefined,
          sourceText: typeof input.data === 'string' ? input.data : undefined,
          version,
          warnings: result.warnings,
          publish: request.publish ?? false,
          replace: duplicateOf && mode === 'replace' ? duplicateOf.documentId : undefined,
          archive: duplicateOf && mode === 'new_version' ? duplicateOf.documentId : undefined,
        }),
      );
      return { ...base, committed: true, roadmapDocumentId: written.documentId, version };
    },

    /** First-start loading of a generated seed: published, skipped when the same source is there. */
    async seedRoadmap(
      seed: { source: string; draft: RoadmapDraft; warnings?: ImportWarning[] },
      organisation: string,
      sourceText?: string,
    ): Promise<boolean> {
      const hash = sourceHash(sourceText ?? JSON.stringify(seed.draft));
      if (await findDuplicate(organisation, hash, undefined)) return false;
      await write(seed.draft, organisation, {
        hash,
        sourceName: seed.source,
        sourceText,
        version: 1,
        warnings: seed.warnings ?? [],
        publish: true,
      });
      return true;
    },

    /** Done / total per section, what is overdue and what falls due within the horizon. */
    async progress(documentId: string, horizonDays = 30) {
      const roadmap = (await strapi.documents(ROADMAP as never).findOne({
        documentId,
        populate: { organisation: { fields: ['documentId', 'timezone'] } },
      } as never)) as any;
      if (!roadmap) throw new errors.NotFoundError('Дорожная карта не найдена или недоступна.');
      const rows = (await strapi.documents(ACTIVITY as never).findMany({
        filters: { roadmap: { documentId } },
        fields: [
          'documentId',
          'title',
          'code',
          'sectionIndex',
          'deadlineText',
          'deadline',
          'responsibleText',
          'activityStatus',
          'order',
        ],
        sort: ['order:asc'],
        limit: 100_000,
      } as never)) as any[];
      const today = todayIn(roadmap.organisation?.timezone ?? 'Europe/Moscow');
      const activities = rows.map((r) => timed(r, today, horizonDays));
      const sections = (
        (roadmap.sections ?? []) as Array<{ index: number; code?: string; title: string }>
      ).map((s) => {
        const inSection = activities.filter((a) => a.sectionIndex === s.index);
        return {
          index: s.index,
          code: s.code ?? null,
          title: s.title,
          total: inSection.length,
          done: inSection.filter((a) => a.activityStatus === 'done').length,
          overdue: inSection.filter((a) => a.state === 'overdue').length,
        };
      });
      const count = (state: ActivityTimingState) => activities.filter((a) => a.state === state).length;
      return {
        documentId,
        title: roadmap.title,
        today,
        total: activities.length,
        done: activities.filter((a) => a.activityStatus === 'done').length,
        cancelled: activities.filter((a) => a.activityStatus === 'cancelled').length,
        overdueCount: count('overdue'),
        dueSoonCount: count('due_soon'),
        ongoingCount: count('ongoing'),
        sections,
        overdue: activities.filter((a) => a.state === 'overdue').sort(bySortDate),
        dueSoon: activities.filter((a) => a.state === 'due_soon').sort(bySortDate),
      };
    },

    /** Overdue and upcoming activities across every organisation the caller oversees, by date. */
    async agenda(options: { organisation?: string | null; horizonDays?: number; limit?: number }) {
      const actor = await currentActor(strapi);
      if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
      const horizon = options.horizonDays ?? 30;
      const orgs = await organisations(strapi);
      let scope: Set<string> = options.organisation
        ? await subtreeOf(strapi, options.organisation)
        : new Set(orgs.keys());
      if (actor.kind === 'user') scope = new Set([...scope].filter((id) => actor.scope.has(id)));
      if (!scope.size) return { overdue: [], dueSoon: [] };
      // SQL narrows to open activities of current road maps; the deadline maths runs on what is left.
      const rows = (await strapi.db.query(ACTIVITY).findMany({
        where: {
          organisation: { documentId: { $in: [...scope] } },
          activityStatus: { $in: ['planned', 'in_progress'] },
          roadmap: { roadmapState: { $ne: 'archived' }, publishedAt: { $null: true } },
        },
        select: [
          'documentId',
          'title',
          'code',
          'sectionIndex',
          'deadlineText',
          'deadline',
          'responsibleText',
          'activityStatus',
        ],
        populate: {
          organisation: { select: ['documentId', 'name', 'shortName', 'timezone'] },
          roadmap: { select: ['documentId', 'title'] },
        },
      })) as any[];
      const todayByTz = new Map<string, string>();
      const today = (tz: string) => todayByTz.get(tz) ?? todayByTz.set(tz, todayIn(tz)).get(tz)!;
      const items = rows.map((r) => timed(r, today(r.organisation?.timezone ?? 'Europe/Moscow'), horizon));
      const limit = options.limit ?? 200;
      return {
        overdue: items
          .filter((a) => a.state === 'overdue')
          .sort(bySortDate)
          .slice(0, limit),
        dueSoon: items
          .filter((a) => a.state === 'due_soon')
          .sort(bySortDate)
          .slice(0, limit),
      };
    },

    /** The stored road map in the exporters' shape, read with the caller's rights. */
    async exportable(documentId: string, status?: 'draft' | 'published'): Promise<ExportableRoadmap> {
      const roadmap = (await strapi.documents(ROADMAP as never).findOne({
        documentId,
        ...(status ? { status } : {}),
        populate: { organisation: { fields: ['name'] } },
      } as never)) as any;
      if (!roadmap) throw new errors.NotFoundError('Дорожная карта не найдена или недоступна.');
      const activities = (await strapi.documents(ACTIVITY as never).findMany({
        filters: { roadmap: { documentId } },
        sort: ['order:asc'],
        limit: 100_000,
      } as never)) as any[];
      const kpis = (await strapi.documents(KPI as never).findMany({
        filters: { roadmap: { documentId } },
        populate: { targets: true },
        sort: ['order:asc'],
        limit: 1000,
      } as never)) as any[];
      const startYear = roadmap.periodStart ? Number(String(roadmap.periodStart).slice(0, 4)) : undefined;
      const endYear = roadmap.periodEnd ? Number(String(roadmap.periodEnd).slice(0, 4)) : undefined;
      return {
        title: roadmap.title,
        organisationName: roadmap.organisation?.name,
        approval: roadmap.approvalText
          ? {
              text: roadmap.approvalText,
              orderNumber: roadmap.approvalOrderNumber ?? undefined,
              date: roadmap.approvalDate ?? undefined,
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
        sections: (roadmap.sections ?? []) as ExportableRoadmap['sections'],
        activities: activities.map((a) => ({
          code: a.code ?? '',
          title: a.title,
          content: a.content ?? undefined,
          result: a.expectedResult ?? undefined,
          sectionIndex: a.sectionIndex ?? undefined,
          evidence: a.evidenceLink ? String(a.evidenceLink).split('\n') : undefined,
          deadline: { text: a.deadlineText ?? '' },
          responsible: { text: a.responsibleText ?? '' },
          status: a.activityStatus,
        })),
        kpis: kpis.map((k) => ({
          code: k.code ?? undefined,
          title: k.title,
          formula: k.formula ?? undefined,
          unit: k.unit ?? '',
          targets: (k.targets ?? []).map((t: any) => ({
            year: t.year,
            value: Number(t.value),
            bound: 'exact' as const,
          })),
        })),
      };
    },

    async exportFile(documentId: string, format: 'docx' | 'xlsx', status?: 'draft' | 'published') {
      const roadmap = await this.exportable(documentId, status);
      const bytes = format === 'docx' ? await exportRoadmapDocx(roadmap) : await exportRoadmapXlsx(roadmap);
      return { bytes, filename: `${(roadmap.title ?? 'dorozhnaya-karta').slice(0, 80)}.${format}` };
    },
  };
};

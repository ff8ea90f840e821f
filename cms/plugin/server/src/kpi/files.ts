/**
 * The reports authorities receive, as files: participant counts (XLSX, one sheet per level of the tree,
 * each organisation rolled up over its own subtree) and the analytic note of the internal monitoring
 * (DOCX). Figures only; a school's own participant list is added for its curator alone.
 */
import {
  addCounts,
  monitoringFreezeRequestSchema,
  analyticNoteDocx,
  emptyCounts,
  organisationKinds,
  participantsXlsx,
  yearWindow,
  type CountsLevel,
  type MonitoringSnapshotResult,
  type OrganisationKind,
  type ParticipantCounts,
  type SatisfactionRow,
} from '@nastavnik/shared';
import { roadmapServiceOf } from '../services/access.js';
import { currentActor } from '../tenancy/actor.js';
import { organisations } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';
import {
  impactDetails,
  impactRows,
  participantCounts,
  participantList,
  programmeQuality,
  satisfactionByForm,
  STANDARD_SATISFACTION,
  type SatisfactionQuestions,
} from './monitoring.js';
import { errors } from '@strapi/utils';
import { asJson } from '../types.js';
import {
  authoriseOrganisation,
  computeSet,
  kpiReport,
  kpiRowOf,
  parseRequest,
  todayUtc,
  type ComputedSet,
} from './report.js';

/** The questions the set's satisfaction KPIs read, per audience; the standard one where it has none. */
function satisfactionQuestionsOf(set: ComputedSet): SatisfactionQuestions {
  const questions: SatisfactionQuestions = { ...STANDARD_SATISFACTION };
  for (const item of set.items) {
    const d = item.spec.definition;
    if (d.kind === 'satisfaction') questions[d.audience] = { code: d.questionCode, threshold: d.threshold };
  }
  return questions;
}

const ORG = 'plugin::nastavnik.organisation';
const ROADMAP = 'plugin::nastavnik.roadmap';
const SNAPSHOT = 'plugin::nastavnik.monitoring-snapshot';

export interface ReportFile {
  bytes: Uint8Array;
  filename: string;
  format: 'xlsx' | 'docx';
}

interface OrgInfo {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  kind: string;
}

/** The subtree under `rootDocumentId` by depth (the root at 0), with names, and each node's children. */
async function levelsOf(strapi: Strapi, rootDocumentId: string) {
  const all = await organisations(strapi);
  const children = new Map<string, string[]>();
  for (const node of all.values()) {
    if (!node.parentDocumentId) continue;
    children.set(node.parentDocumentId, [...(children.get(node.parentDocumentId) ?? []), node.documentId]);
  }
  const depth = new Map<string, number>([[rootDocumentId, 0]]);
  const order: string[] = [];
  for (let queue = [rootDocumentId]; queue.length;) {
    const next: string[] = [];
    for (const id of queue) {
      order.push(id);
      for (const child of children.get(id) ?? []) {
        if (depth.has(child)) continue; // a cycle in bad data
        depth.set(child, (depth.get(id) ?? 0) + 1);
        next.push(child);
      }
    }
    queue = next;
  }
  const rows = (await strapi.db.query(ORG).findMany({
    where: { documentId: { $in: order } },
    select: ['id', 'documentId', 'name', 'shortName', 'slug', 'kind'],
  })) as Array<OrgInfo & { shortName: string | null }>;
  const info = new Map(rows.map((r) => [r.documentId, { ...r, name: r.shortName ?? r.name }]));
  return { order, depth, children, info };
}

const kindLabel = (kind: string) =>
  (organisationKinds.values as readonly string[]).includes(kind)
    ? organisationKinds.label(kind as OrganisationKind)
    : kind;

/** Each organisation's counts summed over its subtree (children before parents). */
function rolledUp(
  order: readonly string[],
  children: ReadonlyMap<string, string[]>,
  info: ReadonlyMap<string, OrgInfo>,
  own: ReadonlyMap<number, ParticipantCounts>,
) {
  const total = new Map<string, ParticipantCounts>();
  for (const id of [...order].reverse()) {
    const sum = emptyCounts();
    const row = info.get(id);
    const mine = row ? own.get(row.id) : undefined;
    if (mine) addCounts(sum, mine);
    for (const child of children.get(id) ?? []) {
      const c = total.get(child);
      if (c) addCounts(sum, c);
    }
    total.set(id, sum);
  }
  return total;
}

/** Only the organisation's own curator gets its people by name (participant list, each mentee's change). */
async function isOwnCurator(strapi: Strapi, organisation: string) {
  const actor = await currentActor(strapi);
  return actor.kind === 'user' && actor.role === 'curator' && actor.organisationDocumentId === organisation;
}

const calendarYear = (year: number | undefined, today: string) => year ?? Number(today.slice(0, 4));

export async function participantsReportFile(strapi: Strapi, input: unknown): Promise<ReportFile> {
  const request = parseRequest(input);
  const node = await authoriseOrganisation(strapi, request.organisation);
  const today = todayUtc();
  const year = calendarYear(request.year, today);
  const window = yearWindow(year, 'calendar');
  const { order, depth, children, info } = await levelsOf(strapi, node.documentId);
  const own = await participantCounts(strapi, node.id, window);
  const total = rolledUp(order, children, info, own);
  const levels: CountsLevel[] = [];
  for (const id of order) {
    const d = depth.get(id) ?? 0;
    const row = info.get(id);
    if (!row) continue;
    levels[d] ??= { title: d === 0 ? '1. Итого' : `${d + 1}. Уровень ${d + 1}`, rows: [] };
    levels[d].rows.push({
      name: row.name,
      kind: kindLabel(row.kind),
      counts: total.get(id) ?? emptyCounts(),
    });
  }
  const ownList = await isOwnCurator(strapi, node.documentId);
  const root = info.get(node.documentId);
  const bytes = await participantsXlsx({
    title: `Численность участников программ наставничества: ${root?.name ?? ''}`,
    period: `${year} год (${window.start.split('-').reverse().join('.')} – ${window.end.split('-').reverse().join('.')})`,
    levels,
    ...(ownList ? { participants: await participantList(strapi, node.id, window) } : {}),
  });
  return { bytes, filename: `uchastniki-${root?.slug ?? 'organisation'}-${year}.xlsx`, format: 'xlsx' };
}

/** The latest current road map of the organisation, with its progress. */
async function roadmapSummary(strapi: Strapi, organisation: string) {
  const roadmap = (await strapi.db.query(ROADMAP).findOne({
    where: { organisation: { documentId: organisation }, roadmapState: { $ne: 'archived' } },
    select: ['documentId'],
    orderBy: [{ id: 'desc' }],
  })) as { documentId: string } | null;
  if (!roadmap) return null;
  const p = await roadmapServiceOf(strapi).progress(roadmap.documentId);
  return {
    title: p.title ?? 'Дорожная карта',
    total: p.total,
    done: p.done,
    overdue: p.overdueCount,
    cancelled: p.cancelled,
  };
}

export async function analyticNoteFile(strapi: Strapi, input: unknown): Promise<ReportFile> {
  const request = parseRequest(input);
  const node = await authoriseOrganisation(strapi, request.organisation);
  const today = todayUtc();
  const year = calendarYear(request.year, today);
  const set = await computeSet(strapi, node, year, today, true);
  const figures = set.byOrganisation.get(node.id);
  const kpis = set.items.map((item, i) => kpiRowOf(item, figures, i, today));
  const window = yearWindow(year, 'calendar');
  const { order, children, info } = await levelsOf(strapi, node.documentId);
  const counts =
    rolledUp(order, children, info, await participantCounts(strapi, node.id, window)).get(node.documentId) ??
    emptyCounts();
  const satisfaction: SatisfactionRow[] = set.items.flatMap((item, i) => {
    const d = item.spec.definition;
    if (d.kind !== 'satisfaction') return [];
    const r = figures?.rollup[i];
    return [
      {
        audience: d.audience,
        satisfied: r?.numerator ?? 0,
        respondents: r?.denominator ?? 0,
        participants: counts.total[d.audience],
      },
    ];
  });
  const root = info.get(node.documentId);
  const details = await impactDetails(
    strapi,
    node.id,
    window,
    (await isOwnCurator(strapi, node.documentId)) ? node.id : null,
  );
  const bytes = await analyticNoteDocx({
    organisation: root?.name ?? '',
    year,
    today,
    kpis,
    counts,
    satisfaction,
    satisfactionByForm: await satisfactionByForm(strapi, node.id, window, satisfactionQuestionsOf(set)),
    impact: await impactRows(strapi, node.id, window),
    quality: await programmeQuality(strapi, node.id, window),
    impactByProgramme: details.byProgramme,
    ...(details.mentees.length ? { menteeImpact: details.mentees } : {}),
    roadmap: await roadmapSummary(strapi, node.documentId),
  });
  return { bytes, filename: `spravka-${root?.slug ?? 'organisation'}-${year}.docx`, format: 'docx' };
}

/**
 * Freeze the KPI values and participant counts of the organisation's subtree as they are now: the
 * snapshot is written with the caller's rights (a curator or methodist of the organisation's tree).
 */
export async function freezeMonitoring(
  strapi: Strapi,
  input: unknown,
  /** The day the numbers are of (the scheduled job passes its own). */
  today = todayUtc(),
): Promise<MonitoringSnapshotResult> {
  const parsed = monitoringFreezeRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new errors.ValidationError(`${issue?.path.join('.') || 'запрос'}: ${issue?.message ?? ''}`);
  }
  const { label, ...request } = parsed.data;
  const report = await kpiReport(strapi, request, today);
  const node = await authoriseOrganisation(strapi, request.organisation);
  const { order, children, info } = await levelsOf(strapi, node.documentId);
  const window = yearWindow(report.year, 'calendar');
  const counts =
    rolledUp(order, children, info, await participantCounts(strapi, node.id, window)).get(node.documentId) ??
    emptyCounts();
  const takenAt = new Date().toISOString();
  const created = await strapi.documents(SNAPSHOT).create({
    data: {
      organisation: node.documentId,
      label,
      year: report.year,
      takenAt,
      report: asJson(report),
      counts: asJson(counts),
    },
  });
  return { documentId: created.documentId, label, year: report.year, takenAt, report };
}

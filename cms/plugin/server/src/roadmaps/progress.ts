/**
 * Where a road map stands: done / total per section, what is overdue and what falls due soon, for one
 * road map or across every organisation a methodist oversees. Deadline maths is the shared package's
 * (`tracking.ts`), judged in each organisation's timezone.
 */
import { errors } from '@strapi/utils';
import {
  activityTiming,
  todayIn,
  type ActivityStatus,
  type ActivityTimingState,
  type Deadline,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { currentActor } from '../tenancy/actor.js';
import { organisations, subtreeOf } from '../tenancy/organisations.js';
import { storedSections } from './stored.js';

const ACTIVITY = 'plugin::nastavnik.roadmap-activity';
const DEFAULT_TIMEZONE = 'Europe/Moscow';

/** The columns both views read of an activity. */
const TIMING_FIELDS = [
  'documentId',
  'title',
  'code',
  'sectionIndex',
  'deadlineText',
  'deadline',
  'responsibleText',
  'activityStatus',
  'evidenceLink',
  'completedAt',
] as const;

interface ActivityRow {
  documentId: string;
  title: string;
  code?: string | null;
  sectionIndex?: number | null;
  deadlineText?: string | null;
  deadline?: unknown;
  responsibleText?: string | null;
  activityStatus?: string | null;
  evidenceLink?: string | null;
  completedAt?: string | null;
  organisation?: {
    documentId: string;
    name: string;
    shortName?: string | null;
    timezone?: string | null;
  } | null;
  roadmap?: { documentId: string; title: string } | null;
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
  evidenceLink: string | null;
  completedAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  sortDate: string | null;
  organisation: { documentId: string; name: string } | null;
  roadmap: { documentId: string; title: string } | null;
}

function timed(row: ActivityRow, today: string, horizon: number): TimedActivity {
  const status = (row.activityStatus ?? 'planned') as ActivityStatus;
  const timing = activityTiming((row.deadline ?? null) as Deadline | null, status, today, horizon);
  return {
    documentId: row.documentId,
    title: row.title,
    code: row.code ?? null,
    sectionIndex: row.sectionIndex ?? null,
    deadlineText: row.deadlineText ?? null,
    responsibleText: row.responsibleText ?? null,
    activityStatus: status,
    state: timing.state,
    evidenceLink: row.evidenceLink ?? null,
    completedAt: row.completedAt ?? null,
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

const inState = (activities: TimedActivity[], state: ActivityTimingState) =>
  activities.filter((a) => a.state === state).sort(bySortDate);

function sectionProgress(sections: unknown, activities: TimedActivity[]) {
  return storedSections(sections).map((s) => {
    const inSection = activities.filter((a) => a.sectionIndex === s.index);
    return {
      index: s.index,
      code: s.code ?? null,
      title: s.title,
      total: inSection.length,
      done: inSection.filter((a) => a.activityStatus === 'done').length,
      inProgress: inSection.filter((a) => a.activityStatus === 'in_progress').length,
      overdue: inSection.filter((a) => a.state === 'overdue').length,
    };
  });
}

/** One road map, read with the caller's rights (a road map outside them is not found). */
export async function roadmapProgress(strapi: Strapi, documentId: string, horizonDays = 30) {
  const roadmap = await strapi.documents('plugin::nastavnik.roadmap').findOne({
    documentId,
    populate: { organisation: { fields: ['documentId', 'timezone'] } },
  });
  if (!roadmap) throw new errors.NotFoundError('Дорожная карта не найдена или недоступна.');
  const rows = (await strapi.documents(ACTIVITY).findMany({
    filters: { roadmap: { documentId } },
    fields: [...TIMING_FIELDS, 'order'],
    sort: ['order:asc'],
    limit: 100_000,
  })) as ActivityRow[];
  const organisation = roadmap.organisation as { timezone?: string | null } | null | undefined;
  const today = todayIn(organisation?.timezone ?? DEFAULT_TIMEZONE);
  const activities = rows.map((r) => timed(r, today, horizonDays));
  return {
    documentId,
    title: roadmap.title,
    today,
    total: activities.length,
    done: activities.filter((a) => a.activityStatus === 'done').length,
    cancelled: activities.filter((a) => a.activityStatus === 'cancelled').length,
    overdueCount: inState(activities, 'overdue').length,
    dueSoonCount: inState(activities, 'due_soon').length,
    ongoingCount: inState(activities, 'ongoing').length,
    sections: sectionProgress(roadmap.sections, activities),
    overdue: inState(activities, 'overdue'),
    dueSoon: inState(activities, 'due_soon'),
    /** Every activity in the document's order (public pages list them all). */
    activities,
  };
}

export type RoadmapProgress = Awaited<ReturnType<typeof roadmapProgress>>;

/** The organisations an agenda covers: the asked subtree (or everything), cut to what the caller sees. */
async function agendaScope(strapi: Strapi, organisation: string | null | undefined): Promise<Set<string>> {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
  const scope = organisation
    ? await subtreeOf(strapi, organisation)
    : new Set((await organisations(strapi)).keys());
  return actor.kind === 'user' ? new Set([...scope].filter((id) => actor.scope.has(id))) : scope;
}

/** Overdue and upcoming activities across every organisation the caller oversees, by date. */
export async function activityAgenda(
  strapi: Strapi,
  options: { organisation?: string | null; horizonDays?: number; limit?: number },
) {
  const scope = await agendaScope(strapi, options.organisation);
  // The organisations covered travel with the answer, so fields added to the agenda keep to them.
  const organisations = [...scope];
  if (!scope.size) return { overdue: [], dueSoon: [], organisations };
  // SQL narrows to open activities of current road maps; the deadline maths runs on what is left.
  const rows = (await strapi.db.query(ACTIVITY).findMany({
    where: {
      organisation: { documentId: { $in: [...scope] } },
      activityStatus: { $in: ['planned', 'in_progress'] },
      roadmap: { roadmapState: { $ne: 'archived' }, publishedAt: { $null: true } },
    },
    select: [...TIMING_FIELDS],
    populate: {
      organisation: { select: ['documentId', 'name', 'shortName', 'timezone'] },
      roadmap: { select: ['documentId', 'title'] },
    },
  })) as ActivityRow[];
  const todayByTz = new Map<string, string>();
  const today = (tz: string) => {
    const known = todayByTz.get(tz);
    if (known) return known;
    const value = todayIn(tz);
    todayByTz.set(tz, value);
    return value;
  };
  const horizon = options.horizonDays ?? 30;
  const items = rows.map((r) => timed(r, today(r.organisation?.timezone ?? DEFAULT_TIMEZONE), horizon));
  const limit = options.limit ?? 200;
  return {
    overdue: inState(items, 'overdue').slice(0, limit),
    dueSoon: inState(items, 'due_soon').slice(0, limit),
    organisations,
  };
}

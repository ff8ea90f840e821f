/**
 * The internal monitoring on the road maps' dates: a daily job (Strapi cron, registered at bootstrap)
 * freezes the numbers of every organisation whose current road map schedules a monitoring moment that is
 * due (`dueMonitoring` in shared), once per moment. An organisation whose road map names no month uses
 * the configured months (`monitoringMonths`, December and May by default).
 */
import {
  DEFAULT_MONITORING_MONTHS,
  deadlineSchema,
  dueMonitoring,
  monitoringMonthsOf,
  SCHEDULED_SUFFIX,
  type MonitoringActivity,
} from '@nastavnik/shared';
import { reportUnexpectedError } from '../errors.js';
import { asInternal } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';
import { freezeMonitoring } from './files.js';
import { todayUtc } from './report.js';

const ROADMAP = 'plugin::nastavnik.roadmap';
const ACTIVITY = 'plugin::nastavnik.roadmap-activity';
const SNAPSHOT = 'plugin::nastavnik.monitoring-snapshot';

/** Daily, early in the morning: the numbers of a moment's last day are those before its working day. */
export const DEFAULT_MONITORING_SCHEDULE = '0 30 2 * * *';

export function configuredMonths(strapi: Strapi): readonly number[] {
  const months = strapi.plugin('nastavnik').config('monitoringMonths');
  return Array.isArray(months) ? (months as number[]) : DEFAULT_MONITORING_MONTHS;
}

/** Organisations with a current road map, each with the months its monitoring activities name. */
async function scheduledOrganisations(strapi: Strapi): Promise<Map<string, number[]>> {
  const roadmaps = (await strapi.db.query(ROADMAP).findMany({
    where: { roadmapState: { $ne: 'archived' } },
    select: ['id'],
    populate: { organisation: { select: ['documentId'] } },
  })) as Array<{ id: number; organisation?: { documentId: string } | null }>;
  const orgOfRoadmap = new Map<number, string>();
  for (const r of roadmaps) if (r.organisation) orgOfRoadmap.set(r.id, r.organisation.documentId);
  const activities = (await strapi.db.query(ACTIVITY).findMany({
    where: { roadmap: { id: { $in: [...orgOfRoadmap.keys()] } }, title: { $containsi: 'мониторинг' } },
    select: ['title', 'deadline'],
    populate: { roadmap: { select: ['id'] } },
  })) as Array<{ title: string; deadline: unknown; roadmap?: { id: number } | null }>;
  const byOrganisation = new Map<string, MonitoringActivity[]>();
  for (const organisation of orgOfRoadmap.values()) byOrganisation.set(organisation, []);
  for (const a of activities) {
    const organisation = a.roadmap ? orgOfRoadmap.get(a.roadmap.id) : undefined;
    const deadline = deadlineSchema.safeParse(a.deadline);
    if (organisation && deadline.success)
      byOrganisation.get(organisation)?.push({ title: a.title, deadline: deadline.data });
  }
  const fallback = configuredMonths(strapi);
  return new Map(
    [...byOrganisation].map(([organisation, list]) => {
      const months = monitoringMonthsOf(list);
      return [organisation, months.length ? months : [...fallback]];
    }),
  );
}

export interface ScheduledSnapshot {
  organisation: string;
  label: string;
  documentId: string;
}

/**
 * Take every monitoring snapshot due on `today`. Runs as trusted code (no request); a failure for one
 * organisation is logged with its error id and does not stop the others.
 */
export function takeScheduledSnapshots(strapi: Strapi, today = todayUtc()): Promise<ScheduledSnapshot[]> {
  return asInternal(async () => {
    const taken: ScheduledSnapshot[] = [];
    for (const [organisation, months] of await scheduledOrganisations(strapi)) {
      const existing = (await strapi.db.query(SNAPSHOT).findMany({
        where: { organisation: { documentId: organisation }, label: { $endsWith: SCHEDULED_SUFFIX } },
        select: ['label'],
      })) as Array<{ label: string }>;
      const due = dueMonitoring(months, today, new Set(existing.map((s) => s.label)));
      if (!due) continue;
      try {
        const result = await freezeMonitoring(strapi, { organisation, label: due.label }, today);
        taken.push({ organisation, label: due.label, documentId: result.documentId });
      } catch (error) {
        reportUnexpectedError(strapi, error, `monitoring snapshot of ${organisation} (${due.label})`);
      }
    }
    return taken;
  });
}

/** The daily job; `monitoringSchedule: false` in the plugin's config turns it off. */
export function registerMonitoringSchedule(strapi: Strapi) {
  const rule = strapi.plugin('nastavnik').config('monitoringSchedule');
  if (rule === false) return;
  strapi.cron.add({
    nastavnikMonitoring: {
      task: async () => {
        await takeScheduledSnapshots(strapi);
      },
      options: { rule: typeof rule === 'string' ? rule : DEFAULT_MONITORING_SCHEDULE },
    },
  });
}

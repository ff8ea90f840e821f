/** KPIs and monitoring reports as the plugin's `kpi` service (GraphQL resolvers and REST controllers call it). */
import type { Strapi } from '../types.js';
import { analyticNoteFile, freezeMonitoring, participantsReportFile } from './files.js';
import { kpiReport } from './report.js';
import { takeScheduledSnapshots } from './schedule.js';

export const kpiService = ({ strapi }: { strapi: Strapi }) => ({
  report: (input: unknown) => kpiReport(strapi, input),
  participantsFile: (input: unknown) => participantsReportFile(strapi, input),
  noteFile: (input: unknown) => analyticNoteFile(strapi, input),
  freeze: (input: unknown) => freezeMonitoring(strapi, input),
  /** The daily job's work for a day: the monitoring snapshots due then (tests pass the day). */
  scheduledSnapshots: (today?: string) => takeScheduledSnapshots(strapi, today),
});

export type KpiService = ReturnType<typeof kpiService>;

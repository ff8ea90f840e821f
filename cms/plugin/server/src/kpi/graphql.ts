/** GraphQL for KPIs: an organisation's values for a year, own and rolled up over its subtree. */
import { kpiReportSchema, monitoringSnapshotResultSchema } from '@nastavnik/shared';
import { objectFromZod, type NexusBuilder } from '../graphql/zod-types.js';
import { kpiServiceOf } from '../services/access.js';
import type { Strapi } from '../types.js';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const asDownload = (file: { bytes: Uint8Array; filename: string; format: 'docx' | 'xlsx' }) => ({
  filename: file.filename,
  mimeType: MIME[file.format],
  base64: Buffer.from(file.bytes).toString('base64'),
});

export const KPI_REPORT_TYPE = { name: 'NastavnikKpiReport', schema: kpiReportSchema } as const;

export function kpiGraphql(strapi: Strapi, nexus: NexusBuilder) {
  const service = () => kpiServiceOf(strapi);
  return {
    types: [
      objectFromZod(nexus, KPI_REPORT_TYPE.name, KPI_REPORT_TYPE.schema, { ids: ['organisation'] }),
      objectFromZod(nexus, 'NastavnikMonitoringSnapshotResult', monitoringSnapshotResultSchema, {
        ids: ['documentId'],
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.nonNull.field('nastavnikFreezeMonitoring', {
            type: 'NastavnikMonitoringSnapshotResult',
            description:
              'Срез внутреннего мониторинга: сохраняет показатели и численность участников на этот момент, чтобы последующие правки их не меняли',
            args: {
              organisation: nexus.nonNull(nexus.idArg()),
              year: nexus.intArg(),
              label: nexus.nonNull(nexus.stringArg()),
            },
            resolve: (_p: unknown, args: { organisation: string; year?: number | null; label: string }) =>
              service().freeze({
                organisation: args.organisation,
                year: args.year ?? undefined,
                label: args.label,
              }),
          });
        },
      }),
      nexus.objectType({
        name: 'NastavnikReportFile',
        definition(t) {
          t.nonNull.string('filename');
          t.nonNull.string('mimeType');
          t.nonNull.string('base64');
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('nastavnikParticipantsReport', {
            type: 'NastavnikReportFile',
            description:
              'Численность участников (XLSX): по уровням дерева организаций, каждая — с подведомственными; список участников — только куратору своей организации',
            args: { organisation: nexus.nonNull(nexus.idArg()), year: nexus.intArg() },
            resolve: async (_p: unknown, args: { organisation: string; year?: number | null }) =>
              asDownload(
                await service().participantsFile({
                  organisation: args.organisation,
                  year: args.year ?? undefined,
                }),
              ),
          });
          t.nonNull.field('nastavnikAnalyticNote', {
            type: 'NastavnikReportFile',
            description:
              'Аналитическая справка внутреннего мониторинга (DOCX): показатели, участники, удовлетворённость, влияние, дорожная карта',
            args: { organisation: nexus.nonNull(nexus.idArg()), year: nexus.intArg() },
            resolve: async (_p: unknown, args: { organisation: string; year?: number | null }) =>
              asDownload(
                await service().noteFile({ organisation: args.organisation, year: args.year ?? undefined }),
              ),
          });
          t.nonNull.field('nastavnikKpiReport', {
            type: KPI_REPORT_TYPE.name,
            description:
              'Показатели эффективности организации за год: свои и по всем подведомственным (сумма числителей к сумме знаменателей)',
            args: { organisation: nexus.nonNull(nexus.idArg()), year: nexus.intArg() },
            resolve: (_p: unknown, args: { organisation: string; year?: number | null }) =>
              service().report({ organisation: args.organisation, year: args.year ?? undefined }),
          });
        },
      }),
    ],
    resolversConfig: {
      // The service decides: signed in, organisation in the caller's scope (every role reads KPI figures).
      'Query.nastavnikKpiReport': { auth: false },
      // The files: the roles the REST downloads are granted to (curators and methodists).
      'Query.nastavnikParticipantsReport': {
        auth: { scope: ['plugin::nastavnik.kpi-indicator.participants'] },
      },
      'Query.nastavnikAnalyticNote': { auth: { scope: ['plugin::nastavnik.kpi-indicator.note'] } },
      'Mutation.nastavnikFreezeMonitoring': {
        auth: { scope: ['plugin::nastavnik.monitoring-snapshot.create'] },
      },
    },
  };
}

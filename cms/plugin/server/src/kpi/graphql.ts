/** GraphQL for KPIs: an organisation's values for a year, own and rolled up over its subtree. */
import { kpiReportSchema } from '@nastavnik/shared';
import { objectFromZod, type NexusBuilder } from '../graphql/zod-types.js';
import { kpiServiceOf } from '../services/access.js';
import type { Strapi } from '../types.js';

export const KPI_REPORT_TYPE = { name: 'NastavnikKpiReport', schema: kpiReportSchema } as const;

export function kpiGraphql(strapi: Strapi, nexus: NexusBuilder) {
  const service = () => kpiServiceOf(strapi);
  return {
    types: [
      objectFromZod(nexus, KPI_REPORT_TYPE.name, KPI_REPORT_TYPE.schema, { ids: ['organisation'] }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
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
      // The service decides: signed in, organisation in the caller's scope.
      'Query.nastavnikKpiReport': { auth: false },
    },
  };
}

/**
 * GraphQL for road maps: import (dry run or commit), progress of one road map, agenda across many. The
 * import's input and result types are derived from the shared contract its resolver parses.
 */
import { duplicateModes, roadmapImportInputSchema, roadmapImportResultSchema } from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import {
  enumFromValues,
  inputObjectFromZod,
  objectFromZod,
  type NexusBuilder,
} from '../graphql/zod-types.js';
import type { RoadmapImportCall } from './import.js';
import { roadmapServiceOf } from '../services/access.js';

export const IMPORT_TYPES = {
  input: { name: 'NastavnikRoadmapImportInput', schema: roadmapImportInputSchema },
  result: { name: 'NastavnikRoadmapImportResult', schema: roadmapImportResultSchema },
} as const;
const IMPORT_OPTIONS = {
  ids: ['organisation', 'roadmapDocumentId'],
  enums: { onDuplicate: 'NastavnikImportDuplicateMode' },
} as const;

/** What progress and agenda answer (read by people through GraphQL; no client of ours parses them yet). */
function progressTypes(nexus: NexusBuilder) {
  return [
    nexus.objectType({
      name: 'NastavnikActivityTiming',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('title');
        t.string('code');
        t.int('sectionIndex');
        t.string('deadlineText');
        t.string('responsibleText');
        t.nonNull.string('activityStatus');
        t.nonNull.string('state', {
          description: 'closed, overdue, due_soon, in_window, upcoming, ongoing, undated',
        });
        t.string('windowStart');
        t.string('windowEnd');
        t.string('sortDate');
        t.field('organisation', { type: 'JSON' });
        t.field('roadmap', { type: 'JSON' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikSectionProgress',
      definition(t) {
        t.nonNull.int('index');
        t.string('code');
        t.nonNull.string('title');
        t.nonNull.int('total');
        t.nonNull.int('done');
        t.nonNull.int('overdue');
      },
    }),
    nexus.objectType({
      name: 'NastavnikRoadmapProgress',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('title');
        t.nonNull.string('today');
        t.nonNull.int('total');
        t.nonNull.int('done');
        t.nonNull.int('cancelled');
        t.nonNull.int('overdueCount');
        t.nonNull.int('dueSoonCount');
        t.nonNull.int('ongoingCount');
        t.nonNull.list.nonNull.field('sections', { type: 'NastavnikSectionProgress' });
        t.nonNull.list.nonNull.field('overdue', { type: 'NastavnikActivityTiming' });
        t.nonNull.list.nonNull.field('dueSoon', { type: 'NastavnikActivityTiming' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikAgenda',
      definition(t) {
        t.nonNull.list.nonNull.field('overdue', { type: 'NastavnikActivityTiming' });
        t.nonNull.list.nonNull.field('dueSoon', { type: 'NastavnikActivityTiming' });
      },
    }),
  ];
}

export function roadmapGraphql(strapi: Strapi, nexus: NexusBuilder) {
  const service = () => roadmapServiceOf(strapi);
  return {
    types: [
      enumFromValues(nexus, 'NastavnikImportDuplicateMode', duplicateModes.values),
      inputObjectFromZod(nexus, IMPORT_TYPES.input.name, IMPORT_TYPES.input.schema, IMPORT_OPTIONS),
      objectFromZod(nexus, IMPORT_TYPES.result.name, IMPORT_TYPES.result.schema, IMPORT_OPTIONS),
      ...progressTypes(nexus),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.field('nastavnikRoadmapProgress', {
            type: 'NastavnikRoadmapProgress',
            description: 'Ход выполнения дорожной карты: по разделам, просроченное, ближайшие сроки',
            args: { documentId: nexus.nonNull(nexus.idArg()), horizonDays: nexus.intArg({ default: 30 }) },
            resolve: (_p: unknown, args: { documentId: string; horizonDays: number }) =>
              service().progress(args.documentId, args.horizonDays),
          });
          t.nonNull.field('nastavnikActivityAgenda', {
            type: 'NastavnikAgenda',
            description: 'Просроченные и ближайшие мероприятия всех подведомственных организаций, по дате',
            args: {
              organisation: nexus.idArg(),
              horizonDays: nexus.intArg({ default: 30 }),
              limit: nexus.intArg({ default: 200 }),
            },
            resolve: (_p: unknown, args: { organisation?: string; horizonDays: number; limit: number }) =>
              service().agenda(args),
          });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.nonNull.field('nastavnikImportRoadmap', {
            type: 'NastavnikRoadmapImportResult',
            description:
              'Импорт дорожной карты: dryRun показывает разбор и предупреждения, иначе запись целиком или ничего',
            args: { input: nexus.nonNull(nexus.arg({ type: 'NastavnikRoadmapImportInput' })) },
            // GraphQL has checked the input against the derived type; the service parses it with the
            // contract itself (defaults, limits) and answers in it.
            resolve: (_p: unknown, args: { input: RoadmapImportCall }) => service().import(args.input),
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.nastavnikRoadmapProgress': { auth: { scope: ['plugin::nastavnik.roadmap.findOne'] } },
      'Query.nastavnikActivityAgenda': { auth: { scope: ['plugin::nastavnik.roadmap-activity.find'] } },
      // The service decides (signed in, curator or methodist, organisation in scope) and says why in Russian.
      'Mutation.nastavnikImportRoadmap': { auth: false },
    },
  };
}

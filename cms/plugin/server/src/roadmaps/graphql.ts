/** GraphQL for road maps: import (dry run or commit), progress of one road map, agenda across many. */
import type { Strapi } from '../types.js';

export function roadmapGraphql(strapi: Strapi, nexus: any) {
  const service = () => strapi.plugin('nastavnik').service('roadmap');
  return {
    types: [
      nexus.enumType({ name: 'NastavnikImportDuplicateMode', members: ['fail', 'replace', 'new_version'] }),
      nexus.inputObjectType({
        name: 'NastavnikRoadmapImportInput',
        definition(t: any) {
          t.nonNull.id('organisation');
          t.string('text', { description: 'Текст документа: строки таблицы, ячейки через табуляцию' });
          t.string('html', { description: 'HTML-страница или фрагмент с таблицей' });
          t.string('fileBase64', { description: 'Файл (DOCX, HTML, текст) в base64' });
          t.string('filename');
          t.nonNull.boolean('dryRun', { default: true });
          t.field('onDuplicate', { type: 'NastavnikImportDuplicateMode', default: 'fail' });
          t.boolean('publish', { default: false });
        },
      }),
      nexus.objectType({
        name: 'NastavnikRoadmapImportResult',
        definition(t: any) {
          t.nonNull.boolean('ok');
          t.nonNull.boolean('committed');
          t.string('format');
          t.field('draft', { type: 'JSON' });
          t.nonNull.field('warnings', { type: 'JSON' });
          t.field('error', { type: 'JSON' });
          t.field('duplicateOf', { type: 'JSON' });
          t.id('roadmapDocumentId');
          t.int('version');
          t.nonNull.int('activitiesCount');
          t.nonNull.int('kpisCount');
        },
      }),
      nexus.objectType({
        name: 'NastavnikActivityTiming',
        definition(t: any) {
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
        definition(t: any) {
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
        definition(t: any) {
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
        definition(t: any) {
          t.nonNull.list.nonNull.field('overdue', { type: 'NastavnikActivityTiming' });
          t.nonNull.list.nonNull.field('dueSoon', { type: 'NastavnikActivityTiming' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t: any) {
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
        definition(t: any) {
          t.nonNull.field('nastavnikImportRoadmap', {
            type: 'NastavnikRoadmapImportResult',
            description:
              'Импорт дорожной карты: dryRun показывает разбор и предупреждения, иначе запись целиком или ничего',
            args: { input: nexus.nonNull(nexus.arg({ type: 'NastavnikRoadmapImportInput' })) },
            resolve: (_p: unknown, args: { input: any }) => service().import(args.input),
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

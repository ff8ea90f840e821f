/** GraphQL for the extension: send a capture once (idempotent), then apply it. */
import type { Strapi } from '../types.js';

export function captureGraphql(strapi: Strapi, nexus: any) {
  const service = () => strapi.plugin('nastavnik').service('capture');
  return {
    types: [
      nexus.inputObjectType({
        name: 'NastavnikCaptureSubmitInput',
        definition(t: any) {
          t.nonNull.string('kind');
          t.nonNull.string('sourceUrl');
          t.nonNull.string('adapter');
          t.nonNull.field('payload', { type: 'JSON' });
          t.nonNull.string('idempotencyKey');
        },
      }),
      nexus.objectType({
        name: 'NastavnikCaptureSubmitResult',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.nonNull.string('state');
          t.nonNull.boolean('duplicate');
        },
      }),
      nexus.objectType({
        name: 'NastavnikCaptureApplyResult',
        definition(t: any) {
          t.nonNull.id('documentId');
          t.nonNull.string('state');
          t.nonNull.string('message');
          t.nonNull.int('createdCount');
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t: any) {
          t.nonNull.field('nastavnikSubmitCapture', {
            type: 'NastavnikCaptureSubmitResult',
            description:
              'Сохранить данные из расширения; повторная отправка с тем же ключом ничего не дублирует',
            args: { data: nexus.nonNull(nexus.arg({ type: 'NastavnikCaptureSubmitInput' })) },
            resolve: (_p: unknown, args: { data: unknown }) => service().submit(args.data),
          });
          t.nonNull.field('nastavnikApplyCapture', {
            type: 'NastavnikCaptureApplyResult',
            description:
              'Применить данные: список класса → участники, ожидающие согласия; оценки → замеры; таблица → дорожная карта; статья → кейс',
            args: { documentId: nexus.nonNull(nexus.idArg()), options: nexus.arg({ type: 'JSON' }) },
            resolve: (_p: unknown, args: { documentId: string; options?: unknown }) =>
              service().apply(args.documentId, args.options),
          });
        },
      }),
    ],
    resolversConfig: {
      'Mutation.nastavnikSubmitCapture': { auth: { scope: ['plugin::nastavnik.capture.create'] } },
      'Mutation.nastavnikApplyCapture': { auth: { scope: ['plugin::nastavnik.capture.update'] } },
    },
  };
}

/**
 * GraphQL for the extension: send a capture once (idempotent), then apply it. Input and results are
 * derived from the shared contracts the service parses and the extension checks.
 */
import {
  captureApplyResultSchema,
  captureSubmissionSchema,
  captureSubmitResultSchema,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { inputObjectFromZod, objectFromZod, type NexusBuilder } from '../graphql/zod-types.js';
import { captureServiceOf } from '../services/access.js';

export const CAPTURE_TYPES = {
  submitInput: { name: 'NastavnikCaptureSubmitInput', schema: captureSubmissionSchema },
  submitResult: { name: 'NastavnikCaptureSubmitResult', schema: captureSubmitResultSchema },
  applyResult: { name: 'NastavnikCaptureApplyResult', schema: captureApplyResultSchema },
} as const;
const IDS = { ids: ['documentId'] } as const;

export function captureGraphql(strapi: Strapi, nexus: NexusBuilder) {
  const service = () => captureServiceOf(strapi);
  return {
    types: [
      inputObjectFromZod(nexus, CAPTURE_TYPES.submitInput.name, CAPTURE_TYPES.submitInput.schema),
      objectFromZod(nexus, CAPTURE_TYPES.submitResult.name, CAPTURE_TYPES.submitResult.schema, IDS),
      objectFromZod(nexus, CAPTURE_TYPES.applyResult.name, CAPTURE_TYPES.applyResult.schema, IDS),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
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

/**
 * GraphQL for forming pairs (stage 5): propose (nothing written), accept the chosen proposals, fix the
 * proposed pairs by an order; and for completion (stage 7): a successful mentee joins the mentor base. The order itself is a file: REST `GET /api/nastavnik/programmes/:id/pairs-order`.
 */
import { mentoringForms, pairRefSchema } from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { enumFromValues, inputObjectFromZod, type NexusBuilder } from '../graphql/zod-types.js';
import {
  acceptFor,
  fixByOrderFor,
  menteeBecomesMentorFor,
  proposeFor,
  type AcceptCall,
  type ProposeCall,
} from './service.js';

function resultTypes(nexus: NexusBuilder) {
  return [
    enumFromValues(nexus, 'NastavnikMentoringForm', mentoringForms.values),
    inputObjectFromZod(nexus, 'NastavnikPairRefInput', pairRefSchema, { ids: ['menteeId', 'mentorId'] }),
    nexus.objectType({
      name: 'NastavnikMatchingProposal',
      definition(t) {
        t.nonNull.id('menteeId');
        t.nonNull.string('menteeName');
        t.nonNull.id('mentorId');
        t.nonNull.string('mentorName');
        t.nonNull.int('score', { description: 'Оценка совпадения 0–100' });
        t.nonNull.boolean('locked');
        t.nonNull.string('explanation', { description: 'Что совпало и что снизило оценку' });
        t.nonNull.field('criteria', { type: 'JSON', description: 'По критериям: вес, доля, совпало, нет' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikUnmatchedMentee',
      definition(t) {
        t.nonNull.id('menteeId');
        t.nonNull.string('menteeName');
        t.nonNull.string('reason');
      },
    }),
    nexus.objectType({
      name: 'NastavnikIneligibleMentor',
      definition(t) {
        t.nonNull.id('mentorId');
        t.nonNull.string('mentorName');
        t.nonNull.string('reason');
      },
    }),
    nexus.objectType({
      name: 'NastavnikRefusedLock',
      definition(t) {
        t.nonNull.id('menteeId');
        t.nonNull.string('menteeName');
        t.nonNull.id('mentorId');
        t.nonNull.string('mentorName');
        t.nonNull.string('reason');
      },
    }),
    nexus.objectType({
      name: 'NastavnikProposedGroup',
      description:
        'Наставляемые одного наставника, объединённые в группу или триаду, где форма это допускает',
      definition(t) {
        t.nonNull.id('mentorId');
        t.nonNull.string('mentorName');
        t.nonNull.list.nonNull.id('menteeIds');
        t.nonNull.list.nonNull.string('menteeNames');
        t.nonNull.string('kind', { description: 'pair, triad, group' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikMatchingResult',
      definition(t) {
        t.nonNull.id('programme');
        t.nonNull.field('form', { type: 'NastavnikMentoringForm' });
        t.nonNull.field('weights', {
          type: 'JSON',
          description: 'Веса критериев, по которым считалась оценка',
        });
        t.nonNull.int('totalScore');
        t.nonNull.int('compatiblePairs');
        t.nonNull.list.nonNull.field('proposals', { type: 'NastavnikMatchingProposal' });
        t.nonNull.list.nonNull.field('unmatched', { type: 'NastavnikUnmatchedMentee' });
        t.nonNull.list.nonNull.field('ineligibleMentors', { type: 'NastavnikIneligibleMentor' });
        t.nonNull.list.nonNull.field('refusedLocks', { type: 'NastavnikRefusedLock' });
        t.nonNull.list.nonNull.field('groups', {
          type: 'NastavnikProposedGroup',
          description: 'Как принять предложения группами (groupByMentor): по правилам формы',
        });
      },
    }),
    nexus.objectType({
      name: 'NastavnikAcceptedPair',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('title');
        t.nonNull.string('pairStatus');
        t.nonNull.string('kind');
      },
    }),
    nexus.objectType({
      name: 'NastavnikPromotedPerson',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.boolean('isMentor');
        t.nonNull.boolean('isMentee');
      },
    }),
    nexus.objectType({
      name: 'NastavnikAcceptedMatching',
      definition(t) {
        t.nonNull.list.nonNull.field('pairs', { type: 'NastavnikAcceptedPair' });
      },
    }),
  ];
}

export function matchingGraphql(strapi: Strapi, nexus: NexusBuilder) {
  const pairRefs = () => nexus.list(nexus.nonNull(nexus.arg({ type: 'NastavnikPairRefInput' })));
  return {
    types: [
      ...resultTypes(nexus),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('nastavnikProposeMatching', {
            type: 'NastavnikMatchingResult',
            description:
              'Подбор пар для программы: оптимальное распределение наставляемых по наставникам с объяснениями. Ничего не записывает',
            args: {
              programme: nexus.nonNull(nexus.idArg()),
              form: nexus.arg({ type: 'NastavnikMentoringForm' }),
              locked: pairRefs(),
              rejected: pairRefs(),
              weights: nexus.arg({ type: 'JSON' }),
            },
            resolve: (_p: unknown, args: ProposeCall) => proposeFor(strapi, args),
          });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.nonNull.field('nastavnikAcceptMatching', {
            type: 'NastavnikAcceptedMatching',
            description:
              'Создать выбранные пары (с номером и датой приказа — сразу закреплёнными). Одна неподходящая пара — не создаётся ни одна',
            args: {
              programme: nexus.nonNull(nexus.idArg()),
              pairs: nexus.nonNull(pairRefs()),
              orderNumber: nexus.stringArg(),
              orderDate: nexus.stringArg(),
              groupByMentor: nexus.booleanArg(),
            },
            resolve: (_p: unknown, args: AcceptCall) => acceptFor(strapi, args),
          });
          t.nonNull.int('nastavnikFixPairsByOrder', {
            description:
              'Закрепить все предложенные пары программы приказом «О закреплении наставнических пар (групп)»; ответ — сколько пар закреплено',
            args: {
              programme: nexus.nonNull(nexus.idArg()),
              orderNumber: nexus.nonNull(nexus.stringArg()),
              orderDate: nexus.nonNull(nexus.stringArg()),
            },
            resolve: (_p: unknown, args: { programme: string; orderNumber: string; orderDate: string }) =>
              fixByOrderFor(strapi, args),
          });
          t.nonNull.field('nastavnikMenteeBecomesMentor', {
            type: 'NastavnikPromotedPerson',
            description:
              'Из наставляемого — в наставники: участник пары, завершённой с итогом «Цели достигнуты», переходит в базу наставников (согласие сохраняется)',
            args: { pair: nexus.nonNull(nexus.idArg()), person: nexus.nonNull(nexus.idArg()) },
            resolve: (_p: unknown, args: { pair: string; person: string }) =>
              menteeBecomesMentorFor(strapi, args),
          });
        },
      }),
    ],
    resolversConfig: {
      // The service decides (signed in, curator, programme in scope) and says why in Russian.
      'Query.nastavnikProposeMatching': { auth: false },
      'Mutation.nastavnikAcceptMatching': { auth: false },
      'Mutation.nastavnikFixPairsByOrder': { auth: false },
      'Mutation.nastavnikMenteeBecomesMentor': { auth: false },
    },
  };
}

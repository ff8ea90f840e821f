/**
 * GraphQL for the programme cycle around matching: the bases of mentees and mentors, a pair's plan
 * from the form's template and its tracking, meetings waiting for feedback (also in the activity
 * agenda), completion with the final questionnaire, mentor awards, and where each programme stands.
 */
import { baseFilterSchema, mentorAwardSchema, pairOutcomes } from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { enumFromValues, inputObjectFromZod, type NexusBuilder } from '../graphql/zod-types.js';
import { personBase } from './bases.js';
import { programmeCycle } from './overview.js';
import {
  applyPlanTemplate,
  completePair,
  meetingsAwaitingFeedback,
  pairPlan,
  recogniseMentor,
} from './pairs.js';
import { requireSignedIn } from './access.js';
import type { CompletePairCall, RecogniseMentorCall } from '@nastavnik/shared';

function cycleTypes(nexus: NexusBuilder) {
  return [
    enumFromValues(nexus, 'NastavnikPairOutcome', pairOutcomes.values),
    inputObjectFromZod(nexus, 'NastavnikBaseFilterInput', baseFilterSchema, {
      ids: ['organisation'],
      enums: { form: 'NastavnikMentoringForm' },
    }),
    inputObjectFromZod(nexus, 'NastavnikMentorAwardInput', mentorAwardSchema),
    nexus.inputObjectType({
      name: 'NastavnikFinalResponseInput',
      definition(t) {
        t.nonNull.id('person');
        t.nonNull.field('answers', { type: 'JSON' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikBasePerson',
      description: 'Участник базы с действующим согласием и ответами последней входной анкеты',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('fullName');
        t.nonNull.string('category');
        t.string('classOrGroup');
        t.nonNull.string('organisation');
        t.nonNull.boolean('awaitingCurator');
        t.string('consentGivenBy');
        t.nonNull.boolean('publicationConsent');
        t.nonNull.list.nonNull.string('requests');
        t.nonNull.list.nonNull.string('competences');
        t.nonNull.list.nonNull.string('subjects');
        t.nonNull.list.nonNull.string('interests');
        t.nonNull.list.nonNull.string('availability');
        t.nonNull.list.nonNull.string('preferredForms');
        t.int('capacity', { description: 'Наставник: скольких наставляемых может вести' });
        t.string('intakeQuestionnaire');
        t.string('intakeSubmittedAt');
        t.field('intakeAnswers', { type: 'JSON' });
        t.string('mentorInterviewAt');
        t.string('mentorTrainingAt');
        t.nonNull.boolean('selectionPassed', { description: 'Собеседование и обучение пройдены' });
        t.nonNull.int('awards');
      },
    }),
    nexus.objectType({
      name: 'NastavnikPlanGoal',
      definition(t) {
        t.nonNull.int('index');
        t.nonNull.string('goal');
        t.string('dueDate');
        t.string('result');
        t.nonNull.string('status', { description: 'planned, in_progress, done, cancelled' });
        t.nonNull.string('state', { description: 'closed, overdue, due_soon, in_window, upcoming, undated' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikPairPlan',
      definition(t) {
        t.nonNull.id('pair');
        t.nonNull.string('title');
        t.nonNull.string('today');
        t.nonNull.int('total');
        t.nonNull.int('done');
        t.nonNull.int('overdue');
        t.nonNull.int('dueSoon');
        t.nonNull.list.nonNull.field('goals', { type: 'NastavnikPlanGoal' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikMeetingAwaitingFeedback',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('date');
        t.nonNull.string('kind');
        t.string('topic');
        t.field('pair', { type: 'JSON' });
        t.string('programme');
        t.nonNull.string('organisation');
        t.nonNull.list.nonNull.string('waitingFor', { description: 'mentee, mentor' });
      },
    }),
    nexus.objectType({
      name: 'NastavnikCompletedPair',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('pairStatus');
        t.nonNull.string('outcome');
        t.nonNull.string('completedAt');
        t.nonNull.int('responses');
      },
    }),
    nexus.objectType({
      name: 'NastavnikRecognisedMentor',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.int('awards');
      },
    }),
    nexus.objectType({
      name: 'NastavnikProgrammeCycle',
      definition(t) {
        t.nonNull.id('documentId');
        t.nonNull.string('title');
        t.nonNull.string('organisation');
        t.nonNull.string('stage');
        t.nonNull.string('stageLabel');
        t.nonNull.int('mentees');
        t.nonNull.int('mentors');
        t.nonNull.int('mentorsSelected');
        t.nonNull.field('pairs', { type: 'JSON', description: 'Пары по состояниям' });
      },
    }),
  ];
}

export function cycleGraphql(strapi: Strapi, nexus: NexusBuilder) {
  const filter = () => nexus.arg({ type: 'NastavnikBaseFilterInput' });
  return {
    types: [
      ...cycleTypes(nexus),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.list.nonNull.field('nastavnikMenteeBase', {
            type: 'NastavnikBasePerson',
            description: 'База наставляемых: участники с действующим согласием и их последняя входная анкета',
            args: { filters: filter() },
            resolve: (_p: unknown, args: { filters?: unknown }) => personBase(strapi, 'mentee', args.filters),
          });
          t.nonNull.list.nonNull.field('nastavnikMentorBase', {
            type: 'NastavnikBasePerson',
            description:
              'База наставников: участники с действующим согласием, их компетенции, отбор и обучение',
            args: { filters: filter() },
            resolve: (_p: unknown, args: { filters?: unknown }) => personBase(strapi, 'mentor', args.filters),
          });
          t.nonNull.field('nastavnikPairPlan', {
            type: 'NastavnikPairPlan',
            description:
              'Индивидуальный план развития пары: цели со сроками и результатами, выполнено и просрочено',
            args: { pair: nexus.nonNull(nexus.idArg()), horizonDays: nexus.intArg() },
            resolve: (_p: unknown, args: { pair: string; horizonDays?: number | null }) =>
              pairPlan(strapi, args),
          });
          t.nonNull.list.nonNull.field('nastavnikMeetingsAwaitingFeedback', {
            type: 'NastavnikMeetingAwaitingFeedback',
            description:
              'Прошедшие встречи без обратной связи (и без указанной причины): не считаются проведёнными',
            args: { limit: nexus.intArg() },
            resolve: (_p: unknown, args: { limit?: number | null }) => meetingsAwaitingFeedback(strapi, args),
          });
          t.nonNull.list.nonNull.field('nastavnikProgrammeCycle', {
            type: 'NastavnikProgrammeCycle',
            description: 'На каком этапе цикла каждая программа: базы, отбор, пары, работа, завершение',
            resolve: async () => {
              await requireSignedIn(strapi);
              return programmeCycle(strapi);
            },
          });
        },
      }),
      // The activity agenda lists meetings waiting for feedback next to overdue activities.
      nexus.extendType({
        type: 'NastavnikAgenda',
        definition(t) {
          t.nonNull.list.nonNull.field('meetingsAwaitingFeedback', {
            type: 'NastavnikMeetingAwaitingFeedback',
            // The agenda's own organisation argument (its subtree, cut to the caller's scope) applies here too.
            resolve: (agenda: { organisations?: string[] }) =>
              meetingsAwaitingFeedback(strapi, { limit: 200, organisations: agenda.organisations }),
          });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t) {
          t.nonNull.field('nastavnikApplyPlanTemplate', {
            type: 'NastavnikPairPlan',
            description:
              'Составить план развития закреплённой пары по шаблону её формы (сроки — от даты приказа)',
            args: { pair: nexus.nonNull(nexus.idArg()), start: nexus.stringArg() },
            resolve: (_p: unknown, args: { pair: string; start?: string | null }) =>
              applyPlanTemplate(strapi, args),
          });
          t.nonNull.field('nastavnikCompletePair', {
            type: 'NastavnikCompletedPair',
            description:
              'Завершить работу пары: итоговая анкета каждого наставляемого, итог и дата — всё или ничего',
            args: {
              pair: nexus.nonNull(nexus.idArg()),
              outcome: nexus.nonNull(nexus.arg({ type: 'NastavnikPairOutcome' })),
              completedAt: nexus.nonNull(nexus.stringArg()),
              questionnaire: nexus.nonNull(nexus.idArg()),
              responses: nexus.nonNull(
                nexus.list(nexus.nonNull(nexus.arg({ type: 'NastavnikFinalResponseInput' }))),
              ),
            },
            resolve: (_p: unknown, args: CompletePairCall) => completePair(strapi, args),
          });
          t.nonNull.field('nastavnikRecogniseMentor', {
            type: 'NastavnikRecognisedMentor',
            description:
              'Наградить наставника (благодарность, грамота, «Лучший наставник»); на сайте — только с его согласием на публикацию',
            args: {
              person: nexus.nonNull(nexus.idArg()),
              award: nexus.nonNull(nexus.arg({ type: 'NastavnikMentorAwardInput' })),
            },
            resolve: (_p: unknown, args: RecogniseMentorCall) => recogniseMentor(strapi, args),
          });
        },
      }),
    ],
    resolversConfig: {
      // The services decide (signed in, curator, pair in scope) and say why in Russian.
      'Query.nastavnikMenteeBase': { auth: false },
      'Query.nastavnikMentorBase': { auth: false },
      'Query.nastavnikPairPlan': { auth: false },
      'Query.nastavnikMeetingsAwaitingFeedback': { auth: false },
      'Query.nastavnikProgrammeCycle': { auth: false },
      'Mutation.nastavnikApplyPlanTemplate': { auth: false },
      'Mutation.nastavnikCompletePair': { auth: false },
      'Mutation.nastavnikRecogniseMentor': { auth: false },
    },
  };
}

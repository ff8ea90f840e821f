import { matchingWeightsSchema, mentoringForms, programmeStatuses } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation, manyToOne } from './define.js';

export default defineContentType({
  singularName: 'programme',
  pluralName: 'programmes',
  displayName: 'Программы наставничества',
  description: 'Программа по одной форме наставничества с целями, задачами и сроками семи этапов',
  draftAndPublish: true,
  access: 'public',
  tenancy: 'organisation',
  publicFields: [
    'title',
    'form',
    'roleVariation',
    'organisation',
    'goals',
    'tasks',
    'expectedResults',
    'periodStart',
    'periodEnd',
    'stages',
    'programmeStatus',
  ],
  mainField: 'title',
  listColumns: ['title', 'form', 'programmeStatus', 'periodStart', 'periodEnd', 'organisation'],
  attributes: {
    title: { type: 'string', required: true, label: 'Название' },
    form: enumField(mentoringForms, 'Форма наставничества', { required: true }),
    roleVariation: { type: 'string', label: 'Ролевая модель (например, успевающий – неуспевающий)' },
    organisation: organisationRelation(),
    curator: manyToOne('person', 'Куратор программы'),
    goals: { type: 'text', label: 'Цели' },
    tasks: { type: 'text', label: 'Задачи' },
    expectedResults: { type: 'text', label: 'Ожидаемые результаты' },
    periodStart: { type: 'date', label: 'Начало' },
    periodEnd: { type: 'date', label: 'Окончание' },
    stages: {
      type: 'component',
      component: 'nastavnik.stage-dates',
      repeatable: true,
      label: 'Этапы и сроки',
    },
    programmeStatus: enumField(programmeStatuses, 'Состояние', { default: 'planned' }),
    matchingWeights: {
      type: 'json',
      schema: matchingWeightsSchema,
      label: 'Веса подбора пар',
      description:
        'Сколько весит каждый критерий при подборе: {"requests":40,"subjects":20,"interests":15,"availability":15,"form":10} (запросы и компетенции, предметы, интересы, свободное время, предпочитаемая форма); пусто — эти значения',
    },
    mentorFeedbackRequired: {
      type: 'boolean',
      default: false,
      label: 'Встреча проведена только с обратной связью и наставника',
    },
    requireMentorTraining: {
      type: 'boolean',
      default: false,
      label: 'Только наставники, прошедшие отбор и обучение',
    },
  },
});

import { questionnaireAudiences, questionnairePurposes, questionsSchema } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'questionnaire',
  pluralName: 'questionnaires',
  displayName: 'Анкеты',
  description: 'Шаблоны анкет: входные, предпочтений, удовлетворённости, качества и замеров влияния',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'title',
  listColumns: ['title', 'audience', 'purpose', 'organisation'],
  attributes: {
    title: { type: 'string', required: true, label: 'Название' },
    organisation: organisationRelation(),
    audience: enumField(questionnaireAudiences, 'Для кого', { required: true }),
    purpose: enumField(questionnairePurposes, 'Назначение', { required: true }),
    questions: {
      type: 'json',
      required: true,
      schema: questionsSchema,
      label: 'Вопросы',
      description: 'Список вопросов: code, text, type (scale, choice, text), options, min, max, required',
    },
  },
});

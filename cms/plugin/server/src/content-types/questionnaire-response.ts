import { defineContentType, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'questionnaire-response',
  pluralName: 'questionnaire-responses',
  displayName: 'Ответы на анкеты',
  description: 'Ответы участника, проверенные по шаблону анкеты',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'submittedAt',
  listColumns: ['questionnaire', 'person', 'submittedAt'],
  attributes: {
    questionnaire: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::nastavnik.questionnaire',
      label: 'Анкета',
    },
    person: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::nastavnik.person',
      label: 'Участник',
    },
    organisation: organisationRelation(),
    answers: { type: 'json', required: true, label: 'Ответы', description: 'Объект «код вопроса → ответ»' },
    submittedAt: { type: 'datetime', label: 'Заполнена' },
  },
});

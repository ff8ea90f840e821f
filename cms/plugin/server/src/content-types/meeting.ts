import { meetingKinds } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'meeting',
  pluralName: 'meetings',
  displayName: 'Встречи',
  description: 'Встречи пар и групп с обязательной обратной связью обеих сторон',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'topic',
  listColumns: ['date', 'kind', 'topic', 'pair'],
  attributes: {
    pair: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::nastavnik.pair',
      label: 'Пара или группа',
    },
    organisation: organisationRelation(),
    kind: enumField(meetingKinds, 'Вид встречи', { required: true }),
    date: { type: 'date', required: true, label: 'Дата' },
    topic: { type: 'string', label: 'Тема' },
    notes: { type: 'text', label: 'Заметки' },
    mentorFeedback: {
      type: 'component',
      component: 'nastavnik.feedback',
      repeatable: false,
      label: 'Обратная связь наставника',
    },
    menteeFeedback: {
      type: 'component',
      component: 'nastavnik.feedback',
      repeatable: false,
      label: 'Обратная связь наставляемого',
    },
  },
});

/**
 * A meeting of a pair or group. Whoever records it (the extension's quick form, GraphQL, the admin),
 * its fields follow the meeting-record contract of `shared/src/contracts/meeting.ts`.
 */
import { meetingKinds, meetingRecordSchema } from '@nastavnik/shared';
import { fieldValidationError } from '../validation.js';
import { defineContentType, enumField, organisationRelation, type WriteEvent, manyToOne } from './define.js';

/** The fields of the contract that a write carries as plain values (relations are checked by tenancy). */
const recordFields = meetingRecordSchema.omit({ pair: true }).partial();

function checkRecord({ action, data }: WriteEvent) {
  if (!data || (action !== 'create' && action !== 'update')) return;
  const present = Object.fromEntries(
    Object.entries(data).filter(([key]) => key in recordFields.shape && data[key] !== undefined),
  );
  const result = recordFields.safeParse(present);
  if (result.success) return;
  throw fieldValidationError(result.error);
}

export default defineContentType({
  singularName: 'meeting',
  pluralName: 'meetings',
  displayName: 'Встречи',
  description: 'Встречи пар и групп с обязательной обратной связью обеих сторон',
  access: 'private',
  tenancy: 'organisation',
  rules: { beforeWrite: checkRecord },
  mainField: 'topic',
  listColumns: ['date', 'kind', 'topic', 'pair'],
  attributes: {
    pair: manyToOne('pair', 'Пара или группа'),
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

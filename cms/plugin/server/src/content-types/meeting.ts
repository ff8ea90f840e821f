/**
 * A meeting of a pair or group. Whoever records it (the extension's quick form, GraphQL, the admin),
 * its fields follow the meeting-record contract of `shared/src/contracts/meeting.ts`. It counts as held
 * only with the mentee's feedback (and the mentor's where the programme asks for it) or a recorded
 * reason (`meetingFeedbackState` in `shared/src/meetings.ts`); `held` is set here on every write.
 */
import {
  meetingFeedbackState,
  meetingKinds,
  meetingRecordSchema,
  type MeetingForHeld,
} from '@nastavnik/shared';
import { collectRelationIds } from '../tenancy/relations.js';
import { fieldValidationError } from '../validation.js';
import { defineContentType, enumField, organisationRelation, type WriteEvent, manyToOne } from './define.js';

/** The fields of the contract that a write carries as plain values (relations are checked by tenancy). */
const recordFields = meetingRecordSchema.omit({ pair: true }).partial();

const MEETING = 'plugin::nastavnik.meeting';
const PAIR = 'plugin::nastavnik.pair';

function checkRecord({ action, data }: WriteEvent) {
  if (!data || (action !== 'create' && action !== 'update')) return;
  const present = Object.fromEntries(
    Object.entries(data).filter(([key]) => key in recordFields.shape && data[key] !== undefined),
  );
  const result = recordFields.safeParse(present);
  if (result.success) return;
  throw fieldValidationError(result.error);
}

async function mentorFeedbackRequired(event: WriteEvent, pairId: string | undefined) {
  if (!pairId) return false;
  const pair = (await event.strapi.db.query(PAIR).findOne({
    where: { documentId: pairId },
    select: ['documentId'],
    populate: { programme: { select: ['mentorFeedbackRequired'] } },
  })) as { programme?: { mentorFeedbackRequired?: boolean | null } | null } | null;
  return pair?.programme?.mentorFeedbackRequired ?? false;
}

/** Whether the meeting is held, from what is stored and what is written; nobody sets it by hand. */
async function markHeld(event: WriteEvent) {
  const { strapi, action, documentId, data } = event;
  if (!data || (action !== 'create' && action !== 'update')) return;
  const current =
    action === 'update' && documentId
      ? ((await strapi.db.query(MEETING).findOne({
          where: { documentId },
          select: ['noFeedbackReason'],
          populate: { mentorFeedback: true, menteeFeedback: true, pair: { select: ['documentId'] } },
        })) as (MeetingForHeld & { pair?: { documentId: string } | null }) | null)
      : null;
  const merged = { ...current, ...data } as MeetingForHeld;
  const pairId = collectRelationIds(data.pair)[0] ?? current?.pair?.documentId;
  const { held } = meetingFeedbackState(merged, {
    mentorFeedbackRequired: await mentorFeedbackRequired(event, pairId),
  });
  data.held = held;
}

async function beforeMeetingWrite(event: WriteEvent) {
  checkRecord(event);
  await markHeld(event);
}

export default defineContentType({
  singularName: 'meeting',
  pluralName: 'meetings',
  displayName: 'Встречи',
  description: 'Встречи пар и групп с обязательной обратной связью обеих сторон',
  access: 'private',
  tenancy: 'organisation',
  rules: { beforeWrite: beforeMeetingWrite },
  // The extension's outbox resends a meeting whose answer it did not get; the key makes that safe.
  resendKey: 'idempotencyKey',
  uniqueIndexes: [
    {
      name: 'nastavnik_meetings_idempotency_key_uq',
      columns: ['idempotency_key'],
      existingDuplicates: 'keep-oldest',
    },
  ],
  mainField: 'topic',
  listColumns: ['date', 'kind', 'topic', 'pair', 'held'],
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
    noFeedbackReason: {
      type: 'text',
      label: 'Почему нет обратной связи',
      description: 'С указанной причиной встреча считается проведённой и без обратной связи',
    },
    idempotencyKey: {
      type: 'string',
      label: 'Ключ повторной отправки',
      description: 'Заполняет расширение: повторно отправленная встреча не записывается второй раз',
    },
    held: {
      type: 'boolean',
      default: false,
      label: 'Проведена (есть обратная связь или причина)',
      description: 'Заполняется автоматически при сохранении',
    },
  },
});

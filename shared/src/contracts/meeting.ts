/**
 * A meeting record as the extension sends it (`createNastavnikMeeting`) and the plugin checks it on
 * every write, whoever writes: one side's feedback is a rating 1–10 and/or a comment.
 */
import { z } from 'zod';
import { meetingKinds } from '../enums.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Укажите дату в формате ГГГГ-ММ-ДД')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Такой даты нет в календаре');

// Not strict: the admin panel sends a component with its row id.
export const meetingFeedbackSchema = z.object({
  rating: z.number().int().min(1, 'Оценка от 1 до 10').max(10, 'Оценка от 1 до 10').nullish(),
  comment: z.string().max(2000, 'Не длиннее 2000 символов').nullish(),
});
export type MeetingFeedback = z.infer<typeof meetingFeedbackSchema>;

export const meetingRecordSchema = z.strictObject({
  pair: z.string().min(1, 'Выберите пару'),
  kind: meetingKinds.schema,
  date: isoDate,
  topic: z.string().max(300, 'Не длиннее 300 символов').nullish(),
  notes: z.string().max(5000, 'Не длиннее 5000 символов').nullish(),
  mentorFeedback: meetingFeedbackSchema.nullish(),
  menteeFeedback: meetingFeedbackSchema.nullish(),
  /** Why a side gave no feedback: with it the meeting counts as held all the same. */
  noFeedbackReason: z.string().max(1000, 'Не длиннее 1000 символов').nullish(),
  /**
   * A random key per meeting the sender makes once: a send repeated with it (the answer to the first
   * was lost) gets the meeting already stored instead of a second one.
   */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Ключ повторной отправки: от 8 до 64 латинских букв, цифр, «-» и «_»')
    .nullish(),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

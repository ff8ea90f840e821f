/**
 * The meeting quick form: what the user typed (strings, as form fields hold them) → the
 * `NastavnikMeetingInput` the CMS expects, with empty optional fields left out. The form keeps four
 * flat fields because that is how the user sees them; the CMS stores each side's rating and comment
 * together in a `mentorFeedback` / `menteeFeedback` component.
 */
import { z } from 'zod';
import { meetingKinds } from '@nastavnik/shared/enums';
import type { MeetingFeedback } from '@nastavnik/shared/contracts/meeting';
import type { MeetingInput } from './api/operations.js';

export interface MeetingForm {
  pair: string;
  kind: MeetingInput['kind'];
  date: string;
  topic: string;
  notes: string;
  mentorRating: string;
  menteeRating: string;
  mentorComment: string;
  menteeComment: string;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Не длиннее ${max} символов`)
    .transform((value) => value || undefined);

const rating = z
  .string()
  .transform((value) => (value === '' ? undefined : Number(value)))
  .pipe(z.number().int().min(1, 'Оценка от 1 до 10').max(10, 'Оценка от 1 до 10').optional());

/** A side that left neither a rating nor a comment sends no feedback component at all. */
function feedback(rating: number | undefined, comment: string | undefined): MeetingFeedback | undefined {
  if (rating === undefined && comment === undefined) return undefined;
  return { ...(rating !== undefined ? { rating } : {}), ...(comment !== undefined ? { comment } : {}) };
}

export const meetingFormSchema = z
  .object({
    pair: z.string().min(1, 'Выберите пару'),
    kind: meetingKinds.schema,
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Укажите дату встречи')
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Такой даты нет'),
    topic: optionalText(300),
    notes: optionalText(5000),
    mentorRating: rating,
    menteeRating: rating,
    mentorComment: optionalText(2000),
    menteeComment: optionalText(2000),
  })
  .transform((form): MeetingInput => {
    const input: MeetingInput = { pair: form.pair, kind: form.kind, date: form.date };
    if (form.topic !== undefined) input.topic = form.topic;
    if (form.notes !== undefined) input.notes = form.notes;
    const mentorFeedback = feedback(form.mentorRating, form.mentorComment);
    if (mentorFeedback) input.mentorFeedback = mentorFeedback;
    const menteeFeedback = feedback(form.menteeRating, form.menteeComment);
    if (menteeFeedback) input.menteeFeedback = menteeFeedback;
    return input;
  });

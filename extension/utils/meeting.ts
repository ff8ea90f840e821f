/**
 * The meeting quick form: what the user typed (strings, as form fields hold them) → the
 * `NastavnikMeetingInput` the CMS expects, with empty optional fields left out.
 */
import { z } from 'zod';
import { meetingKinds } from '@nastavnik/shared/enums';
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
    for (const key of ['topic', 'notes', 'mentorComment', 'menteeComment'] as const) {
      const value = form[key];
      if (value !== undefined) input[key] = value;
    }
    if (form.mentorRating !== undefined) input.mentorRating = form.mentorRating;
    if (form.menteeRating !== undefined) input.menteeRating = form.menteeRating;
    return input;
  });

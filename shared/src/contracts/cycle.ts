/**
 * The programme cycle's operations over GraphQL: reading the bases, giving a pair its plan, completing
 * a pair with the final questionnaire, recognising a mentor. The resolvers parse their arguments with
 * these, so a wrong value is refused with the field named.
 */
import { z } from 'zod';
import { mentorAwardSchema } from '../cycle.js';
import { mentoringForms, pairOutcomes, personCategories } from '../enums.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ожидалась дата ГГГГ-ММ-ДД');

export const baseFilterSchema = z.object({
  organisation: z.string().min(1).nullish(),
  /** People whose category this form allows on the base's side. */
  form: mentoringForms.schema.nullish(),
  category: personCategories.schema.nullish(),
  /** Part of the class or group as written («9», «ИС-21»). */
  classOrGroup: z.string().trim().min(1).max(50).nullish(),
  /** Part of a request (mentees) or of a competence (mentors). */
  request: z.string().trim().min(1).max(200).nullish(),
  /** Applications from the site the curator has not checked yet. */
  awaitingCurator: z.boolean().nullish(),
});
export type BaseFilter = z.infer<typeof baseFilterSchema>;

export const applyPlanCallSchema = z.object({
  pair: z.string().min(1),
  /** Deadlines count from this day; by default from the order that fixed the pair. */
  start: isoDate.nullish(),
});

export const completePairCallSchema = z.object({
  pair: z.string().min(1),
  outcome: pairOutcomes.schema,
  completedAt: isoDate,
  /** The final questionnaire (satisfaction or second impact measure) every mentee answers. */
  questionnaire: z.string().min(1, 'укажите итоговую анкету'),
  responses: z
    .array(z.object({ person: z.string().min(1), answers: z.record(z.string(), z.unknown()) }))
    .min(1, 'нет ответов на итоговую анкету'),
});
export type CompletePairCall = z.input<typeof completePairCallSchema>;

export const recogniseMentorCallSchema = z.object({
  person: z.string().min(1),
  award: mentorAwardSchema,
});
export type RecogniseMentorCall = z.input<typeof recogniseMentorCallSchema>;

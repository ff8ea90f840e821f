/**
 * A methodist's decision on a submitted case, as the admin panel's review screen sends it: approve
 * (optionally with a note) or return to the author with a comment saying what to fix.
 */
import { z } from 'zod';

const RETURN_NEEDS_COMMENT = 'Напишите, что нужно исправить: автор увидит этот комментарий.';

export const caseReviewDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    comment: z.string().trim().max(4000, 'Не длиннее 4000 символов').optional(),
  }),
  z.strictObject({
    decision: z.literal('return'),
    comment: z.string({ error: RETURN_NEEDS_COMMENT }).trim().min(1, RETURN_NEEDS_COMMENT).max(4000),
  }),
]);
export type CaseReviewDecision = z.infer<typeof caseReviewDecisionSchema>;

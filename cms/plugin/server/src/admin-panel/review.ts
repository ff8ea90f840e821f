/**
 * The methodists' review queue of the best-practice library. The decision itself is an ordinary write
 * of the case, so the case's own rules (only a methodist decides) and the account's organisation scope
 * apply as for any other write; the decision's contract (a return carries a comment) is shared.
 */
import { errors } from '@strapi/utils';
import { caseReviewDecisionSchema, type AdminReviewItem } from '@nastavnik/shared';
import { caseReviewQueue } from '../cases/review-queue.js';
import { validationErrorFrom } from '../validation.js';
import { CLEARED, type Strapi } from '../types.js';

const CASE = 'plugin::nastavnik.case';

/** The queue as the review screen shows it: the same query as GraphQL's `nastavnikCaseReviewQueue`. */
export async function reviewQueue(strapi: Strapi): Promise<AdminReviewItem[]> {
  const queue = await caseReviewQueue(strapi);
  return queue.map((c) => ({
    documentId: c.documentId,
    title: c.title,
    submittedAt: c.submittedAt ?? '',
    submittedBy: c.submittedBy,
    organisation: c.organisation?.name ?? '',
    previousNote: c.reviewerNote,
    firstReview: c.firstReview,
    changedFields: c.changedFields,
  }));
}

export async function decideReview(strapi: Strapi, documentId: string, body: unknown) {
  const parsed = caseReviewDecisionSchema.safeParse(body);
  if (!parsed.success) throw validationErrorFrom(parsed.error);
  const current = await strapi.documents(CASE).findOne({ documentId, fields: ['reviewState'] });
  if (!current) throw new errors.NotFoundError('Кейс не найден или недоступен.');
  if (current.reviewState !== 'submitted') {
    throw new errors.ValidationError('Решение принимается только по кейсу на рассмотрении.', {
      path: ['reviewState'],
    });
  }
  const { decision, comment } = parsed.data;
  const updated = await strapi.documents(CASE).update({
    documentId,
    data: {
      reviewState: decision === 'approve' ? 'approved' : 'changes_requested',
      reviewerNote: comment ?? CLEARED,
    },
    fields: ['documentId', 'reviewState', 'reviewerNote'],
  });
  return updated;
}

/**
 * The methodists' review queue of the best-practice library. The decision itself is an ordinary write
 * of the case, so the case's own rules (only a methodist decides) and the account's organisation scope
 * apply as for any other write; the decision's contract (a return carries a comment) is shared.
 */
import { errors } from '@strapi/utils';
import { caseReviewDecisionSchema, type AdminReviewItem } from '@nastavnik/shared';
import { validationErrorFrom } from '../validation.js';
import { CLEARED, type Strapi } from '../types.js';

const CASE = 'plugin::nastavnik.case';

export async function reviewQueue(strapi: Strapi): Promise<AdminReviewItem[]> {
  const cases = await strapi.documents(CASE).findMany({
    filters: { reviewState: 'submitted' },
    fields: ['documentId', 'title', 'summary', 'updatedAt', 'reviewerNote'],
    populate: {
      organisation: { fields: ['name', 'shortName'] },
      updatedBy: { fields: ['firstname', 'lastname'] },
    },
    sort: ['updatedAt:asc'],
    limit: 100,
  });
  return cases.map((c) => {
    const editor = c.updatedBy as { firstname?: string | null; lastname?: string | null } | null;
    return {
      documentId: c.documentId,
      title: c.title ?? '',
      summary: c.summary ?? '',
      submittedAt: String(c.updatedAt ?? ''),
      submittedBy: editor ? [editor.firstname, editor.lastname].filter(Boolean).join(' ') : null,
      organisation: (c.organisation as { name?: string } | null)?.name ?? '',
      previousNote: c.reviewerNote ?? null,
    };
  });
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

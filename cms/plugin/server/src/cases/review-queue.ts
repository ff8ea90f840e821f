/**
 * The methodists' review queue: cases submitted for review in the caller's organisation subtree (the
 * tenancy middleware applies the scope), oldest submission first, each with who submitted it, when,
 * and which parts changed since the methodist last approved it.
 */
import { errors } from '@strapi/utils';
import { changedSinceSnapshot } from '@nastavnik/shared';
import caseType from '../content-types/case.js';
import { currentActor } from '../tenancy/actor.js';
import { subtreeOf } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';
import type { NexusBuilder } from '../graphql/zod-types.js';

const CASE = 'plugin::nastavnik.case';

interface QueuedCase {
  documentId: string;
  title: string;
  submittedBy?: string | null;
  submittedAt?: string | null;
  reviewedAt?: string | null;
  reviewerNote?: string | null;
  reviewedContent?: unknown;
  organisation?: { documentId: string; name: string } | null;
  [field: string]: unknown;
}

const labelOf = (field: string) => caseType.definition.attributes[field]?.label ?? field;

export async function caseReviewQueue(strapi: Strapi, organisation?: string | null) {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
  const scope = organisation ? [...(await subtreeOf(strapi, organisation))] : null;
  const rows = (await strapi.documents(CASE).findMany({
    status: 'draft',
    filters: {
      reviewState: 'submitted',
      ...(scope ? { organisation: { documentId: { $in: scope } } } : {}),
    },
    populate: {
      authors: true,
      materials: { fields: ['id'] },
      organisation: { fields: ['documentId', 'name'] },
    },
    sort: ['submittedAt:asc', 'updatedAt:asc'],
    limit: 1000,
  })) as unknown as QueuedCase[];
  const userIds = [
    ...new Set(
      rows.flatMap((r) => (/^user:\d+$/.test(r.submittedBy ?? '') ? [Number(r.submittedBy?.slice(5))] : [])),
    ),
  ];
  const users = userIds.length
    ? ((await strapi.db
        .query('plugin::users-permissions.user')
        .findMany({ where: { id: { $in: userIds } }, select: ['id', 'username'] })) as Array<{
        id: number;
        username: string;
      }>)
    : [];
  const nameOf = (who: string | null | undefined) => {
    if (!who) return null;
    if (who === 'admin') return 'администратор';
    if (who === 'system') return 'система';
    return users.find((u) => `user:${u.id}` === who)?.username ?? who;
  };
  return rows.map((row) => {
    const reviewed =
      row.reviewedContent && typeof row.reviewedContent === 'object'
        ? (row.reviewedContent as Record<string, unknown>)
        : null;
    return {
      documentId: row.documentId,
      title: row.title,
      organisation: row.organisation ?? null,
      submittedBy: nameOf(row.submittedBy),
      submittedAt: row.submittedAt ?? null,
      lastReviewedAt: row.reviewedAt ?? null,
      reviewerNote: row.reviewerNote ?? null,
      firstReview: !reviewed,
      changedFields: reviewed ? changedSinceSnapshot(reviewed, row).map(labelOf) : [],
    };
  });
}

export function caseReviewGraphql(strapi: Strapi, nexus: NexusBuilder) {
  return {
    types: [
      nexus.objectType({
        name: 'NastavnikCaseReview',
        definition(t) {
          t.nonNull.id('documentId');
          t.nonNull.string('title');
          t.field('organisation', { type: 'JSON' });
          t.string('submittedBy', { description: 'Имя пользователя, отправившего кейс на рассмотрение' });
          t.string('submittedAt');
          t.string('lastReviewedAt', { description: 'Когда методист в последний раз одобрил кейс' });
          t.string('reviewerNote');
          t.nonNull.boolean('firstReview', { description: 'Кейс ещё ни разу не одобряли' });
          t.nonNull.list.nonNull.string('changedFields', {
            description: 'Что изменилось с последнего одобрения (названия полей)',
          });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.list.nonNull.field('nastavnikCaseReviewQueue', {
            type: 'NastavnikCaseReview',
            description:
              'Кейсы на рассмотрении в подведомственных организациях: кто отправил, когда, что изменилось',
            args: { organisation: nexus.idArg() },
            resolve: (_p: unknown, args: { organisation?: string | null }) =>
              caseReviewQueue(strapi, args.organisation),
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.nastavnikCaseReviewQueue': { auth: { scope: ['plugin::nastavnik.case.find'] } },
    },
  };
}

/**
 * A case of the best-practice library. Visitors see an approved, published case without the names of
 * authors who gave no publication consent; only a methodist approves or returns a case, and only an
 * approved case can be published (the rule itself is `shared/src/cases.ts`).
 */
import { errors } from '@strapi/utils';
import {
  authorsWithPublicationConsent,
  caseContentFields,
  caseContentSnapshot,
  changedCaseFields,
  caseReviewStates,
  mentoringForms,
  onlyWithdrawsAuthors,
  publicationProblem,
  reviewDecisionProblem,
  reviewStateAfterEdit,
  tagsSchema,
} from '@nastavnik/shared';
import { reindexCase } from '../cases/search.js';
import { currentActor } from '../tenancy/actor.js';
import { asJson } from '../types.js';
import { defineContentType, enumField, organisationRelation, type WriteEvent } from './define.js';

const CASE = 'plugin::nastavnik.case';

/** The draft row as the review rules compare it: content with its links, and the review fields. */
async function storedDraft({ strapi, documentId }: WriteEvent) {
  if (!documentId) return null;
  return (await strapi.db.query(CASE).findOne({
    where: { documentId, publishedAt: null },
    populate: { authors: true, materials: { select: ['id'] }, organisation: { select: ['documentId'] } },
  })) as Record<string, unknown> | null;
}

/**
 * Who is writing, by reference only (`user:<id>`, `admin`, `system`): the review queue resolves the
 * name when a methodist asks, so the case itself carries no one's name.
 */
async function writerRef(event: WriteEvent): Promise<string> {
  const actor = await currentActor(event.strapi);
  if (actor.kind === 'user') return `user:${actor.userId}`;
  return actor.kind === 'admin' ? 'admin' : 'system';
}

/**
 * The review trail: an approved case whose content changes goes back to review (so an edit can never
 * be republished unseen); a submission records who and when; an approval keeps the content the
 * methodist saw, which the review queue compares with later edits.
 */
async function trackReview(event: WriteEvent) {
  const { action, data } = event;
  if (!data || (action !== 'create' && action !== 'update')) return;
  const stored = action === 'update' ? await storedDraft(event) : null;
  // Taking authors' names off the page (consent withdrawn, author removed) is no edit to review.
  const changed = (stored ? changedCaseFields(stored, data) : []).filter(
    (field) => field !== 'authors' || !onlyWithdrawsAuthors(stored?.authors, data.authors),
  );
  const next = reviewStateAfterEdit(stored?.reviewState, data.reviewState, changed);
  if (next) data.reviewState = next;
  const state = data.reviewState;
  if (state === 'submitted' && stored?.reviewState !== 'submitted') {
    data.submittedAt = new Date().toISOString();
    data.submittedBy = await writerRef(event);
  }
  if (state === 'approved' && (stored?.reviewState !== 'approved' || changed.length)) {
    data.reviewedAt = new Date().toISOString();
    data.reviewedContent = asJson(caseContentSnapshot({ ...(stored ?? {}), ...data }));
  }
}

/** Publishing happens through `publish`, or through create/update with status "published". */
async function requireApprovedToPublish({ strapi, action, documentId, data, status }: WriteEvent) {
  const publishing =
    action === 'publish' || ((action === 'create' || action === 'update') && status === 'published');
  if (!publishing) return;
  let state = data?.reviewState;
  if (state === undefined && action !== 'create' && documentId) {
    // The draft row holds the state being published.
    const row = (await strapi.db.query(CASE).findOne({
      where: { documentId, publishedAt: null },
      select: ['reviewState'],
    })) as { reviewState?: string } | null;
    state = row?.reviewState;
  }
  const problem = publicationProblem(state);
  if (problem) throw new errors.ValidationError(problem, { path: ['reviewState'] });
}

export default defineContentType({
  singularName: 'case',
  pluralName: 'cases',
  displayName: 'Кейсы и лучшие практики',
  description: 'Описание практики наставничества; публикуется после одобрения методистом',
  draftAndPublish: true,
  access: 'public',
  tenancy: 'organisation',
  // Visitors see exactly what the methodist reviewed: no field reaches a page without a review.
  publicFields: caseContentFields,
  publicWhen: { reviewState: 'approved' },
  publicRedact: { authors: authorsWithPublicationConsent },
  rules: {
    async beforeWrite(event) {
      await trackReview(event);
      await requireApprovedToPublish(event);
    },
    // The public search index holds exactly the approved, published cases.
    async afterWrite({ strapi, documentId }) {
      if (documentId) await reindexCase(strapi, documentId);
    },
    authorizeUser(actor, { data }) {
      const problem = reviewDecisionProblem(actor.role, data?.reviewState);
      if (problem) throw new errors.ForbiddenError(problem);
    },
  },
  mainField: 'title',
  listColumns: ['title', 'form', 'reviewState', 'organisation'],
  attributes: {
    title: { type: 'string', required: true, label: 'Название' },
    slug: { type: 'string', unique: true, label: 'Адрес (slug)' },
    summary: { type: 'text', label: 'Кратко' },
    form: enumField(mentoringForms, 'Форма наставничества'),
    audience: { type: 'string', label: 'Для кого' },
    problem: { type: 'text', label: 'Проблема' },
    solution: { type: 'richtext', sanitize: 'richText', label: 'Что сделано' },
    results: { type: 'text', label: 'Результаты (с цифрами)' },
    materials: { type: 'media', multiple: true, allowedTypes: ['files', 'images'], label: 'Материалы' },
    organisation: organisationRelation(),
    authors: { type: 'component', component: 'nastavnik.case-author', repeatable: true, label: 'Авторы' },
    tags: { type: 'json', schema: tagsSchema, label: 'Теги' },
    sourceUrl: { type: 'string', label: 'Источник (адрес страницы)' },
    periodText: { type: 'string', label: 'Период' },
    reviewState: enumField(caseReviewStates, 'Рассмотрение', { required: true, default: 'draft' }),
    reviewerNote: { type: 'text', label: 'Замечания методиста' },
    reviewedAt: { type: 'datetime', label: 'Рассмотрен' },
    submittedAt: { type: 'datetime', label: 'Отправлен на рассмотрение' },
    submittedBy: {
      type: 'string',
      label: 'Кто отправил на рассмотрение',
      description: 'Ссылка на пользователя (user:номер); имя показывает очередь рассмотрения',
    },
    reviewedContent: {
      type: 'json',
      label: 'Содержание на момент одобрения',
      description: 'Заполняется автоматически; с ним очередь рассмотрения сравнивает последующие правки',
    },
  },
});

/**
 * A case of the best-practice library. Visitors see an approved, published case without the names of
 * authors who gave no publication consent; only a methodist approves or returns a case, and only an
 * approved case can be published (the rule itself is `shared/src/cases.ts`).
 */
import { errors } from '@strapi/utils';
import {
  authorsWithPublicationConsent,
  caseReviewStates,
  mentoringForms,
  publicationProblem,
  reviewDecisionProblem,
  tagsSchema,
} from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation, type WriteEvent } from './define.js';

const CASE = 'plugin::nastavnik.case';

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
  publicFields: [
    'title',
    'slug',
    'summary',
    'form',
    'audience',
    'problem',
    'solution',
    'results',
    'materials',
    'organisation',
    'authors',
    'tags',
    'sourceUrl',
    'periodText',
  ],
  publicWhen: { reviewState: 'approved' },
  publicRedact: { authors: authorsWithPublicationConsent },
  rules: {
    beforeWrite: requireApprovedToPublish,
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
  },
});

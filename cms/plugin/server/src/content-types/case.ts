import { caseReviewStates, mentoringForms } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'case',
  pluralName: 'cases',
  displayName: 'Кейсы и лучшие практики',
  description: 'Описание практики наставничества; публикуется после одобрения методистом',
  draftAndPublish: true,
  access: 'public',
  tenancy: 'organisation',
  publicFields: ['title', 'slug', 'summary', 'form', 'audience', 'problem', 'solution', 'results', 'materials', 'organisation', 'authors', 'tags', 'sourceUrl', 'periodText'],
  mainField: 'title',
  listColumns: ['title', 'form', 'reviewState', 'organisation'],
  attributes: {
    title: { type: 'string', required: true, label: 'Название' },
    slug: { type: 'string', unique: true, label: 'Адрес (slug)' },
    summary: { type: 'text', label: 'Кратко' },
    form: enumField(mentoringForms, 'Форма наставничества'),
    audience: { type: 'string', label: 'Для кого' },
    problem: { type: 'text', label: 'Проблема' },
    solution: { type: 'richtext', label: 'Что сделано' },
    results: { type: 'text', label: 'Результаты (с цифрами)' },
    materials: { type: 'media', multiple: true, allowedTypes: ['files', 'images'], label: 'Материалы' },
    organisation: organisationRelation(),
    authors: { type: 'component', component: 'nastavnik.case-author', repeatable: true, label: 'Авторы' },
    tags: { type: 'json', label: 'Теги' },
    sourceUrl: { type: 'string', label: 'Источник (адрес страницы)' },
    periodText: { type: 'string', label: 'Период' },
    reviewState: enumField(caseReviewStates, 'Рассмотрение', { required: true, default: 'draft' }),
    reviewerNote: { type: 'text', label: 'Замечания методиста' },
    reviewedAt: { type: 'datetime', label: 'Рассмотрен' },
  },
});

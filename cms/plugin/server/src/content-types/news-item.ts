import { newsKinds } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'news-item',
  pluralName: 'news-items',
  displayName: 'Новости и события',
  description: 'Новости, мероприятия, конкурсы и итоговые мероприятия раздела',
  draftAndPublish: true,
  access: 'public',
  tenancy: 'organisation',
  publicFields: ['organisation', 'title', 'slug', 'kind', 'date', 'body', 'images'],
  mainField: 'title',
  listColumns: ['date', 'title', 'kind', 'organisation'],
  attributes: {
    organisation: organisationRelation(),
    title: { type: 'string', required: true, label: 'Заголовок' },
    slug: { type: 'string', label: 'Адрес (slug)' },
    kind: enumField(newsKinds, 'Вид', { required: true, default: 'news' }),
    date: { type: 'date', required: true, label: 'Дата' },
    body: { type: 'richtext', sanitize: 'richText', label: 'Текст' },
    images: { type: 'media', multiple: true, allowedTypes: ['images'], label: 'Изображения' },
  },
});

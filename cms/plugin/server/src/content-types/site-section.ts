/** The public «Наставничество» section of an organisation; the curator's contact only with consent. */
import { contactWithPublicationConsent } from '@nastavnik/shared';
import { defineContentType, organisationRelation, manyToMany } from './define.js';

export default defineContentType({
  singularName: 'site-section',
  pluralName: 'site-sections',
  displayName: 'Раздел сайта «Наставничество»',
  description: 'Публичный раздел организации: документы, куратор, программы, кейсы, показатели',
  draftAndPublish: true,
  access: 'public',
  tenancy: 'organisation',
  publicFields: [
    'organisation',
    'title',
    'intro',
    'documents',
    'curatorContact',
    'featuredProgrammes',
    'featuredCases',
    'showKpis',
    'showRoadmap',
    'joinUrl',
  ],
  publicRedact: { curatorContact: contactWithPublicationConsent },
  mainField: 'title',
  listColumns: ['title', 'organisation', 'showKpis', 'showRoadmap'],
  attributes: {
    organisation: organisationRelation(),
    title: { type: 'string', required: true, default: 'Наставничество', label: 'Заголовок' },
    intro: {
      type: 'richtext',
      sanitize: 'richText',
      label: 'Вступление: что такое целевая модель наставничества',
    },
    documents: {
      type: 'component',
      component: 'nastavnik.document-link',
      repeatable: true,
      label: 'Нормативные документы',
    },
    curatorContact: {
      type: 'component',
      component: 'nastavnik.contact',
      repeatable: false,
      label: 'Куратор и контакты',
    },
    featuredProgrammes: manyToMany('programme', 'Программы на странице'),
    featuredCases: manyToMany('case', 'Кейсы на странице'),
    showKpis: { type: 'boolean', default: true, label: 'Показывать показатели' },
    showRoadmap: { type: 'boolean', default: true, label: 'Показывать дорожную карту' },
    joinUrl: { type: 'string', label: 'Ссылка на анкету «Как стать участником»' },
  },
});

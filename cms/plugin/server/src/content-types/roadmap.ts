import { roadmapLevels, roadmapStates } from '@nastavnik/shared';
import { shorten } from '../text.js';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'roadmap',
  pluralName: 'roadmaps',
  displayName: 'Дорожные карты',
  description: 'План мероприятий по внедрению целевой модели наставничества, утверждённый приказом',
  draftAndPublish: true,
  access: 'public',
  tenancy: 'organisation',
  publicFields: [
    'title',
    'shortTitle',
    'organisation',
    'level',
    'periodStart',
    'periodEnd',
    'approvalOrderNumber',
    'approvalDate',
    'approver',
    'approvalText',
    'academicYear',
    'sections',
    'workingGroup',
    'roadmapState',
    'activities',
    'version',
  ],
  rules: {
    // Lists and headers need a short title; a road map's full title is often a paragraph.
    beforeWrite({ data }) {
      if (data && typeof data.title === 'string' && !data.shortTitle) data.shortTitle = shorten(data.title);
    },
  },
  mainField: 'shortTitle',
  listColumns: ['shortTitle', 'organisation', 'periodStart', 'periodEnd', 'roadmapState'],
  attributes: {
    title: { type: 'text', required: true, label: 'Название' },
    shortTitle: {
      type: 'string',
      maxLength: 255,
      label: 'Краткое название',
      description: 'Для списков и заголовков; при импорте берётся из начала названия',
    },
    organisation: organisationRelation(),
    level: enumField(roadmapLevels, 'Уровень', { required: true, default: 'organisation' }),
    periodStart: { type: 'date', label: 'Период: начало' },
    periodEnd: { type: 'date', label: 'Период: окончание' },
    approvalOrderNumber: { type: 'string', label: 'Номер приказа об утверждении' },
    approvalDate: { type: 'date', label: 'Дата приказа' },
    approver: { type: 'string', label: 'Кем утверждена' },
    approvalText: { type: 'text', label: 'Гриф утверждения как в документе' },
    academicYear: { type: 'boolean', default: false, label: 'Период считается учебными годами' },
    sections: {
      type: 'json',
      label: 'Разделы',
      description: 'Разделы и этапы как в документе: номер, название, уровень',
    },
    workingGroup: {
      type: 'component',
      component: 'nastavnik.working-group-member',
      repeatable: true,
      label: 'Рабочая группа',
    },
    sourceDocument: { type: 'media', multiple: false, allowedTypes: ['files'], label: 'Исходный документ' },
    sourceName: { type: 'string', label: 'Имя исходного файла' },
    sourceText: { type: 'richtext', label: 'Текст исходного документа' },
    sourceHash: {
      type: 'string',
      label: 'Отпечаток исходного документа',
      description: 'Позволяет распознать повторный импорт того же документа',
    },
    version: { type: 'integer', default: 1, min: 1, label: 'Версия' },
    roadmapState: enumField(roadmapStates, 'Состояние', { required: true, default: 'approved' }),
    activities: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::nastavnik.roadmap-activity',
      mappedBy: 'roadmap',
      label: 'Мероприятия',
    },
    importWarnings: { type: 'json', label: 'Предупреждения импорта' },
  },
});

import { roadmapLevels, roadmapStates } from '@nastavnik/shared';
import { shorten } from '../text.js';
import { defineContentType, enumField, organisationRelation, type WriteEvent } from './define.js';

/** What belongs to a road map and goes with it: its activities and its KPIs. */
const PARTS = ['plugin::nastavnik.roadmap-activity', 'plugin::nastavnik.kpi-indicator'] as const;

/**
 * Rows of the parts of road maps being deleted, noted before the delete (when the links still show
 * them) and removed after it succeeded: a refused or failed delete removes nothing.
 */
const partsOfDeleted = new Map<string, Array<{ uid: (typeof PARTS)[number]; ids: number[] }>>();

async function noteParts({ strapi, action, documentId }: WriteEvent) {
  if (action !== 'delete' || !documentId) return;
  const rows = (await strapi.db
    .query('plugin::nastavnik.roadmap')
    .findMany({ where: { documentId }, select: ['id'] })) as Array<{ id: number }>;
  const roadmapIds = rows.map((r) => r.id);
  const parts = [];
  for (const uid of PARTS) {
    const found = (await strapi.db
      .query(uid)
      .findMany({ where: { roadmap: { id: { $in: roadmapIds } } }, select: ['id'] })) as Array<{
      id: number;
    }>;
    parts.push({ uid, ids: found.map((r) => r.id) });
  }
  partsOfDeleted.set(documentId, parts);
}

async function removeParts({ strapi, action, documentId }: WriteEvent) {
  if (action !== 'delete' || !documentId) return;
  const parts = partsOfDeleted.get(documentId);
  partsOfDeleted.delete(documentId);
  // Only rows the delete left without a road map: a part moved to another road map meanwhile stays.
  for (const { uid, ids } of parts ?? []) {
    if (!ids.length) continue;
    const orphans = (await strapi.db.query(uid).findMany({
      where: { id: { $in: ids }, roadmap: { id: { $null: true } } },
      select: ['id'],
    })) as Array<{ id: number }>;
    if (orphans.length)
      await strapi.db.query(uid).deleteMany({ where: { id: { $in: orphans.map((r) => r.id) } } });
  }
}

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
    async beforeWrite(event) {
      const { data } = event;
      if (data && typeof data.title === 'string' && !data.shortTitle) data.shortTitle = shorten(data.title);
      await noteParts(event);
    },
    // Deleted from anywhere (the Content Manager, GraphQL, REST, a replacing import), a road map takes its
    // activities and KPIs with it; none is left without a road map.
    afterWrite: removeParts,
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

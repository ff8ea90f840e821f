/**
 * A moment of the internal monitoring (the road maps' December and May): the KPI values and participant
 * counts of an organisation's subtree as they were then, so that later edits of people and pairs do not
 * rewrite what was reported. Made by `nastavnikFreezeMonitoring`; never changed afterwards.
 */
import { errors } from '@strapi/utils';
import { kpiReportSchema } from '@nastavnik/shared';
import { defineContentType, organisationRelation, type WriteEvent } from './define.js';

const FROZEN = ['report', 'counts', 'year', 'takenAt', 'organisation'];

function keepFrozen({ action, data }: WriteEvent) {
  if (action !== 'update' || !data) return;
  const changed = FROZEN.filter((field) => field in data);
  if (changed.length) {
    throw new errors.ValidationError(
      `Срез мониторинга не изменяется (поля: ${changed.join(', ')}): сделайте новый срез.`,
      { path: [changed[0]] },
    );
  }
}

export default defineContentType({
  singularName: 'monitoring-snapshot',
  pluralName: 'monitoring-snapshots',
  displayName: 'Срезы мониторинга',
  description:
    'Показатели и численность участников на момент внутреннего мониторинга: не меняются при последующих правках',
  access: 'private',
  tenancy: 'organisation',
  rules: { beforeWrite: keepFrozen },
  mainField: 'label',
  listColumns: ['label', 'year', 'takenAt', 'organisation'],
  attributes: {
    organisation: organisationRelation(),
    label: { type: 'string', required: true, label: 'Название среза (например, «Мониторинг, декабрь 2025»)' },
    year: { type: 'integer', required: true, label: 'Год показателей' },
    takenAt: { type: 'datetime', required: true, label: 'Когда сделан' },
    report: {
      type: 'json',
      required: true,
      schema: kpiReportSchema,
      label: 'Показатели',
      description: 'Значения показателей организации и по подведомственным, с числителями и знаменателями',
    },
    counts: {
      type: 'json',
      required: true,
      label: 'Численность участников',
      description:
        'Наставники и наставляемые по категориям, возрасту и формам; пары; партнёры (по всему поддереву)',
    },
  },
});

import { kpiMetricKinds } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation, manyToOne } from './define.js';

export default defineContentType({
  singularName: 'kpi-indicator',
  pluralName: 'kpi-indicators',
  displayName: 'Показатели эффективности',
  description: 'Показатель с формулой, плановыми значениями по годам и фактом',
  access: 'public',
  tenancy: 'organisation',
  publicFields: [
    'organisation',
    'roadmap',
    'code',
    'title',
    'formula',
    'metricKind',
    'unit',
    'targets',
    'actuals',
    'order',
  ],
  mainField: 'title',
  listColumns: ['code', 'title', 'unit', 'metricKind', 'organisation'],
  attributes: {
    organisation: organisationRelation(),
    roadmap: manyToOne('roadmap', 'Дорожная карта'),
    code: { type: 'string', label: 'Код' },
    title: { type: 'text', required: true, label: 'Показатель' },
    formula: { type: 'text', label: 'Формула расчёта' },
    metricKind: enumField(kpiMetricKinds, 'Способ получения', { required: true, default: 'manual' }),
    unit: { type: 'string', default: '%', label: 'Единица' },
    targets: {
      type: 'component',
      component: 'nastavnik.yearly-value',
      repeatable: true,
      label: 'План по годам',
    },
    actuals: {
      type: 'component',
      component: 'nastavnik.yearly-value',
      repeatable: true,
      label: 'Факт по годам',
    },
    order: { type: 'integer', default: 0, label: 'Порядок' },
  },
});

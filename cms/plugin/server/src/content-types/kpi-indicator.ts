import { kpiDefinitionSchema, kpiMetricKinds, type KpiDefinition } from '@nastavnik/shared';
import { errors } from '@strapi/utils';
import { defineContentType, enumField, organisationRelation, manyToOne, type WriteEvent } from './define.js';

/** A computed KPI needs a definition the database can answer; a manual one may carry the reason. */
function checkKind({ action, data }: WriteEvent) {
  if (!data || (action !== 'create' && action !== 'update')) return;
  const definition = data.definition as KpiDefinition | null | undefined;
  if (action === 'create' && data.metricKind === 'computed' && !definition) {
    throw new errors.ValidationError('Вычисляемому показателю нужно определение (поле definition).', {
      path: ['definition'],
    });
  }
  if (definition?.kind === 'manual' && data.metricKind === 'computed') {
    throw new errors.ValidationError(
      'Определение вида manual: показатель вводится вручную, metricKind должен быть manual.',
      { path: ['metricKind'] },
    );
  }
}

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
    'definition',
    'targets',
    'actuals',
    'order',
  ],
  rules: { beforeWrite: checkKind },
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
    definition: {
      type: 'json',
      schema: kpiDefinitionSchema,
      label: 'Как вычисляется',
      description:
        'Числитель и знаменатель: kind participation (люди в парах из контингента), partners, satisfaction или manual с причиной (reason)',
    },
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

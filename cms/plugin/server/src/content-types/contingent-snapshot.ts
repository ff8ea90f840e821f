import { snapshotKinds } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'contingent-snapshot',
  pluralName: 'contingent-snapshots',
  displayName: 'Контингент',
  description: 'Численность обучающихся и педагогов на дату: факт или прогноз (знаменатели показателей)',
  access: 'public',
  tenancy: 'organisation',
  publicFields: ['organisation', 'date', 'snapshotKind', 'metrics'],
  mainField: 'date',
  listColumns: ['date', 'snapshotKind', 'organisation'],
  attributes: {
    organisation: organisationRelation(),
    date: { type: 'date', required: true, label: 'Дата' },
    snapshotKind: enumField(snapshotKinds, 'Факт или прогноз', { required: true }),
    metrics: { type: 'component', component: 'nastavnik.metric', repeatable: true, label: 'Показатели' },
  },
});

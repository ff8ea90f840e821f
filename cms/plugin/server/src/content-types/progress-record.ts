import { progressMoments, progressSources } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation, manyToOne } from './define.js';

export default defineContentType({
  singularName: 'progress-record',
  pluralName: 'progress-records',
  displayName: 'Замеры результатов',
  description: 'Средний балл, посещаемость, шкалы анкет: замеры в начале и в конце программы',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'metric',
  listColumns: ['person', 'metric', 'moment', 'value', 'source'],
  attributes: {
    person: manyToOne('person', 'Участник'),
    pair: manyToOne('pair', 'Пара или группа'),
    organisation: organisationRelation(),
    metric: { type: 'string', required: true, label: 'Показатель (average_grade, attendance …)' },
    moment: enumField(progressMoments, 'Момент замера', { required: true }),
    value: { type: 'decimal', required: true, label: 'Значение' },
    recordedAt: { type: 'date', label: 'Дата замера' },
    source: enumField(progressSources, 'Источник', { required: true, default: 'manual' }),
  },
});

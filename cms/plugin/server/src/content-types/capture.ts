import { captureKinds, captureStates } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'capture',
  pluralName: 'captures',
  displayName: 'Данные из расширения',
  description:
    'Что сотрудник собрал расширением браузера: список класса, оценки, таблица, статья, проверка сайта',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'sourceUrl',
  listColumns: ['kind', 'sourceUrl', 'captureState', 'createdAt'],
  attributes: {
    organisation: organisationRelation(),
    kind: enumField(captureKinds, 'Что собрано', { required: true }),
    sourceUrl: { type: 'string', required: true, label: 'Адрес страницы' },
    adapter: { type: 'string', required: true, label: 'Обработчик страницы' },
    payload: { type: 'json', required: true, label: 'Данные' },
    idempotencyKey: { type: 'string', required: true, unique: true, label: 'Ключ повторной отправки' },
    capturedBy: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::users-permissions.user',
      label: 'Кто собрал',
    },
    captureState: enumField(captureStates, 'Состояние', { required: true, default: 'new' }),
    error: { type: 'text', label: 'Ошибка применения' },
    appliedAt: { type: 'datetime', label: 'Применено' },
  },
  // One capture per key even when the extension's retries arrive at the same moment. Before the index
  // existed, such retries could both be stored: the first one stored is the capture, the rest repeats.
  uniqueIndexes: [
    {
      name: 'nastavnik_captures_idempotency_key_uq',
      columns: ['idempotency_key'],
      existingDuplicates: 'keep-oldest',
    },
  ],
});

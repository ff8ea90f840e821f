/**
 * The access log of personal data (152-ФЗ): who read or changed which participants (with their consents),
 * questionnaire answers and progress records, when and through which path. It names records by their
 * documentId and never holds the values themselves. Written only by the plugin (`security/audit.ts`);
 * the organisation's curator reads it; entries older than the configured retention are removed.
 */
import { accessActions, accessActorKinds } from '@nastavnik/shared';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'access-log',
  pluralName: 'access-logs',
  displayName: 'Журнал доступа к персональным данным',
  description:
    'Кто, когда и каким путём читал или менял записи участников (с согласиями), ответы на анкеты и замеры — без самих данных',
  access: 'private',
  tenancy: 'organisation',
  rules: {
    authorizeUser() {
      throw new errors.ForbiddenError('Журнал доступа ведётся автоматически: изменять его нельзя.');
    },
  },
  mainField: 'targetType',
  listColumns: ['at', 'action', 'targetType', 'userRole', 'path'],
  attributes: {
    organisation: organisationRelation('Организация, чьи данные'),
    at: { type: 'datetime', required: true, label: 'Когда' },
    actorKind: enumField(accessActorKinds, 'Кто обращался', { required: true }),
    userId: { type: 'integer', label: 'Пользователь API (id)' },
    userRole: { type: 'string', label: 'Роль пользователя' },
    action: enumField(accessActions, 'Действие', { required: true }),
    targetType: { type: 'string', required: true, label: 'Тип записей' },
    documentIds: {
      type: 'json',
      schema: z.array(z.string()),
      label: 'Записи (documentId)',
    },
    count: { type: 'integer', label: 'Сколько записей' },
    path: { type: 'string', label: 'Путь (операция GraphQL или маршрут REST)' },
  },
});

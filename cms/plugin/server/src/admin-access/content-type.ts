/**
 * Which organisation an admin-panel account works for. The account's Nastavnik role comes from its admin
 * role (see roles.ts); this record binds its e-mail to an organisation. Only super admins manage it: no
 * plugin role is granted this type, it has no content-API routes and no GraphQL operations.
 */
import { defineContentType } from '../content-types/define.js';

export default defineContentType({
  singularName: 'admin-access',
  pluralName: 'admin-accesses',
  displayName: 'Доступ к админ-панели',
  description:
    'Организация, в которой работает учётная запись админ-панели с ролью «Наставничество: куратор / методист / редактор»',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'email',
  listColumns: ['email', 'organisation'],
  attributes: {
    email: {
      type: 'email',
      required: true,
      unique: true,
      label: 'E-mail учётной записи',
      description: 'Тот же адрес, что у пользователя в «Настройки → Пользователи»',
    },
    organisation: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::nastavnik.organisation',
      label: 'Организация',
    },
  },
});

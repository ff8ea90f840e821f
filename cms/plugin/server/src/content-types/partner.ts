import { partnerKinds } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation } from './define.js';

export default defineContentType({
  singularName: 'partner',
  pluralName: 'partners',
  displayName: 'Партнёры',
  description: 'Организации-партнёры, предоставляющие наставников, и соглашения с ними',
  access: 'public',
  tenancy: 'organisation',
  publicFields: ['organisation', 'name', 'kind'],
  mainField: 'name',
  listColumns: ['name', 'kind', 'mentorsProvided', 'organisation'],
  attributes: {
    organisation: organisationRelation(),
    name: { type: 'string', required: true, label: 'Название' },
    kind: enumField(partnerKinds, 'Вид', { required: true }),
    agreement: {
      type: 'component',
      component: 'nastavnik.agreement',
      repeatable: false,
      label: 'Соглашение',
    },
    mentorsProvided: { type: 'integer', min: 0, default: 0, label: 'Предоставлено наставников' },
  },
});

import { organisationKinds } from '@nastavnik/shared';
import { invalidateOrganisations } from '../tenancy/organisations.js';
import { defineContentType, enumField } from './define.js';

export default defineContentType({
  singularName: 'organisation',
  pluralName: 'organisations',
  displayName: 'Организации',
  description:
    'Школы, колледжи, органы управления образованием и центры: дерево регион → муниципалитет → организация',
  access: 'public',
  tenancy: 'self',
  publicFields: [
    'name',
    'shortName',
    'slug',
    'kind',
    'parent',
    'children',
    'region',
    'municipality',
    'website',
    'timezone',
  ],
  // The tree is cached for tenancy checks: any change to an organisation may move a subtree.
  rules: { afterWrite: () => invalidateOrganisations() },
  mainField: 'name',
  listColumns: ['name', 'kind', 'municipality', 'parent'],
  attributes: {
    name: { type: 'string', required: true, label: 'Полное название' },
    shortName: { type: 'string', label: 'Краткое название' },
    slug: {
      type: 'string',
      required: true,
      unique: true,
      regex: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      label: 'Адрес (slug)',
      description: 'Латиница, цифры и дефисы; часть адреса публичной страницы',
    },
    kind: enumField(organisationKinds, 'Вид организации', { required: true }),
    parent: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::nastavnik.organisation',
      inversedBy: 'children',
      label: 'Вышестоящая организация',
    },
    children: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::nastavnik.organisation',
      mappedBy: 'parent',
      label: 'Подведомственные организации',
    },
    region: { type: 'string', label: 'Регион' },
    municipality: { type: 'string', label: 'Муниципалитет' },
    website: { type: 'string', label: 'Сайт' },
    timezone: {
      type: 'string',
      default: 'Europe/Moscow',
      required: true,
      label: 'Часовой пояс',
      description: 'IANA, например Europe/Moscow или Asia/Yekaterinburg',
    },
    isDemo: { type: 'boolean', default: false, label: 'Демонстрационные данные' },
  },
});

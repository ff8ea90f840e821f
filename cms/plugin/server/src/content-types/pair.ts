import { mentoringForms, pairKinds, pairStatuses } from '@nastavnik/shared';
import { defineContentType, enumField, organisationRelation, manyToMany, manyToOne } from './define.js';

export default defineContentType({
  singularName: 'pair',
  pluralName: 'pairs',
  displayName: 'Пары и группы',
  description: 'Наставнические пары, группы и триады с приказом об утверждении и планом развития',
  access: 'private',
  tenancy: 'organisation',
  mainField: 'title',
  listColumns: ['title', 'kind', 'form', 'pairStatus', 'programme'],
  attributes: {
    title: { type: 'string', required: true, label: 'Название (например, «Иванова – Петров»)' },
    programme: manyToOne('programme', 'Программа'),
    organisation: organisationRelation(),
    mentors: manyToMany('person', 'Наставники'),
    mentees: manyToMany('person', 'Наставляемые'),
    kind: enumField(pairKinds, 'Вид', { required: true, default: 'pair' }),
    form: enumField(mentoringForms, 'Форма наставничества', { required: true }),
    approvalOrderNumber: { type: 'string', label: 'Номер приказа об утверждении' },
    approvalOrderDate: { type: 'date', label: 'Дата приказа' },
    pairStatus: enumField(pairStatuses, 'Состояние', { required: true, default: 'proposed' }),
    dissolutionReason: { type: 'text', label: 'Причина расформирования' },
    matchScore: { type: 'decimal', min: 0, max: 100, label: 'Оценка совпадения, %' },
    matchExplanation: { type: 'text', label: 'Почему подобрана пара' },
    developmentPlan: {
      type: 'component',
      component: 'nastavnik.plan-goal',
      repeatable: true,
      label: 'Индивидуальный план развития',
    },
    isDemo: { type: 'boolean', default: false, label: 'Демонстрационные данные' },
  },
});

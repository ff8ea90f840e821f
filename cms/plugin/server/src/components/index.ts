/**
 * Plugin components. Strapi has no components folder for plugins, so `register()` adds these to the
 * components registry under the `nastavnik` category (GraphQL: `ComponentNastavnik…`).
 */
import {
  activityStatuses,
  consentGivers,
  documentKinds,
  mentorAwardKinds,
  programmeStages,
  targetBounds,
} from '@nastavnik/shared';
import { defineComponent, enumField } from '../content-types/define.js';

export const components = [
  defineComponent({
    name: 'consent',
    displayName: 'Согласие на обработку персональных данных',
    description: '152-ФЗ: кто дал согласие, на что, когда и до какого срока',
    attributes: {
      givenBy: enumField(consentGivers, 'Кто дал согласие', { required: true }),
      representativeName: { type: 'string', label: 'ФИО законного представителя' },
      processing: { type: 'boolean', default: false, label: 'Согласие на обработку' },
      publication: { type: 'boolean', default: false, label: 'Согласие на публикацию (имя, фото, кейс)' },
      signedAt: { type: 'date', label: 'Дата подписания' },
      document: { type: 'media', multiple: false, allowedTypes: ['files', 'images'], label: 'Скан согласия' },
      validUntil: { type: 'date', label: 'Действует до' },
      withdrawnAt: { type: 'datetime', label: 'Отозвано' },
    },
  }),
  defineComponent({
    name: 'feedback',
    displayName: 'Обратная связь',
    description: 'Оценка встречи одной из сторон',
    attributes: {
      rating: { type: 'integer', min: 1, max: 10, label: 'Оценка (1–10)' },
      comment: { type: 'text', label: 'Комментарий' },
    },
  }),
  defineComponent({
    name: 'stage-dates',
    displayName: 'Этап программы',
    description: 'Сроки одного из семи этапов программы наставничества',
    attributes: {
      stage: enumField(programmeStages, 'Этап', { required: true }),
      start: { type: 'date', label: 'Начало' },
      end: { type: 'date', label: 'Окончание' },
    },
  }),
  defineComponent({
    name: 'plan-goal',
    displayName: 'Цель плана развития',
    description: 'Цель индивидуального плана развития наставляемого',
    attributes: {
      goal: { type: 'text', required: true, label: 'Цель' },
      progress: { type: 'integer', min: 0, max: 100, default: 0, label: 'Выполнение, %' },
      dueDate: { type: 'date', label: 'Срок' },
      goalStatus: enumField(activityStatuses, 'Состояние', {
        default: 'planned',
        description: 'Как у мероприятий дорожной карты: выполненная цель без результата не сохраняется',
      }),
      result: { type: 'text', label: 'Результат' },
      completedAt: { type: 'date', label: 'Дата выполнения' },
    },
  }),
  defineComponent({
    name: 'award',
    displayName: 'Награда наставника',
    description: 'Благодарность, грамота, «Лучший наставник»; на сайте — только с согласием на публикацию',
    attributes: {
      kind: enumField(mentorAwardKinds, 'Вид', { required: true }),
      title: { type: 'string', label: 'Формулировка (например, «за подготовку победителя олимпиады»)' },
      date: { type: 'date', required: true, label: 'Дата' },
      reason: { type: 'text', label: 'За что' },
      orderNumber: { type: 'string', label: 'Номер приказа или решения' },
      publish: {
        type: 'boolean',
        default: false,
        label: 'Публиковать на сайте',
        description: 'Только при согласии наставника на публикацию',
      },
    },
  }),
  defineComponent({
    name: 'working-group-member',
    displayName: 'Член рабочей группы',
    description: 'Участник рабочей группы по внедрению целевой модели',
    attributes: {
      name: { type: 'string', required: true, label: 'ФИО' },
      position: { type: 'text', label: 'Должность' },
      groupRole: { type: 'string', label: 'Роль в группе' },
    },
  }),
  defineComponent({
    name: 'yearly-value',
    displayName: 'Значение за год',
    description: 'Плановое или фактическое значение показателя за год',
    attributes: {
      year: { type: 'integer', required: true, label: 'Год' },
      value: { type: 'decimal', required: true, label: 'Значение' },
      bound: enumField(targetBounds, 'Граница плана', {
        default: 'exact',
        description: '«не менее 5%» — нижняя граница; число в таблице — плановое значение',
      }),
    },
  }),
  defineComponent({
    name: 'metric',
    displayName: 'Показатель контингента',
    description: 'Численный показатель на дату',
    attributes: {
      code: { type: 'string', required: true, label: 'Код' },
      label: { type: 'text', required: true, label: 'Показатель' },
      value: { type: 'decimal', required: true, label: 'Значение' },
    },
  }),
  defineComponent({
    name: 'case-author',
    displayName: 'Автор кейса',
    description: 'Имя автора публикуется только с согласием на публикацию',
    attributes: {
      name: { type: 'string', required: true, label: 'ФИО' },
      authorRole: { type: 'string', label: 'Роль (наставник, куратор …)' },
      publicationConsent: { type: 'boolean', default: false, label: 'Согласие на публикацию имени' },
    },
  }),
  defineComponent({
    name: 'document-link',
    displayName: 'Документ',
    description: 'Нормативный документ раздела «Наставничество»',
    attributes: {
      kind: enumField(documentKinds, 'Вид документа', { required: true }),
      title: { type: 'string', required: true, label: 'Название' },
      file: { type: 'media', multiple: false, allowedTypes: ['files', 'images'], label: 'Файл' },
      url: { type: 'string', label: 'Ссылка' },
      date: { type: 'date', label: 'Дата' },
    },
  }),
  defineComponent({
    name: 'contact',
    displayName: 'Контакт куратора',
    description: 'Публикуется только с согласием',
    attributes: {
      name: { type: 'string', label: 'ФИО' },
      position: { type: 'string', label: 'Должность' },
      phone: { type: 'string', label: 'Телефон' },
      email: { type: 'email', label: 'Эл. почта' },
      publicationConsent: { type: 'boolean', default: false, label: 'Согласие на публикацию' },
    },
  }),
  defineComponent({
    name: 'agreement',
    displayName: 'Соглашение',
    description: 'Соглашение с организацией-партнёром',
    attributes: {
      number: { type: 'string', label: 'Номер' },
      date: { type: 'date', label: 'Дата' },
      subject: { type: 'text', label: 'Предмет' },
      file: { type: 'media', multiple: false, allowedTypes: ['files'], label: 'Файл' },
    },
  }),
] as const;

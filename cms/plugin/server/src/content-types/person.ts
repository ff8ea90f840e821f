/**
 * A mentor or mentee. Never public. Every write passes the personal-data rule (`decidePersonWrite` in
 * `shared/src/consent.ts`): no person without a sufficient consent (a minor's from a legal
 * representative), someone taken from a class list keeps only name and class until the consent is
 * signed, withdrawal anonymises, and an anonymised person never gets identifying data back.
 */
import { errors } from '@strapi/utils';
import {
  awardProblems,
  decidePersonWrite,
  mentorAwardSchema,
  personCategories,
  preferredFormsSchema,
  teacherGroups,
  type AwardHolder,
  type StoredPerson,
} from '@nastavnik/shared';
import { z } from 'zod';
import { fieldValidationError } from '../validation.js';
import { defineContentType, enumField, manyToOne, organisationRelation, type WriteEvent } from './define.js';
import { afterWithdrawal, noteWithdrawal, type WithdrawnPerson } from '../consent/withdrawal.js';

const PERSON = 'plugin::nastavnik.person';

const today = () => new Date().toISOString().slice(0, 10);

async function applyPersonalDataRule({ strapi, action, documentId, data }: WriteEvent) {
  if ((action !== 'create' && action !== 'update') || !data) return;
  const current =
    action === 'update' && documentId
      ? (((await strapi.db.query(PERSON).findOne({
          where: { documentId },
          select: [
            'category',
            'birthDate',
            'birthYear',
            'anonymised',
            'awaitingConsent',
            'fullName',
            'email',
            'phone',
          ],
          populate: { consent: true },
        })) as (StoredPerson & WithdrawnPerson) | null) ?? {})
      : undefined;
  const decision = decidePersonWrite(current, data, today());
  if (decision.kind === 'replace') {
    // The consent is being withdrawn now: what identified the person is removed from public text after
    // the write (afterWrite), when it is sure to stand.
    if (decision.data.anonymised === true && current && !current.anonymised) noteWithdrawal(data, current);
    // The replacement holds every field written, changed where the rule says so.
    Object.assign(data, decision.data);
  } else if (decision.kind === 'refuse') {
    throw new errors.ValidationError(decision.problems.map((p) => p.message).join(' '), {
      errors: decision.problems.map((p) => ({
        path: p.field.split('.'),
        message: p.message,
        name: 'ValidationError',
      })),
    });
  }
}

/**
 * Awards of a mentor: only a mentor receives them, and one marked for the site needs the mentor's
 * consent to publication (the public section checks it again when it shows them).
 */
async function checkAwards({ strapi, action, documentId, data }: WriteEvent) {
  if ((action !== 'create' && action !== 'update') || !data || !Array.isArray(data.awards)) return;
  const awards = z
    .array(mentorAwardSchema)
    .safeParse(
      data.awards.map((a: unknown) =>
        a && typeof a === 'object' ? Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'id')) : a,
      ),
    );
  if (!awards.success) throw fieldValidationError(awards.error, ['awards']);
  const current =
    action === 'update' && documentId
      ? ((await strapi.db.query(PERSON).findOne({
          where: { documentId },
          select: ['isMentor', 'anonymised'],
          populate: { consent: true },
        })) as AwardHolder | null)
      : null;
  const merged: AwardHolder = {
    isMentor: (data.isMentor as boolean | undefined) ?? current?.isMentor,
    anonymised: (data.anonymised as boolean | undefined) ?? current?.anonymised,
    consent: (data.consent as AwardHolder['consent'] | undefined) ?? current?.consent,
  };
  const [problem] = awardProblems(merged, awards.data);
  if (problem) throw new errors.ValidationError(problem, { path: ['awards'] });
}

async function beforePersonWrite(event: WriteEvent) {
  await applyPersonalDataRule(event);
  await checkAwards(event);
}

export default defineContentType({
  singularName: 'person',
  pluralName: 'persons',
  displayName: 'Участники (наставники и наставляемые)',
  description: 'База наставников и наставляемых. Персональные данные: никогда не публикуются',
  access: 'private',
  tenancy: 'organisation',
  rules: {
    beforeWrite: beforePersonWrite,
    async afterWrite({ strapi, documentId, data }) {
      const withdrawnAt = (data?.consent as { withdrawnAt?: unknown } | undefined)?.withdrawnAt;
      if (data && typeof withdrawnAt === 'string')
        await afterWithdrawal(strapi, data, documentId, withdrawnAt);
    },
  },
  mainField: 'fullName',
  listColumns: [
    'fullName',
    'category',
    'classOrGroup',
    'isMentor',
    'isMentee',
    'awaitingConsent',
    'awaitingCurator',
  ],
  attributes: {
    fullName: { type: 'string', required: true, label: 'ФИО' },
    birthDate: { type: 'date', label: 'Дата рождения' },
    birthYear: { type: 'integer', min: 1900, max: 2100, label: 'Год рождения' },
    category: enumField(personCategories, 'Категория', { required: true }),
    organisation: organisationRelation(),
    classOrGroup: { type: 'string', label: 'Класс или группа' },
    teachingExperienceYears: { type: 'decimal', min: 0, label: 'Педагогический стаж, лет' },
    teacherGroup: enumField(teacherGroups, 'Группа педагогов (А–Г)'),
    email: { type: 'email', label: 'Эл. почта' },
    phone: { type: 'string', label: 'Телефон' },
    competencies: { type: 'text', label: 'Компетенции' },
    interests: { type: 'text', label: 'Интересы' },
    requests: { type: 'text', label: 'Запросы' },
    preferredForms: {
      type: 'json',
      schema: preferredFormsSchema,
      label: 'Предпочитаемые формы наставничества',
      description: 'Список кодов форм, например ["pupil_pupil"]',
    },
    availability: { type: 'text', label: 'Доступность (дни, время)' },
    capacity: { type: 'integer', min: 0, label: 'Сколько наставляемых может вести' },
    partner: {
      ...manyToOne('partner', 'Организация-партнёр'),
      description: 'Откуда наставник: работодатель или вуз-партнёр (для форм «работодатель – …» обязательно)',
    },
    mentorInterviewAt: {
      type: 'date',
      label: 'Собеседование с наставником проведено',
      description: 'Этап 4 «Отбор и обучение наставников»: дата собеседования',
    },
    mentorTrainingAt: {
      type: 'date',
      label: 'Обучение наставников пройдено',
      description:
        'Этап 4: дата окончания обучения; без собеседования и обучения программа может не предлагать наставника',
    },
    isMentor: { type: 'boolean', default: false, label: 'Наставник' },
    awards: {
      type: 'component',
      component: 'nastavnik.award',
      repeatable: true,
      label: 'Награды и благодарности наставника',
    },
    isMentee: { type: 'boolean', default: false, label: 'Наставляемый' },
    consent: {
      type: 'component',
      component: 'nastavnik.consent',
      repeatable: false,
      label: 'Согласие на обработку ПДн',
    },
    awaitingConsent: {
      type: 'boolean',
      default: false,
      label: 'Ожидает согласия',
      description: 'Добавлен из списка класса: хранятся только ФИО и класс, пока не оформлено согласие',
    },
    awaitingCurator: {
      type: 'boolean',
      default: false,
      label: 'Заявка с сайта: ожидает куратора',
      description: 'Оставил заявку «Стать участником» на сайте; куратор проверяет её и снимает отметку',
    },
    anonymised: { type: 'boolean', default: false, label: 'Данные обезличены' },
    isDemo: { type: 'boolean', default: false, label: 'Демонстрационные данные' },
  },
});

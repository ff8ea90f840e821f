/**
 * The personal-data rule (152-ФЗ) as pure functions: who may be stored, and what is left of a person
 * once the consent is withdrawn. The CMS calls these on every write; the extension uses them to tell a
 * curator before sending what is missing.
 */
import { z } from 'zod';
import { consentGivers, personCategories } from './enums.js';

export const consentSchema = z.object({
  givenBy: consentGivers.schema,
  representativeName: z.string().trim().nullish(),
  processing: z.boolean(),
  publication: z.boolean().nullish(),
  signedAt: z.string().nullish(),
  validUntil: z.string().nullish(),
  withdrawnAt: z.string().nullish(),
});
export type Consent = z.infer<typeof consentSchema>;

export interface ConsentProblem {
  field: string;
  message: string;
}

export interface PersonForConsent {
  category?: string | null;
  birthDate?: string | null;
  birthYear?: number | null;
  consent?: Partial<Consent> | null;
}

const MINOR_CATEGORIES = new Set<string>(['pupil']);

/** Age in whole years on `today` (ISO date), or undefined when the birth date is unknown. */
export function ageOn(birthDate: string, today: string): number | undefined {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  const t = /^(\d{4})-(\d{2})-(\d{2})/.exec(today);
  if (!b || !t) return undefined;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ty, tm, td] = [Number(t[1]), Number(t[2]), Number(t[3])];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** A pupil, or anyone under 18 by birth date (or birth year when the date is unknown), is a minor. */
export function isMinor(person: PersonForConsent, today: string): boolean {
  if (person.birthDate) {
    const age = ageOn(person.birthDate, today);
    if (age !== undefined) return age < 18;
  }
  if (person.birthYear) return Number(today.slice(0, 4)) - person.birthYear < 18;
  return person.category != null && MINOR_CATEGORIES.has(person.category);
}

/** Everything that stops a person from being stored; an empty list means the consent is sufficient. */
export function consentProblems(person: PersonForConsent, today: string): ConsentProblem[] {
  const consent = person.consent;
  if (!consent) {
    return [
      {
        field: 'consent',
        message:
          'Нельзя сохранить участника без согласия на обработку персональных данных: заполните блок «Согласие» (кто дал согласие, дата подписания, отметка «Согласие на обработку»).',
      },
    ];
  }
  const problems: ConsentProblem[] = [];
  if (consent.processing !== true) {
    problems.push({
      field: 'consent.processing',
      message: 'Согласие должно включать обработку персональных данных (отметка «Согласие на обработку»).',
    });
  }
  if (!consent.givenBy || !consentGivers.values.includes(consent.givenBy)) {
    problems.push({
      field: 'consent.givenBy',
      message: 'Укажите, кто дал согласие: сам участник или законный представитель.',
    });
  }
  if (!consent.signedAt) {
    problems.push({ field: 'consent.signedAt', message: 'Укажите дату подписания согласия.' });
  }
  if (consent.givenBy === 'legal_representative' && !consent.representativeName?.trim()) {
    problems.push({
      field: 'consent.representativeName',
      message: 'Согласие дал законный представитель: укажите его ФИО.',
    });
  }
  if (consent.givenBy === 'self' && isMinor(person, today)) {
    problems.push({
      field: 'consent.givenBy',
      message:
        'Участник несовершеннолетний: согласие на обработку персональных данных даёт законный представитель (укажите его ФИО).',
    });
  }
  if (consent.validUntil && consent.validUntil < today && !consent.withdrawnAt) {
    problems.push({
      field: 'consent.validUntil',
      message: 'Срок действия согласия истёк: оформите новое согласие.',
    });
  }
  return problems;
}

export const ANONYMISED_NAME = 'Участник (данные обезличены)';

/**
 * What a person becomes after withdrawing consent: identifying fields are cleared, while the category,
 * organisation, class, birth year and participation flags stay so that counts in reports still add up.
 */
export function anonymisedPersonPatch(withdrawnAt: string, givenBy: Consent['givenBy']) {
  return {
    fullName: ANONYMISED_NAME,
    birthDate: null,
    email: null,
    phone: null,
    competencies: null,
    interests: null,
    requests: null,
    availability: null,
    anonymised: true,
    consent: {
      givenBy,
      representativeName: null,
      processing: false,
      publication: false,
      withdrawnAt,
    },
  };
}

export const personCategorySchema = personCategories.schema;

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

/** Fields that identify a person: after withdrawal of consent none of them may be filled again. */
export const IDENTIFYING_PERSON_FIELDS = [
  'fullName',
  'birthDate',
  'email',
  'phone',
  'competencies',
  'interests',
  'requests',
  'availability',
  'consent',
] as const;

/** Changes a consent does not cover: moving a person between classes, roles or organisations. */
const COUNTING_FIELDS = new Set(['isMentor', 'isMentee', 'classOrGroup', 'organisation']);

/** What may be stored about a person who only awaits a consent (taken from a class list). */
const AWAITING_FIELDS = new Set([
  'fullName',
  'category',
  'classOrGroup',
  'organisation',
  'isMentor',
  'isMentee',
  'awaitingConsent',
  'isDemo',
]);

export interface StoredPerson extends PersonForConsent {
  anonymised?: boolean | null;
  awaitingConsent?: boolean | null;
}

export type PersonWriteDecision =
  /** Store `data` as it is. */
  | { kind: 'store' }
  /** Store this instead of `data`: the consent was withdrawn, so the person is anonymised. */
  | { kind: 'replace'; data: Record<string, unknown> }
  | { kind: 'refuse'; problems: ConsentProblem[] };

/**
 * The personal-data rule for one write of a person: `current` is what is stored (absent on create),
 * `data` the fields being written. Withdrawal anonymises; an anonymised person never gets identifying
 * data back; someone awaiting a consent holds only the name and class; everyone else needs a
 * sufficient consent.
 */
export function decidePersonWrite(
  current: StoredPerson | undefined,
  data: Readonly<Record<string, unknown>>,
  today: string,
): PersonWriteDecision {
  if (current?.anonymised) {
    const identifying = IDENTIFYING_PERSON_FIELDS.find((f) => f in data);
    return identifying !== undefined
      ? {
          kind: 'refuse',
          problems: [
            {
              field: identifying,
              message:
                'Участник обезличен после отзыва согласия: его персональные данные нельзя внести снова. Создайте новую запись с новым согласием.',
            },
          ],
        }
      : { kind: 'store' };
  }
  if (current && Object.keys(data).every((f) => COUNTING_FIELDS.has(f))) return { kind: 'store' };

  const merged: StoredPerson = { ...current, ...data };
  const consent = merged.consent;
  if (consent?.withdrawnAt) {
    return {
      kind: 'replace',
      data: {
        ...data,
        ...anonymisedPersonPatch(new Date(consent.withdrawnAt).toISOString(), consent.givenBy ?? 'self'),
      },
    };
  }
  if (!consent && merged.awaitingConsent) {
    const extra = Object.keys(data).filter(
      (f) => !AWAITING_FIELDS.has(f) && data[f] != null && data[f] !== '',
    );
    const [first] = extra;
    return first !== undefined
      ? {
          kind: 'refuse',
          problems: [
            {
              field: first,
              message: `Участник ожидает согласия на обработку персональных данных: до его оформления можно хранить только ФИО и класс (лишние поля: ${extra.join(', ')}).`,
            },
          ],
        }
      : { kind: 'store' };
  }
  const problems = consentProblems(merged, today);
  if (problems.length) return { kind: 'refuse', problems };
  // The consent has arrived: the person no longer waits for it.
  if (consent && data.consent && merged.awaitingConsent)
    return { kind: 'replace', data: { ...data, awaitingConsent: false } };
  return { kind: 'store' };
}

/** Case authors a visitor may see: only those who agreed to have their name published. */
export const authorsWithPublicationConsent = (authors: unknown): unknown[] =>
  Array.isArray(authors)
    ? authors.filter(
        (a: unknown) =>
          typeof a === 'object' &&
          a !== null &&
          (a as { publicationConsent?: unknown }).publicationConsent === true,
      )
    : [];

/** A contact a visitor may see: only with the person's consent to publish it. */
export const contactWithPublicationConsent = (contact: unknown): unknown =>
  typeof contact === 'object' &&
  contact !== null &&
  (contact as { publicationConsent?: unknown }).publicationConsent === true
    ? contact
    : null;

/** What replaces a withdrawn person's name where it was written as text (authors, responsibles, groups). */
export const WITHDRAWN_NAME_TEXT = '(данные обезличены)';

const escapeName = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[её]/giu, '[её]');

/**
 * Every way a school document writes this person's name: «Баева Светлана Николаевна», «Светлана
 * Николаевна Баева», «Баева С.Н.», «Баева С. Н.», «С.Н. Баева», «Баева Светлана». Case and ё/е do not
 * matter; a longer word that only starts with the name does not match. Undefined for a name of one word
 * (too weak to find it safely in free text).
 */
export function personNamePattern(fullName: string): RegExp | undefined {
  const words = fullName
    .trim()
    .split(/\s+/u)
    .filter((w) => w.length > 1 || /\p{L}/u.test(w));
  const [surname, first, patronymic] = words;
  if (!surname || !first) return undefined;
  const initial = (w: string) => `${escapeName(w.charAt(0))}\\.`;
  const initials = patronymic ? `${initial(first)}(?:\\s*${initial(patronymic)})?` : initial(first);
  const variants = [
    words.map(escapeName).join('\\s+'),
    [first, patronymic, surname]
      .filter((w): w is string => !!w)
      .map(escapeName)
      .join('\\s+'),
    `${escapeName(surname)}\\s+${initials}`,
    `${initials}\\s*${escapeName(surname)}`,
    `${escapeName(surname)}\\s+${escapeName(first)}`,
  ];
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** `text` with every mention of the person replaced, or undefined when it does not mention them. */
export function withoutPersonName(text: string | null | undefined, fullName: string): string | undefined {
  const pattern = personNamePattern(fullName);
  if (!text || !pattern) return undefined;
  const replaced = text.replace(pattern, WITHDRAWN_NAME_TEXT);
  return replaced === text ? undefined : replaced;
}

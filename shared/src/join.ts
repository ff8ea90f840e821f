/**
 * The «Стать участником» form of a public section: what a visitor may send and the Russian message
 * for each field that is wrong. A minor (by birth date, or a pupil) joins only with a legal
 * representative's name and consent; everyone consents to the processing of personal data.
 */
import { z } from 'zod';
import { isMinor } from './consent.js';
import { enumeration, type PersonCategory } from './enums.js';

export const joinRoles = enumeration({
  mentor: 'Наставником',
  mentee: 'Наставляемым',
});
export type JoinRole = (typeof joinRoles.values)[number];

/** Categories a visitor chooses from (staff and parents do not join as participants here). */
export const joinCategories: readonly PersonCategory[] = [
  'pupil',
  'student',
  'teacher',
  'young_specialist',
  'graduate',
  'employer',
];

export const JOIN_FIELDS = [
  'role',
  'fullName',
  'category',
  'birthDate',
  'classOrGroup',
  'email',
  'phone',
  'interests',
  'representativeName',
  'representativeConsent',
  'consent',
] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((s) => s || undefined)
    .optional();

const checkbox = z
  .unknown()
  .transform((v) => v === 'on' || v === 'true' || v === true)
  .optional();

const joinFormSchema = z.object({
  role: z.enum(joinRoles.values, { error: 'Выберите, кем вы хотите стать: наставником или наставляемым.' }),
  fullName: z
    .string({ error: 'Укажите фамилию, имя и отчество.' })
    .trim()
    .min(3, 'Укажите фамилию, имя и отчество.')
    .max(200, 'ФИО слишком длинное: не больше 200 знаков.')
    .regex(/^[\p{L}\s.'’-]+$/u, 'В ФИО могут быть только буквы, пробелы, точки, дефисы и апострофы.'),
  category: z.enum(joinCategories as [PersonCategory, ...PersonCategory[]], {
    error: 'Выберите, кто вы: обучающийся, студент, педагог, выпускник или представитель работодателя.',
  }),
  birthDate: z
    .string({ error: 'Укажите дату рождения.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Укажите дату рождения в виде ДД.ММ.ГГГГ.'),
  classOrGroup: optionalText(50, 'Класс или группа: не больше 50 знаков.'),
  email: z
    .string()
    .trim()
    .max(200, 'Адрес эл. почты слишком длинный.')
    .refine(
      (s) => s === '' || z.email().safeParse(s).success,
      'Адрес эл. почты указан неверно, например: ivanova@example.ru.',
    )
    .transform((s) => s || undefined)
    .optional(),
  phone: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || /^\+?[\d\s()-]{10,20}$/.test(s),
      'Телефон указан неверно: 10–15 цифр, например +7 900 123-45-67.',
    )
    .transform((s) => s || undefined)
    .optional(),
  interests: optionalText(2000, 'Расскажите о себе короче: не больше 2000 знаков.'),
  representativeName: optionalText(200, 'ФИО представителя слишком длинное: не больше 200 знаков.'),
  representativeConsent: checkbox,
  consent: checkbox,
});

export type JoinForm = z.output<typeof joinFormSchema> & { minor: boolean };

export type JoinResult =
  { ok: true; form: JoinForm } | { ok: false; errors: Partial<Record<JoinField, string>> };

/** The form as sent (strings of a POST body) → the application, or the message for each bad field. */
export function parseJoinForm(input: Readonly<Record<string, unknown>>, today: string): JoinResult {
  const errors: Partial<Record<JoinField, string>> = {};
  const parsed = joinFormSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as JoinField;
      errors[field] ??= issue.message;
    }
  }
  const form = parsed.success ? parsed.data : undefined;
  const birthDate = typeof input.birthDate === 'string' ? input.birthDate : undefined;
  if (birthDate && !errors.birthDate) {
    if (birthDate > today) errors.birthDate = 'Дата рождения не может быть в будущем.';
    else if (birthDate < '1920-01-01') errors.birthDate = 'Проверьте год рождения.';
  }
  const minor = isMinor(
    {
      birthDate: errors.birthDate ? undefined : birthDate,
      category: typeof input.category === 'string' ? input.category : null,
    },
    today,
  );
  const given = (key: string) => {
    const value = input[key];
    return typeof value === 'string' && value.trim() !== '';
  };
  if (!errors.email && !errors.phone && !given('email') && !given('phone'))
    errors.phone = 'Оставьте телефон или адрес эл. почты, чтобы куратор мог с вами связаться.';
  if (minor) {
    if (!given('representativeName') && !errors.representativeName)
      errors.representativeName =
        'Участнику нет 18 лет: укажите ФИО законного представителя (родителя, опекуна).';
    if (!form?.representativeConsent && !checkedIn(input, 'representativeConsent'))
      errors.representativeConsent =
        'Участнику нет 18 лет: согласие на обработку персональных данных даёт законный представитель — отметьте его согласие.';
  }
  if (!checkedIn(input, 'consent'))
    errors.consent = minor
      ? 'Отметьте согласие на обработку персональных данных участника.'
      : 'Без согласия на обработку персональных данных заявку принять нельзя.';
  if (!form || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, form: { ...form, minor } };
}

const checkedIn = (input: Readonly<Record<string, unknown>>, key: string) =>
  input[key] === 'on' || input[key] === 'true' || input[key] === true;

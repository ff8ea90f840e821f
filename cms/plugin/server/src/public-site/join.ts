/**
 * Receiving a «Стать участником» application: spam protection without third parties (a hidden field
 * people leave empty, a signed issue time that must be a few seconds old, a limit per address), the
 * shared form rules with a Russian message per field, and then, in one transaction, a person awaiting
 * the curator (with the consent given in the form) and the questionnaire response. Nothing is public.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseJoinForm, type JoinForm } from '@nastavnik/shared';
import { asInternal } from '../tenancy/actor.js';
import { asJson, type Strapi } from '../types.js';

/** Faster than this from opening the form to sending it is not a person typing. */
const MIN_FILL_MS = 3_000;
const MAX_FILL_MS = 24 * 60 * 60 * 1000;
const RATE_WINDOW_MS = 10 * 60 * 1000;

const QUESTIONNAIRE_TITLE = 'Анкета «Стать участником» (заявки с сайта)';
const QUESTIONS = [
  {
    code: 'role',
    text: 'Кем хотите стать',
    type: 'choice',
    options: ['Наставником', 'Наставляемым'],
    required: true,
  },
  {
    code: 'interests',
    text: 'О себе: интересы, чем помочь или в чём нужна помощь',
    type: 'text',
    required: false,
  },
];

function secret(strapi: Strapi): string {
  const keys = strapi.config.get<string[] | string | undefined>('server.app.keys');
  const key = Array.isArray(keys) ? keys[0] : keys;
  if (!key) throw new Error('server.app.keys is not configured');
  return key;
}

const sign = (strapi: Strapi, payload: string) =>
  createHmac('sha256', secret(strapi)).update(payload).digest('base64url');

/** The hidden field of a form shown now for this organisation. */
export function issueToken(strapi: Strapi, organisation: string, now = Date.now()): string {
  return `${now}.${sign(strapi, `${now}:${organisation}`)}`;
}

/** Why a submission looks automated, or undefined when it looks like a person's. */
export function spamProblem(
  strapi: Strapi,
  organisation: string,
  body: Readonly<Record<string, unknown>>,
  now = Date.now(),
): { message: string; keepToken: boolean } | undefined {
  if (typeof body.website === 'string' && body.website !== '')
    return {
      message:
        'Заявка похожа на автоматическую. Если вы заполняли её сами, обновите страницу и отправьте ещё раз.',
      keepToken: false,
    };
  const [issued, signature] = (typeof body.t === 'string' ? body.t : '').split('.');
  const expected = issued ? sign(strapi, `${issued}:${organisation}`) : '';
  const valid =
    !!signature &&
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  const age = now - Number(issued);
  if (!valid || !(age <= MAX_FILL_MS))
    return { message: 'Форма устарела. Обновите страницу и заполните заявку ещё раз.', keepToken: false };
  if (age < MIN_FILL_MS)
    return {
      message: 'Заявка отправлена слишком быстро. Подождите несколько секунд и отправьте ещё раз.',
      keepToken: true,
    };
  return undefined;
}

/** Submissions per address and organisation in the last window; one instance's memory is enough here. */
const recent = new Map<string, number[]>();

export function rateLimited(strapi: Strapi, key: string, now = Date.now()): boolean {
  const max = strapi.plugin('nastavnik').config<number | undefined>('joinRateLimit') ?? 5;
  const times = (recent.get(key) ?? []).filter((t) => now - t < RATE_WINDOW_MS);
  if (times.length >= max) {
    recent.set(key, times);
    return true;
  }
  times.push(now);
  recent.set(key, times);
  if (recent.size > 10_000)
    for (const [k, v] of recent) if (!v.some((t) => now - t < RATE_WINDOW_MS)) recent.delete(k);
  return false;
}

async function intakeQuestionnaire(strapi: Strapi, organisation: string): Promise<string> {
  const existing = await strapi.documents('plugin::nastavnik.questionnaire').findFirst({
    filters: { organisation: { documentId: organisation }, title: QUESTIONNAIRE_TITLE },
    fields: ['documentId'],
  });
  if (existing) return existing.documentId;
  const created = await strapi.documents('plugin::nastavnik.questionnaire').create({
    data: {
      title: QUESTIONNAIRE_TITLE,
      organisation,
      audience: 'all',
      purpose: 'intake',
      questions: asJson(QUESTIONS),
    },
  });
  return created.documentId;
}

const ROLE_ANSWER = { mentor: 'Наставником', mentee: 'Наставляемым' } as const;

/** The person awaiting the curator and their answers: both or neither. */
async function store(strapi: Strapi, organisation: string, form: JoinForm, today: string) {
  await asInternal(() =>
    strapi.db.transaction(async () => {
      const questionnaire = await intakeQuestionnaire(strapi, organisation);
      const person = await strapi.documents('plugin::nastavnik.person').create({
        data: {
          fullName: form.fullName,
          category: form.category,
          birthDate: form.birthDate,
          classOrGroup: form.classOrGroup,
          email: form.email,
          phone: form.phone,
          interests: form.interests,
          isMentor: form.role === 'mentor',
          isMentee: form.role === 'mentee',
          organisation,
          awaitingCurator: true,
          consent: form.minor
            ? {
                givenBy: 'legal_representative',
                representativeName: form.representativeName,
                processing: true,
                publication: false,
                signedAt: today,
              }
            : { givenBy: 'self', processing: true, publication: false, signedAt: today },
        },
      });
      await strapi.documents('plugin::nastavnik.questionnaire-response').create({
        data: {
          questionnaire,
          person: person.documentId,
          organisation,
          answers: { role: ROLE_ANSWER[form.role], ...(form.interests ? { interests: form.interests } : {}) },
          submittedAt: new Date().toISOString(),
        },
      });
    }),
  );
}

export type JoinOutcome =
  | { kind: 'stored' }
  | { kind: 'invalid'; errors: Partial<Record<string, string>> }
  /** `keepToken`: the form's signed time is genuine and may be sent again (too early, too many). */
  | { kind: 'refused'; status: number; message: string; keepToken: boolean };

export async function receiveApplication(
  strapi: Strapi,
  organisation: string,
  body: Readonly<Record<string, unknown>>,
  client: string,
): Promise<JoinOutcome> {
  const spam = spamProblem(strapi, organisation, body);
  if (spam) return { kind: 'refused', status: 400, message: spam.message, keepToken: spam.keepToken };
  if (rateLimited(strapi, `${client}:${organisation}`))
    return {
      kind: 'refused',
      status: 429,
      message: 'С этого адреса уже отправлено несколько заявок. Попробуйте ещё раз через 10 минут.',
      keepToken: true,
    };
  const today = new Date().toISOString().slice(0, 10);
  const parsed = parseJoinForm(body, today);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  await store(strapi, organisation, parsed.form, today);
  return { kind: 'stored' };
}

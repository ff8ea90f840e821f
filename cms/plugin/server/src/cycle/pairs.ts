/**
 * A fixed pair at work and at its end: its individual development plan from the form's template and
 * tracked goal by goal, meetings still waiting for feedback, completion with the final questionnaire,
 * and the awards of its mentor. Writes go through the document service, so the types' own rules (the
 * pair's life, the answers against the template, awards and publication consent) decide, and a
 * transaction leaves nothing behind when one of them refuses.
 */
import { errors } from '@strapi/utils';
import {
  applyPlanCallSchema,
  completePairCallSchema,
  meetingFeedbackState,
  mentorAwardSchema,
  planFromTemplate,
  recogniseMentorCallSchema,
  todayIn,
  trackPlan,
  type CompletePairCall,
  type MentorAward,
  type MentoringForm,
  type PlanGoal,
  type RecogniseMentorCall,
} from '@nastavnik/shared';
import { z } from 'zod';
import { asJson, type Strapi } from '../types.js';
import { validationErrorFrom } from '../validation.js';
import { requireCuratorActor, requireSignedIn } from './access.js';

const PAIR = 'plugin::nastavnik.pair';
const PERSON = 'plugin::nastavnik.person';
const MEETING = 'plugin::nastavnik.meeting';
const QUESTIONNAIRE = 'plugin::nastavnik.questionnaire';
const RESPONSE = 'plugin::nastavnik.questionnaire-response';

const DEFAULT_TIMEZONE = 'Europe/Moscow';

function parse<S extends z.ZodType>(schema: S, raw: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationErrorFrom(parsed.error, prefix);
  return parsed.data;
}

interface PairForPlan {
  documentId: string;
  title: string;
  form: MentoringForm;
  pairStatus: string;
  approvalOrderDate?: string | null;
  developmentPlan?: PlanGoal[] | null;
  organisation?: { timezone?: string | null } | null;
}

/** The pair as the caller may see it (scope of the document service), or not found. */
async function pairOf(strapi: Strapi, documentId: string): Promise<PairForPlan> {
  const pair = (await strapi.documents(PAIR).findOne({
    documentId,
    fields: ['documentId', 'title', 'form', 'pairStatus', 'approvalOrderDate'],
    populate: { developmentPlan: true, organisation: { fields: ['timezone'] } },
  })) as PairForPlan | null;
  if (!pair) throw new errors.NotFoundError('Пара не найдена или недоступна.');
  return pair;
}

/** The plan of a pair with each goal's state as road-map activities are tracked. */
export async function pairPlan(strapi: Strapi, args: { pair: string; horizonDays?: number | null }) {
  await requireSignedIn(strapi);
  const pair = await pairOf(strapi, args.pair);
  const today = todayIn(pair.organisation?.timezone ?? DEFAULT_TIMEZONE);
  const tracked = trackPlan(pair.developmentPlan ?? [], today, args.horizonDays ?? 30);
  return { pair: pair.documentId, title: pair.title, today, ...tracked };
}

/** A fixed pair's plan from the template of its form, deadlines counted from its order (or `start`). */
export async function applyPlanTemplate(strapi: Strapi, raw: z.input<typeof applyPlanCallSchema>) {
  const call = parse(applyPlanCallSchema, raw, 'План не составлен');
  await requireCuratorActor(strapi, 'Составлять план развития пары');
  const pair = await pairOf(strapi, call.pair);
  if (pair.pairStatus !== 'approved' && pair.pairStatus !== 'active')
    throw new errors.ValidationError(
      'План развития составляют для пары, закреплённой приказом и ещё работающей.',
      { path: ['pair'] },
    );
  if (pair.developmentPlan?.length)
    throw new errors.ValidationError(
      'У пары уже есть план развития: меняйте его цели, а не создавайте заново.',
      { path: ['pair'] },
    );
  const start = call.start ?? pair.approvalOrderDate?.slice(0, 10);
  if (!start)
    throw new errors.ValidationError('Укажите дату начала работы пары (start).', { path: ['start'] });
  await strapi.documents(PAIR).update({
    documentId: pair.documentId,
    data: { developmentPlan: planFromTemplate(pair.form, start) },
  });
  return pairPlan(strapi, { pair: pair.documentId });
}

interface MeetingRow {
  documentId: string;
  date: string;
  kind: string;
  topic?: string | null;
  noFeedbackReason?: string | null;
  menteeFeedback?: { rating?: number | null; comment?: string | null } | null;
  mentorFeedback?: { rating?: number | null; comment?: string | null } | null;
  pair?: {
    documentId: string;
    title: string;
    programme?: { title: string; mentorFeedbackRequired?: boolean | null } | null;
  } | null;
  organisation?: { name: string; shortName?: string | null } | null;
}

/**
 * Meetings that took place but do not count as held yet, and whose feedback is missing: the latest
 * first, while the people still remember the meeting.
 */
export async function meetingsAwaitingFeedback(
  strapi: Strapi,
  options: { limit?: number | null; organisations?: string[] } = {},
) {
  await requireSignedIn(strapi);
  const today = new Date().toISOString().slice(0, 10);
  const rows = (await strapi.documents(MEETING).findMany({
    filters: {
      held: { $ne: true },
      date: { $lte: today },
      ...(options.organisations ? { organisation: { documentId: { $in: options.organisations } } } : {}),
    },
    fields: ['documentId', 'date', 'kind', 'topic', 'noFeedbackReason'],
    populate: {
      menteeFeedback: true,
      mentorFeedback: true,
      pair: {
        fields: ['documentId', 'title'],
        populate: { programme: { fields: ['title', 'mentorFeedbackRequired'] } },
      },
      organisation: { fields: ['name', 'shortName'] },
    },
    sort: ['date:desc', 'id:desc'],
    limit: options.limit ?? 100,
  })) as unknown as MeetingRow[];
  return rows.map((m) => ({
    documentId: m.documentId,
    date: m.date,
    kind: m.kind,
    topic: m.topic ?? null,
    pair: m.pair ? { documentId: m.pair.documentId, title: m.pair.title } : null,
    programme: m.pair?.programme?.title ?? null,
    organisation: m.organisation?.shortName || m.organisation?.name || '',
    waitingFor: meetingFeedbackState(m, {
      mentorFeedbackRequired: m.pair?.programme?.mentorFeedbackRequired ?? false,
    }).waitingFor,
  }));
}

/**
 * Completion (stage 7): every mentee's answers to the final questionnaire, the outcome and the date,
 * in one transaction — a wrong answer or an impossible transition and nothing is written.
 */
export async function completePair(strapi: Strapi, raw: CompletePairCall) {
  const call = parse(completePairCallSchema, raw, 'Пара не завершена');
  await requireCuratorActor(strapi, 'Завершать работу пары');
  const pair = (await strapi.documents(PAIR).findOne({
    documentId: call.pair,
    fields: ['documentId', 'pairStatus'],
    populate: { mentees: { fields: ['documentId', 'fullName'] }, organisation: { fields: ['documentId'] } },
  })) as {
    documentId: string;
    pairStatus: string;
    mentees?: Array<{ documentId: string; fullName: string }>;
    organisation?: { documentId: string } | null;
  } | null;
  if (!pair) throw new errors.NotFoundError('Пара не найдена или недоступна.');
  const questionnaire = await strapi.documents(QUESTIONNAIRE).findOne({
    documentId: call.questionnaire,
    fields: ['purpose', 'title'],
  });
  if (!questionnaire) throw new errors.NotFoundError('Итоговая анкета не найдена или недоступна.');
  if (questionnaire.purpose !== 'satisfaction' && questionnaire.purpose !== 'impact_end')
    throw new errors.ValidationError(
      `Анкета «${questionnaire.title}» не итоговая: нужна анкета удовлетворённости или второго замера влияния.`,
      { path: ['questionnaire'] },
    );
  const mentees = pair.mentees ?? [];
  const answered = new Set(call.responses.map((r) => r.person));
  const stranger = call.responses.find((r) => !mentees.some((m) => m.documentId === r.person));
  if (stranger)
    throw new errors.ValidationError(
      'Итоговую анкету заполняют наставляемые этой пары: участник не из пары.',
      {
        path: ['responses'],
      },
    );
  const missing = mentees.filter((m) => !answered.has(m.documentId));
  if (missing.length)
    throw new errors.ValidationError(
      `Пара не завершена: нет итоговой анкеты наставляемого ${missing.map((m) => m.fullName).join(', ')}.`,
      { path: ['responses'] },
    );
  const submittedAt = new Date().toISOString();
  return strapi.db.transaction(async () => {
    for (const r of call.responses) {
      try {
        await strapi.documents(RESPONSE).create({
          data: {
            questionnaire: call.questionnaire,
            person: r.person,
            organisation: pair.organisation?.documentId,
            answers: asJson(r.answers),
            submittedAt,
          },
        });
      } catch (error) {
        if (error instanceof errors.ValidationError)
          throw new errors.ValidationError(`Пара не завершена: итоговая анкета — ${error.message}`, {
            path: ['responses'],
          });
        throw error;
      }
    }
    const updated = await strapi.documents(PAIR).update({
      documentId: pair.documentId,
      data: { pairStatus: 'completed', outcome: call.outcome, completedAt: call.completedAt },
      fields: ['documentId', 'pairStatus', 'outcome', 'completedAt'],
    });
    return {
      documentId: pair.documentId,
      pairStatus: updated?.pairStatus ?? 'completed',
      outcome: updated?.outcome ?? call.outcome,
      completedAt: String(updated?.completedAt ?? call.completedAt),
      responses: call.responses.length,
    };
  });
}

/** An award or thanks added to a mentor's record; publishing it needs the mentor's consent. */
export async function recogniseMentor(strapi: Strapi, raw: RecogniseMentorCall) {
  const call = parse(recogniseMentorCallSchema, raw, 'Награда не записана');
  await requireCuratorActor(strapi, 'Награждать наставников');
  const person = (await strapi.documents(PERSON).findOne({
    documentId: call.person,
    fields: ['documentId', 'fullName'],
    populate: { awards: true },
  })) as { documentId: string; fullName: string; awards?: Array<Record<string, unknown>> } | null;
  if (!person) throw new errors.NotFoundError('Участник не найден или недоступен.');
  // A repeatable component is written whole: the awards already given, then the new one.
  const keep = (person.awards ?? []).flatMap((a) => {
    const parsed = mentorAwardSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
  const stored = (a: MentorAward) => ({
    kind: a.kind,
    date: a.date,
    title: a.title ?? undefined,
    reason: a.reason ?? undefined,
    orderNumber: a.orderNumber ?? undefined,
    publish: a.publish ?? false,
  });
  await strapi.documents(PERSON).update({
    documentId: person.documentId,
    data: { awards: [...keep, call.award].map(stored) },
  });
  return { documentId: person.documentId, awards: keep.length + 1 };
}

/**
 * A mentoring pair, group or triad. Never public. Every write follows the pair's life
 * (`pairWriteProblems` in `shared/src/pairs.ts`): proposed → fixed by the order «О закреплении
 * наставнических пар (групп)» (number and date) → active → completed, or terminated with a reason.
 * Whoever is linked into a pair needs a valid consent and a category the form allows.
 */
import { errors } from '@strapi/utils';
import {
  groupProblem,
  groupSizeProblem,
  mentoringForms,
  planGoalSchema,
  planProblems,
  pairKinds,
  pairMemberProblems,
  pairOutcomes,
  pairStateSchema,
  pairStatuses,
  pairWriteProblems,
  type MentoringForm,
  type PairKind,
  type PairMember,
  type PairWriteProblem,
  type PairState,
} from '@nastavnik/shared';
import { collectRelationIds } from '../tenancy/relations.js';
import { fieldValidationError } from '../validation.js';
import {
  defineContentType,
  enumField,
  organisationRelation,
  manyToMany,
  manyToOne,
  type WriteEvent,
} from './define.js';

const PAIR = 'plugin::nastavnik.pair';
const PERSON = 'plugin::nastavnik.person';

const today = () => new Date().toISOString().slice(0, 10);

interface StoredPair extends PairState {
  form?: MentoringForm | null;
  mentors?: Array<{ documentId: string }>;
  mentees?: Array<{ documentId: string }>;
}

function refuse(problems: PairWriteProblem[]): never {
  throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
    errors: problems.map((p) => ({ path: [p.field], message: p.message, name: 'ValidationError' })),
  });
}

async function membersById(event: WriteEvent, ids: string[]): Promise<Map<string, PairMember>> {
  if (!ids.length) return new Map();
  const rows = (await event.strapi.db.query(PERSON).findMany({
    where: { documentId: { $in: ids } },
    select: ['documentId', 'fullName', 'category', 'birthDate', 'birthYear', 'awaitingConsent', 'anonymised'],
    populate: { consent: true },
  })) as Array<PairMember & { documentId: string }>;
  return new Map(rows.map((r) => [r.documentId, r]));
}

/** The members a relation ends with after this write: a list or `set` replaces, connect/disconnect edit. */
function finalRelationIds(value: unknown, current: Array<{ documentId: string }> | undefined): string[] {
  const stored = (current ?? []).map((m) => m.documentId);
  if (value === undefined) return stored;
  if (value === null) return [];
  if (typeof value === 'string' || Array.isArray(value)) return collectRelationIds(value);
  const o = value as Record<string, unknown>;
  if (o.set !== undefined) return collectRelationIds(o.set);
  const gone = new Set(collectRelationIds(o.disconnect));
  return [...new Set([...stored.filter((id) => !gone.has(id)), ...collectRelationIds(o.connect)])];
}

/** A plan as written: each goal well formed, and a goal marked done says what came of it. */
function checkPlan(goals: unknown[]) {
  const parsed = planGoalSchema
    .array()
    .safeParse(
      goals.map((g) =>
        g && typeof g === 'object' ? Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'id')) : g,
      ),
    );
  if (!parsed.success) throw fieldValidationError(parsed.error, ['developmentPlan']);
  const problems = planProblems(parsed.data);
  if (problems.length)
    refuse(problems.map((p) => ({ field: `developmentPlan.${p.index}.result`, message: p.message })));
}

async function checkPairWrite(event: WriteEvent) {
  const { strapi, action, documentId, data } = event;
  if ((action !== 'create' && action !== 'update') || !data) return;
  const current =
    action === 'update' && documentId
      ? (((await strapi.db.query(PAIR).findOne({
          where: { documentId },
          select: [
            'pairStatus',
            'approvalOrderNumber',
            'approvalOrderDate',
            'dissolutionReason',
            'outcome',
            'form',
          ],
          populate: { mentors: { select: ['documentId'] }, mentees: { select: ['documentId'] } },
        })) as StoredPair | null) ?? undefined)
      : undefined;
  const state = pairStateSchema.safeParse(
    Object.fromEntries(Object.keys(pairStateSchema.shape).flatMap((k) => (k in data ? [[k, data[k]]] : []))),
  );
  if (!state.success) throw fieldValidationError(state.error);
  const problems = pairWriteProblems(current, state.data);
  if (problems.length) refuse(problems);

  if (Array.isArray(data.developmentPlan)) checkPlan(data.developmentPlan);

  // People newly linked are checked; everyone is checked when the form changes or the pair is fixed.
  const form = (data.form ?? current?.form) as MentoringForm | undefined;
  if (!form) return;
  if (['form', 'kind', 'mentors', 'mentees'].some((k) => data[k] !== undefined)) {
    const mentees = finalRelationIds(data.mentees, current?.mentees).length;
    const mentors = finalRelationIds(data.mentors, current?.mentors).length;
    // A kind written must fit the members (the admin panel always sends one); pairs recorded without
    // a kind keep the stored one, and only the size the form allows is checked.
    const problem =
      data.kind !== undefined && data.kind !== null
        ? groupProblem(form, data.kind as PairKind, mentees, mentors)
        : groupSizeProblem(form, mentees);
    if (problem) refuse([{ field: data.kind !== undefined ? 'kind' : 'mentees', message: problem }]);
  }
  const everyone =
    (data.form !== undefined && data.form !== current?.form) ||
    (data.pairStatus === 'approved' && current?.pairStatus !== 'approved');
  const side = (field: 'mentors' | 'mentees') => {
    const linked = collectRelationIds(data[field]);
    const existing = everyone ? (current?.[field] ?? []).map((m) => m.documentId) : [];
    return [...new Set([...existing, ...linked])];
  };
  const mentorIds = side('mentors');
  const menteeIds = side('mentees');
  const people = await membersById(event, [...mentorIds, ...menteeIds]);
  const pick = (ids: string[]) => ids.flatMap((id) => people.get(id) ?? []);
  const memberProblems = pairMemberProblems(form, pick(mentorIds), pick(menteeIds), today());
  if (memberProblems.length) refuse(memberProblems);
}

export default defineContentType({
  singularName: 'pair',
  pluralName: 'pairs',
  displayName: 'Пары и группы',
  description: 'Наставнические пары, группы и триады с приказом об утверждении и планом развития',
  access: 'private',
  tenancy: 'organisation',
  rules: { beforeWrite: checkPairWrite },
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
    approvalOrderNumber: {
      type: 'string',
      label: 'Номер приказа о закреплении',
      description: 'Приказ «О закреплении наставнических пар (групп)»: нужен, чтобы закрепить пару',
    },
    approvalOrderDate: { type: 'date', label: 'Дата приказа о закреплении' },
    pairStatus: enumField(pairStatuses, 'Состояние', { required: true, default: 'proposed' }),
    dissolutionReason: { type: 'text', label: 'Причина прекращения' },
    outcome: enumField(pairOutcomes, 'Итог работы пары', {
      description:
        'Нужен, чтобы завершить пару; при итоге «Цели достигнуты» наставляемого можно перевести в наставники',
    }),
    completedAt: { type: 'date', label: 'Дата завершения' },
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

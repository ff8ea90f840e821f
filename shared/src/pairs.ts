/**
 * The life of a mentoring pair or group as pure rules: proposed → fixed by an order → active →
 * completed, or terminated with a reason. The CMS checks every write of a pair with these, whoever
 * makes it (GraphQL, the admin panel, seeding).
 */
import { z } from 'zod';
import { consentProblems } from './consent.js';
import {
  mentoringForms,
  pairOutcomes,
  pairStatuses,
  personCategories,
  type MentoringForm,
  type PairStatus,
} from './enums.js';
import { FORM_RULES } from './matching/constraints.js';

/** Where each state may go next; completed and terminated pairs are final. */
export const PAIR_TRANSITIONS: Readonly<Record<PairStatus, readonly PairStatus[]>> = {
  proposed: ['approved', 'dissolved'],
  approved: ['active', 'dissolved'],
  active: ['completed', 'dissolved'],
  completed: [],
  dissolved: [],
};

/** States a pair reaches only through the order that fixes it. */
const FIXED_STATES: ReadonlySet<PairStatus> = new Set(['approved', 'active', 'completed']);

/** The fields of a pair its life depends on, as a write may carry them. */
export const pairStateSchema = z.object({
  pairStatus: pairStatuses.schema.nullish(),
  approvalOrderNumber: z.string().nullish(),
  approvalOrderDate: z.string().nullish(),
  dissolutionReason: z.string().nullish(),
  outcome: pairOutcomes.schema.nullish(),
});
export type PairState = z.infer<typeof pairStateSchema>;

export interface PairWriteProblem {
  field: string;
  message: string;
}

const quoteStatus = (s: PairStatus) => `«${pairStatuses.label(s)}»`;
const blank = (s: string | null | undefined) => !s?.trim();

/**
 * Problems of one write of a pair: `current` is what is stored (absent on create), `data` the fields
 * written. A pair may be recorded in any state whose conditions hold (a pair fixed by an earlier order
 * is entered as it is); a change of state must follow `PAIR_TRANSITIONS`.
 */
export function pairWriteProblems(current: PairState | undefined, data: PairState): PairWriteProblem[] {
  const merged: PairState = { ...current, ...data };
  const from = current?.pairStatus ?? undefined;
  const to = merged.pairStatus ?? 'proposed';
  const problems: PairWriteProblem[] = [];
  if (current && from && from !== to && !PAIR_TRANSITIONS[from].includes(to)) {
    const allowed = PAIR_TRANSITIONS[from];
    problems.push({
      field: 'pairStatus',
      message: `Нельзя перевести пару из состояния ${quoteStatus(from)} в ${quoteStatus(to)}: ${
        allowed.length
          ? `из ${quoteStatus(from)} можно перейти только в ${allowed.map(quoteStatus).join(' или ')}`
          : `пара в состоянии ${quoteStatus(from)} уже не меняет состояния`
      }.`,
    });
    return problems;
  }
  if (FIXED_STATES.has(to)) {
    const missing = [
      blank(merged.approvalOrderNumber) ? 'номер приказа' : null,
      blank(merged.approvalOrderDate) ? 'дату приказа' : null,
    ].filter((m): m is string => m !== null);
    if (missing.length)
      problems.push({
        field: blank(merged.approvalOrderNumber) ? 'approvalOrderNumber' : 'approvalOrderDate',
        message: `Пара в состоянии ${quoteStatus(to)} закрепляется приказом «О закреплении наставнических пар (групп)»: укажите ${missing.join(' и ')}.`,
      });
  }
  if (to === 'completed' && !merged.outcome)
    problems.push({
      field: 'outcome',
      message: `Чтобы завершить пару, укажите её итог: ${pairOutcomes.values.map((o) => `«${pairOutcomes.label(o)}»`).join(', ')}.`,
    });
  if (to === 'dissolved' && blank(merged.dissolutionReason))
    problems.push({
      field: 'dissolutionReason',
      message: 'Укажите причину прекращения работы пары.',
    });
  // The order that fixed a pair is a document of record: once active it is not rewritten.
  if (
    (from === 'active' || from === 'completed') &&
    ((data.approvalOrderNumber !== undefined && data.approvalOrderNumber !== current?.approvalOrderNumber) ||
      (data.approvalOrderDate !== undefined && data.approvalOrderDate !== current?.approvalOrderDate))
  )
    problems.push({
      field: 'approvalOrderNumber',
      message: `Приказ о закреплении пары в состоянии ${quoteStatus(from)} изменить нельзя.`,
    });
  return problems;
}

/** A member of a pair as stored: enough to check the consent and the form. */
export interface PairMember {
  fullName?: string | null;
  category?: string | null;
  birthDate?: string | null;
  birthYear?: number | null;
  consent?: Parameters<typeof consentProblems>[0]['consent'];
  awaitingConsent?: boolean | null;
  anonymised?: boolean | null;
}

function memberConsentProblem(p: PairMember, today: string): string | undefined {
  if (p.anonymised) return 'данные обезличены после отзыва согласия';
  if (p.awaitingConsent && !p.consent) return 'ожидает согласия на обработку персональных данных';
  if (p.consent?.withdrawnAt) return 'согласие отозвано';
  const [problem] = consentProblems(p, today);
  return problem ? 'нет действующего согласия на обработку персональных данных' : undefined;
}

const categoryLabel = (c: string | null | undefined) => {
  const category = personCategories.values.find((v) => v === c);
  return category ? personCategories.label(category) : 'не указана';
};

/**
 * Who may not be in this pair: everyone needs a valid consent (a minor's from a representative), and
 * the form decides the categories of mentors and mentees.
 */
export function pairMemberProblems(
  form: MentoringForm,
  mentors: readonly PairMember[],
  mentees: readonly PairMember[],
  today: string,
): PairWriteProblem[] {
  const rule = FORM_RULES[form];
  const problems: PairWriteProblem[] = [];
  const check = (people: readonly PairMember[], field: 'mentors' | 'mentees') => {
    const allowed: readonly string[] = field === 'mentors' ? rule.mentors : rule.mentees;
    const role = field === 'mentors' ? 'наставником' : 'наставляемым';
    for (const p of people) {
      const name = p.fullName ?? 'участник';
      const consent = memberConsentProblem(p, today);
      if (consent) {
        problems.push({ field, message: `${name} не может быть ${role}: ${consent}.` });
      } else if (!p.category || !allowed.includes(p.category)) {
        problems.push({
          field,
          message: `${name} не может быть ${role} в форме «${mentoringForms.label(form)}»: категория «${categoryLabel(p.category)}».`,
        });
      }
    }
  };
  check(mentors, 'mentors');
  check(mentees, 'mentees');
  return problems;
}

/**
 * «From mentee to mentor»: a mentee of a pair completed with its goals achieved may join the mentor
 * base (their consent stays as it is). Undefined when allowed, else why not.
 */
export function menteeToMentorProblem(
  pair: { pairStatus?: PairStatus | null; outcome?: string | null; menteeIds: readonly string[] },
  personId: string,
): string | undefined {
  if (!pair.menteeIds.includes(personId)) return 'Участник не является наставляемым этой пары.';
  if (pair.pairStatus !== 'completed')
    return 'Перевести наставляемого в базу наставников можно только после завершения работы пары.';
  if (pair.outcome !== 'achieved')
    return `Перевести наставляемого в базу наставников можно, когда итог пары — «${pairOutcomes.label('achieved')}».`;
  return undefined;
}

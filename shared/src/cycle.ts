/**
 * The rest of a programme's cycle as pure rules: which forms work in groups and triads and how large,
 * the individual development plan from a template per form and its tracking (done / overdue, as road-map
 * activities are tracked), the stage a programme has reached, and the mentor awards that may be shown
 * publicly. The CMS wires these to its writes and queries.
 */
import { z } from 'zod';
import {
  activityStatuses,
  mentoringForms,
  mentorAwardKinds,
  pairKinds,
  programmeStages,
  type ActivityStatus,
  type MentoringForm,
  type PairKind,
  type PairStatus,
  type ProgrammeStage,
} from './enums.js';
import { activityTiming, type ActivityTimingState } from './tracking.js';

// ---------------------------------------------------------------------------------------------------
// Groups and triads

export interface GroupRule {
  /** Kinds this form works in: a pair is always allowed. */
  kinds: readonly PairKind[];
  /** Mentees one mentor leads together in one group or triad. */
  maxMentees: number;
}

/**
 * Every form may work in groups (the target model's «групповое наставничество»: a methodical group of
 * young teachers, a class helped by seniors); employers lead groups of learners but not triads, and the
 * size a mentor can lead together depends on the form.
 */
export const FORM_GROUP_RULES: Readonly<Record<MentoringForm, GroupRule>> = {
  pupil_pupil: { kinds: ['pair', 'triad', 'group'], maxMentees: 5 },
  teacher_teacher: { kinds: ['pair', 'triad', 'group'], maxMentees: 5 },
  student_pupil: { kinds: ['pair', 'triad', 'group'], maxMentees: 5 },
  employer_pupil: { kinds: ['pair', 'group'], maxMentees: 10 },
  student_student: { kinds: ['pair', 'triad', 'group'], maxMentees: 5 },
  teacher_student: { kinds: ['pair', 'triad', 'group'], maxMentees: 10 },
  employer_student: { kinds: ['pair', 'group'], maxMentees: 10 },
  employer_teacher: { kinds: ['pair', 'group'], maxMentees: 5 },
};

const kindWords = (kinds: readonly PairKind[]) =>
  kinds
    .map(
      (k) =>
        `«${pairKinds
          .label(k)
          .replace(/ \(.*\)$/, '')
          .toLowerCase()}»`,
    )
    .join(', ');

/** The kind a mentor with `mentees` mentees forms: a triad with two where the form allows it. */
export function kindFor(form: MentoringForm, mentees: number): PairKind {
  if (mentees <= 1) return 'pair';
  return mentees === 2 && FORM_GROUP_RULES[form].kinds.includes('triad') ? 'triad' : 'group';
}

/** Why a pair, triad or group of this size may not exist in this form; undefined when it may. */
export function groupProblem(
  form: MentoringForm,
  kind: PairKind,
  mentees: number,
  mentors: number,
): string | undefined {
  const rule = FORM_GROUP_RULES[form];
  const formName = `«${mentoringForms.label(form)}»`;
  if (!rule.kinds.includes(kind))
    return `Форма ${formName} не работает в виде «${pairKinds.label(kind)}»: допустимы ${kindWords(rule.kinds)}.`;
  if (mentors > 1 && kind === 'pair')
    return 'У пары один наставник; для нескольких наставников создайте группу.';
  if (kind === 'pair' && mentees > 1)
    return `В паре один наставляемый, а указано ${mentees}: выберите вид «триада» или «группа».`;
  if (kind === 'triad' && mentees !== 2)
    return `Триада — наставник и двое наставляемых, а наставляемых ${mentees}.`;
  if (kind === 'group' && mentees < 2 && mentees > 0)
    return 'В группе должно быть не меньше двух наставляемых.';
  return groupSizeProblem(form, mentees);
}

/** Why this many mentees may not work with one mentor together in this form; undefined when they may. */
export function groupSizeProblem(form: MentoringForm, mentees: number): string | undefined {
  const max = FORM_GROUP_RULES[form].maxMentees;
  return mentees > max
    ? `В форме «${mentoringForms.label(form)}» один наставник ведёт не больше ${max} наставляемых вместе, а указано ${mentees}.`
    : undefined;
}

export interface GroupedProposal {
  mentorId: string;
  menteeIds: string[];
  kind: PairKind;
}

/**
 * The proposals of one mentor joined into groups where the form allows it, in chunks the form allows
 * (a mentor with capacity 7 in a form of groups of up to 5 leads a group of 5 and a triad or group of 2).
 */
export function groupByMentor(
  form: MentoringForm,
  proposals: ReadonlyArray<{ mentorId: string; menteeId: string }>,
): GroupedProposal[] {
  const byMentor = new Map<string, string[]>();
  for (const p of proposals) byMentor.set(p.mentorId, [...(byMentor.get(p.mentorId) ?? []), p.menteeId]);
  const rule = FORM_GROUP_RULES[form];
  const groups = rule.kinds.some((k) => k !== 'pair');
  const out: GroupedProposal[] = [];
  for (const [mentorId, mentees] of byMentor) {
    const size = groups ? rule.maxMentees : 1;
    for (let i = 0; i < mentees.length; i += size) {
      const chunk = mentees.slice(i, i + size);
      out.push({ mentorId, menteeIds: chunk, kind: kindFor(form, chunk.length) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Individual development plan

export const planGoalSchema = z.object({
  goal: z.string().trim().min(1, 'сформулируйте цель'),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'срок: ожидалась дата ГГГГ-ММ-ДД')
    .nullish(),
  result: z.string().nullish(),
  goalStatus: activityStatuses.schema.nullish(),
  progress: z.number().int().min(0).max(100).nullish(),
  completedAt: z.string().nullish(),
});
export type PlanGoal = z.infer<typeof planGoalSchema>;

interface TemplateGoal {
  goal: string;
  /** Days from the start of the pair's work (the date of the order that fixed it). */
  afterDays: number;
}

const LEARNER_PLAN: readonly TemplateGoal[] = [
  { goal: 'Встреча-знакомство: сформулировать запрос и ожидания наставляемого', afterDays: 14 },
  { goal: 'Определить 2–3 учебные цели и способ измерить результат (оценки, работы)', afterDays: 30 },
  { goal: 'Провести не меньше четырёх рабочих встреч с обратной связью', afterDays: 90 },
  { goal: 'Промежуточный замер: сравнить результаты с начальными', afterDays: 120 },
  { goal: 'Итоговая встреча: результаты, выводы и планы на следующий год', afterDays: 240 },
];
const TEACHER_PLAN: readonly TemplateGoal[] = [
  { goal: 'Диагностика профессиональных затруднений молодого педагога', afterDays: 14 },
  { goal: 'Посетить уроки наставника и разобрать их (не меньше трёх)', afterDays: 45 },
  { goal: 'Разработать технологические карты уроков на четверть', afterDays: 60 },
  { goal: 'Провести открытый урок с разбором наставником', afterDays: 150 },
  { goal: 'Подготовить портфолио и самоанализ по итогам года', afterDays: 240 },
];
const CAREER_PLAN: readonly TemplateGoal[] = [
  { goal: 'Знакомство с предприятием и профессией наставника', afterDays: 21 },
  { goal: 'Выбрать практическую задачу или проект с наставником', afterDays: 45 },
  { goal: 'Выполнить проект (практику) под руководством наставника', afterDays: 150 },
  { goal: 'Защитить проект перед наставником и куратором', afterDays: 210 },
];

/** The plan template of each form: what a pair of this form usually works on, with deadlines. */
export const PLAN_TEMPLATES: Readonly<Record<MentoringForm, readonly TemplateGoal[]>> = {
  pupil_pupil: LEARNER_PLAN,
  student_pupil: LEARNER_PLAN,
  student_student: LEARNER_PLAN,
  teacher_student: LEARNER_PLAN,
  teacher_teacher: TEACHER_PLAN,
  employer_teacher: TEACHER_PLAN,
  employer_pupil: CAREER_PLAN,
  employer_student: CAREER_PLAN,
};

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The plan of a new pair: the form's template, deadlines counted from `start`. */
export function planFromTemplate(
  form: MentoringForm,
  start: string,
): Array<{ goal: string; dueDate: string; goalStatus: 'planned'; progress: number }> {
  return PLAN_TEMPLATES[form].map((g) => ({
    goal: g.goal,
    dueDate: addDays(start, g.afterDays),
    goalStatus: 'planned',
    progress: 0,
  }));
}

/** Problems of a plan as written: a goal marked done says what came of it. */
export function planProblems(goals: readonly PlanGoal[]): Array<{ index: number; message: string }> {
  return goals.flatMap((g, index) =>
    g.goalStatus === 'done' && !g.result?.trim()
      ? [{ index, message: `Цель «${g.goal}» отмечена выполненной: укажите её результат.` }]
      : [],
  );
}

export interface TrackedGoal extends PlanGoal {
  index: number;
  status: ActivityStatus;
  state: ActivityTimingState;
}

/** Each goal judged as a road-map activity «не позднее <срок>» is: done, overdue, due soon … */
export function trackPlan(goals: readonly PlanGoal[], today: string, horizonDays = 30) {
  const tracked: TrackedGoal[] = goals.map((g, index) => {
    const status: ActivityStatus = g.goalStatus ?? (g.progress === 100 ? 'done' : 'planned');
    const deadline = g.dueDate
      ? {
          text: g.dueDate,
          kind: 'until' as const,
          windows: [{ start: null, end: g.dueDate }],
          recurrence: null,
        }
      : null;
    return { ...g, index, status, state: activityTiming(deadline, status, today, horizonDays).state };
  });
  return {
    total: tracked.length,
    done: tracked.filter((g) => g.status === 'done').length,
    overdue: tracked.filter((g) => g.state === 'overdue').length,
    dueSoon: tracked.filter((g) => g.state === 'due_soon').length,
    goals: tracked,
  };
}

// ---------------------------------------------------------------------------------------------------
// Where a programme stands

export interface ProgrammeCycleCounts {
  mentees: number;
  mentors: number;
  /** Mentors who passed the interview and the training. */
  mentorsSelected: number;
  requireMentorTraining: boolean;
  pairs: Partial<Record<PairStatus, number>>;
}

/** The stage of the target model a programme is at, from what its people and pairs show. */
export function programmeCycleStage(c: ProgrammeCycleCounts): ProgrammeStage {
  const p = (s: PairStatus) => c.pairs[s] ?? 0;
  if (p('active') || p('approved')) return 'running';
  if (p('completed')) return 'completion';
  if (p('proposed')) return 'matching';
  if (!c.mentees) return 'mentee_base';
  if (!c.mentors) return 'mentor_base';
  if (c.requireMentorTraining && c.mentorsSelected < c.mentors) return 'mentor_training';
  return 'matching';
}

export const programmeStageLabel = (s: ProgrammeStage) => programmeStages.label(s);

// ---------------------------------------------------------------------------------------------------
// Mentor recognition

export const mentorAwardSchema = z.object({
  kind: mentorAwardKinds.schema,
  title: z.string().trim().max(300).nullish(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'дата награды: ожидалась дата ГГГГ-ММ-ДД'),
  reason: z.string().trim().max(2000).nullish(),
  orderNumber: z.string().trim().max(100).nullish(),
  publish: z.boolean().nullish(),
});
export type MentorAward = z.infer<typeof mentorAwardSchema>;

/** The person's side of publishing an award. */
export interface AwardHolder {
  isMentor?: boolean | null;
  anonymised?: boolean | null;
  consent?: { publication?: boolean | null; withdrawnAt?: string | null } | null;
}

const mayPublish = (p: AwardHolder) => !p.anonymised && !p.consent?.withdrawnAt && !!p.consent?.publication;

/** Why these awards may not be stored for this person; empty when they may. */
export function awardProblems(person: AwardHolder, awards: readonly MentorAward[]): string[] {
  if (!awards.length) return [];
  if (!person.isMentor)
    return ['Награды и благодарности вручаются наставникам: участник не в базе наставников.'];
  if (awards.some((a) => a.publish) && !mayPublish(person))
    return [
      'Опубликовать награду на сайте можно только с согласием наставника на публикацию: отметьте согласие на публикацию или снимите отметку «Публиковать».',
    ];
  return [];
}

/** The awards a visitor may see: marked for publication, of a mentor who consents to it today. */
export function publicAwards(person: AwardHolder, awards: readonly MentorAward[]): MentorAward[] {
  return mayPublish(person) ? awards.filter((a) => a.publish) : [];
}

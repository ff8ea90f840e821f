/**
 * Hard constraints of matching: who may take part at all, and which mentee–mentor pairs a form allows.
 * Each check answers with a Russian reason, so a curator sees why a person was left out.
 */
import { consentProblems } from '../consent.js';
import { mentoringForms, type MentoringForm, type PersonCategory } from '../enums.js';
import type { ParsedParticipant } from './schema.js';

interface FormRule {
  mentors: readonly PersonCategory[];
  mentees: readonly PersonCategory[];
  /** The mentor must be older than the mentee (peer forms). */
  mentorOlder?: boolean;
  /** The mentor comes from a partner organisation, not from the mentee's own. */
  mentorFromPartner?: boolean;
}

const TEACHERS: readonly PersonCategory[] = ['teacher', 'young_specialist'];

/** Which categories each form pairs, as the target model describes the forms. */
export const FORM_RULES: Readonly<Record<MentoringForm, FormRule>> = {
  pupil_pupil: { mentors: ['pupil'], mentees: ['pupil'], mentorOlder: true },
  teacher_teacher: { mentors: ['teacher'], mentees: TEACHERS },
  student_pupil: { mentors: ['student', 'graduate'], mentees: ['pupil'] },
  employer_pupil: { mentors: ['employer'], mentees: ['pupil'], mentorFromPartner: true },
  student_student: { mentors: ['student', 'graduate'], mentees: ['student'], mentorOlder: true },
  teacher_student: { mentors: ['teacher'], mentees: ['student', 'pupil'] },
  employer_student: { mentors: ['employer'], mentees: ['student'], mentorFromPartner: true },
  employer_teacher: { mentors: ['employer'], mentees: TEACHERS, mentorFromPartner: true },
};

const categoryWords: Readonly<Record<PersonCategory, string>> = {
  pupil: 'обучающийся (школьник)',
  student: 'студент',
  teacher: 'педагог',
  young_specialist: 'молодой специалист',
  graduate: 'выпускник',
  employer: 'работодатель',
  parent: 'родитель',
  staff: 'сотрудник',
};

const listCategories = (cs: readonly PersonCategory[]) => cs.map((c) => categoryWords[c]).join(' или ');

function consentReason(p: ParsedParticipant, today: string): string | undefined {
  if (p.anonymised) return 'данные обезличены после отзыва согласия';
  if (p.awaitingConsent && !p.consent) return 'ожидает согласия на обработку персональных данных';
  if (p.consent?.withdrawnAt) return 'согласие на обработку персональных данных отозвано';
  const [problem] = consentProblems(p, today);
  return problem
    ? `нет действующего согласия на обработку персональных данных (${problem.message})`
    : undefined;
}

/** Why a mentee cannot be matched in this form at all, or undefined. */
export function menteeIneligibility(
  p: ParsedParticipant,
  form: MentoringForm,
  today: string,
): string | undefined {
  const consent = consentReason(p, today);
  if (consent) return `Наставляемый: ${consent}.`;
  const rule = FORM_RULES[form];
  if (!rule.mentees.includes(p.category))
    return `Наставляемый по форме «${mentoringForms.label(form)}» — ${listCategories(rule.mentees)}, а участник — ${categoryWords[p.category]}.`;
  if (p.activeInProgramme > 0) return 'Наставляемый уже состоит в действующей паре этой программы.';
  return undefined;
}

/** Free places of a mentor in this programme: the stated capacity minus mentees already led. */
export function mentorFreePlaces(p: ParsedParticipant): number {
  return Math.max(0, (p.profile.capacity ?? 1) - p.activeInProgramme);
}

/** Why a mentor cannot be offered in this form at all, or undefined. */
export function mentorIneligibility(
  p: ParsedParticipant,
  form: MentoringForm,
  today: string,
  requireTraining: boolean,
): string | undefined {
  const consent = consentReason(p, today);
  if (consent) return `Наставник: ${consent}.`;
  const rule = FORM_RULES[form];
  if (!rule.mentors.includes(p.category))
    return `Наставник по форме «${mentoringForms.label(form)}» — ${listCategories(rule.mentors)}, а участник — ${categoryWords[p.category]}.`;
  if (requireTraining && !(p.selection?.interviewHeld && p.selection.trainingCompleted)) {
    const missing = [
      p.selection?.interviewHeld ? null : 'собеседование',
      p.selection?.trainingCompleted ? null : 'обучение наставников',
    ].filter(Boolean);
    return `Наставник не прошёл отбор: программа требует ${missing.join(' и ')}.`;
  }
  if (mentorFreePlaces(p) === 0)
    return (p.profile.capacity ?? 1) === 0
      ? 'Наставник указал, что не может взять наставляемых.'
      : 'У наставника нет свободных мест: все заняты действующими парами этой программы.';
  return undefined;
}

/** Age in milliseconds by the birth date, else by the birth year; undefined when neither is known. */
function computeAge(p: ParsedParticipant, today: string): number | undefined {
  const born = p.birthDate ? Date.parse(p.birthDate.slice(0, 10)) : NaN;
  if (!Number.isNaN(born)) return Date.parse(today) - born;
  if (p.birthYear) return Date.parse(today) - Date.parse(`${p.birthYear}-07-01`);
  return undefined;
}

// A participant is compared with hundreds of others in one run: parse the dates once.
const ages = new WeakMap<ParsedParticipant, { today: string; age: number | undefined }>();
function ageKey(p: ParsedParticipant, today: string): number | undefined {
  const cached = ages.get(p);
  if (cached?.today === today) return cached.age;
  const age = computeAge(p, today);
  ages.set(p, { today, age });
  return age;
}

/** The grade of a class as written: «9А» → 9, «11 Б» → 11; undefined for groups like «ИС-21». */
export function gradeOf(classOrGroup: string | null | undefined): number | undefined {
  const m = /^\s*(\d{1,2})\s*[-\s]?[А-ЯЁа-яё]?\s*$/.exec(classOrGroup ?? '');
  return m ? Number(m[1]) : undefined;
}

function olderProblem(mentee: ParsedParticipant, mentor: ParsedParticipant, today: string) {
  const a = ageKey(mentor, today);
  const b = ageKey(mentee, today);
  if (a !== undefined && b !== undefined) return a > b ? undefined : 'наставник не старше наставляемого';
  const ga = gradeOf(mentor.classOrGroup);
  const gb = gradeOf(mentee.classOrGroup);
  if (ga !== undefined && gb !== undefined)
    return ga > gb ? undefined : 'наставник учится не в старшем классе, чем наставляемый';
  return 'неизвестен возраст или класс, чтобы проверить, что наставник старше';
}

export interface PairContext {
  form: MentoringForm;
  today: string;
  /** Partners of each organisation (symmetric). */
  partners: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Why this mentor cannot lead this mentee (both already eligible on their own), or undefined. */
export function pairProblem(
  mentee: ParsedParticipant,
  mentor: ParsedParticipant,
  ctx: PairContext,
): string | undefined {
  if (mentee.id === mentor.id) return 'наставник и наставляемый — один и тот же человек';
  const rule = FORM_RULES[ctx.form];
  const partner = ctx.partners.get(mentee.organisationId)?.has(mentor.organisationId) ?? false;
  if (rule.mentorFromPartner) {
    if (!partner) return 'работодатель не из организации-партнёра';
  } else if (mentor.organisationId !== mentee.organisationId && !partner) {
    return 'другая организация, не партнёр';
  }
  if (rule.mentorOlder) return olderProblem(mentee, mentor, ctx.today);
  return undefined;
}

export function partnerMap(pairs: ReadonlyArray<readonly [string, string]>) {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return map;
}

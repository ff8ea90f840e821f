/**
 * The soft score of a compatible pair from the questionnaire answers, with the explanation a curator
 * reads: per criterion the share met, the answers that matched and those that did not.
 */
import { mentoringForms, type MentoringForm } from '../enums.js';
import type { Answers } from '../questionnaire.js';
import {
  matchingCriteria,
  matchingCriterionLabels,
  matchingProfileSchema,
  type CriterionResult,
  type MatchingCriterion,
  type MatchingProfile,
  type MatchingWeights,
} from './schema.js';

/** Case, «ё» and spacing do not make two answers different. */
export const normaliseAnswer = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** The mentee's items found among the mentor's, by normalised wording, keeping the mentee's wording. */
function overlap(wanted: readonly string[], offered: readonly string[]) {
  const have = new Set(offered.map(normaliseAnswer));
  const matched: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const key = normaliseAnswer(w);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    (have.has(key) ? matched : missing).push(w.trim());
  }
  return { matched, missing };
}

const quote = (items: readonly string[]) => items.map((i) => `«${i}»`).join(', ');

/**
 * A criterion the mentee left blank is neither met nor failed: it counts half, so that an empty answer
 * does not beat an answer that matched, nor lose to one that did not.
 */
function listCriterion(
  criterion: MatchingCriterion,
  wanted: readonly string[],
  offered: readonly string[],
  subject: { mentee: string; mentor: string },
): Omit<CriterionResult, 'weight'> {
  const label = matchingCriterionLabels[criterion];
  const { matched, missing } = overlap(wanted, offered);
  const total = matched.length + missing.length;
  if (!total)
    return { criterion, label, share: 0.5, matched: [], missing: [], note: `${subject.mentee} не указаны` };
  const share = matched.length / total;
  const note = matched.length
    ? `совпали ${quote(matched)} (${matched.length} из ${total})` +
      (missing.length ? `; ${subject.mentor} нет ${quote(missing)}` : '')
    : `${subject.mentor} нет ${quote(missing)}`;
  return { criterion, label, share, matched, missing, note };
}

function formCriterion(
  form: MentoringForm,
  mentee: MatchingProfile,
  mentor: MatchingProfile,
): Omit<CriterionResult, 'weight'> {
  const side = (p: MatchingProfile) =>
    !p.preferredForms.length ? 0.5 : p.preferredForms.includes(form) ? 1 : 0;
  const share = (side(mentee) + side(mentor)) / 2;
  const words = (p: MatchingProfile, who: string) =>
    !p.preferredForms.length
      ? `${who} не указал предпочтений`
      : p.preferredForms.includes(form)
        ? `${who} выбрал эту форму`
        : `${who} предпочитает ${p.preferredForms.map((f) => `«${mentoringForms.label(f)}»`).join(', ')}`;
  const matched = [mentee, mentor].some((p) => p.preferredForms.includes(form))
    ? [mentoringForms.label(form)]
    : [];
  return {
    criterion: 'form',
    label: matchingCriterionLabels.form,
    share,
    matched,
    missing: [],
    note: `${words(mentee, 'наставляемый')}, ${words(mentor, 'наставник')}`,
  };
}

/** A profile with every list reduced to its distinct normalised answers, for fast scoring. */
export interface PreparedProfile {
  requests: string[];
  competences: Set<string>;
  subjects: string[];
  subjectSet: Set<string>;
  interests: string[];
  interestSet: Set<string>;
  availability: string[];
  availabilitySet: Set<string>;
  forms: ReadonlySet<MentoringForm>;
}

const distinct = (items: readonly string[]) => [...new Set(items.map(normaliseAnswer).filter(Boolean))];

export function prepareProfile(p: MatchingProfile): PreparedProfile {
  const subjects = distinct(p.subjects);
  const interests = distinct(p.interests);
  const availability = distinct(p.availability);
  return {
    requests: distinct(p.requests),
    competences: new Set(distinct(p.competences)),
    subjects,
    subjectSet: new Set(subjects),
    interests,
    interestSet: new Set(interests),
    availability,
    availabilitySet: new Set(availability),
    forms: new Set(p.preferredForms),
  };
}

function listShare(wanted: readonly string[], offered: ReadonlySet<string>) {
  if (!wanted.length) return 0.5;
  let hit = 0;
  for (const w of wanted) if (offered.has(w)) hit++;
  return hit / wanted.length;
}

const formSide = (forms: ReadonlySet<MentoringForm>, form: MentoringForm) =>
  !forms.size ? 0.5 : forms.has(form) ? 1 : 0;

/** The share of each criterion met: what the score is made of. */
function shares(
  form: MentoringForm,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): Record<MatchingCriterion, number> {
  return {
    requests: listShare(mentee.requests, mentor.competences),
    subjects: listShare(mentee.subjects, mentor.subjectSet),
    interests: listShare(mentee.interests, mentor.interestSet),
    availability: listShare(mentee.availability, mentor.availabilitySet),
    form: (formSide(mentee.forms, form) + formSide(mentor.forms, form)) / 2,
  };
}

/** Score 0…100, an integer so that the optimiser compares totals exactly. */
export function scoreValue(
  form: MentoringForm,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
  weights: MatchingWeights,
): number {
  const s = shares(form, mentee, mentor);
  let sum = 0;
  let total = 0;
  matchingCriteria.forEach((c) => {
    sum += weights[c] * s[c];
    total += weights[c];
  });
  return Math.round((100 * sum) / total);
}

export interface PairScore {
  score: number;
  criteria: CriterionResult[];
  explanation: string;
}

/** The score with its explanation in Russian: which answers matched and what lowered the score. */
export function scorePair(
  form: MentoringForm,
  mentee: MatchingProfile,
  mentor: MatchingProfile,
  weights: MatchingWeights,
): PairScore {
  const parts: Record<MatchingCriterion, Omit<CriterionResult, 'weight'>> = {
    requests: listCriterion('requests', mentee.requests, mentor.competences, {
      mentee: 'запросы наставляемого',
      mentor: 'в компетенциях наставника',
    }),
    subjects: listCriterion('subjects', mentee.subjects, mentor.subjects, {
      mentee: 'предметы наставляемого',
      mentor: 'у наставника',
    }),
    interests: listCriterion('interests', mentee.interests, mentor.interests, {
      mentee: 'интересы наставляемого',
      mentor: 'у наставника',
    }),
    availability: listCriterion('availability', mentee.availability, mentor.availability, {
      mentee: 'свободное время наставляемого',
      mentor: 'у наставника не свободно',
    }),
    form: formCriterion(form, mentee, mentor),
  };
  const criteria = matchingCriteria.map((c) => ({ ...parts[c], weight: weights[c] }));
  const score = scoreValue(form, prepareProfile(mentee), prepareProfile(mentor), weights);
  const counted = criteria.filter((c) => c.weight > 0);
  const good = counted.filter((c) => c.matched.length > 0);
  const lowered = counted.filter((c) => c.share < 1);
  const explanation = [
    `Оценка ${score} из 100.`,
    good.length ? `Совпало: ${good.map((c) => `${c.label.toLowerCase()} — ${c.note}`).join('; ')}.` : '',
    lowered.length
      ? `Снизило оценку: ${lowered
          .map(
            (c) =>
              `${c.label.toLowerCase()} (вес ${c.weight}, выполнено ${Math.round(c.share * 100)} %) — ${c.note}`,
          )
          .join('; ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { score, criteria, explanation };
}

/** Question codes of the standard intake questionnaires that matching reads. */
export const INTAKE_CODES = {
  requests: 'requests',
  competences: 'competences',
  subjects: 'subjects',
  interests: 'interests',
  availability: 'availability',
  preferredForms: 'preferred_form',
  capacity: 'capacity',
} as const;

/** A multichoice answer as it is, a text answer split at commas and semicolons. */
function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (typeof value === 'string')
    return value
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

/**
 * The matching profile from intake answers (by the standard question codes). A preferred form may be
 * answered by its code or by its Russian label.
 */
export function profileFromAnswers(answers: Answers): MatchingProfile {
  const byLabel = new Map(mentoringForms.values.map((v) => [normaliseAnswer(mentoringForms.label(v)), v]));
  const forms = asList(answers[INTAKE_CODES.preferredForms])
    .map((f) =>
      mentoringForms.values.includes(f as MentoringForm)
        ? (f as MentoringForm)
        : byLabel.get(normaliseAnswer(f)),
    )
    .filter((f): f is MentoringForm => f !== undefined);
  const capacity = answers[INTAKE_CODES.capacity];
  return matchingProfileSchema.parse({
    requests: asList(answers[INTAKE_CODES.requests]),
    competences: asList(answers[INTAKE_CODES.competences]),
    subjects: asList(answers[INTAKE_CODES.subjects]),
    interests: asList(answers[INTAKE_CODES.interests]),
    availability: asList(answers[INTAKE_CODES.availability]),
    preferredForms: forms,
    capacity:
      typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 0 && capacity <= 50
        ? capacity
        : typeof capacity === 'string' && /^\d{1,2}$/.test(capacity.trim())
          ? Number(capacity.trim())
          : null,
  });
}

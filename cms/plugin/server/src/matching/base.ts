/**
 * The bases of mentees and mentors of one programme as matching reads them: the programme's people with
 * their consents, their latest intake answers (over the fields of their card), the pairs they are
 * already in, mentors' selection and training, and where each mentor comes from (a partner).
 */
import { errors } from '@strapi/utils';
import {
  DEFAULT_MATCHING_WEIGHTS,
  matchingWeightsSchema,
  mentoringForms,
  profileFromAnswers,
  type Answers,
  type MatchingInput,
  type MatchingParticipant,
  type MatchingWeights,
  type MentoringForm,
} from '@nastavnik/shared';
import { currentActor } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';

const PROGRAMME = 'plugin::nastavnik.programme';
const PERSON = 'plugin::nastavnik.person';
const PAIR = 'plugin::nastavnik.pair';
const RESPONSE = 'plugin::nastavnik.questionnaire-response';
const PARTNER = 'plugin::nastavnik.partner';

/** Pairs whose people are taken: proposed, fixed by order, or working. */
export const OPEN_PAIR_STATUSES = ['proposed', 'approved', 'active'] as const;

export interface ProgrammeRecord {
  documentId: string;
  title: string;
  form: MentoringForm;
  organisation: { documentId: string; name: string };
  curator?: { fullName?: string | null } | null;
  weights: MatchingWeights;
  requireMentorTraining: boolean;
}

interface PersonRow {
  documentId: string;
  fullName: string;
  category: MatchingParticipant['category'];
  birthDate?: string | null;
  birthYear?: number | null;
  classOrGroup?: string | null;
  awaitingConsent?: boolean | null;
  anonymised?: boolean | null;
  isMentor?: boolean | null;
  isMentee?: boolean | null;
  competencies?: string | null;
  interests?: string | null;
  requests?: string | null;
  availability?: string | null;
  preferredForms?: unknown;
  capacity?: number | null;
  mentorInterviewAt?: string | null;
  mentorTrainingAt?: string | null;
  partner?: { documentId: string } | null;
  consent?: MatchingParticipant['consent'];
}

/** Matching and its writes are the curator's: they read and create personal data of the organisation. */
export async function requireCurator(strapi: Strapi, programmeId: string): Promise<ProgrammeRecord> {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему, чтобы подбирать пары.');
  const row = (await strapi.db.query(PROGRAMME).findOne({
    where: { documentId: programmeId },
    select: ['documentId', 'title', 'form', 'matchingWeights', 'requireMentorTraining'],
    populate: { organisation: { select: ['documentId', 'name'] }, curator: { select: ['fullName'] } },
  })) as
    | (Omit<ProgrammeRecord, 'weights' | 'requireMentorTraining'> & {
        organisation: ProgrammeRecord['organisation'] | null;
        matchingWeights?: unknown;
        requireMentorTraining?: boolean | null;
      })
    | null;
  if (!row?.organisation)
    throw new errors.NotFoundError('Программа не найдена или не относится к организации.');
  if (actor.kind === 'user') {
    if (!actor.scope.has(row.organisation.documentId))
      throw new errors.NotFoundError('Программа не найдена или не относится к организации.');
    if (actor.role !== 'curator')
      throw new errors.ForbiddenError('Подбирать и закреплять наставнические пары может только куратор.');
  }
  const weights =
    row.matchingWeights == null ? DEFAULT_MATCHING_WEIGHTS : matchingWeightsSchema.parse(row.matchingWeights);
  return {
    documentId: row.documentId,
    title: row.title,
    form: row.form,
    organisation: row.organisation,
    curator: row.curator ?? null,
    weights,
    requireMentorTraining: row.requireMentorTraining ?? false,
  };
}

/** The fields of a person's card that intake answers may replace. */
export type CardFields = Pick<
  PersonRow,
  'competencies' | 'interests' | 'requests' | 'availability' | 'preferredForms' | 'capacity'
>;

/** The card's own fields in the intake questionnaire's codes, so that answers given later replace them. */
export function cardAnswers(p: CardFields): Answers {
  return {
    requests: p.requests ?? undefined,
    competences: p.competencies ?? undefined,
    interests: p.interests ?? undefined,
    availability: p.availability ?? undefined,
    preferred_form: Array.isArray(p.preferredForms) ? p.preferredForms : undefined,
    capacity: p.capacity ?? undefined,
  };
}

export interface MatchingBase {
  programme: ProgrammeRecord;
  input: MatchingInput;
  names: Map<string, string>;
}

export async function loadMatchingBase(
  strapi: Strapi,
  programme: ProgrammeRecord,
  form: MentoringForm = programme.form,
): Promise<MatchingBase> {
  if (!mentoringForms.values.includes(form))
    throw new errors.ValidationError(`Неизвестная форма наставничества ${form}.`);
  const organisation = programme.organisation.documentId;
  const people = (await strapi.db.query(PERSON).findMany({
    where: { organisation: { documentId: organisation }, $or: [{ isMentor: true }, { isMentee: true }] },
    populate: { consent: true, partner: { select: ['documentId'] } },
  })) as PersonRow[];
  const ids = people.map((p) => p.documentId);

  const responses = (await strapi.db.query(RESPONSE).findMany({
    where: { person: { documentId: { $in: ids } }, questionnaire: { purpose: 'intake' } },
    select: ['answers', 'submittedAt'],
    populate: { person: { select: ['documentId'] } },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
  })) as Array<{ answers: unknown; person?: { documentId: string } | null }>;
  const latest = new Map<string, Answers>();
  for (const r of responses) {
    const id = r.person?.documentId;
    if (id && !latest.has(id) && r.answers && typeof r.answers === 'object')
      latest.set(id, r.answers as Answers);
  }

  const pairs = (await strapi.db.query(PAIR).findMany({
    where: { programme: { documentId: programme.documentId }, pairStatus: { $in: [...OPEN_PAIR_STATUSES] } },
    select: ['documentId'],
    populate: { mentors: { select: ['documentId'] }, mentees: { select: ['documentId'] } },
  })) as Array<{ mentors?: Array<{ documentId: string }>; mentees?: Array<{ documentId: string }> }>;
  const taken = new Map<string, number>();
  const led = new Map<string, number>();
  for (const pair of pairs) {
    for (const m of pair.mentees ?? []) taken.set(m.documentId, (taken.get(m.documentId) ?? 0) + 1);
    for (const m of pair.mentors ?? [])
      led.set(m.documentId, (led.get(m.documentId) ?? 0) + (pair.mentees?.length ?? 0));
  }

  const partners = (await strapi.db.query(PARTNER).findMany({
    where: { organisation: { documentId: organisation } },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;

  const participant = (p: PersonRow, activeInProgramme: number): MatchingParticipant => ({
    id: p.documentId,
    category: p.category,
    // A mentor sent by a partner belongs to the partner: the partnership decides, not the card's school.
    organisationId: p.partner ? `partner:${p.partner.documentId}` : organisation,
    birthDate: p.birthDate ?? null,
    birthYear: p.birthYear ?? null,
    classOrGroup: p.classOrGroup ?? null,
    consent: p.consent ?? null,
    awaitingConsent: p.awaitingConsent ?? false,
    anonymised: p.anonymised ?? false,
    profile: profileFromAnswers({ ...cardAnswers(p), ...(latest.get(p.documentId) ?? {}) }),
    activeInProgramme,
    selection: { interviewHeld: !!p.mentorInterviewAt, trainingCompleted: !!p.mentorTrainingAt },
  });

  return {
    programme,
    names: new Map(people.map((p) => [p.documentId, p.fullName])),
    input: {
      form,
      today: new Date().toISOString().slice(0, 10),
      weights: programme.weights,
      requireMentorTraining: programme.requireMentorTraining,
      mentees: people.filter((p) => p.isMentee).map((p) => participant(p, taken.get(p.documentId) ?? 0)),
      mentors: people.filter((p) => p.isMentor).map((p) => participant(p, led.get(p.documentId) ?? 0)),
      partnerships: partners.map((p) => [organisation, `partner:${p.documentId}`] as [string, string]),
    },
  };
}

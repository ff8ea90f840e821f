/**
 * The base of mentees and the base of mentors (stages 2–4): people of an organisation with a valid
 * consent, each with their latest intake answers over their card, filterable by form, category,
 * class or group and request (competence for mentors). Read through the document service, so the
 * caller's organisation scope and the personal-data access log apply.
 */
import {
  baseFilterSchema,
  consentProblems,
  FORM_RULES,
  normaliseAnswer,
  profileFromAnswers,
  type Answers,
  type BaseFilter,
  type PersonCategory,
} from '@nastavnik/shared';
import { cardAnswers, type CardFields } from '../matching/base.js';
import type { Strapi } from '../types.js';
import { validationErrorFrom } from '../validation.js';
import { organisationFor, requireCuratorActor } from './access.js';

const PERSON = 'plugin::nastavnik.person';
const RESPONSE = 'plugin::nastavnik.questionnaire-response';

export type BaseSide = 'mentee' | 'mentor';

interface BasePersonRow extends CardFields {
  documentId: string;
  fullName: string;
  category: PersonCategory;
  birthDate?: string | null;
  birthYear?: number | null;
  classOrGroup?: string | null;
  awaitingCurator?: boolean | null;
  mentorInterviewAt?: string | null;
  mentorTrainingAt?: string | null;
  consent?: Parameters<typeof consentProblems>[0]['consent'];
  awards?: unknown[] | null;
  organisation?: { documentId: string; name: string } | null;
}

export async function personBase(strapi: Strapi, side: BaseSide, raw: unknown) {
  const parsed = baseFilterSchema.safeParse(raw ?? {});
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'Фильтр базы');
  const filter: BaseFilter = parsed.data;
  const actor = await requireCuratorActor(
    strapi,
    side === 'mentee' ? 'Просматривать базу наставляемых' : 'Просматривать базу наставников',
  );
  const organisation = organisationFor(actor, filter.organisation);
  const rule = filter.form ? FORM_RULES[filter.form] : undefined;
  const categories = rule ? (side === 'mentee' ? rule.mentees : rule.mentors) : undefined;
  const people = (await strapi.documents(PERSON).findMany({
    filters: {
      ...(side === 'mentee' ? { isMentee: true } : { isMentor: true }),
      anonymised: { $ne: true },
      awaitingConsent: { $ne: true },
      ...(organisation ? { organisation: { documentId: organisation } } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(categories && !filter.category ? { category: { $in: [...categories] } } : {}),
      ...(filter.classOrGroup ? { classOrGroup: { $containsi: filter.classOrGroup } } : {}),
      ...(filter.awaitingCurator != null ? { awaitingCurator: filter.awaitingCurator } : {}),
    },
    populate: { consent: true, awards: true, organisation: { fields: ['documentId', 'name'] } },
    sort: ['fullName:asc'],
    limit: 10_000,
  })) as unknown as BasePersonRow[];

  const today = new Date().toISOString().slice(0, 10);
  const consenting = people.filter(
    (p) => (!categories || categories.includes(p.category)) && !consentProblems(p, today).length,
  );
  const responses = consenting.length
    ? ((await strapi.db.query(RESPONSE).findMany({
        where: {
          person: { documentId: { $in: consenting.map((p) => p.documentId) } },
          questionnaire: { purpose: 'intake' },
        },
        select: ['answers', 'submittedAt'],
        populate: { person: { select: ['documentId'] }, questionnaire: { select: ['title'] } },
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      })) as Array<{
        answers: unknown;
        submittedAt?: string | null;
        person?: { documentId: string } | null;
        questionnaire?: { title: string } | null;
      }>)
    : [];
  const latest = new Map<string, (typeof responses)[number]>();
  for (const r of responses) {
    const id = r.person?.documentId;
    if (id && !latest.has(id)) latest.set(id, r);
  }

  const wanted = filter.request ? normaliseAnswer(filter.request) : undefined;
  return consenting.flatMap((p) => {
    const intake = latest.get(p.documentId);
    const answers = intake?.answers && typeof intake.answers === 'object' ? (intake.answers as Answers) : {};
    const profile = profileFromAnswers({ ...cardAnswers(p), ...answers });
    const asked = side === 'mentee' ? profile.requests : profile.competences;
    if (wanted && !asked.some((r) => normaliseAnswer(r).includes(wanted))) return [];
    return [
      {
        documentId: p.documentId,
        fullName: p.fullName,
        category: p.category,
        classOrGroup: p.classOrGroup ?? null,
        organisation: p.organisation?.name ?? '',
        awaitingCurator: p.awaitingCurator ?? false,
        consentGivenBy: p.consent?.givenBy ?? null,
        publicationConsent: p.consent?.publication ?? false,
        requests: profile.requests,
        competences: profile.competences,
        subjects: profile.subjects,
        interests: profile.interests,
        availability: profile.availability,
        preferredForms: profile.preferredForms,
        capacity: side === 'mentor' ? (profile.capacity ?? 1) : null,
        intakeQuestionnaire: intake?.questionnaire?.title ?? null,
        intakeSubmittedAt: intake?.submittedAt ?? null,
        intakeAnswers: intake ? answers : null,
        mentorInterviewAt: p.mentorInterviewAt ?? null,
        mentorTrainingAt: p.mentorTrainingAt ?? null,
        selectionPassed: !!p.mentorInterviewAt && !!p.mentorTrainingAt,
        awards: (p.awards ?? []).length,
      },
    ];
  });
}

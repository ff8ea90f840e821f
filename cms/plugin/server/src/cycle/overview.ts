/**
 * Where each programme the caller sees stands in the cycle: the stage its people and pairs show, with
 * the counts behind it (never a name). The admin panel's home screen and GraphQL read this.
 */
import {
  programmeCycleStage,
  programmeStages,
  type PairStatus,
  type ProgrammeStage,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';

const PROGRAMME = 'plugin::nastavnik.programme';
const PERSON = 'plugin::nastavnik.person';
const PAIR = 'plugin::nastavnik.pair';

export interface ProgrammeCycleItem {
  documentId: string;
  title: string;
  organisation: string;
  stage: ProgrammeStage;
  stageLabel: string;
  mentees: number;
  mentors: number;
  mentorsSelected: number;
  pairs: Partial<Record<PairStatus, number>>;
}

export async function programmeCycle(strapi: Strapi, limit = 100): Promise<ProgrammeCycleItem[]> {
  const programmes = (await strapi.documents(PROGRAMME).findMany({
    fields: ['documentId', 'title', 'requireMentorTraining'],
    populate: { organisation: { fields: ['documentId', 'name', 'shortName'] } },
    sort: ['updatedAt:desc'],
    limit,
  })) as Array<{
    documentId: string;
    title: string;
    requireMentorTraining?: boolean | null;
    organisation?: { documentId: string; name: string; shortName?: string | null } | null;
  }>;
  if (!programmes.length) return [];
  const orgIds = [...new Set(programmes.flatMap((p) => (p.organisation ? [p.organisation.documentId] : [])))];
  // Counts only: the caller may not read these people, but how many there are is no one's personal data.
  const people = (await strapi.db.query(PERSON).findMany({
    where: {
      organisation: { documentId: { $in: orgIds } },
      anonymised: { $ne: true },
      awaitingConsent: { $ne: true },
      $or: [{ isMentor: true }, { isMentee: true }],
    },
    select: ['isMentor', 'isMentee', 'mentorInterviewAt', 'mentorTrainingAt'],
    populate: { organisation: { select: ['documentId'] } },
  })) as Array<{
    isMentor?: boolean | null;
    isMentee?: boolean | null;
    mentorInterviewAt?: string | null;
    mentorTrainingAt?: string | null;
    organisation?: { documentId: string } | null;
  }>;
  const pairs = (await strapi.db.query(PAIR).findMany({
    where: { programme: { documentId: { $in: programmes.map((p) => p.documentId) } } },
    select: ['pairStatus'],
    populate: { programme: { select: ['documentId'] } },
  })) as Array<{ pairStatus: PairStatus; programme?: { documentId: string } | null }>;
  return programmes.map((p) => {
    const own = people.filter((x) => x.organisation?.documentId === p.organisation?.documentId);
    const counts: Partial<Record<PairStatus, number>> = {};
    for (const pair of pairs)
      if (pair.programme?.documentId === p.documentId)
        counts[pair.pairStatus] = (counts[pair.pairStatus] ?? 0) + 1;
    const mentors = own.filter((x) => x.isMentor);
    const item = {
      mentees: own.filter((x) => x.isMentee).length,
      mentors: mentors.length,
      mentorsSelected: mentors.filter((x) => x.mentorInterviewAt && x.mentorTrainingAt).length,
      pairs: counts,
    };
    const stage = programmeCycleStage({ ...item, requireMentorTraining: p.requireMentorTraining ?? false });
    return {
      documentId: p.documentId,
      title: p.title,
      organisation: p.organisation?.shortName || p.organisation?.name || '',
      stage,
      stageLabel: programmeStages.label(stage),
      ...item,
    };
  });
}

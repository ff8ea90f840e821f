/**
 * The standard questionnaires (`STANDARD_QUESTIONNAIRES` in the shared package) as each educational
 * organisation's own copy, which its curators edit. Supervising bodies run no programmes, so they get
 * none. A copy is recognised by organisation and title: what exists is left alone.
 */
import type { Core } from '@strapi/strapi';
import { STANDARD_QUESTIONNAIRES, supervisingKinds, type OrganisationKind } from '@nastavnik/shared';

const QUESTIONNAIRE = 'plugin::nastavnik.questionnaire';

export async function seedQuestionnaires(
  strapi: Core.Strapi,
  organisations: ReadonlyArray<{ documentId: string; kind: OrganisationKind }>,
): Promise<number> {
  const targets = organisations.filter((o) => !supervisingKinds.includes(o.kind));
  const existing = (await strapi.db.query(QUESTIONNAIRE).findMany({
    where: { organisation: { documentId: { $in: targets.map((o) => o.documentId) } } },
    select: ['title'],
    populate: { organisation: { select: ['documentId'] } },
  })) as Array<{ title: string; organisation?: { documentId: string } | null }>;
  const have = new Set(existing.map((q) => `${q.organisation?.documentId ?? ''}\u0000${q.title}`));
  let created = 0;
  for (const organisation of targets) {
    for (const template of STANDARD_QUESTIONNAIRES) {
      if (have.has(`${organisation.documentId}\u0000${template.title}`)) continue;
      await strapi.documents(QUESTIONNAIRE).create({
        data: { ...template, questions: template.questions, organisation: organisation.documentId },
      });
      created++;
    }
  }
  return created;
}

/**
 * Mentors' awards a visitor may see: only those marked for the site, of a mentor who consents to
 * publication today (withdrawal or anonymisation hides them at once). People are never public, so this
 * reads them as trusted code and hands the page nothing but the name and the award.
 */
import { mentorAwardKinds, mentorAwardSchema, publicAwards, type AwardHolder } from '@nastavnik/shared';
import type { Strapi } from '../types.js';

export interface PublicAward {
  mentor: string;
  kind: string;
  kindLabel: string;
  title: string | null;
  date: string;
}

export async function mentorAwardsOf(strapi: Strapi, organisation: string): Promise<PublicAward[]> {
  const people = (await strapi.db.query('plugin::nastavnik.person').findMany({
    where: {
      organisation: { documentId: organisation },
      isMentor: true,
      anonymised: { $ne: true },
    },
    select: ['fullName', 'isMentor', 'anonymised'],
    populate: { consent: true, awards: true },
  })) as Array<AwardHolder & { fullName: string; awards?: unknown[] | null }>;
  return people
    .flatMap((p) => {
      const awards = (p.awards ?? []).flatMap((a) => {
        const parsed = mentorAwardSchema.safeParse(a);
        return parsed.success ? [parsed.data] : [];
      });
      return publicAwards(p, awards).map((a) => ({
        mentor: p.fullName,
        kind: a.kind,
        kindLabel: mentorAwardKinds.label(a.kind),
        title: a.title ?? null,
        date: a.date,
      }));
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}

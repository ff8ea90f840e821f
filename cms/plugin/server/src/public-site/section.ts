/**
 * Everything one organisation's public section shows, as data for headless sites: the GraphQL query
 * `nastavnikPublicSection(slug)` answers it in one round trip. Read as an anonymous visitor (public
 * fields, redactions, only published and approved documents), with a fixed number of queries whatever
 * the section holds, and kept per data version like the rendered pages.
 */
import { currentVersion } from './cache.js';
import {
  childrenOf,
  currentRoadmap,
  kpisOf,
  newsOf,
  organisationBySlug,
  partnersOf,
  programmesOf,
  progressOf,
  roadmapsOf,
  sectionOf,
  casesOf,
} from './data.js';
import type { Strapi } from '../types.js';
import { mentorAwardsOf } from './awards.js';

async function build(strapi: Strapi, slug: string) {
  const organisation = await organisationBySlug(strapi, slug);
  if (!organisation) return null;
  const id = organisation.documentId;
  const [section, roadmaps, children, news, partners, programmes, cases, kpis] = await Promise.all([
    sectionOf(strapi, id),
    roadmapsOf(strapi, id),
    childrenOf(strapi, id),
    newsOf(strapi, id, 20),
    partnersOf(strapi, id),
    programmesOf(strapi, id),
    casesOf(strapi, id),
    kpisOf(strapi, id),
  ]);
  const roadmap = section?.showRoadmap === false ? undefined : currentRoadmap(roadmaps);
  const progress = roadmap ? await progressOf(strapi, roadmap.documentId) : null;
  const mentorAwards = await mentorAwardsOf(strapi, id);
  return {
    organisation,
    section,
    roadmap: roadmap && progress ? { ...roadmap, progress } : null,
    roadmapVersions: roadmaps,
    programmes,
    cases,
    news,
    partners,
    kpis: section?.showKpis === false ? [] : kpis,
    children,
    mentorAwards,
  };
}

export type PublicSection = NonNullable<Awaited<ReturnType<typeof build>>>;

let version = '';
const sections = new Map<string, Promise<PublicSection | null>>();

export async function publicSection(strapi: Strapi, slug: string): Promise<PublicSection | null> {
  const now = await currentVersion(strapi);
  if (now !== version) {
    sections.clear();
    version = now;
  }
  let found = sections.get(slug);
  if (!found) {
    found = build(strapi, slug);
    // A failed read is not kept; the next request tries again.
    found.catch(() => sections.delete(slug));
    if (sections.size < 2000) sections.set(slug, found);
  }
  return found;
}

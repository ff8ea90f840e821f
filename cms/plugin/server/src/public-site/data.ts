/**
 * What the public pages show, read through the document service as an anonymous visitor: the tenancy
 * middleware then applies every type's public fields, publication conditions and redactions (authors
 * and curator contacts without a publication consent are gone before a template sees them), exactly as
 * for the anonymous REST and GraphQL APIs. Relations to public types are read by a second query of that
 * type rather than populated, so that type's own rules apply to them too.
 */
import { asAnonymous } from '../tenancy/actor.js';
import { roadmapProgress, type RoadmapProgress } from '../roadmaps/progress.js';
import type { Strapi } from '../types.js';

const ORG = 'plugin::nastavnik.organisation';
const SECTION = 'plugin::nastavnik.site-section';
const PROGRAMME = 'plugin::nastavnik.programme';
const CASE = 'plugin::nastavnik.case';
const NEWS = 'plugin::nastavnik.news-item';
const ROADMAP = 'plugin::nastavnik.roadmap';
const PARTNER = 'plugin::nastavnik.partner';
const KPI = 'plugin::nastavnik.kpi-indicator';

const ORG_FIELDS = ['name', 'shortName', 'slug', 'kind', 'region', 'municipality', 'website'] as const;

export interface Organisation {
  documentId: string;
  name: string;
  shortName?: string | null;
  slug: string;
  kind: string;
  region?: string | null;
  municipality?: string | null;
  website?: string | null;
  parent?: { documentId: string; name: string; shortName?: string | null; slug: string } | null;
}

export interface MediaFile {
  url: string;
  name?: string | null;
  alternativeText?: string | null;
  ext?: string | null;
  size?: number | null;
}

export interface SectionDocument {
  kind: string;
  title: string;
  url?: string | null;
  date?: string | null;
  file?: MediaFile | null;
}

export interface Section {
  documentId: string;
  title: string;
  intro?: string | null;
  documents?: SectionDocument[] | null;
  curatorContact?: {
    name?: string | null;
    position?: string | null;
    phone?: string | null;
    email?: string | null;
  } | null;
  featuredProgrammes?: Array<{ documentId: string }> | null;
  featuredCases?: Array<{ documentId: string }> | null;
  showKpis?: boolean | null;
  showRoadmap?: boolean | null;
  joinUrl?: string | null;
  updatedAt?: string | null;
}

export interface Programme {
  documentId: string;
  title: string;
  form: string;
  roleVariation?: string | null;
  goals?: string | null;
  tasks?: string | null;
  expectedResults?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  programmeStatus?: string | null;
  stages?: Array<{ stage: string; start?: string | null; end?: string | null }> | null;
}

export interface CaseAuthor {
  name: string;
  authorRole?: string | null;
}

export interface Case {
  documentId: string;
  title: string;
  slug?: string | null;
  summary?: string | null;
  form?: string | null;
  audience?: string | null;
  problem?: string | null;
  solution?: string | null;
  results?: string | null;
  materials?: MediaFile[] | null;
  authors?: CaseAuthor[] | null;
  tags?: unknown;
  sourceUrl?: string | null;
  periodText?: string | null;
  updatedAt?: string | null;
  publishedAt?: string | null;
}

export interface NewsItem {
  documentId: string;
  title: string;
  slug?: string | null;
  kind: string;
  date: string;
  body?: string | null;
  images?: MediaFile[] | null;
}

export interface RoadmapSummary {
  documentId: string;
  title: string;
  shortTitle?: string | null;
  version?: number | null;
  roadmapState: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  approvalOrderNumber?: string | null;
  approvalDate?: string | null;
  approver?: string | null;
  updatedAt?: string | null;
}

export interface Partner {
  documentId: string;
  name: string;
  kind: string;
}

export interface Kpi {
  documentId: string;
  code?: string | null;
  title: string;
  formula?: string | null;
  unit?: string | null;
  targets?: Array<{ year: number; value: number | string }> | null;
  actuals?: Array<{ year: number; value: number | string }> | null;
}

const MEDIA_FIELDS = ['url', 'name', 'alternativeText', 'ext', 'size'] as const;
const LIMIT = 1000;

export function organisationBySlug(strapi: Strapi, slug: string) {
  return asAnonymous(
    async () =>
      (await strapi.documents(ORG).findFirst({
        filters: { slug },
        fields: [...ORG_FIELDS],
        populate: { parent: { fields: ['name', 'shortName', 'slug'] } },
      })) as Organisation | null,
  );
}

export function allOrganisations(strapi: Strapi) {
  return asAnonymous(
    async () =>
      (await strapi.documents(ORG).findMany({
        fields: [...ORG_FIELDS],
        populate: { parent: { fields: ['slug'] } },
        sort: ['name:asc'],
        limit: 100_000,
      })) as Organisation[],
  );
}

export function childrenOf(strapi: Strapi, organisation: string) {
  return asAnonymous(
    async () =>
      (await strapi.documents(ORG).findMany({
        filters: { parent: { documentId: organisation } },
        fields: [...ORG_FIELDS],
        sort: ['name:asc'],
        limit: LIMIT,
      })) as Organisation[],
  );
}

export function sectionOf(strapi: Strapi, organisation: string) {
  return asAnonymous(
    async () =>
      (await strapi.documents(SECTION).findFirst({
        filters: { organisation: { documentId: organisation } },
        // An organisation's section is its first; a later one (a copy, a test) never takes its place.
        sort: ['createdAt:asc', 'id:asc'],
        populate: {
          documents: { populate: { file: { fields: [...MEDIA_FIELDS] } } },
          curatorContact: true,
          featuredProgrammes: { fields: ['documentId'] },
          featuredCases: { fields: ['documentId'] },
        },
      })) as Section | null,
  );
}

export function programmesOf(strapi: Strapi, organisation: string, only?: string[]) {
  return asAnonymous(
    async () =>
      (await strapi.documents(PROGRAMME).findMany({
        filters: {
          organisation: { documentId: organisation },
          ...(only ? { documentId: { $in: only } } : {}),
        },
        populate: { stages: true },
        sort: ['periodStart:desc', 'title:asc'],
        limit: LIMIT,
      })) as Programme[],
  );
}

export function casesOf(strapi: Strapi, organisation: string, only?: string[]) {
  return asAnonymous(
    async () =>
      (await strapi.documents(CASE).findMany({
        filters: {
          organisation: { documentId: organisation },
          ...(only ? { documentId: { $in: only } } : {}),
        },
        fields: ['title', 'slug', 'summary', 'form', 'audience', 'periodText', 'updatedAt', 'publishedAt'],
        sort: ['publishedAt:desc', 'title:asc'],
        limit: LIMIT,
      })) as Case[],
  );
}

export function caseBySlug(strapi: Strapi, organisation: string, slug: string) {
  return asAnonymous(
    async () =>
      (await strapi.documents(CASE).findFirst({
        // A case without a slug is linked by its documentId (search hits, preview links).
        filters: { organisation: { documentId: organisation }, $or: [{ slug }, { documentId: slug }] },
        populate: { authors: true, materials: { fields: [...MEDIA_FIELDS] } },
      })) as Case | null,
  );
}

export function newsOf(strapi: Strapi, organisation: string, limit = LIMIT) {
  return asAnonymous(
    async () =>
      (await strapi.documents(NEWS).findMany({
        filters: { organisation: { documentId: organisation } },
        populate: { images: { fields: [...MEDIA_FIELDS] } },
        sort: ['date:desc', 'title:asc'],
        limit,
      })) as NewsItem[],
  );
}

export function partnersOf(strapi: Strapi, organisation: string) {
  return asAnonymous(
    async () =>
      (await strapi.documents(PARTNER).findMany({
        filters: { organisation: { documentId: organisation } },
        sort: ['name:asc'],
        limit: LIMIT,
      })) as Partner[],
  );
}

export function kpisOf(strapi: Strapi, organisation: string) {
  return asAnonymous(
    async () =>
      (await strapi.documents(KPI).findMany({
        filters: { organisation: { documentId: organisation } },
        populate: { targets: true, actuals: true },
        sort: ['order:asc'],
        limit: LIMIT,
      })) as Kpi[],
  );
}

/** Published road maps of an organisation, newest version first. */
/**
 * Newest version first, then the latest period; a road map without a period comes last. Sorted here
 * because the databases disagree on where NULLs go (PostgreSQL puts them first in descending order).
 */
function newestFirst(a: RoadmapSummary, b: RoadmapSummary) {
  const byVersion = (b.version ?? 0) - (a.version ?? 0);
  if (byVersion) return byVersion;
  return (b.periodStart ?? '').localeCompare(a.periodStart ?? '');
}

export function roadmapsOf(strapi: Strapi, organisation: string) {
  return asAnonymous(async () =>
    (
      (await strapi.documents(ROADMAP).findMany({
        filters: { organisation: { documentId: organisation } },
        fields: [
          'title',
          'shortTitle',
          'version',
          'roadmapState',
          'periodStart',
          'periodEnd',
          'approvalOrderNumber',
          'approvalDate',
          'approver',
          'updatedAt',
        ],
        sort: ['version:desc', 'periodStart:desc'],
        limit: LIMIT,
      })) as RoadmapSummary[]
    ).sort(newestFirst),
  );
}

/** The road map in force: the newest version that is not archived (or the newest at all). */
export const currentRoadmap = (roadmaps: RoadmapSummary[]) =>
  roadmaps.find((r) => r.roadmapState !== 'archived') ?? roadmaps[0];

export function progressOf(strapi: Strapi, roadmap: string): Promise<RoadmapProgress> {
  return asAnonymous(() => roadmapProgress(strapi, roadmap));
}

export interface SitemapEntry {
  path: string;
  lastmod?: string | null;
}

/** Every public address: each organisation's pages and each published case. */
export function sitemapEntries(strapi: Strapi): Promise<SitemapEntry[]> {
  return asAnonymous(async () => {
    const organisations = (await strapi.documents(ORG).findMany({
      fields: ['slug', 'updatedAt'],
      limit: 100_000,
    })) as Array<{ documentId: string; slug: string; updatedAt?: string | null }>;
    const cases = (await strapi.documents(CASE).findMany({
      fields: ['slug', 'updatedAt'],
      populate: { organisation: { fields: ['slug'] } },
      limit: 100_000,
    })) as Array<{ slug?: string | null; updatedAt?: string | null; organisation?: { slug: string } | null }>;
    const entries: SitemapEntry[] = [{ path: '/' }, { path: '/luchshie-praktiki/' }];
    for (const org of organisations) {
      for (const page of [
        '',
        'dorozhnaya-karta/',
        'programmy/',
        'pokazateli/',
        'luchshie-praktiki/',
        'novosti/',
      ])
        entries.push({ path: `/${org.slug}/${page}`, lastmod: page ? null : org.updatedAt });
    }
    for (const c of cases) {
      if (c.slug && c.organisation?.slug)
        entries.push({ path: `/${c.organisation.slug}/luchshie-praktiki/${c.slug}/`, lastmod: c.updatedAt });
    }
    return entries;
  });
}

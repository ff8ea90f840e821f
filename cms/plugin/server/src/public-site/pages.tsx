/**
 * One function per page type: read what the page shows (as an anonymous visitor, see `data.ts`) and
 * return the element to render, or null when there is no such page.
 */
import type { ReactElement } from 'react';
import { searchCases } from '../cases/search.js';
import { subtreeOf } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';
import type { PageContext } from './context.js';
import {
  allOrganisations,
  caseBySlug,
  casesOf,
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
  type Organisation,
  type RoadmapSummary,
} from './data.js';
import { mentorAwardsOf } from './awards.js';
import { CASES_PER_PAGE, CasePage, CasesPage } from './templates/cases.js';
import { HomePage, type ChildProgress } from './templates/home.js';
import { IndexPage } from './templates/index-page.js';
import { JoinPage } from './templates/join.js';
import { issueToken } from './join.js';
import { KpisPage } from './templates/kpis.js';
import { publicKpis } from '../kpi/public.js';
import { NewsPage } from './templates/news.js';
import { safeUrl } from './templates/parts.js';
import { ProgrammesPage } from './templates/programmes.js';
import type { ProgressFigures } from './templates/progress.js';
import { NoRoadmapPage, RoadmapPage } from './templates/roadmap.js';

export type PageParams = Record<string, string | undefined>;
export type PageLoader = (
  strapi: Strapi,
  ctx: PageContext,
  params: PageParams,
) => Promise<ReactElement | null>;

async function figuresOf(
  strapi: Strapi,
  roadmap: RoadmapSummary | undefined,
): Promise<ProgressFigures | undefined> {
  if (!roadmap) return undefined;
  const p = await progressOf(strapi, roadmap.documentId);
  return {
    total: p.total,
    done: p.done,
    inProgress: p.activities.filter((a) => a.activityStatus === 'in_progress').length,
    overdue: p.overdueCount,
  };
}

async function withOrganisation(
  strapi: Strapi,
  params: PageParams,
  render: (organisation: Organisation) => Promise<ReactElement | null>,
) {
  const organisation = params.org ? await organisationBySlug(strapi, params.org) : null;
  return organisation ? render(organisation) : null;
}

const index: PageLoader = async (strapi, ctx) => (
  <IndexPage ctx={ctx} organisations={await allOrganisations(strapi)} />
);

const home: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => {
    const id = organisation.documentId;
    const [section, roadmaps, children, news, partners, mentorAwards] = await Promise.all([
      sectionOf(strapi, id),
      roadmapsOf(strapi, id),
      childrenOf(strapi, id),
      newsOf(strapi, id, 5),
      partnersOf(strapi, id),
      mentorAwardsOf(strapi, id),
    ]);
    const featuredProgrammes = section?.featuredProgrammes?.map((p) => p.documentId);
    const featuredCases = section?.featuredCases?.map((c) => c.documentId);
    const roadmap = section?.showRoadmap === false ? undefined : currentRoadmap(roadmaps);
    const [programmes, cases, figures, childProgress] = await Promise.all([
      programmesOf(strapi, id, featuredProgrammes?.length ? featuredProgrammes : undefined),
      casesOf(strapi, id, featuredCases?.length ? featuredCases : undefined),
      figuresOf(strapi, roadmap),
      Promise.all(
        children.map(async (child): Promise<ChildProgress> => {
          const childRoadmap = currentRoadmap(await roadmapsOf(strapi, child.documentId));
          return {
            organisation: child,
            roadmap: childRoadmap,
            figures: await figuresOf(strapi, childRoadmap),
          };
        }),
      ),
    ]);
    return (
      <HomePage
        ctx={ctx}
        data={{
          organisation,
          section,
          roadmap,
          figures,
          programmes,
          cases,
          partners,
          news,
          children: childProgress,
          mentorAwards,
        }}
      />
    );
  });

const roadmap: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => {
    const versions = await roadmapsOf(strapi, organisation.documentId);
    const current = currentRoadmap(versions);
    const shown = params.roadmap ? versions.find((v) => v.documentId === params.roadmap) : current;
    if (!shown) return params.roadmap ? null : <NoRoadmapPage ctx={ctx} organisation={organisation} />;
    const progress = await progressOf(strapi, shown.documentId);
    return (
      <RoadmapPage
        ctx={ctx}
        data={{ organisation, roadmap: shown, progress, versions, isCurrent: shown === current }}
      />
    );
  });

const programmes: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => {
    const id = organisation.documentId;
    const [list, partners, section] = await Promise.all([
      programmesOf(strapi, id),
      partnersOf(strapi, id),
      sectionOf(strapi, id),
    ]);
    return (
      <ProgrammesPage
        ctx={ctx}
        data={{ organisation, programmes: list, partners, joinUrl: safeUrl(section?.joinUrl) }}
      />
    );
  });

const kpis: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => {
    const [list, figures] = await Promise.all([
      kpisOf(strapi, organisation.documentId),
      publicKpis(strapi, organisation.documentId),
    ]);
    return <KpisPage ctx={ctx} organisation={organisation} kpis={list} figures={figures} />;
  });

/** The search a library page runs: words and filters from the query string, within `scope` when given. */
async function librarySearch(strapi: Strapi, ctx: PageContext, scope?: string) {
  const q = ctx.query;
  let organisation = q.org || scope;
  // A section's library stays inside its organisation's subtree, whatever the address asks.
  if (scope && q.org && !(await subtreeOf(strapi, scope)).has(q.org)) organisation = scope;
  const year = Number(q.year);
  const page = libraryPage(ctx);
  return searchCases(strapi, {
    text: q.q,
    form: q.form || undefined,
    organisationKind: q.kind || undefined,
    organisation,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    tag: q.tag || undefined,
    limit: CASES_PER_PAGE,
    offset: (page - 1) * CASES_PER_PAGE,
  });
}

/** The page of results asked for: a whole number from 1, anything else is the first. */
function libraryPage(ctx: PageContext) {
  const page = Number(ctx.query.page);
  return Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1;
}

const library: PageLoader = async (strapi, ctx) => (
  <CasesPage
    ctx={ctx}
    data={{ result: await librarySearch(strapi, ctx), page: libraryPage(ctx), path: '/luchshie-praktiki/' }}
  />
);

const cases: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => (
    <CasesPage
      ctx={ctx}
      data={{
        organisation,
        result: await librarySearch(strapi, ctx, organisation.documentId),
        page: libraryPage(ctx),
        path: `/${organisation.slug}/luchshie-praktiki/`,
      }}
    />
  ));

const oneCase: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => {
    const item = params.case ? await caseBySlug(strapi, organisation.documentId, params.case) : null;
    return item ? <CasePage ctx={ctx} organisation={organisation} item={item} /> : null;
  });

const news: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, async (organisation) => (
    <NewsPage ctx={ctx} organisation={organisation} news={await newsOf(strapi, organisation.documentId)} />
  ));

const join: PageLoader = (strapi, ctx, params) =>
  withOrganisation(strapi, params, (organisation) =>
    Promise.resolve(
      <JoinPage
        ctx={ctx}
        data={{
          organisation,
          values: {},
          errors: {},
          token: issueToken(strapi, organisation.documentId),
          sent: ctx.query.otpravleno === '1',
        }}
      />,
    ),
  );

/** Pages that differ per request (the join form's signed time) are rendered fresh every time. */
export const cacheable = (load: PageLoader) => load !== join;

/** Route paths below the mount point, each with its page. */
export const PAGES: ReadonlyArray<readonly [string, PageLoader]> = [
  ['/', index],
  // Before the organisation pages: this segment is not an organisation.
  ['/luchshie-praktiki/', library],
  ['/:org/', home],
  ['/:org/dorozhnaya-karta/', roadmap],
  ['/:org/dorozhnaya-karta/:roadmap/', roadmap],
  ['/:org/programmy/', programmes],
  ['/:org/pokazateli/', kpis],
  ['/:org/luchshie-praktiki/', cases],
  ['/:org/luchshie-praktiki/:case/', oneCase],
  ['/:org/novosti/', news],
  ['/:org/stat-uchastnikom/', join],
];

/**
 * The public «Наставничество» pages over real HTTP: every page type of the demo school and of the Bor
 * education authority above it, the sitemap, the headers (CSP without scripts), the visually-impaired
 * version carried in links, and what must never reach a page: personal data of the demo set, hostile
 * HTML or `javascript:` links in a case, drafts.
 */
import { describe, expect, it, inject } from 'vitest';
import { DEMO_CYCLE_PEOPLE, DEMO_PEOPLE } from '../../cms/src/seed/demo-people.js';
import { approvedCase, dataOf, gql, jwtOf } from '../harness/graphql.js';

const PREFIX = '/nastavnichestvo';
const DEMO = `${PREFIX}/bor-demo-school/`;

async function page(path: string) {
  const res = await fetch(`${inject('strapiUrl')}${path}`, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** The text a visitor reads: tags dropped, entities of the pages decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/**
 * Every personal string of the demo set a page must never show: names of people without a publication
 * consent, every legal representative, every phone, e-mail and birth date, classes of minors.
 */
const SECRETS = [...DEMO_PEOPLE, ...DEMO_CYCLE_PEOPLE].flatMap((p) => [
  ...(p.consent.publication ? [] : [p.fullName.replace(' (демо)', '')]),
  ...('representativeName' in p.consent ? [p.consent.representativeName.replace(' (демо)', '')] : []),
  ...('email' in p ? [p.email] : []),
  ...('phone' in p ? [p.phone, p.phone.replace(/[^\d+]/g, '')] : []),
  ...('birthDate' in p ? [p.birthDate] : []),
  ...('classOrGroup' in p ? [p.classOrGroup] : []),
]);

describe('public pages', () => {
  it('list every organisation on the index, in Russian, with metadata and a strict CSP', async () => {
    const { status, headers, html } = await page(`${PREFIX}/`);
    expect(status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html><html lang="ru"')).toBe(true);
    expect(html).toContain('<title>Наставничество: разделы организаций</title>');
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
    expect(html).toContain(`<link rel="canonical" href="${inject('strapiUrl')}${PREFIX}/"/>`);
    expect(html).toContain('property="og:title"');
    expect(html).toContain(`href="${DEMO}"`);
    expect(html).toContain('Управление образования и молодёжной политики');
    expect(html).toContain('href="#main"');
    expect(html).not.toContain('<script');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
  });

  it('shows the demo school home: intro, documents with road-map downloads, programmes, case, news, partner', async () => {
    const { status, html } = await page(DEMO);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Целевая модель наставничества помогает');
    expect(text).toContain('Положение о наставничестве (демо)');
    expect(html).toMatch(/dorozhnaya-karta\/[a-z0-9]+\/file\.docx/);
    expect(text).toContain('«Учитель – учитель»: адаптация молодых педагогов');
    expect(text).toContain('как старшеклассники помогли шестиклассникам с дробями');
    expect(text).toContain('открытый урок молодого педагога');
    expect(text).toContain('АО «Демо-предприятие» (демо)');
    // The curator gave no consent to publish the contact.
    expect(text).not.toContain('Куратор и контакты');
    expect(text).toMatch(/Выполнено 5 из 11/);
  });

  it('shows the road map with live progress per section, deadlines as written, statuses and evidence', async () => {
    const { status, html } = await page(`${DEMO}dorozhnaya-karta/`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Выполнение по разделам');
    expect(text).toContain('ноябрь - декабрь 2025 г.');
    expect(text).toContain('в соответствии со сроками реализации программ наставничества');
    for (const label of ['Выполнено', 'Выполняется', 'Просрочено', 'Запланировано'])
      expect(text).toContain(label);
    expect(html).toContain('href="https://bor-demo-school.example.org/nastavnichestvo/prikaz.pdf"');
    // Who is responsible is a name more often than not: the page does not say.
    expect(text).not.toContain('Наставники Планы');
  });

  it('serves the road map as DOCX and XLSX, and nothing for a road map of another organisation', async () => {
    const home = await page(DEMO);
    const link = /href="([^"]+file\.docx)"/.exec(home.html)?.[1];
    expect(link).toBeDefined();
    const docx = await fetch(`${inject('strapiUrl')}${link ?? ''}`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xlsx = await fetch(`${inject('strapiUrl')}${(link ?? '').replace('.docx', '.xlsx')}`);
    expect(xlsx.status).toBe(200);
    const foreign = await fetch(
      `${inject('strapiUrl')}${(link ?? '').replace('bor-demo-school', 'kamensk-school-40')}`,
    );
    expect(foreign.status).toBe(404);
  });

  it('lists the organisations below a municipal authority with their road-map progress', async () => {
    const { status, html } = await page(`${PREFIX}/bor-uoimp/`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Подведомственные организации');
    expect(html).toContain(`href="${DEMO}"`);
    expect(text).toMatch(/Демо-школа .*5 из 11/);
  });

  it('shows programmes, KPIs as chart and table, cases, one case and news', async () => {
    const programmes = await page(`${DEMO}programmy/`);
    expect(programmes.status).toBe(200);
    expect(textOf(programmes.html)).toContain('5. Формирование пар и групп');
    const kpis = await page(`${DEMO}pokazateli/`);
    expect(kpis.status).toBe(200);
    expect(kpis.html).toContain('<svg');
    // The demo's KPIs are entered by hand: the plan with its bound, the value and its status.
    expect(textOf(kpis.html)).toContain('2025 не менее 10 % 12 % введено вручную Достигнут');
    const cases = await page(`${DEMO}luchshie-praktiki/`);
    expect(cases.status).toBe(200);
    expect(cases.html).toContain(`href="${DEMO}luchshie-praktiki/demo-drobi/"`);
    const one = await page(`${DEMO}luchshie-praktiki/demo-drobi/`);
    expect(one.status).toBe(200);
    const text = textOf(one.html);
    expect(text).toContain('Старшеклассница вела еженедельные встречи');
    // Authors appear only with their consent.
    expect(text).toContain('Смирнова Ольга Викторовна');
    expect(text).not.toContain('Волкова');
    const news = await page(`${DEMO}novosti/`);
    expect(news.status).toBe(200);
    expect(textOf(news.html)).toContain('стартовала программа «Ученик – ученик»');
  });

  it('answers 404 in Russian for an unknown organisation or case, and adds the trailing slash', async () => {
    const missing = await page(`${PREFIX}/no-such-school/`);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Страница не найдена');
    expect((await page(`${DEMO}luchshie-praktiki/no-such-case/`)).status).toBe(404);
    const bare = await page(`${PREFIX}/bor-demo-school?vi=2-wb-img`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${DEMO}?vi=2-wb-img`);
  });

  it('keeps the version for the visually impaired in every internal link, without cookies', async () => {
    const ordinary = await page(DEMO);
    expect(ordinary.html).toContain(`href="${DEMO}?vi=1-bw-img"`);
    const vi = await page(`${DEMO}?vi=3-blue-noimg`);
    expect(vi.status).toBe(200);
    expect(vi.headers.get('set-cookie')).toBeNull();
    expect(vi.html).toContain('class="vi vi-size-3 vi-scheme-blue vi-noimg"');
    expect(vi.html).toContain(`href="${DEMO}dorozhnaya-karta/?vi=3-blue-noimg"`);
    expect(vi.html).toContain(`href="${DEMO}?vi=2-blue-noimg"`);
    expect(vi.html).toContain(`href="${DEMO}?vi=3-wb-noimg"`);
    expect(vi.html).toContain(`href="${DEMO}?vi=3-blue-img"`);
    expect(vi.html).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(vi.html).toContain(`<link rel="canonical" href="${inject('strapiUrl')}${DEMO}"/>`);
    // A value the site did not write is the ordinary version.
    const forged = await page(`${DEMO}?vi=%22%3E%3Cscript%3E`);
    expect(forged.html).toContain('<html lang="ru"><head>');
  });

  it('lists every page and published case in sitemap.xml', async () => {
    const res = await fetch(`${inject('strapiUrl')}${PREFIX}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('xml');
    const xml = await res.text();
    expect(xml).toContain(`<loc>${inject('strapiUrl')}${DEMO}dorozhnaya-karta/</loc>`);
    expect(xml).toContain(`<loc>${inject('strapiUrl')}${DEMO}luchshie-praktiki/demo-drobi/</loc>`);
  });

  it('never shows a name, phone, e-mail or birth date of the demo set on any page or in the sitemap', async () => {
    const xml = await (await fetch(`${inject('strapiUrl')}${PREFIX}/sitemap.xml`)).text();
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    expect(paths.length).toBeGreaterThan(30);
    expect(SECRETS.length).toBeGreaterThan(10);
    const bodies = [xml];
    for (const path of paths) {
      const { status, html } = await page(path);
      expect([200], path).toContain(status);
      bodies.push(html, textOf(html));
    }
    bodies.push((await page(`${DEMO}?vi=2-wb-img`)).html);
    for (const secret of SECRETS)
      for (const body of bodies) expect(body.includes(secret), `«${secret}» на странице`).toBe(false);
  });

  it('answers a headless site with the whole section in one GraphQL query, without personal data', async () => {
    const res = await gql<{ nastavnikPublicSection: Record<string, unknown> | null }>(
      `query($slug: String!) { nastavnikPublicSection(slug: $slug) }`,
      { slug: 'bor-demo-school' },
    );
    expect(res.errors, res.raw).toBeUndefined();
    const section = dataOf(res).nastavnikPublicSection as {
      organisation: { slug: string };
      section: { curatorContact: unknown };
      roadmap: { progress: { total: number; done: number; activities: unknown[] } };
      programmes: unknown[];
      cases: Array<{ slug: string }>;
      news: unknown[];
      kpis: unknown[];
    };
    expect(section.organisation.slug).toBe('bor-demo-school');
    expect(section.roadmap.progress).toMatchObject({ total: 11, done: 5 });
    expect(section.roadmap.progress.activities).toHaveLength(11);
    expect(section.programmes).toHaveLength(2);
    expect(section.cases.map((c) => c.slug)).toContain('demo-drobi');
    expect(section.news.length).toBeGreaterThanOrEqual(2);
    expect(section.kpis).toHaveLength(2);
    expect(section.section.curatorContact).toBeNull();
    for (const secret of SECRETS) expect(res.raw.includes(secret), secret).toBe(false);
    const none = await gql<{ nastavnikPublicSection: unknown }>(
      `{ nastavnikPublicSection(slug: "no-such-school") }`,
    );
    expect(dataOf(none).nastavnikPublicSection).toBeNull();
  });

  it('never lets hostile HTML or javascript: links of a case reach its page', async () => {
    await approvedCase({
      title: 'Кейс с подвохом',
      slug: 'hostile-case',
      summary: '<script>alert(1)</script>Кратко',
      solution:
        '<p onclick="alert(1)">Текст <a href="javascript:alert(1)">ссылка</a><img src="x" onerror="alert(1)"><script>alert(2)</script><iframe src="https://evil.example"></iframe></p>',
      sourceUrl: 'javascript:alert(3)',
    });
    const { status, html } = await page(`${DEMO}luchshie-praktiki/hostile-case/`);
    expect(status).toBe(200);
    expect(textOf(html)).toContain('Текст ссылка');
    for (const bad of ['<script', 'javascript:', 'onclick', 'onerror', '<iframe', 'evil.example'])
      expect(html.toLowerCase(), bad).not.toContain(bad);
  });

  it('never shows drafts: an unpublished case, news item or pending edit of the section', async () => {
    const draftCase = await gql<{ createNastavnikCase: { documentId: string } }>(
      `mutation { createNastavnikCase(data: { title: "Черновик кейса", slug: "draft-case", reviewState: draft }, status: DRAFT) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(draftCase.errors, draftCase.raw).toBeUndefined();
    const news = await gql(
      `mutation { createNastavnikNewsItem(data: { title: "Черновик новости", kind: news, date: "2026-01-10" }, status: DRAFT) { documentId } }`,
      {},
      jwtOf('demoEditor'),
    );
    expect(news.errors, news.raw).toBeUndefined();
    const sections = await gql<{ nastavnikSiteSections: Array<{ documentId: string }> }>(
      `{ nastavnikSiteSections(status: DRAFT) { documentId } }`,
      {},
      jwtOf('demoEditor'),
    );
    const sectionId = dataOf(sections).nastavnikSiteSections[0]?.documentId;
    const edit = await gql(
      `mutation($id: ID!) { updateNastavnikSiteSection(documentId: $id, data: { title: "Черновой заголовок" }, status: DRAFT) { documentId } }`,
      { id: sectionId },
      jwtOf('demoEditor'),
    );
    expect(edit.errors, edit.raw).toBeUndefined();
    expect((await page(`${DEMO}luchshie-praktiki/draft-case/`)).status).toBe(404);
    const all = [DEMO, `${DEMO}luchshie-praktiki/`, `${DEMO}novosti/`];
    for (const path of all) {
      const text = textOf((await page(path)).html);
      for (const draft of ['Черновик кейса', 'Черновик новости', 'Черновой заголовок'])
        expect(text, `${draft} на ${path}`).not.toContain(draft);
    }
  });
});

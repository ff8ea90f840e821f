/**
 * Strapi's Preview of a road map and of a list page's item: a road map's link opens its version page with
 * the draft's title, sections and activities; a news item's or a programme's link opens the list as it
 * will be after publishing: every published item, with the previewed one's draft in its place (or added)
 * and marked. No other draft is ever read, and without the link no draft shows anywhere.
 */
import { afterAll, describe, expect, it, inject } from 'vitest';
import { adminCall, adminToken } from '../harness/admin-api.js';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

const base = () => inject('strapiUrl');
const ORG = '/nastavnichestvo/bor-demo-school/';
const ROADMAP = 'plugin::nastavnik.roadmap';
const NEWS = 'plugin::nastavnik.news-item';
const PROGRAMME = 'plugin::nastavnik.programme';

/** Documents this file created, deleted at the end so that other files see the seeded section only. */
const created: Array<{ type: string; documentId: string; jwt: string }> = [];

afterAll(async () => {
  for (const { type, documentId, jwt } of created.reverse()) {
    const res = await gql(
      `mutation($id: ID!) { deleteNastavnik${type}(documentId: $id) { documentId } }`,
      { id: documentId },
      jwt,
    );
    expect(res.errors, res.raw).toBeUndefined();
  }
});

/** Creates a document of `type` (a GraphQL type name) as `user`; published when asked. */
async function create(type: string, user: string, data: Record<string, unknown>, published = false) {
  const field = `createNastavnik${type}`;
  const res = await gql<Partial<Record<string, { documentId: string }>>>(
    `mutation($d: Nastavnik${type}Input!) { ${field}(data: $d, status: ${published ? 'PUBLISHED' : 'DRAFT'}) { documentId } }`,
    { d: data },
    jwtOf(user),
  );
  const documentId = dataOf(res)[field]?.documentId;
  if (!documentId) throw new Error(`Не создан ${type}: ${res.raw}`);
  if (type !== 'RoadmapActivity') created.push({ type, documentId, jwt: jwtOf(user) });
  return documentId;
}

/** Changes the draft only: the published version stays what visitors see. */
async function editDraft(type: string, user: string, documentId: string, data: Record<string, unknown>) {
  const res = await gql(
    `mutation($id: ID!, $d: Nastavnik${type}Input!) { updateNastavnik${type}(documentId: $id, data: $d, status: DRAFT) { documentId } }`,
    { id: documentId, d: data },
    jwtOf(user),
  );
  expect(res.errors, res.raw).toBeUndefined();
}

const previewLink = (admin: Parameters<typeof adminToken>[0], uid: string, documentId: string) =>
  adminCall<{ data?: { url?: string } }>(
    adminToken(admin),
    `/content-manager/preview/url/${uid}?documentId=${documentId}&status=draft`,
  );

/** The demo editor's preview link of a document. */
async function linkOf(uid: string, documentId: string) {
  const answer = await previewLink('demoEditorAdmin', uid, documentId);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data?.url ?? '';
}

/** A preview page: rendered for this request only, never cached or indexed. */
async function previewPage(url: string) {
  const res = await fetch(`${base()}${url}`);
  const html = await res.text();
  expect(res.status, html.slice(0, 500)).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-robots-tag')).toBe('noindex');
  expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
  expect(html).toContain('Предпросмотр черновика');
  return html;
}

const publicPage = async (path: string) => {
  const res = await fetch(`${base()}${path}`);
  return { status: res.status, html: await res.text() };
};

/** Every text is on the page, in the order given. */
const inOrder = (html: string, texts: string[]) => {
  const found = texts.map((t) => html.indexOf(t));
  expect(found, texts.join(' → ')).not.toContain(-1);
  expect(found, texts.join(' → ')).toEqual([...found].sort((a, b) => a - b));
};

const MARK = 'Черновик в предпросмотре';
const count = (html: string, text: string) => html.split(text).length - 1;

describe('preview of a road map', () => {
  let roadmap = '';

  it('opens the draft road map with its sections and activities, marked, never cached or indexed', async () => {
    roadmap = await create('Roadmap', 'demoCurator', {
      title: 'Предпросмотр: черновая дорожная карта на 2027–2028 годы',
      shortTitle: 'Предпросмотр: черновая карта',
      roadmapState: 'draft',
      periodStart: '2027-09-01',
      periodEnd: '2028-06-30',
      sections: [{ index: 0, code: '1', title: 'Предпросмотр: организационный раздел', level: 1, row: 1 }],
    });
    for (const [order, title, activityStatus] of [
      [1, 'Предпросмотр: утвердить положение о наставничестве', 'done'],
      [2, 'Предпросмотр: сформировать базу наставников', 'planned'],
    ] as const)
      await create('RoadmapActivity', 'demoCurator', {
        roadmap,
        order,
        sectionIndex: 0,
        code: `1.${String(order)}`,
        title,
        activityStatus,
        deadlineText: 'сентябрь 2027 г.',
      });

    const url = await linkOf(ROADMAP, roadmap);
    expect(url).toMatch(new RegExp(`^${ORG}dorozhnaya-karta/${roadmap}/\\?preview=`));
    const html = await previewPage(url);
    expect(html).toContain('Предпросмотр: черновая карта');
    expect(html).toContain('Предпросмотр: организационный раздел');
    expect(html).toContain('Предпросмотр: утвердить положение о наставничестве');
    expect(html).toContain('Предпросмотр: сформировать базу наставников');
    expect(html).toContain('Выполнение по разделам');
    // A draft has no files yet: the download links would serve the published version or nothing.
    expect(html).not.toContain(`${roadmap}/file.docx`);
  });

  it('gives no link to an editor of another organisation', async () => {
    const foreign = await previewLink('samaraEditorAdmin', ROADMAP, roadmap);
    expect(foreign.status).toBe(204);
    expect(foreign.body.data?.url).toBeUndefined();
  });

  it('shows the draft nowhere without the link, nor through a link issued for another document', async () => {
    expect((await publicPage(`${ORG}dorozhnaya-karta/${roadmap}/`)).status).toBe(404);
    for (const path of [ORG, `${ORG}dorozhnaya-karta/`])
      expect((await publicPage(path)).html, path).not.toContain('Предпросмотр: черновая');

    const news = await create('NewsItem', 'demoEditor', {
      title: 'Предпросмотр: новость для чужой ссылки',
      kind: 'news',
      date: '2001-01-01',
    });
    const newsLink = await linkOf(NEWS, news);
    const token = newsLink.slice(newsLink.indexOf('?preview='));
    const res = await fetch(`${base()}${ORG}dorozhnaya-karta/${roadmap}/${token}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Предпросмотр: черновая');
  });
});

/**
 * A list page previewed for one item: `published` is an item published and then edited in its draft,
 * `draft` one never published; `seeded` is what the demo section already shows, sorted before both.
 */
function listPreview(options: {
  type: string;
  uid: string;
  page: string;
  user: string;
  seeded: string;
  data: (title: string, order: number) => Record<string, unknown>;
}) {
  const { type, uid, page, user, seeded, data } = options;
  const titles = {
    published: `Предпросмотр (${type}): опубликованная версия`,
    edited: `Предпросмотр (${type}): исправленный черновик`,
    draft: `Предпросмотр (${type}): ни разу не опубликована`,
  };
  let published = '';
  let draft = '';

  it('shows every published item with the previewed one edited in its place, marked', async () => {
    published = await create(type, user, data(titles.published, 1), true);
    await editDraft(type, user, published, { title: titles.edited });
    draft = await create(type, user, data(titles.draft, 2));

    const url = await linkOf(uid, published);
    expect(url).toMatch(new RegExp(`^${ORG}${page}\\?preview=`));
    const html = await previewPage(url);
    inOrder(html, [seeded, titles.edited]);
    expect(html).not.toContain(titles.published);
    // Another draft of the same type stays hidden.
    expect(html).not.toContain(titles.draft);
    expect(count(html, MARK)).toBe(1);
    expect(html).toMatch(new RegExp(`id="[a-z]+-${published}"[^>]*class="previewed"`));
  });

  it('adds a never-published item among the published ones, in the page order', async () => {
    const html = await previewPage(await linkOf(uid, draft));
    // Newer than `published`, older than what the section already shows.
    inOrder(html, [seeded, titles.draft, titles.published]);
    expect(html).not.toContain(titles.edited);
    expect(count(html, MARK)).toBe(1);
    expect(html).toMatch(new RegExp(`id="[a-z]+-${draft}"[^>]*class="previewed"`));
  });

  it('shows visitors the published version only', async () => {
    const { status, html } = await publicPage(`${ORG}${page}`);
    expect(status).toBe(200);
    expect(html).toContain(seeded);
    expect(html).toContain(titles.published);
    for (const hidden of [titles.edited, titles.draft, MARK, 'Предпросмотр черновика'])
      expect(html).not.toContain(hidden);
  });
}

describe('preview of a news item', () => {
  listPreview({
    type: 'NewsItem',
    uid: NEWS,
    page: 'novosti/',
    user: 'demoEditor',
    seeded: 'открытый урок молодого педагога',
    // Sorted by date, newest first: both after the seeded news.
    data: (title, order) => ({ title, kind: 'news', date: `200${String(order)}-03-01` }),
  });
});

describe('preview of a programme', () => {
  listPreview({
    type: 'Programme',
    uid: PROGRAMME,
    page: 'programmy/',
    user: 'demoCurator',
    seeded: '«Учитель – учитель»: адаптация молодых педагогов',
    // Sorted by start, latest first: both after the seeded programmes.
    data: (title, order) => ({ title, form: 'teacher_teacher', periodStart: `200${String(order)}-09-01` }),
  });
});

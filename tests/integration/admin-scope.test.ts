/**
 * Admin-panel accounts through the Content Manager's own REST API, as the admin panel calls it: a school
 * editor, curator and a municipal methodist see and change only their organisation's documents (the
 * methodist also the schools below), never personal data unless a curator; an account with a stock
 * Strapi role and no binding sees nothing of the plugin; super admins and full-access API tokens see
 * everything, read-only tokens only what visitors see.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAdmin } from '../harness/admin-fixtures.js';
import { adminCall, adminToken, seededOrganisation, type Answer } from '../harness/admin-api.js';

const url = inject('strapiUrl');

const CM = '/content-manager/collection-types/plugin::nastavnik.';
const PERSON = 'person';
const NEWS = 'news-item';

interface Listed {
  results: Array<{ documentId: string; organisation?: { documentId: string } | null; fullName?: string }>;
  pagination: { total: number };
}

/**
 * Refused, or answered as the Content Manager answers for a document it cannot find in any status: an
 * empty document, which the panel shows as «not found».
 */
function expectHidden(answer: Answer<Record<string, unknown>>) {
  if (answer.status === 200) expect(answer.body.data).toEqual({});
  else expect([403, 404]).toContain(answer.status);
}

const list = (token: string, type: string, query = '') =>
  adminCall<Listed>(token, `${CM}${type}?page=1&pageSize=100${query}`);

/** The organisations of every listed document, read back as the super admin. */
async function organisationsOf(type: string, ids: string[]) {
  const found = new Set<string>();
  for (const id of ids) {
    const { body } = await adminCall<{ data: { organisation?: { documentId: string } | { count: number } } }>(
      superToken,
      `${CM}${type}/${id}?populate[organisation][fields][0]=slug`,
    );
    const organisation = body.data.organisation;
    if (organisation && 'documentId' in organisation) found.add(organisation.documentId);
  }
  return found;
}

let superToken = '';
const created: Record<string, string> = {};
const consent = { givenBy: 'self', processing: true, signedAt: '2025-09-01' };

async function createAsSuper(type: string, data: Record<string, unknown>) {
  const res = await adminCall<{ data: { documentId: string } }>(superToken, `${CM}${type}`, {
    method: 'POST',
    body: data,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.documentId;
}

beforeAll(async () => {
  superToken = await signInAdmin(url, 'admin@test.local', 'TestAdmin1pass');
  created.demoNews = await createAsSuper(NEWS, {
    title: 'Новость демонстрационной школы',
    date: '2026-10-01',
    organisation: seededOrganisation('bor-demo-school'),
  });
  created.samaraNews = await createAsSuper(NEWS, {
    title: 'Новость школы Приволжья',
    date: '2026-10-02',
    organisation: seededOrganisation('privolzhye-school-3'),
  });
  created.kamenskPerson = await createAsSuper(PERSON, {
    fullName: 'Каменская Учительница Админтестовна',
    category: 'teacher',
    consent,
    organisation: seededOrganisation('kamensk-school-40'),
  });
  created.demoPerson = await createAsSuper(PERSON, {
    fullName: 'Борская Учительница Админтестовна',
    category: 'teacher',
    consent,
    organisation: seededOrganisation('bor-demo-school'),
  });
});

describe('admin roles are code', () => {
  it('creates the three roles of the plugin with Russian names', async () => {
    const { body } = await adminCall<{ data: Array<{ code: string; name: string }> }>(
      superToken,
      '/admin/roles',
    );
    const names = Object.fromEntries(body.data.map((r) => [r.code, r.name]));
    expect(names['nastavnik-curator']).toBe('Наставничество: куратор');
    expect(names['nastavnik-methodist']).toBe('Наставничество: методист');
    expect(names['nastavnik-editor']).toBe('Наставничество: редактор сайта');
  });

  it('gives an editor no right on participants, so the panel shows no «Участники» entry', async () => {
    const { body } = await adminCall<{ data: Array<{ action: string; subject: string | null }> }>(
      adminToken('demoEditorAdmin'),
      '/admin/users/me/permissions',
    );
    const subjects = new Set(body.data.map((p) => p.subject));
    expect(subjects.has('plugin::nastavnik.person')).toBe(false);
    expect(subjects.has('plugin::nastavnik.pair')).toBe(false);
    expect(subjects.has('plugin::nastavnik.news-item')).toBe(true);
    expect(subjects.has('plugin::nastavnik.site-section')).toBe(true);
    expect(subjects.has('plugin::nastavnik.admin-access')).toBe(false);
  });
});

describe('the Content Manager configuration', () => {
  it('heads an activity with its title, not «Untitled» when it has no section code', async () => {
    const { body } = await adminCall<{ data: { contentType: { settings: { mainField: string } } } }>(
      superToken,
      '/content-manager/content-types/plugin::nastavnik.roadmap-activity/configuration',
    );
    expect(body.data.contentType.settings.mainField).toBe('title');
  });
});

describe('a school editor', () => {
  const token = () => adminToken('demoEditorAdmin');

  it("lists only its school's news", async () => {
    const { status, body } = await list(token(), NEWS);
    expect(status).toBe(200);
    const ids = body.results.map((r) => r.documentId);
    expect(ids).toContain(created.demoNews);
    expect(ids).not.toContain(created.samaraNews);
    expect([...(await organisationsOf(NEWS, ids))]).toEqual([seededOrganisation('bor-demo-school')]);
  });

  it("cannot open, change or delete another school's news", async () => {
    const path = `${CM}${NEWS}/${created.samaraNews}`;
    expectHidden(await adminCall(token(), path));
    expect([403, 404]).toContain(
      (await adminCall(token(), path, { method: 'PUT', body: { title: 'Взломано' } })).status,
    );
    expect([403, 404]).toContain((await adminCall(token(), path, { method: 'DELETE' })).status);
    const { body } = await adminCall<{ data: { title: string } }>(superToken, path);
    expect(body.data.title).toBe('Новость школы Приволжья');
  });

  it("writes news for its own school and refuses another school's", async () => {
    const own = await adminCall<{ data: { documentId: string } }>(token(), `${CM}${NEWS}`, {
      method: 'POST',
      body: {
        title: 'Своя новость',
        date: '2026-10-05',
        organisation: seededOrganisation('bor-demo-school'),
      },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const before = (await list(superToken, NEWS)).body.pagination.total;
    const foreign = await adminCall(token(), `${CM}${NEWS}`, {
      method: 'POST',
      body: {
        title: 'Чужая новость',
        date: '2026-10-05',
        organisation: seededOrganisation('privolzhye-school-3'),
      },
    });
    expect(foreign.status).toBe(403);
    expect((await list(superToken, NEWS)).body.pagination.total).toBe(before);
  });

  it('cannot reach participants at all', async () => {
    expect((await list(token(), PERSON)).status).toBe(403);
    expect((await adminCall(token(), `${CM}${PERSON}/${created.demoPerson}`)).status).toBe(403);
  });

  it('is offered only its own organisation in relation pickers', async () => {
    const { status, body } = await adminCall<{ results: Array<{ documentId: string }> }>(
      token(),
      `/content-manager/relations/plugin::nastavnik.news-item/organisation?pageSize=100`,
    );
    expect(status).toBe(200);
    expect(body.results.map((r) => r.documentId)).toEqual([seededOrganisation('bor-demo-school')]);
  });
});

describe('a school curator', () => {
  const token = () => adminToken('demoCuratorAdmin');

  it("lists its own school's people and nobody else's", async () => {
    const { status, body } = await list(token(), PERSON);
    expect(status).toBe(200);
    const ids = body.results.map((r) => r.documentId);
    expect(ids).toContain(created.demoPerson);
    expect(ids).not.toContain(created.kamenskPerson);
    expect([...(await organisationsOf(PERSON, ids))]).toEqual([seededOrganisation('bor-demo-school')]);
    expectHidden(await adminCall(token(), `${CM}${PERSON}/${created.kamenskPerson}`));
  });

  it("is offered only its school's people when forming a pair", async () => {
    const { status, body } = await adminCall<{ results: Array<{ documentId: string }> }>(
      token(),
      `/content-manager/relations/plugin::nastavnik.pair/mentors?pageSize=100`,
    );
    expect(status).toBe(200);
    const offered = body.results.map((r) => r.documentId);
    expect(offered).toContain(created.demoPerson);
    expect(offered).not.toContain(created.kamenskPerson);
  });
});

describe('a municipal methodist', () => {
  const token = () => adminToken('borMethodistAdmin');

  it('sees the road maps of the schools below, and no other region', async () => {
    const { status, body } = await list(token(), 'roadmap');
    expect(status).toBe(200);
    const seen = await organisationsOf(
      'roadmap',
      body.results.map((r) => r.documentId),
    );
    const all = await organisationsOf(
      'roadmap',
      (await list(superToken, 'roadmap')).body.results.map((r) => r.documentId),
    );
    expect(seen.size).toBeGreaterThan(0);
    expect(seen.size).toBeLessThan(all.size);
    expect(seen.has(seededOrganisation('kamensk-school-40'))).toBe(false);
    for (const id of seen)
      expect([seededOrganisation('bor-uoimp'), seededOrganisation('bor-demo-school')]).toContain(id);
  });

  it('never sees personal data', async () => {
    expect((await list(token(), PERSON)).status).toBe(403);
    expect((await list(token(), 'pair')).status).toBe(403);
  });
});

describe('accounts outside the plugin roles', () => {
  it('an unbound account with a stock Strapi role sees none of the plugin data', async () => {
    const token = adminToken('stockEditorAdmin');
    const persons = await list(token, PERSON);
    expect([200, 403]).toContain(persons.status);
    if (persons.status === 200) expect(persons.body.results).toEqual([]);
    expectHidden(await adminCall(token, `${CM}${PERSON}/${created.demoPerson}`));
    const news = await list(token, NEWS);
    if (news.status === 200) expect(news.body.results).toEqual([]);
  });

  it('a super admin sees every organisation', async () => {
    const ids = (await list(superToken, PERSON)).body.results.map((r) => r.documentId);
    expect(ids).toEqual(expect.arrayContaining([created.demoPerson, created.kamenskPerson]));
  });
});

describe('the admin-panel bindings', () => {
  it('are not on the content API, neither REST nor GraphQL', async () => {
    const rest = await fetch(`${url}/api/nastavnik/admin-accesses`);
    expect(rest.status).toBe(404);
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nastavnikAdminAccesses { email } }' }),
    });
    const body = (await graphql.json()) as { errors?: Array<{ message: string }> };
    expect(body.errors?.[0]?.message).toContain('nastavnikAdminAccesses');
  });
});

describe('API tokens', () => {
  async function token(type: 'read-only' | 'full-access') {
    const res = await adminCall<{ data: { accessKey: string } }>(superToken, '/admin/api-tokens', {
      method: 'POST',
      body: { name: `Тест ${type} ${Date.now()}`, type, lifespan: null, description: '' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data.accessKey;
  }
  const rest = async (key: string, path: string) => {
    const res = await fetch(`${url}/api/nastavnik/${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, text: await res.text() };
  };

  it('a read-only token reads what visitors read, never people', async () => {
    const key = await token('read-only');
    expect((await rest(key, 'persons')).status).toBe(403);
    const roadmaps = await rest(key, 'roadmaps');
    expect(roadmaps.status).toBe(200);
    expect(roadmaps.text).not.toContain('Админтестовна');
  });

  it('a full-access token is trusted with everything', async () => {
    const key = await token('full-access');
    const persons = await rest(key, 'persons?pagination[pageSize]=100');
    expect(persons.status).toBe(200);
    expect(persons.text).toContain('Каменская Учительница Админтестовна');
  });
});

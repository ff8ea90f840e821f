/**
 * Withdrawal of consent, everywhere at once. A teacher of the demo school is entered with consent to
 * publication and then named wherever a school names people: author of an approved, published case,
 * curator contact of the public section, responsible for a road-map activity (linked to her record), member
 * of the road map's working group, mentor in the participants report. Every public surface (the pages under
 * /nastavnichestvo/, found by following their links, the sitemap, the case search, anonymous GraphQL and
 * REST), every export (road map DOCX/XLSX, pair orders) and every report (participants XLSX, analytic note
 * DOCX) is read before — her name is there, so the check can fail — and right after the curator records
 * the withdrawal: neither her name (in any of the forms a document writes it), nor her e-mail, nor her phone
 * may remain. (That a backup from before the withdrawal, restored later, re-applies it: backup.test.ts.)
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { parseResponsible } from '@nastavnik/shared';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

const PREFIX = '/nastavnichestvo';
const SCHOOL = 'bor-demo-school';
const NAME = 'Лебедева Анна Сергеевна';
const SHORT = 'Лебедева А.С.';
const EMAIL = 'a.lebedeva.otzyv@example.org';
const PHONE = '+7 900 555-44-33';
const RESPONSIBLE = `${SHORT}, заместитель директора по ВР`;
/** What identifies her in any text: the surname (every written form of the name has it), e-mail, phone. */
const TRACES = ['Лебедева', 'ЛЕБЕДЕВА', EMAIL, '555-44-33'];

const url = () => inject('strapiUrl');
const curator = () => jwtOf('demoCurator');

async function get(path: string, jwt?: string) {
  const res = await fetch(`${url()}${path}`, { headers: jwt ? { authorization: `Bearer ${jwt}` } : {} });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** The text of every XML part of a DOCX or XLSX (shared strings, sheets, document, headers), unmarked. */
async function officeText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && f.name.endsWith('.xml'))
      .map((f) => f.async('string')),
  );
  // Word splits a paragraph into runs as it likes: read the text without the markup between them.
  return parts.join('\n').replace(/<[^>]+>/g, '');
}

let person = '';
let organisation = '';
let roadmap = '';
let activity: { documentId: string; responsibleText: string | null } | undefined;
let section: { documentId: string; curatorContact: Record<string, unknown> | null } | undefined;
let programmes: string[] = [];

beforeAll(async () => {
  const created = await gql<{ createNastavnikPerson: { documentId: string } }>(
    `mutation($data: NastavnikPersonInput!) { createNastavnikPerson(data: $data) { documentId } }`,
    {
      data: {
        fullName: NAME,
        category: 'teacher',
        isMentor: true,
        email: EMAIL,
        phone: PHONE,
        consent: { givenBy: 'self', processing: true, publication: true, signedAt: '2025-09-01' },
      },
    },
    curator(),
  );
  person = dataOf(created).createNastavnikPerson.documentId;

  const context = dataOf(
    await gql<{
      nastavnikOrganisations: Array<{ documentId: string }>;
      nastavnikRoadmaps: Array<{ documentId: string }>;
      nastavnikSiteSections: Array<{ documentId: string; curatorContact: Record<string, unknown> | null }>;
      nastavnikProgrammes: Array<{ documentId: string; form: string }>;
      nastavnikPersons: Array<{ documentId: string }>;
    }>(
      `query($slug: String!) {
        nastavnikOrganisations(filters: { slug: { eq: $slug } }) { documentId }
        nastavnikRoadmaps(filters: { organisation: { slug: { eq: $slug } } }) { documentId }
        nastavnikSiteSections(filters: { organisation: { slug: { eq: $slug } } }, sort: "createdAt:asc") {
          documentId curatorContact { name position phone email publicationConsent }
        }
        nastavnikProgrammes(filters: { organisation: { slug: { eq: $slug } } }) { documentId form }
        nastavnikPersons(filters: { fullName: { startsWith: "Кузнецов" } }) { documentId }
      }`,
      { slug: SCHOOL },
      curator(),
    ),
  );
  organisation = context.nastavnikOrganisations[0]?.documentId ?? '';
  roadmap = context.nastavnikRoadmaps[0]?.documentId ?? '';
  // An activity of the road map the public pages and the export show (not of an archived version).
  const activities = dataOf(
    await gql<{
      nastavnikRoadmapActivities: Array<{
        documentId: string;
        title: string;
        responsibleText: string | null;
        roadmap: { documentId: string } | null;
      }>;
    }>(
      `query($slug: String!) {
        nastavnikRoadmapActivities(filters: { roadmap: { organisation: { slug: { eq: $slug } } } }, pagination: { limit: 100 }) {
          documentId title responsibleText roadmap { documentId }
        }
      }`,
      { slug: SCHOOL },
      curator(),
    ),
  ).nastavnikRoadmapActivities;
  // One of the school's activities (they link to a road map's draft row, which GraphQL does not show).
  activity = activities[0];
  if (!activity)
    throw new Error(`нет мероприятий дорожной карты ${roadmap}: ${JSON.stringify(activities.slice(0, 3))}`);
  section = context.nastavnikSiteSections[0];
  programmes = context.nastavnikProgrammes.map((p) => p.documentId);
  if (!organisation || !roadmap || !section)
    throw new Error(`в демо-данных школы чего-то нет: ${JSON.stringify(context)}`);

  const activityId = activity.documentId;
  const sectionId = section.documentId;
  const teachers = context.nastavnikProgrammes.find((p) => p.form === 'teacher_teacher')?.documentId;
  const mentee = context.nastavnikPersons[0]?.documentId;
  const writes = [
    () =>
      gql(
        `mutation($data: NastavnikPairInput!) { createNastavnikPair(data: $data) { documentId } }`,
        {
          data: {
            title: 'Лебедева – Кузнецов',
            programme: teachers,
            mentors: [person],
            mentees: [mentee],
            kind: 'pair',
            form: 'teacher_teacher',
            pairStatus: 'approved',
            approvalOrderNumber: '15-о',
            approvalOrderDate: '2025-09-15',
          },
        },
        curator(),
      ),
    () =>
      gql(
        `mutation($id: ID!, $name: String!) {
        updateNastavnikRoadmap(documentId: $id, data: { workingGroup: [{ name: $name, position: "учитель математики" }] }, status: PUBLISHED) { documentId }
      }`,
        { id: roadmap, name: NAME },
        curator(),
      ),
    () =>
      gql(
        `mutation($id: ID!, $person: ID!, $text: String, $parsed: JSON) {
        updateNastavnikRoadmapActivity(documentId: $id, data: { responsibleText: $text, responsible: $parsed, responsiblePersons: [$person] }) { documentId }
      }`,
        // As an import stores it: the text as written and the people, roles and bodies read from it.
        { id: activityId, person, text: RESPONSIBLE, parsed: parseResponsible(RESPONSIBLE) },
        curator(),
      ),
    () =>
      gql(
        `mutation($id: ID!, $contact: ComponentNastavnikContactInput) {
        updateNastavnikSiteSection(documentId: $id, data: { curatorContact: $contact }, status: PUBLISHED) { documentId }
      }`,
        {
          id: sectionId,
          contact: { name: NAME, position: 'куратор', phone: PHONE, email: EMAIL, publicationConsent: true },
        },
        curator(),
      ),
  ];
  // One after another: publishing the road map must not race the activity's own write.
  for (const write of writes) {
    const res = await write();
    expect(res.errors, res.raw).toBeUndefined();
  }

  const draft = await gql<{ createNastavnikCase: { documentId: string } }>(
    `mutation($data: NastavnikCaseInput!) { createNastavnikCase(data: $data, status: DRAFT) { documentId } }`,
    {
      data: {
        title: 'Наставник помогает молодому учителю освоить формирующее оценивание',
        slug: 'otzyv-soglasiya-formiruyushchee-otsenivanie',
        summary: 'Пара «учитель – учитель»: за полугодие молодой педагог провёл 12 открытых уроков.',
        form: 'teacher_teacher',
        reviewState: 'submitted',
        authors: [{ name: SHORT, authorRole: 'наставник', publicationConsent: true }],
      },
    },
    curator(),
  );
  const approved = await gql(
    `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { reviewState: approved }, status: PUBLISHED) { documentId } }`,
    { id: dataOf(draft).createNastavnikCase.documentId },
    jwtOf('borMethodist'),
  );
  expect(approved.errors, approved.raw).toBeUndefined();
});

afterAll(async () => {
  // Leave the demo school's public texts as seeded for the suites that read them.
  if (activity)
    await gql(
      `mutation($id: ID!, $text: String) { updateNastavnikRoadmapActivity(documentId: $id, data: { responsibleText: $text, responsiblePersons: [] }) { documentId } }`,
      { id: activity.documentId, text: activity.responsibleText },
      curator(),
    );
  if (roadmap)
    await gql(
      `mutation($id: ID!) { updateNastavnikRoadmap(documentId: $id, data: { workingGroup: [] }, status: PUBLISHED) { documentId } }`,
      { id: roadmap },
      curator(),
    );
  if (section)
    await gql(
      `mutation($id: ID!, $contact: ComponentNastavnikContactInput) { updateNastavnikSiteSection(documentId: $id, data: { curatorContact: $contact }, status: PUBLISHED) { documentId } }`,
      { id: section.documentId, contact: section.curatorContact },
      curator(),
    );
});

/** The public pages of the school and of the bank of practices, found by following their own links. */
async function publicPages(): Promise<Record<string, string>> {
  const start = [
    `${PREFIX}/${SCHOOL}/`,
    `${PREFIX}/luchshie-praktiki/`,
    `${PREFIX}/luchshie-praktiki/?q=${encodeURIComponent('формирующее оценивание')}`,
    `${PREFIX}/sitemap.xml`,
  ];
  const seen = new Map<string, string>();
  const queue = [...start];
  while (queue.length && seen.size < 80) {
    const next = queue.shift();
    if (!next || seen.has(next)) continue;
    const page = await get(next);
    expect(page.status, next).toBeLessThan(500);
    const text = page.bytes.toString('utf8');
    seen.set(next, text);
    const links = [...text.matchAll(/href="([^"#]+)"/g), ...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
      (m[1] ?? '').replace(url(), '').replace(/&amp;/g, '&'),
    );
    for (const link of links) {
      const plain = link.split('?')[0] ?? '';
      // Only this school's pages and the bank's case pages: other schools would just cost time.
      if (plain.startsWith(`${PREFIX}/${SCHOOL}/`) || plain.startsWith(`${PREFIX}/luchshie-praktiki/`))
        if (!plain.endsWith('.docx') && !plain.endsWith('.xlsx') && !seen.has(plain)) queue.push(plain);
    }
  }
  return Object.fromEntries(seen);
}

/** Every surface, by name, with its text: pages, anonymous APIs, exports and reports. */
async function surfaces(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(await publicPages())) out[`страница ${path}`] = text;

  const anonymousGraphql = await gql(
    `query($slug: String!) {
      nastavnikSiteSections(filters: { organisation: { slug: { eq: $slug } } }) {
        curatorContact { name position phone email }
        featuredCases { title authors { name authorRole } }
      }
      nastavnikRoadmaps(filters: { organisation: { slug: { eq: $slug } } }) {
        workingGroup { name position }
        activities(pagination: { limit: 100 }) { responsibleText responsible }
      }
      nastavnikCases(pagination: { limit: 100 }) { title authors { name authorRole } }
      nastavnikPublicSection(slug: $slug)
    }`,
    { slug: SCHOOL },
  );
  expect(anonymousGraphql.errors, anonymousGraphql.raw).toBeUndefined();
  out['GraphQL без входа'] = anonymousGraphql.raw;

  for (const path of [
    '/api/nastavnik/cases?populate=authors&pagination[pageSize]=100',
    '/api/nastavnik/site-sections?populate=curatorContact',
    '/api/nastavnik/roadmaps?populate=workingGroup',
    '/api/nastavnik/roadmap-activities?pagination[pageSize]=100&filters[responsibleText][$containsi]=%D0%B0',
  ]) {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    out[`REST без входа ${path}`] = res.bytes.toString('utf8');
  }

  const files: Array<[string, string]> = [
    ['дорожная карта DOCX', `/api/nastavnik/roadmaps/${roadmap}/export?format=docx`],
    ['дорожная карта XLSX', `/api/nastavnik/roadmaps/${roadmap}/export?format=xlsx`],
    ['отчёт о численности участников XLSX', `/api/nastavnik/kpi/${organisation}/participants`],
    ['аналитическая справка DOCX', `/api/nastavnik/kpi/${organisation}/note`],
  ];
  for (const [label, path] of files) {
    const res = await get(path, curator());
    expect(res.status, `${label}: ${res.bytes.toString('utf8').slice(0, 300)}`).toBe(200);
    out[label] = await officeText(res.bytes);
  }
  // The order fixing the pairs, for every programme that has pairs to fix (the others answer why not).
  for (const programme of programmes) {
    const res = await get(
      `/api/nastavnik/programmes/${programme}/pairs-order?number=15-о&date=2025-09-15`,
      curator(),
    );
    if (res.status === 400 && res.bytes.toString('utf8').includes('нет ни одной пары')) continue;
    expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
    out[`приказ о закреплении пар ${programme}`] = await officeText(res.bytes);
  }
  return out;
}

const tracesIn = (all: Record<string, string>) =>
  Object.entries(all)
    .filter(([, text]) => TRACES.some((t) => text.includes(t)))
    .map(([where]) => where);

describe('withdrawal of consent', () => {
  it('before: she is named on the public pages, in the APIs, the exports and the report', async () => {
    const found = tracesIn(await surfaces());
    // Each kind of surface shows her, so that the check after the withdrawal has something to lose.
    for (const expected of [
      `страница ${PREFIX}/${SCHOOL}/`,
      'GraphQL без входа',
      'REST без входа /api/nastavnik/cases?populate=authors&pagination[pageSize]=100',
      'REST без входа /api/nastavnik/site-sections?populate=curatorContact',
      'REST без входа /api/nastavnik/roadmaps?populate=workingGroup',
      'отчёт о численности участников XLSX',
    ])
      expect(found, JSON.stringify(found)).toContain(expected);
    expect(found.filter((f) => f.startsWith('страница')).length).toBeGreaterThanOrEqual(2);
  });

  it('after the curator records the withdrawal, no surface names her any more', async () => {
    const started = performance.now();
    const res = await gql<{ updateNastavnikPerson: { fullName: string; email: string | null } }>(
      `mutation($id: ID!, $consent: ComponentNastavnikConsentInput) {
        updateNastavnikPerson(documentId: $id, data: { consent: $consent }) { fullName email }
      }`,
      {
        id: person,
        consent: {
          givenBy: 'self',
          processing: true,
          publication: true,
          signedAt: '2025-09-01',
          withdrawnAt: new Date().toISOString(),
        },
      },
      curator(),
    );
    const withdrawnMs = Math.round(performance.now() - started);
    expect(dataOf(res).updateNastavnikPerson).toEqual({
      fullName: 'Участник (данные обезличены)',
      email: null,
    });

    const all = await surfaces();
    expect(tracesIn(all)).toEqual([]);
    process.stdout.write(
      `consent withdrawal: ${Object.keys(all).length} surfaces checked, withdrawal ${withdrawnMs} ms\n`,
    );
  });

  it('her record stays for the counts, without anything that identifies her', async () => {
    const res = await gql<{ nastavnikPerson: Record<string, unknown> }>(
      `query($id: ID!) { nastavnikPerson(documentId: $id) { fullName email phone anonymised isMentor category consent { processing publication withdrawnAt } } }`,
      { id: person },
      curator(),
    );
    const stored = dataOf(res).nastavnikPerson;
    expect(stored).toMatchObject({
      anonymised: true,
      email: null,
      phone: null,
      isMentor: true,
      category: 'teacher',
    });
    expect(JSON.stringify(stored)).not.toContain('Лебедева');
  });
});

/**
 * Tenancy: a user reads and writes only inside their organisation's subtree; a methodist of a
 * municipality or region reads everything below it; roles limit which types a user may touch at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql, jwtOf, orgId, query } from '../harness/graphql.js';

const consent = { givenBy: 'self', processing: true, signedAt: '2025-09-01' };
const CREATE_PERSON = query<{
  createNastavnikPerson: { documentId: string; organisation: { slug: string } | null };
}>(
  `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId organisation { slug } } }`,
);
const createPerson = (jwt: string, fullName: string, extra: Record<string, unknown> = {}) =>
  gql(CREATE_PERSON, { d: { fullName, category: 'teacher', consent, ...extra } }, jwt);
/** Rows of one organisation each, as the list queries below ask for them. */
type WithOrganisation<T = unknown> = T & { organisation: { slug: string } | null };

let borPerson = '';
let samaraPerson = '';

describe('tenancy', () => {
  beforeAll(async () => {
    borPerson = dataOf(await createPerson(jwtOf('demoCurator'), 'Борская Учительница')).createNastavnikPerson
      .documentId;
    const s = await createPerson(jwtOf('samaraCurator'), 'Самарский Учитель');
    expect(s.errors, s.raw).toBeUndefined();
    expect(dataOf(s).createNastavnikPerson.organisation?.slug).toBe('privolzhye-school-3');
    samaraPerson = dataOf(s).createNastavnikPerson.documentId;
  });

  it("a curator of organisation A cannot read organisation B's person, in a list or by id", async () => {
    const list = await gql<{ nastavnikPersons: WithOrganisation[] }>(
      `{ nastavnikPersons(pagination: { limit: 100 }) { fullName organisation { slug } } }`,
      {},
      jwtOf('samaraCurator'),
    );
    expect(list.errors).toBeUndefined();
    const slugs = new Set(dataOf(list).nastavnikPersons.map((p) => p.organisation?.slug));
    expect([...slugs]).toEqual(['privolzhye-school-3']);
    expect(list.raw).not.toContain('Борская');
    expect(list.raw).not.toContain('(демо)');

    const one = await gql<{ nastavnikPerson: unknown }>(
      `query($id: ID!) { nastavnikPerson(documentId: $id) { fullName } }`,
      { id: borPerson },
      jwtOf('samaraCurator'),
    );
    expect(one.data?.nastavnikPerson ?? null).toBeNull();
    expect(one.raw).not.toContain('Борская');
  });

  it("a curator of organisation A cannot change or delete organisation B's person", async () => {
    const update = await gql(
      `mutation($id: ID!) { updateNastavnikPerson(documentId: $id, data: { fullName: "Взломано" }) { fullName } }`,
      { id: borPerson },
      jwtOf('samaraCurator'),
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const del = await gql(
      `mutation($id: ID!) { deleteNastavnikPerson(documentId: $id) { documentId } }`,
      { id: borPerson },
      jwtOf('samaraCurator'),
    );
    expect(del.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const still = await gql<{ nastavnikPerson: { fullName: string } | null }>(
      `query($id: ID!) { nastavnikPerson(documentId: $id) { fullName } }`,
      { id: borPerson },
      jwtOf('demoCurator'),
    );
    expect(dataOf(still).nastavnikPerson?.fullName).toBe('Борская Учительница');
  });

  it('a curator cannot create a record in another organisation', async () => {
    const res = await createPerson(jwtOf('samaraCurator'), 'Чужой', {
      organisation: orgId('bor-demo-school'),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const check = await gql<{ nastavnikPersons: unknown[] }>(
      `{ nastavnikPersons(filters: { fullName: { eq: "Чужой" } }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(check).nastavnikPersons).toHaveLength(0);
  });

  it("a relation to another organisation's record is refused and nothing is written", async () => {
    const res = await gql(
      `mutation($d: NastavnikPairInput!) { createNastavnikPair(data: $d) { documentId } }`,
      { d: { title: 'Смешанная пара', form: 'teacher_teacher', mentors: [samaraPerson] } },
      jwtOf('demoCurator'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toContain('mentors');
    expect(res.status).toBeLessThan(500);
    const pairs = await gql<{ nastavnikPairs: unknown[] }>(
      `{ nastavnikPairs(filters: { title: { eq: "Смешанная пара" } }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(pairs).nastavnikPairs).toHaveLength(0);
  });

  it('a methodist of the municipality reads the schools below it, but not other regions', async () => {
    const res = await gql<{ nastavnikProgrammes: WithOrganisation[] }>(
      `{ nastavnikProgrammes(status: DRAFT, pagination: { limit: 100 }) { title organisation { slug } } }`,
      {},
      jwtOf('borMethodist'),
    );
    expect(res.errors).toBeUndefined();
    const slugs = new Set(dataOf(res).nastavnikProgrammes.map((p) => p.organisation?.slug));
    expect(slugs.has('bor-demo-school')).toBe(true);
    for (const slug of slugs) expect(['bor-uoimp', 'bor-demo-school']).toContain(slug);
  });

  it('a regional methodist reads the school under the regional centre and a curator there sees it too', async () => {
    const draft = await gql(
      `mutation { createNastavnikRoadmap(data: { title: "Карта СОШ № 3" }, status: DRAFT) { documentId } }`,
      {},
      jwtOf('samaraCurator'),
    );
    expect(draft.errors).toBeUndefined();
    const methodist = await gql<{ nastavnikRoadmaps: Array<WithOrganisation<{ title: string }>> }>(
      `{ nastavnikRoadmaps(status: DRAFT) { title organisation { slug } } }`,
      {},
      jwtOf('samaraMethodist'),
    );
    expect(dataOf(methodist).nastavnikRoadmaps.map((r) => r.title)).toContain('Карта СОШ № 3');
    const other = await gql(`{ nastavnikRoadmaps(status: DRAFT) { title } }`, {}, jwtOf('borMethodist'));
    expect(other.raw).not.toContain('Карта СОШ № 3');
  });

  it('a methodist never reads personal data, even of the schools below', async () => {
    const res = await gql(`{ nastavnikPersons { fullName } }`, {}, jwtOf('borMethodist'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.raw).not.toContain('Борская');
  });

  it('an editor manages the site section but cannot read people, pairs or meetings', async () => {
    for (const q of [
      'nastavnikPersons { fullName }',
      'nastavnikPairs { title }',
      'nastavnikMeetings { topic }',
      'nastavnikCaptures { sourceUrl }',
    ]) {
      const res = await gql(`{ ${q} }`, {}, jwtOf('demoEditor'));
      expect(res.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
    }
    const news = await gql<{ createNastavnikNewsItem: WithOrganisation }>(
      `mutation { createNastavnikNewsItem(data: { title: "Итоги конкурса", kind: contest, date: "2025-12-20" }) { organisation { slug } } }`,
      {},
      jwtOf('demoEditor'),
    );
    expect(news.errors, news.raw).toBeUndefined();
    expect(dataOf(news).createNastavnikNewsItem.organisation?.slug).toBe('bor-demo-school');
  });

  it('staff log meetings but cannot delete people or change pairs', async () => {
    const pair = await gql<{ nastavnikPairs: Array<{ documentId: string }> }>(
      `{ nastavnikPairs(filters: { title: { contains: "Смирнова" } }) { documentId } }`,
      {},
      jwtOf('demoStaff'),
    );
    expect(pair.errors).toBeUndefined();
    const pairId = dataOf(pair).nastavnikPairs[0]?.documentId;
    if (!pairId) throw new Error(`Нет демо-пары: ${pair.raw}`);
    const meeting = await gql(
      `mutation($d: NastavnikMeetingInput!) { createNastavnikMeeting(data: $d) { documentId kind } }`,
      {
        d: {
          pair: pairId,
          kind: 'working',
          date: '2025-11-20',
          topic: 'Рабочая встреча',
          mentorFeedback: { rating: 8 },
          menteeFeedback: { rating: 9 },
        },
      },
      jwtOf('demoStaff'),
    );
    expect(meeting.errors, meeting.raw).toBeUndefined();
    const del = await gql(
      `mutation($id: ID!) { deleteNastavnikPerson(documentId: $id) { documentId } }`,
      { id: borPerson },
      jwtOf('demoStaff'),
    );
    expect(del.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const upd = await gql(
      `mutation($id: ID!) { updateNastavnikPair(documentId: $id, data: { title: "x" }) { title } }`,
      { id: pairId },
      jwtOf('demoStaff'),
    );
    expect(upd.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('only a methodist approves a case, and only an approved case can be published', async () => {
    const c = await gql<{ createNastavnikCase: { documentId: string } }>(
      `mutation { createNastavnikCase(data: { title: "Кейс на рассмотрение", reviewState: submitted }, status: DRAFT) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(c.errors, c.raw).toBeUndefined();
    const id = dataOf(c).createNastavnikCase.documentId;
    const selfApprove = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { reviewState: approved }, status: DRAFT) { reviewState } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(selfApprove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const publishEarly = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { summary: "кратко" }, status: PUBLISHED) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(publishEarly.errors?.[0]?.message).toContain('одобрения методистом');
    const approve = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { reviewState: approved, reviewerNote: "Хорошо" }, status: DRAFT) { reviewState } }`,
      { id },
      jwtOf('borMethodist'),
    );
    expect(approve.errors, approve.raw).toBeUndefined();
    const publish = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: {}, status: PUBLISHED) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(publish.errors, publish.raw).toBeUndefined();
    const visible = await gql(`{ nastavnikCases { title } }`);
    expect(visible.raw).toContain('Кейс на рассмотрение');
  });

  it('the subtree query lists an organisation and everything below it', async () => {
    const res = await gql<{ nastavnikOrganisationSubtree: Array<{ slug: string }> }>(
      `query($id: ID!) { nastavnikOrganisationSubtree(documentId: $id) { slug } }`,
      {
        id: orgId('nizhny-novgorod-region'),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(
      dataOf(res)
        .nastavnikOrganisationSubtree.map((o) => o.slug)
        .sort(),
    ).toEqual(['bor-demo-school', 'bor-uoimp', 'nizhny-novgorod-region']);
  });
});

/**
 * Captures from the extension: validated, stored once per idempotency key, sanitised, and applied:
 * a class list → people awaiting consent, grades → progress records, an article → a case for review.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataOf, gql, jwtOf, query } from '../harness/graphql.js';

const SUBMIT = query<{ nastavnikSubmitCapture: { documentId: string; state: string; duplicate: boolean } }>(
  `mutation($data: NastavnikCaptureSubmitInput!) { nastavnikSubmitCapture(data: $data) { documentId state duplicate } }`,
);
const APPLY = query<{
  nastavnikApplyCapture: { documentId: string; state: string; message: string; createdCount: number };
}>(
  `mutation($id: ID!, $options: JSON) { nastavnikApplyCapture(documentId: $id, options: $options) { documentId state message createdCount } }`,
);
const key = () => randomUUID();

const roster = (k = key()) => ({
  kind: 'roster',
  sourceUrl: 'https://journal.example/class/7v',
  adapter: 'generic-table',
  idempotencyKey: k,
  payload: {
    kind: 'roster',
    rows: [
      { fullName: 'Ёлкина Вера Петровна', className: '7В', birthDate: '2013-02-03' },
      { fullName: 'Грачёв Илья Андреевич', className: '7В' },
    ],
  },
});

describe('captures from the extension', () => {
  it('stores a class list once however often it is sent, and applies it as people awaiting consent', async () => {
    const data = roster();
    const first = await gql(SUBMIT, { data }, jwtOf('demoStaff'));
    expect(first.errors, first.raw).toBeUndefined();
    expect(dataOf(first).nastavnikSubmitCapture).toMatchObject({ state: 'new', duplicate: false });
    const again = await gql(SUBMIT, { data }, jwtOf('demoStaff'));
    expect(dataOf(again).nastavnikSubmitCapture).toEqual({
      ...dataOf(first).nastavnikSubmitCapture,
      duplicate: true,
    });

    const applied = await gql(
      APPLY,
      { id: dataOf(first).nastavnikSubmitCapture.documentId },
      jwtOf('demoStaff'),
    );
    expect(applied.errors, applied.raw).toBeUndefined();
    expect(dataOf(applied).nastavnikApplyCapture).toMatchObject({ state: 'applied', createdCount: 2 });
    expect(dataOf(applied).nastavnikApplyCapture.message).toContain('ожидают согласия');

    const people = await gql<{ nastavnikPersons: unknown[] }>(
      `{ nastavnikPersons(filters: { classOrGroup: { eq: "7В" } }) { fullName awaitingConsent birthDate consent { processing } } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(people).nastavnikPersons).toHaveLength(2);
    for (const p of dataOf(people).nastavnikPersons)
      expect(p).toMatchObject({ awaitingConsent: true, birthDate: null, consent: null });

    const reapply = await gql(
      APPLY,
      { id: dataOf(first).nastavnikSubmitCapture.documentId },
      jwtOf('demoStaff'),
    );
    expect(dataOf(reapply).nastavnikApplyCapture.createdCount).toBe(0);
    const capture = await gql<{ nastavnikCapture: { payload: unknown } }>(
      `query($id: ID!) { nastavnikCapture(documentId: $id) { payload captureState } }`,
      { id: dataOf(first).nastavnikSubmitCapture.documentId },
      jwtOf('demoCurator'),
    );
    expect(JSON.stringify(dataOf(capture).nastavnikCapture.payload)).not.toContain('Ёлкина');
  });

  it('keeps a person awaiting consent down to name and class until the consent is recorded', async () => {
    const people = await gql<{ nastavnikPersons: Array<{ documentId: string }> }>(
      `{ nastavnikPersons(filters: { fullName: { eq: "Грачёв Илья Андреевич" } }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    const id = dataOf(people).nastavnikPersons[0]?.documentId;
    const phone = await gql(
      `mutation($id: ID!) { updateNastavnikPerson(documentId: $id, data: { phone: "+7 900 000-11-22" }) { phone } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(phone.errors?.[0]?.message).toContain('ожидает согласия');
    const consent = await gql<{ updateNastavnikPerson: unknown }>(
      `mutation($id: ID!) { updateNastavnikPerson(documentId: $id, data: { birthDate: "2013-05-05", consent: { givenBy: legal_representative, representativeName: "Грачёва Анна", processing: true, signedAt: "2025-11-20" } }) { awaitingConsent birthDate } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(consent.errors, consent.raw).toBeUndefined();
    expect(dataOf(consent).updateNastavnikPerson).toEqual({
      awaitingConsent: false,
      birthDate: '2013-05-05',
    });
  });

  it('applies grades as progress records for participants with consent and names the rest', async () => {
    const data = {
      kind: 'grades',
      sourceUrl: 'https://journal.example/grades',
      adapter: 'generic-table',
      idempotencyKey: key(),
      payload: {
        kind: 'grades',
        rows: [
          {
            fullName: 'Грачёв Илья Андреевич',
            className: '7В',
            averageGrade: 4.2,
            absences: 3,
            finalGrade: 4,
          },
          { fullName: 'Ёлкина Вера Петровна', averageGrade: 3.9 },
        ],
      },
    };
    const sent = await gql(SUBMIT, { data }, jwtOf('demoStaff'));
    const applied = await gql(
      APPLY,
      { id: dataOf(sent).nastavnikSubmitCapture.documentId, options: { moment: 'start' } },
      jwtOf('demoStaff'),
    );
    expect(applied.errors, applied.raw).toBeUndefined();
    expect(dataOf(applied).nastavnikApplyCapture.createdCount).toBe(3);
    expect(dataOf(applied).nastavnikApplyCapture.message).toContain('Ёлкина');
    const records = await gql<{
      nastavnikProgressRecords: Array<{ metric: string; value: number; moment: string }>;
    }>(
      `{ nastavnikProgressRecords(filters: { source: { eq: "capture" } }) { metric value moment person { fullName } } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(records).nastavnikProgressRecords.map((r) => [r.metric, r.value, r.moment])).toEqual(
      expect.arrayContaining([
        ['average_grade', 4.2, 'start'],
        ['absences', 3, 'start'],
        // The journal's own final mark for the period, kept apart from the average of lesson marks.
        ['final_grade', 4, 'start'],
      ]),
    );
    const badOptions = await gql(SUBMIT, { data: { ...data, idempotencyKey: key() } }, jwtOf('demoStaff'));
    const bad = await gql(
      APPLY,
      { id: dataOf(badOptions).nastavnikSubmitCapture.documentId, options: { moment: 'someday' } },
      jwtOf('demoStaff'),
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('turns an article into a case draft submitted for review, with hostile HTML removed', async () => {
    const data = {
      kind: 'article',
      sourceUrl: 'https://school.example/news/1',
      adapter: 'article',
      idempotencyKey: key(),
      payload: {
        kind: 'article',
        title: 'Наставники-старшеклассники',
        html: '<p>Текст <a href="https://school.example">сайт</a></p><img src="https://school.example/a.jpg" alt="фото">',
        images: [],
        sourceUrl: 'https://school.example/news/1',
      },
    };
    const sent = await gql(SUBMIT, { data }, jwtOf('demoStaff'));
    const applied = await gql(
      APPLY,
      { id: dataOf(sent).nastavnikSubmitCapture.documentId },
      jwtOf('demoStaff'),
    );
    expect(dataOf(applied).nastavnikApplyCapture.createdCount).toBe(1);
    const cases = await gql<{ nastavnikCases: Array<{ solution: string }> }>(
      `{ nastavnikCases(status: DRAFT, filters: { title: { eq: "Наставники-старшеклассники" } }) { reviewState solution sourceUrl } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(cases).nastavnikCases[0]).toMatchObject({
      reviewState: 'submitted',
      sourceUrl: 'https://school.example/news/1',
    });
    expect(dataOf(cases).nastavnikCases[0]?.solution).toContain('rel="noopener noreferrer nofollow"');
  });

  it('writes a road-map table from a page, and a second copy as a new version when asked', async () => {
    const html =
      '<table><tr><th>№ п/п</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr>' +
      '<tr><td>1.</td><td>Назначить куратора программы</td><td>до 01.10.2025</td><td>Директор</td></tr>' +
      '<tr><td>2.</td><td>Провести анкетирование наставляемых</td><td>октябрь 2025</td><td>Куратор</td></tr></table>';
    const submit = async () => {
      const data = {
        kind: 'roadmap_table',
        sourceUrl: 'https://school.example/plan',
        adapter: 'roadmap-table',
        idempotencyKey: key(),
        payload: { kind: 'roadmap_table', html },
      };
      return dataOf(await gql(SUBMIT, { data }, jwtOf('demoCurator'))).nastavnikSubmitCapture.documentId;
    };
    const first = await submit();
    const dry = await gql(APPLY, { id: first }, jwtOf('demoCurator'));
    expect(dataOf(dry).nastavnikApplyCapture).toMatchObject({ state: 'new', createdCount: 0 });
    const written = await gql(APPLY, { id: first, options: { commit: true } }, jwtOf('demoCurator'));
    expect(dataOf(written).nastavnikApplyCapture).toMatchObject({ state: 'applied', createdCount: 2 });
    const second = await submit();
    const refused = await gql(APPLY, { id: second, options: { commit: true } }, jwtOf('demoCurator'));
    expect(refused.errors?.[0]?.message).toContain('уже импортирован');
    const versioned = await gql(
      APPLY,
      { id: second, options: { commit: true, onDuplicate: 'new_version' } },
      jwtOf('demoCurator'),
    );
    expect(dataOf(versioned).nastavnikApplyCapture).toMatchObject({ state: 'applied', createdCount: 2 });
  });

  it.each([
    [
      'a script in the article',
      {
        kind: 'article',
        title: 'x',
        html: '<p>hi</p><script>alert(1)</script>',
        images: [],
        sourceUrl: 'https://a.example/',
      },
      'очистку',
    ],
    [
      'a javascript: link',
      {
        kind: 'article',
        title: 'x',
        html: '<a href="javascript:alert(1)">x</a>',
        images: [],
        sourceUrl: 'https://a.example/',
      },
      'очистку',
    ],
    ['markup in a name', { kind: 'roster', rows: [{ fullName: '<img src=x onerror=alert(1)>' }] }, '«<»'],
    ['an empty class list', { kind: 'roster', rows: [] }, 'ни одной строки'],
  ])('refuses %s with a Russian message and stores nothing', async (_name, payload, message) => {
    const data = {
      kind: payload.kind,
      sourceUrl: 'https://a.example/',
      adapter: 'generic-table',
      idempotencyKey: key(),
      payload,
    };
    const res = await gql(SUBMIT, { data }, jwtOf('demoStaff'));
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(message);
    const stored = await gql<{ nastavnikCaptures: unknown[] }>(
      `query($k: String!) { nastavnikCaptures(filters: { idempotencyKey: { eq: $k } }) { documentId } }`,
      { k: data.idempotencyKey },
      jwtOf('demoCurator'),
    );
    expect(dataOf(stored).nastavnikCaptures).toHaveLength(0);
  });

  it('sanitises rich text however it arrives, here straight through the API', async () => {
    const res = await gql<{ createNastavnikNewsItem: { body: string } }>(
      `mutation { createNastavnikNewsItem(data: { title: "Новость", kind: news, date: "2025-11-01", body: "<p onclick=\\"steal()\\">Текст</p><script>x()</script>" }) { body } }`,
      {},
      jwtOf('demoEditor'),
    );
    expect(res.errors, res.raw).toBeUndefined();
    expect(dataOf(res).createNastavnikNewsItem.body).toBe('<p>Текст</p>');
  });

  it('is not for visitors or methodists, and another organisation cannot apply a capture', async () => {
    const anonymous = await gql(SUBMIT, { data: roster() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const methodist = await gql(SUBMIT, { data: roster() }, jwtOf('borMethodist'));
    expect(methodist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sent = await gql(SUBMIT, { data: roster() }, jwtOf('demoStaff'));
    const foreign = await gql(
      APPLY,
      { id: dataOf(sent).nastavnikSubmitCapture.documentId },
      jwtOf('samaraCurator'),
    );
    expect(foreign.errors?.[0]?.extensions?.error?.name).toBe('NotFoundError');
  });
});

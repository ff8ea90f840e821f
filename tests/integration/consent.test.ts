/** The personal-data rule: no person without consent; withdrawing it anonymises and keeps the counts. */
import { describe, expect, it } from 'vitest';
import { dataOf, gql, jwtOf, query } from '../harness/graphql.js';

const CREATE = query<{ createNastavnikPerson: { documentId: string; fullName: string } }>(
  `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId fullName } }`,
);
const create = (d: Record<string, unknown>) => gql(CREATE, { d }, jwtOf('demoCurator'));
const countByName = async (fullName: string) =>
  dataOf(
    await gql<{ nastavnikPersons: unknown[] }>(
      `query($n: String!) { nastavnikPersons(filters: { fullName: { eq: $n } }) { documentId } }`,
      { n: fullName },
      jwtOf('demoCurator'),
    ),
  ).nastavnikPersons.length;

describe('consent to personal-data processing', () => {
  it('refuses a person without consent, naming the field, in Russian, with 4xx, and writes nothing', async () => {
    const res = await create({ fullName: 'Без Согласия', category: 'teacher' });
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('без согласия на обработку персональных данных');
    expect(res.errors?.[0]?.extensions?.error?.details?.errors?.[0]?.path).toEqual(['consent']);
    expect(await countByName('Без Согласия')).toBe(0);
  });

  it('refuses a consent that does not cover processing', async () => {
    const res = await create({
      fullName: 'Не Та Галочка',
      category: 'teacher',
      consent: { givenBy: 'self', processing: false, signedAt: '2025-09-01' },
    });
    expect(res.errors?.[0]?.message).toContain('обработку персональных данных');
    expect(await countByName('Не Та Галочка')).toBe(0);
  });

  it("refuses a minor's own consent and asks for the legal representative's name", async () => {
    const res = await create({
      fullName: 'Юный Ученик',
      category: 'pupil',
      birthDate: '2014-02-01',
      consent: { givenBy: 'self', processing: true, signedAt: '2025-09-01' },
    });
    expect(res.errors?.[0]?.message).toContain('законный представитель');
    const noName = await create({
      fullName: 'Юный Ученик',
      category: 'pupil',
      birthDate: '2014-02-01',
      consent: { givenBy: 'legal_representative', processing: true, signedAt: '2025-09-01' },
    });
    expect(noName.errors?.[0]?.extensions?.error?.details?.errors?.[0]?.path).toEqual([
      'consent',
      'representativeName',
    ]);
    expect(await countByName('Юный Ученик')).toBe(0);
    const ok = await create({
      fullName: 'Юный Ученик',
      category: 'pupil',
      birthDate: '2014-02-01',
      consent: {
        givenBy: 'legal_representative',
        representativeName: 'Родитель Юного',
        processing: true,
        signedAt: '2025-09-01',
      },
    });
    expect(ok.errors, ok.raw).toBeUndefined();
  });

  it('anonymises a person whose consent is withdrawn and keeps the record for counts', async () => {
    const created = await create({
      fullName: 'Отзывающая Согласие',
      category: 'pupil',
      birthDate: '2012-04-04',
      classOrGroup: '7 «В»',
      email: 'otzyv@example.org',
      phone: '+7 900 111-22-33',
      isMentee: true,
      consent: {
        givenBy: 'legal_representative',
        representativeName: 'Мама Отзывающей',
        processing: true,
        signedAt: '2025-09-01',
      },
    });
    expect(created.errors, created.raw).toBeUndefined();
    const id = dataOf(created).createNastavnikPerson.documentId;
    const withdrawn = await gql<{
      updateNastavnikPerson: { consent: { withdrawnAt: string | null } | null } & Record<string, unknown>;
    }>(
      `mutation($id: ID!, $d: NastavnikPersonInput!) { updateNastavnikPerson(documentId: $id, data: $d) { fullName birthDate email phone classOrGroup category isMentee anonymised consent { givenBy representativeName processing withdrawnAt } } }`,
      {
        id,
        d: {
          consent: {
            givenBy: 'legal_representative',
            representativeName: 'Мама Отзывающей',
            processing: true,
            signedAt: '2025-09-01',
            withdrawnAt: '2025-12-01T09:00:00.000Z',
          },
        },
      },
      jwtOf('demoCurator'),
    );
    expect(withdrawn.errors, withdrawn.raw).toBeUndefined();
    const p = dataOf(withdrawn).updateNastavnikPerson;
    expect(p).toMatchObject({
      fullName: 'Участник (данные обезличены)',
      birthDate: null,
      email: null,
      phone: null,
      anonymised: true,
      category: 'pupil',
      isMentee: true,
      classOrGroup: '7 «В»',
    });
    expect(p.consent).toMatchObject({
      givenBy: 'legal_representative',
      representativeName: null,
      processing: false,
    });
    expect(p.consent?.withdrawnAt).toBeTruthy();
    expect(withdrawn.raw).not.toContain('Отзывающая');
    expect(withdrawn.raw).not.toContain('Мама');

    for (const data of [
      { fullName: 'Снова Имя' },
      { email: 'snova@example.org' },
      { consent: { givenBy: 'self', processing: true, signedAt: '2025-12-02' } },
    ]) {
      const restore = await gql(
        `mutation($id: ID!, $d: NastavnikPersonInput!) { updateNastavnikPerson(documentId: $id, data: $d) { fullName } }`,
        { id, d: data },
        jwtOf('demoCurator'),
      );
      expect(restore.errors?.[0]?.message, JSON.stringify(data)).toContain('обезличен');
    }
    // Counting fields may still change (a pupil moves class).
    const move = await gql(
      `mutation($id: ID!) { updateNastavnikPerson(documentId: $id, data: { classOrGroup: "8 «В»" }) { classOrGroup } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(move.errors, move.raw).toBeUndefined();
  });
});

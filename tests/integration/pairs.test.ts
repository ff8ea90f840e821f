/**
 * The life of a pair over GraphQL: proposed → fixed by order → active → completed or terminated, and
 * who may be linked into a pair. Every refusal is in Russian and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql, jwtOf, query } from '../harness/graphql.js';

const curator = () => jwtOf('demoCurator');
const consent = { givenBy: 'self', processing: true, signedAt: '2026-09-01' };

const CREATE_PERSON = query<{ createNastavnikPerson: { documentId: string } }>(
  `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId } }`,
);
const CREATE_PAIR = query<{ createNastavnikPair: { documentId: string; pairStatus: string } }>(
  `mutation($d: NastavnikPairInput!) { createNastavnikPair(data: $d) { documentId pairStatus } }`,
);
const UPDATE_PAIR = query<{
  updateNastavnikPair: { pairStatus: string; approvalOrderNumber: string | null } | null;
}>(
  `mutation($id: ID!, $d: NastavnikPairInput!) {
     updateNastavnikPair(documentId: $id, data: $d) { pairStatus approvalOrderNumber }
   }`,
);
const PAIR = query<{ nastavnikPair: { pairStatus: string; approvalOrderNumber: string | null } | null }>(
  `query($id: ID!) { nastavnikPair(documentId: $id) { pairStatus approvalOrderNumber } }`,
);
const PAIRS_TITLED = query<{ nastavnikPairs: Array<{ documentId: string }> }>(
  `query($t: String!) { nastavnikPairs(filters: { title: { eq: $t } }) { documentId } }`,
);

const person = async (d: Record<string, unknown>) =>
  dataOf(await gql(CREATE_PERSON, { d }, curator())).createNastavnikPerson.documentId;
const pairsTitled = async (t: string) =>
  dataOf(await gql(PAIRS_TITLED, { t }, curator())).nastavnikPairs.length;
const update = (id: string, d: Record<string, unknown>) => gql(UPDATE_PAIR, { id, d }, curator());
const statusOf = async (id: string) => dataOf(await gql(PAIR, { id }, curator())).nastavnikPair?.pairStatus;

let mentor = '';
let mentee = '';
let waiting = '';
let pupil = '';

beforeAll(async () => {
  mentor = await person({ fullName: 'Жизненный Цикл Наставник', category: 'teacher', consent });
  mentee = await person({ fullName: 'Жизненный Цикл Молодой', category: 'young_specialist', consent });
  waiting = await person({ fullName: 'Ждёт Согласия', category: 'young_specialist', awaitingConsent: true });
  pupil = await person({
    fullName: 'Ученик Не Наставник',
    category: 'pupil',
    birthDate: '2012-03-01',
    consent: {
      givenBy: 'legal_representative',
      representativeName: 'Родитель',
      processing: true,
      signedAt: '2026-09-01',
    },
  });
});

describe('who may be in a pair', () => {
  it('refuses a mentee still waiting for consent and writes nothing', async () => {
    const title = 'Пара без согласия';
    const res = await gql(
      CREATE_PAIR,
      { d: { title, form: 'teacher_teacher', mentors: [mentor], mentees: [waiting] } },
      curator(),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe(
      'Ждёт Согласия не может быть наставляемым: ожидает согласия на обработку персональных данных.',
    );
    expect(await pairsTitled(title)).toBe(0);
  });

  it('refuses a mentor of a category the form does not allow', async () => {
    const title = 'Пара не той формы';
    const res = await gql(
      CREATE_PAIR,
      { d: { title, form: 'teacher_teacher', mentors: [pupil], mentees: [mentee] } },
      curator(),
    );
    expect(res.errors?.[0]?.message).toBe(
      'Ученик Не Наставник не может быть наставником в форме «Учитель – учитель»: категория «Обучающийся (школьник)».',
    );
    expect(await pairsTitled(title)).toBe(0);
  });
});

describe('pair lifecycle', () => {
  let id = '';
  beforeAll(async () => {
    const res = await gql(
      CREATE_PAIR,
      {
        d: { title: 'Пара жизненного цикла', form: 'teacher_teacher', mentors: [mentor], mentees: [mentee] },
      },
      curator(),
    );
    id = dataOf(res).createNastavnikPair.documentId;
    expect(dataOf(res).createNastavnikPair.pairStatus).toBe('proposed');
  });

  it('does not skip the order: proposed → active is refused', async () => {
    const res = await update(id, { pairStatus: 'active' });
    expect(res.errors?.[0]?.message).toBe(
      'Нельзя перевести пару из состояния «Предложена» в «Работает»: из «Предложена» можно перейти только в «Закреплена приказом» или «Прекращена».',
    );
    expect(res.errors?.[0]?.extensions?.error?.details?.errors?.[0]?.path).toEqual(['pairStatus']);
    expect(await statusOf(id)).toBe('proposed');
  });

  it('fixes the pair only with the order number and date', async () => {
    const missing = await update(id, { pairStatus: 'approved', approvalOrderNumber: '15-од' });
    expect(missing.errors?.[0]?.message).toContain('укажите дату приказа');
    expect(await statusOf(id)).toBe('proposed');
    const fixed = await update(id, {
      pairStatus: 'approved',
      approvalOrderNumber: '15-од',
      approvalOrderDate: '2026-10-01',
    });
    expect(dataOf(fixed).updateNastavnikPair?.pairStatus).toBe('approved');
  });

  it('runs, keeps its order, and is terminated only with a reason', async () => {
    expect(dataOf(await update(id, { pairStatus: 'active' })).updateNastavnikPair?.pairStatus).toBe('active');
    const reorder = await update(id, { approvalOrderNumber: '16-од' });
    expect(reorder.errors?.[0]?.message).toBe(
      'Приказ о закреплении пары в состоянии «Работает» изменить нельзя.',
    );
    const noReason = await update(id, { pairStatus: 'dissolved' });
    expect(noReason.errors?.[0]?.message).toBe('Укажите причину прекращения работы пары.');
    expect(await statusOf(id)).toBe('active');
  });

  it('completes, and a completed pair does not come back', async () => {
    expect(
      dataOf(await update(id, { pairStatus: 'completed', outcome: 'partly_achieved' })).updateNastavnikPair
        ?.pairStatus,
    ).toBe('completed');
    const back = await update(id, { pairStatus: 'active' });
    expect(back.errors?.[0]?.message).toBe(
      'Нельзя перевести пару из состояния «Завершена» в «Работает»: пара в состоянии «Завершена» уже не меняет состояния.',
    );
    expect(await statusOf(id)).toBe('completed');
  });
});

/**
 * Forming pairs over GraphQL for one programme: intake answers → bases → proposals with explanations →
 * every refusal of accept (no consent, wrong form, capacity exceeded) in Russian with nothing written →
 * accept → the order «О закреплении наставнических пар (групп)» as DOCX → pairs fixed by the order.
 * Runs in a school no other test puts mentors or mentees in, so the bases hold only these people.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dataOf, gql, jwtOf, query } from '../harness/graphql.js';

const curator = () => jwtOf('kamenskCurator');
const adult = { givenBy: 'self', processing: true, signedAt: '2026-09-01' };

const CREATE_PERSON = query<{ createNastavnikPerson: { documentId: string } }>(
  `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId } }`,
);
const PROPOSE = query<{
  nastavnikProposeMatching: {
    form: string;
    totalScore: number;
    weights: Record<string, number>;
    proposals: Array<{
      menteeId: string;
      menteeName: string;
      mentorId: string;
      mentorName: string;
      score: number;
      explanation: string;
    }>;
    unmatched: Array<{ menteeId: string; menteeName: string; reason: string }>;
    ineligibleMentors: Array<{ mentorId: string; reason: string }>;
  };
}>(
  `query($p: ID!, $locked: [NastavnikPairRefInput!]) {
     nastavnikProposeMatching(programme: $p, locked: $locked) {
       form totalScore weights
       proposals { menteeId menteeName mentorId mentorName score explanation }
       unmatched { menteeId menteeName reason }
       ineligibleMentors { mentorId reason }
     }
   }`,
);
const ACCEPT = query<{
  nastavnikAcceptMatching: { pairs: Array<{ documentId: string; title: string; pairStatus: string }> };
}>(
  `mutation($p: ID!, $pairs: [NastavnikPairRefInput!]!, $n: String, $d: String) {
     nastavnikAcceptMatching(programme: $p, pairs: $pairs, orderNumber: $n, orderDate: $d) {
       pairs { documentId title pairStatus }
     }
   }`,
);
const FIX = query<{ nastavnikFixPairsByOrder: number }>(
  `mutation($p: ID!, $n: String!, $d: String!) { nastavnikFixPairsByOrder(programme: $p, orderNumber: $n, orderDate: $d) }`,
);
const PAIRS = query<{
  nastavnikPairs: Array<{
    title: string;
    pairStatus: string;
    approvalOrderNumber: string | null;
    matchScore: number;
  }>;
}>(
  `query($p: ID!) {
     nastavnikPairs(filters: { programme: { documentId: { eq: $p } } }, sort: "title") {
       title pairStatus approvalOrderNumber matchScore
     }
   }`,
);

const person = async (d: Record<string, unknown>) =>
  dataOf(await gql(CREATE_PERSON, { d }, curator())).createNastavnikPerson.documentId;
const pairsOf = async (programme: string) =>
  dataOf(await gql(PAIRS, { p: programme }, curator())).nastavnikPairs;

/** The text of a DOCX, paragraph by paragraph. */
async function docxText(bytes: ArrayBuffer) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  return (xml ?? '').split('</w:p>').map((p) => p.replace(/<[^>]+>/g, ''));
}

let programme = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  const created = await gql<{ createNastavnikProgramme: { documentId: string } }>(
    `mutation($d: NastavnikProgrammeInput!) { createNastavnikProgramme(data: $d) { documentId } }`,
    { d: { title: 'Подбор: молодые педагоги', form: 'teacher_teacher' } },
    curator(),
  );
  programme = dataOf(created).createNastavnikProgramme.documentId;
  ids.math = await person({
    fullName: 'Математикова Анна Петровна',
    category: 'teacher',
    isMentor: true,
    competencies: 'математика, подготовка к ОГЭ',
    capacity: 1,
    consent: adult,
  });
  ids.lit = await person({
    fullName: 'Словесникова Вера Ильинична',
    category: 'teacher',
    isMentor: true,
    competencies: 'литература',
    capacity: 1,
    consent: adult,
  });
  ids.young1 = await person({
    fullName: 'Новиков Илья Сергеевич',
    category: 'young_specialist',
    isMentee: true,
    consent: adult,
  });
  ids.young2 = await person({
    fullName: 'Свежева Ольга Андреевна',
    category: 'young_specialist',
    isMentee: true,
    requests: 'литература',
    consent: adult,
  });
  ids.waiting = await person({
    fullName: 'Ждущая Согласия',
    category: 'young_specialist',
    isMentee: true,
    awaitingConsent: true,
  });
  ids.pupil = await person({
    fullName: 'Школьников Пётр',
    category: 'pupil',
    isMentee: true,
    birthDate: '2012-05-01',
    consent: {
      givenBy: 'legal_representative',
      representativeName: 'Школьникова Мария',
      processing: true,
      signedAt: '2026-09-01',
    },
  });
  // The intake questionnaire's answer, not the card, says what the first young teacher asks for.
  const questionnaire = await gql<{ createNastavnikQuestionnaire: { documentId: string } }>(
    `mutation($d: NastavnikQuestionnaireInput!) { createNastavnikQuestionnaire(data: $d) { documentId } }`,
    {
      d: {
        title: 'Входная анкета наставляемого',
        audience: 'mentee',
        purpose: 'intake',
        questions: [
          {
            code: 'requests',
            text: 'С чем нужна помощь?',
            type: 'multichoice',
            options: ['математика', 'литература'],
          },
        ],
      },
    },
    curator(),
  );
  const response = await gql(
    `mutation($d: NastavnikQuestionnaireResponseInput!) { createNastavnikQuestionnaireResponse(data: $d) { documentId } }`,
    {
      d: {
        questionnaire: dataOf(questionnaire).createNastavnikQuestionnaire.documentId,
        person: ids.young1,
        answers: { requests: ['математика'] },
        submittedAt: '2026-09-10T10:00:00.000Z',
      },
    },
    curator(),
  );
  dataOf(response);
});

describe('matching a programme over GraphQL', () => {
  it('proposes the optimal pairs with Russian explanations, and says who is left and why', async () => {
    const result = dataOf(await gql(PROPOSE, { p: programme }, curator())).nastavnikProposeMatching;
    expect(result.form).toBe('teacher_teacher');
    expect(result.weights).toEqual({ requests: 40, subjects: 20, interests: 15, availability: 15, form: 10 });
    const byMentee = Object.fromEntries(result.proposals.map((p) => [p.menteeName, p]));
    expect(byMentee['Новиков Илья Сергеевич']?.mentorName).toBe('Математикова Анна Петровна');
    expect(byMentee['Новиков Илья Сергеевич']?.explanation).toContain('совпали «математика» (1 из 1)');
    expect(byMentee['Свежева Ольга Андреевна']?.mentorName).toBe('Словесникова Вера Ильинична');
    expect(result.proposals).toHaveLength(2);
    expect(result.totalScore).toBe(result.proposals.reduce((s, p) => s + p.score, 0));
    const reasons = Object.fromEntries(result.unmatched.map((u) => [u.menteeName, u.reason]));
    expect(reasons['Ждущая Согласия']).toBe(
      'Наставляемый: ожидает согласия на обработку персональных данных.',
    );
    expect(reasons['Школьников Пётр']).toBe(
      'Наставляемый по форме «Учитель – учитель» — педагог или молодой специалист, а участник — обучающийся (школьник).',
    );
    expect(await pairsOf(programme)).toEqual([]);
  });

  it.each([
    [
      'no consent',
      () => [{ menteeId: ids.waiting, mentorId: ids.math }],
      'ожидает согласия на обработку персональных данных',
    ],
    [
      'wrong form',
      () => [{ menteeId: ids.pupil, mentorId: ids.math }],
      'Наставляемый по форме «Учитель – учитель»',
    ],
    [
      'capacity exceeded',
      () => [
        { menteeId: ids.young1, mentorId: ids.math },
        { menteeId: ids.young2, mentorId: ids.math },
      ],
      'Математикова Анна Петровна – Свежева Ольга Андреевна: у наставника не осталось свободных мест',
    ],
  ])('refuses to accept (%s) in Russian and writes nothing', async (_case, pairs, message) => {
    const res = await gql(ACCEPT, { p: programme, pairs: pairs() }, curator());
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/^Пары не созданы: /);
    expect(res.errors?.[0]?.message).toContain(message);
    expect(await pairsOf(programme)).toEqual([]);
  });

  it('is the curator’s: anonymous callers and other roles are refused', async () => {
    const anonymous = await gql(PROPOSE, { p: programme });
    expect(anonymous.errors?.[0]?.message).toBe('Войдите в систему, чтобы подбирать пары.');
    const methodist = await gql(PROPOSE, { p: programme }, jwtOf('samaraMethodist'));
    expect(methodist.errors?.[0]?.message).toBe('Программа не найдена или не относится к организации.');
    const other = await gql(PROPOSE, { p: programme }, jwtOf('demoCurator'));
    expect(other.errors?.[0]?.message).toBe('Программа не найдена или не относится к организации.');
  });

  it('accepts the proposals, writes the order as DOCX and fixes the pairs by it', async () => {
    const accepted = await gql(
      ACCEPT,
      {
        p: programme,
        pairs: [
          { menteeId: ids.young1, mentorId: ids.math },
          { menteeId: ids.young2, mentorId: ids.lit },
        ],
      },
      curator(),
    );
    expect(dataOf(accepted).nastavnikAcceptMatching.pairs.map((p) => [p.title, p.pairStatus])).toEqual([
      ['Математикова Анна Петровна – Новиков Илья Сергеевич', 'proposed'],
      ['Словесникова Вера Ильинична – Свежева Ольга Андреевна', 'proposed'],
    ]);

    // Matched people leave the bases of this programme.
    const again = dataOf(await gql(PROPOSE, { p: programme }, curator())).nastavnikProposeMatching;
    expect(again.proposals).toEqual([]);
    expect(again.unmatched.find((u) => u.menteeId === ids.young1)?.reason).toBe(
      'Наставляемый уже состоит в действующей паре этой программы.',
    );
    expect(again.ineligibleMentors.find((m) => m.mentorId === ids.math)?.reason).toBe(
      'У наставника нет свободных мест: все заняты действующими парами этой программы.',
    );

    const url = `${inject('strapiUrl')}/api/nastavnik/programmes/${programme}/pairs-order?number=7-од&date=2026-10-01`;
    expect((await fetch(url)).status).toBe(403);
    const draft = await fetch(url, { headers: { authorization: `Bearer ${curator()}` } });
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toContain('wordprocessingml');
    const text = await docxText(await draft.arrayBuffer());
    expect(text).toContain('О закреплении наставнических пар (групп)');
    expect(text.some((p) => p.startsWith('от 01.10.2026') && p.endsWith('№ 7-од'))).toBe(true);
    expect(text).toContain('Математикова Анна Петровна');
    expect(text).toContain('Свежева Ольга Андреевна');

    expect(
      dataOf(await gql(FIX, { p: programme, n: '7-од', d: '2026-10-01' }, curator()))
        .nastavnikFixPairsByOrder,
    ).toBe(2);
    const pairs = await pairsOf(programme);
    expect(pairs.map((p) => [p.pairStatus, p.approvalOrderNumber])).toEqual([
      ['approved', '7-од'],
      ['approved', '7-од'],
    ]);
    expect(pairs.every((p) => p.matchScore > 50)).toBe(true);
    // The order by its number lists the pairs it fixed, dated as they were fixed.
    const signed = await fetch(
      `${inject('strapiUrl')}/api/nastavnik/programmes/${programme}/pairs-order?number=7-од`,
      {
        headers: { authorization: `Bearer ${curator()}` },
      },
    );
    expect(await docxText(await signed.arrayBuffer())).toContain('Новиков Илья Сергеевич');
    const nothing = await gql(FIX, { p: programme, n: '8-од', d: '2026-10-02' }, curator());
    expect(nothing.errors?.[0]?.message).toBe('Пары не закреплены: в программе нет предложенных пар.');
  });
});

describe('a fixed pair at work and its completion', () => {
  let pair = '';
  const MEETING = query<{ createNastavnikMeeting: { documentId: string; held: boolean } }>(
    `mutation($d: NastavnikMeetingInput!) { createNastavnikMeeting(data: $d) { documentId held } }`,
  );
  const UPDATE_MEETING = query<{ updateNastavnikMeeting: { held: boolean } | null }>(
    `mutation($id: ID!, $d: NastavnikMeetingInput!) { updateNastavnikMeeting(documentId: $id, data: $d) { held } }`,
  );
  const UPDATE_PAIR = query<{ updateNastavnikPair: { pairStatus: string } | null }>(
    `mutation($id: ID!, $d: NastavnikPairInput!) { updateNastavnikPair(documentId: $id, data: $d) { pairStatus } }`,
  );
  const PROMOTE = query<{ nastavnikMenteeBecomesMentor: { isMentor: boolean; isMentee: boolean } }>(
    `mutation($pair: ID!, $person: ID!) { nastavnikMenteeBecomesMentor(pair: $pair, person: $person) { isMentor isMentee } }`,
  );

  beforeAll(async () => {
    const found = await gql<{ nastavnikPairs: Array<{ documentId: string }> }>(
      `query($p: ID!) { nastavnikPairs(filters: { programme: { documentId: { eq: $p } }, title: { startsWith: "Математикова" } }) { documentId } }`,
      { p: programme },
      curator(),
    );
    pair = dataOf(found).nastavnikPairs[0]?.documentId ?? '';
    expect(
      dataOf(await gql(UPDATE_PAIR, { id: pair, d: { pairStatus: 'active' } }, curator())).updateNastavnikPair
        ?.pairStatus,
    ).toBe('active');
  });

  it('counts a meeting as held only with the mentee’s feedback or a recorded reason', async () => {
    const meeting = (d: Record<string, unknown>) =>
      gql(MEETING, { d: { pair, kind: 'working', date: '2026-10-15', ...d } }, curator());
    expect(dataOf(await meeting({ mentorFeedback: { rating: 8 } })).createNastavnikMeeting.held).toBe(false);
    expect(dataOf(await meeting({ menteeFeedback: { rating: 9 } })).createNastavnikMeeting.held).toBe(true);
    const waiting = dataOf(await meeting({ topic: 'Без отзыва' })).createNastavnikMeeting;
    expect(waiting.held).toBe(false);
    // Nobody marks it held by hand; a reason does.
    const forced = await gql(UPDATE_MEETING, { id: waiting.documentId, d: { held: true } }, curator());
    expect(dataOf(forced).updateNastavnikMeeting?.held).toBe(false);
    const excused = await gql(
      UPDATE_MEETING,
      { id: waiting.documentId, d: { noFeedbackReason: 'Наставляемый на больничном' } },
      curator(),
    );
    expect(dataOf(excused).updateNastavnikMeeting?.held).toBe(true);
    const list = await gql<{ nastavnikMeetings: Array<{ topic: string | null }> }>(
      `query($p: ID!) { nastavnikMeetings(filters: { pair: { documentId: { eq: $p } }, held: { eq: false } }) { topic } }`,
      { p: pair },
      curator(),
    );
    expect(dataOf(list).nastavnikMeetings).toHaveLength(1);
  });

  it('completes with an outcome, and the successful mentee joins the mentor base keeping the consent', async () => {
    const early = await gql(PROMOTE, { pair, person: ids.young1 }, curator());
    expect(early.errors?.[0]?.message).toBe(
      'Перевести наставляемого в базу наставников можно только после завершения работы пары.',
    );
    const noOutcome = await gql(UPDATE_PAIR, { id: pair, d: { pairStatus: 'completed' } }, curator());
    expect(noOutcome.errors?.[0]?.message).toMatch(/^Чтобы завершить пару, укажите её итог/);
    const done = await gql(
      UPDATE_PAIR,
      { id: pair, d: { pairStatus: 'completed', outcome: 'achieved', completedAt: '2027-05-20' } },
      curator(),
    );
    expect(dataOf(done).updateNastavnikPair?.pairStatus).toBe('completed');
    const stranger = await gql(PROMOTE, { pair, person: ids.young2 }, curator());
    expect(stranger.errors?.[0]?.message).toBe('Участник не является наставляемым этой пары.');
    const promoted = await gql(PROMOTE, { pair, person: ids.young1 }, curator());
    expect(dataOf(promoted).nastavnikMenteeBecomesMentor).toEqual({ isMentor: true, isMentee: false });
    const card = await gql<{
      nastavnikPerson: { isMentor: boolean; consent: { processing: boolean } | null } | null;
    }>(
      `query($id: ID!) { nastavnikPerson(documentId: $id) { isMentor consent { processing } } }`,
      { id: ids.young1 },
      curator(),
    );
    expect(dataOf(card).nastavnikPerson).toEqual({ isMentor: true, consent: { processing: true } });
  });
});

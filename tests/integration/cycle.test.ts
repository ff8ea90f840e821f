/**
 * One programme through the whole cycle over GraphQL, in a school no other test puts mentors or mentees
 * in: applications from the public join form → the curator's intake questionnaires → the bases of mentees
 * and mentors → selection and training of the mentor → matching with explanations → accept as a triad
 * → the order as DOCX, read back → the pair fixed, its development plan, at work → meetings with and
 * without feedback → completion with the final questionnaire → the mentee joins the mentor base → the
 * mentor's awards on the public section only with consent. Every refusal is in Russian and writes nothing.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAdmin } from '../harness/admin-fixtures.js';
import { adminCall } from '../harness/admin-api.js';
import { dataOf, gql, jwtOf, query } from '../harness/graphql.js';

const SLUG = 'privolzhye-school-3';
const url = inject('strapiUrl');
const curator = () => jwtOf('samaraCurator');

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ORDER_DATE = day(-20);

const NAMES = {
  mentor: 'Наставникова Алина Сергеевна',
  mentee1: 'Первоклассов Иван Петрович',
  mentee2: 'Олимпиадова Мария Игоревна',
  mentee3: 'Третьякова Ева Андреевна',
  teacher: 'Учителев Олег Николаевич',
  waiting: 'Ожидаев Степан',
};
const guardian = (name: string) => ({
  givenBy: 'legal_representative',
  representativeName: name,
  processing: true,
  signedAt: day(-30),
});

// --- queries -------------------------------------------------------------------------------------------

interface BasePerson {
  documentId: string;
  fullName: string;
  awaitingCurator: boolean;
  consentGivenBy: string | null;
  requests: string[];
  competences: string[];
  capacity: number | null;
  intakeQuestionnaire: string | null;
  selectionPassed: boolean;
  awards: number;
}
const BASE_FIELDS = `documentId fullName awaitingCurator consentGivenBy requests competences capacity intakeQuestionnaire selectionPassed awards`;
const MENTEE_BASE = query<{ nastavnikMenteeBase: BasePerson[] }>(
  `query($f: NastavnikBaseFilterInput) { nastavnikMenteeBase(filters: $f) { ${BASE_FIELDS} } }`,
);
const MENTOR_BASE = query<{ nastavnikMentorBase: BasePerson[] }>(
  `query($f: NastavnikBaseFilterInput) { nastavnikMentorBase(filters: $f) { ${BASE_FIELDS} } }`,
);
const PERSONS = query<{ nastavnikPersons: Array<{ documentId: string; fullName: string }> }>(
  `query($names: [String]) { nastavnikPersons(filters: { fullName: { in: $names } }) { documentId fullName } }`,
);
const UPDATE_PERSON = query<{ updateNastavnikPerson: { documentId: string } | null }>(
  `mutation($id: ID!, $d: NastavnikPersonInput!) { updateNastavnikPerson(documentId: $id, data: $d) { documentId } }`,
);
const CREATE_PERSON = query<{ createNastavnikPerson: { documentId: string } }>(
  `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId } }`,
);
const QUESTIONNAIRE = query<{ nastavnikQuestionnaires: Array<{ documentId: string }> }>(
  `query($t: String!) { nastavnikQuestionnaires(filters: { title: { eq: $t } }) { documentId } }`,
);
const ANSWER = query<{ createNastavnikQuestionnaireResponse: { documentId: string } }>(
  `mutation($d: NastavnikQuestionnaireResponseInput!) { createNastavnikQuestionnaireResponse(data: $d) { documentId } }`,
);
const RESPONSES = query<{ nastavnikQuestionnaireResponses: Array<{ documentId: string }> }>(
  `query($q: ID!, $people: [ID]) {
     nastavnikQuestionnaireResponses(filters: { questionnaire: { documentId: { eq: $q } }, person: { documentId: { in: $people } } }) { documentId }
   }`,
);
const PROPOSE = query<{
  nastavnikProposeMatching: {
    proposals: Array<{ menteeId: string; mentorId: string; score: number; explanation: string }>;
    unmatched: Array<{ menteeId: string; reason: string }>;
    ineligibleMentors: Array<{ mentorId: string; reason: string }>;
    groups: Array<{ mentorId: string; menteeIds: string[]; kind: string }>;
  };
}>(
  `query($p: ID!) { nastavnikProposeMatching(programme: $p) {
     proposals { menteeId mentorId score explanation }
     unmatched { menteeId reason }
     ineligibleMentors { mentorId reason }
     groups { mentorId menteeIds kind }
   } }`,
);
const ACCEPT = query<{
  nastavnikAcceptMatching: { pairs: Array<{ documentId: string; kind: string; pairStatus: string }> };
}>(
  `mutation($p: ID!, $pairs: [NastavnikPairRefInput!]!, $g: Boolean) {
     nastavnikAcceptMatching(programme: $p, pairs: $pairs, groupByMentor: $g) { pairs { documentId kind pairStatus } }
   }`,
);
const FIX = query<{ nastavnikFixPairsByOrder: number }>(
  `mutation($p: ID!, $n: String!, $d: String!) { nastavnikFixPairsByOrder(programme: $p, orderNumber: $n, orderDate: $d) }`,
);
interface PairRow {
  documentId: string;
  kind: string;
  pairStatus: string;
  outcome: string | null;
}
const PAIRS = query<{ nastavnikPairs: PairRow[] }>(
  `query($p: ID!) { nastavnikPairs(filters: { programme: { documentId: { eq: $p } } }) { documentId kind pairStatus outcome } }`,
);
const UPDATE_PAIR = query<{ updateNastavnikPair: { pairStatus: string; kind: string } | null }>(
  `mutation($id: ID!, $d: NastavnikPairInput!) { updateNastavnikPair(documentId: $id, data: $d) { pairStatus kind } }`,
);
interface Plan {
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  goals: Array<{ goal: string; dueDate: string; status: string; state: string; result: string | null }>;
}
const PLAN_FIELDS = `total done overdue dueSoon goals { goal dueDate status state result }`;
const APPLY_PLAN = query<{ nastavnikApplyPlanTemplate: Plan }>(
  `mutation($pair: ID!) { nastavnikApplyPlanTemplate(pair: $pair) { ${PLAN_FIELDS} } }`,
);
const PLAN = query<{ nastavnikPairPlan: Plan }>(
  `query($pair: ID!) { nastavnikPairPlan(pair: $pair) { ${PLAN_FIELDS} } }`,
);
const MEETING = query<{ createNastavnikMeeting: { documentId: string; held: boolean } }>(
  `mutation($d: NastavnikMeetingInput!) { createNastavnikMeeting(data: $d) { documentId held } }`,
);
const UPDATE_MEETING = query<{ updateNastavnikMeeting: { held: boolean } | null }>(
  `mutation($id: ID!, $d: NastavnikMeetingInput!) { updateNastavnikMeeting(documentId: $id, data: $d) { held } }`,
);
const AWAITING = query<{
  nastavnikMeetingsAwaitingFeedback: Array<{ documentId: string; waitingFor: string[] }>;
  nastavnikActivityAgenda: { meetingsAwaitingFeedback: Array<{ documentId: string }> };
}>(
  `{ nastavnikMeetingsAwaitingFeedback { documentId waitingFor }
     nastavnikActivityAgenda { meetingsAwaitingFeedback { documentId } } }`,
);
const AGENDA_FOR = query<{
  nastavnikActivityAgenda: { meetingsAwaitingFeedback: Array<{ documentId: string }> };
}>(`query($o: ID) { nastavnikActivityAgenda(organisation: $o) { meetingsAwaitingFeedback { documentId } } }`);
const COMPLETE = query<{
  nastavnikCompletePair: { pairStatus: string; outcome: string; responses: number };
}>(
  `mutation($pair: ID!, $q: ID!, $r: [NastavnikFinalResponseInput!]!, $at: String!) {
     nastavnikCompletePair(pair: $pair, outcome: achieved, completedAt: $at, questionnaire: $q, responses: $r) {
       pairStatus outcome responses
     }
   }`,
);
const PROMOTE = query<{ nastavnikMenteeBecomesMentor: { isMentor: boolean; isMentee: boolean } }>(
  `mutation($pair: ID!, $person: ID!) { nastavnikMenteeBecomesMentor(pair: $pair, person: $person) { isMentor isMentee } }`,
);
const RECOGNISE = query<{ nastavnikRecogniseMentor: { awards: number } }>(
  `mutation($p: ID!, $a: NastavnikMentorAwardInput!) { nastavnikRecogniseMentor(person: $p, award: $a) { awards } }`,
);
const PUBLIC = query<{
  nastavnikPublicSection: { mentorAwards: Array<{ mentor: string; kindLabel: string }> } | null;
}>(`query($s: String!) { nastavnikPublicSection(slug: $s) }`);

// --- helpers -------------------------------------------------------------------------------------------

const ids: Record<keyof typeof NAMES, string> = {
  mentor: '',
  mentee1: '',
  mentee2: '',
  mentee3: '',
  teacher: '',
  waiting: '',
};
let programme = '';
let pair = '';

const menteeBase = async (f: Record<string, unknown> = {}) =>
  dataOf(await gql(MENTEE_BASE, { f }, curator())).nastavnikMenteeBase;
const mentorBase = async (f: Record<string, unknown> = {}) =>
  dataOf(await gql(MENTOR_BASE, { f }, curator())).nastavnikMentorBase;
const names = (people: Array<{ fullName: string }>) => people.map((p) => p.fullName);
const ours = (people: BasePerson[]) => people.filter((p) => Object.values(NAMES).includes(p.fullName));
const questionnaire = async (title: string) => {
  const found = dataOf(await gql(QUESTIONNAIRE, { t: title }, curator())).nastavnikQuestionnaires;
  if (found.length !== 1) throw new Error(`Анкета «${title}»: найдено ${found.length}`);
  return found[0]?.documentId ?? '';
};
const pairsOf = async () => dataOf(await gql(PAIRS, { p: programme }, curator())).nastavnikPairs;
const responsesTo = async (q: string, people: string[]) =>
  dataOf(await gql(RESPONSES, { q, people }, curator())).nastavnikQuestionnaireResponses.length;
const propose = async () => dataOf(await gql(PROPOSE, { p: programme }, curator())).nastavnikProposeMatching;
const refusal = (res: { errors?: Array<{ message: string }> }) => res.errors?.[0]?.message ?? '';

async function docxText(bytes: ArrayBuffer) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  return (xml ?? '').split('</w:p>').map((p) => p.replace(/<[^>]+>/g, ''));
}

/** One application through the public «Стать участником» form, as a browser posts it. */
async function apply(token: string, fields: Record<string, string>) {
  const res = await fetch(`${url}/nastavnichestvo/${SLUG}/stat-uchastnikom/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: token, website: '', consent: 'on', ...fields }).toString(),
  });
  expect(res.status, await res.text()).toBe(303);
}

beforeAll(async () => {
  const form = await (await fetch(`${url}/nastavnichestvo/${SLUG}/stat-uchastnikom/`)).text();
  const token = /name="t" value="([^"]+)"/.exec(form)?.[1] ?? '';
  // The form refuses what is sent faster than a person could fill it.
  await new Promise((resolve) => setTimeout(resolve, 3_100));
  let phone = 10;
  const pupil = (fullName: string, birthDate: string, classOrGroup: string, representative: string) => ({
    fullName,
    phone: `+7 900 111-22-${String(phone++)}`,
    category: 'pupil',
    birthDate,
    classOrGroup,
    representativeName: representative,
    representativeConsent: 'on',
  });
  await apply(token, {
    role: 'mentor',
    ...pupil(NAMES.mentor, '2009-02-11', '11 «А»', 'Наставникова Ольга Ивановна'),
    interests: 'наука, музыка',
  });
  await apply(token, {
    role: 'mentee',
    ...pupil(NAMES.mentee1, '2013-04-02', '7 «Б»', 'Первоклассова Анна Петровна'),
  });
  await apply(token, {
    role: 'mentee',
    ...pupil(NAMES.mentee2, '2013-08-19', '7 «Б»', 'Олимпиадов Игорь Петрович'),
    interests: 'наука',
  });
  const people = dataOf(await gql(PERSONS, { names: Object.values(NAMES) }, curator())).nastavnikPersons;
  for (const p of people)
    for (const [key, name] of Object.entries(NAMES))
      if (p.fullName === name) ids[key as keyof typeof NAMES] = p.documentId;
  const create = async (d: Record<string, unknown>) =>
    dataOf(await gql(CREATE_PERSON, { d }, curator())).createNastavnikPerson.documentId;
  ids.mentee3 = await create({
    fullName: NAMES.mentee3,
    category: 'pupil',
    birthDate: '2013-01-15',
    classOrGroup: '7 «В»',
    isMentee: true,
    consent: guardian('Третьяков Андрей Львович'),
  });
  ids.teacher = await create({
    fullName: NAMES.teacher,
    category: 'teacher',
    isMentee: true,
    consent: { givenBy: 'self', processing: true, signedAt: day(-30) },
  });
  ids.waiting = await create({
    fullName: NAMES.waiting,
    category: 'pupil',
    classOrGroup: '7 «Б»',
    isMentee: true,
    awaitingConsent: true,
  });
});

// --- the cycle -----------------------------------------------------------------------------------------

describe('stages 2–4: questionnaires, bases, selection of mentors', () => {
  it('puts the join form’s applicants into the bases, marked for the curator to check', async () => {
    expect(ids.mentor && ids.mentee1 && ids.mentee2).toBeTruthy();
    const applicants = ours(await menteeBase({ awaitingCurator: true }));
    expect(names(applicants)).toEqual([NAMES.mentee2, NAMES.mentee1]);
    expect(applicants[0]?.intakeQuestionnaire).toBe('Анкета «Стать участником» (заявки с сайта)');
    expect(applicants[0]?.consentGivenBy).toBe('legal_representative');
    for (const key of ['mentor', 'mentee1', 'mentee2'] as const)
      dataOf(await gql(UPDATE_PERSON, { id: ids[key], d: { awaitingCurator: false } }, curator()));
    expect(ours(await menteeBase({ awaitingCurator: true }))).toEqual([]);
  });

  it('checks intake answers against the template and writes nothing wrong', async () => {
    const menteeForm = await questionnaire('Входная анкета наставляемого (обучающиеся)');
    const mentorForm = await questionnaire('Входная анкета наставника (обучающиеся, студенты, работодатели)');
    const answer = (form: string, person: string, answers: Record<string, unknown>) =>
      gql(
        ANSWER,
        { d: { questionnaire: form, person, answers, submittedAt: new Date().toISOString() } },
        curator(),
      );
    const wrong = await answer(menteeForm, ids.mentee1, {
      requests: ['списать контрольную'],
      availability: ['вт, после уроков'],
    });
    expect(refusal(wrong)).toContain(
      'Вопрос «С чем вам нужна помощь наставника?» (requests): ожидался список из вариантов',
    );
    expect(await responsesTo(menteeForm, [ids.mentee1])).toBe(0);

    const slot = ['вт, после уроков'];
    dataOf(
      await answer(menteeForm, ids.mentee1, {
        requests: ['подготовка к ОГЭ'],
        subjects: ['математика'],
        availability: slot,
      }),
    );
    dataOf(
      await answer(menteeForm, ids.mentee2, {
        requests: ['подготовка к ОГЭ', 'олимпиады и конкурсы'],
        availability: slot,
      }),
    );
    dataOf(
      await answer(menteeForm, ids.mentee3, { requests: ['публичные выступления'], availability: ['сб'] }),
    );
    dataOf(
      await answer(mentorForm, ids.mentor, {
        competences: ['подготовка к ОГЭ', 'олимпиады и конкурсы'],
        subjects: ['математика'],
        availability: slot,
        capacity: 2,
      }),
    );
  });

  it('lists the bases with consent only, by form, class and request', async () => {
    const byRequest = ours(await menteeBase({ form: 'pupil_pupil', request: 'огэ' }));
    expect(names(byRequest)).toEqual([NAMES.mentee2, NAMES.mentee1]);
    expect(byRequest[1]?.requests).toEqual(['подготовка к ОГЭ']);
    expect(byRequest[1]?.intakeQuestionnaire).toBe('Входная анкета наставляемого (обучающиеся)');
    expect(names(ours(await menteeBase({ classOrGroup: '7 «В»' })))).toEqual([NAMES.mentee3]);
    // The pupil still waiting for consent is in no base; the teacher only where the form takes teachers.
    const everyone = names(ours(await menteeBase()));
    expect(everyone).not.toContain(NAMES.waiting);
    expect(names(ours(await menteeBase({ form: 'pupil_pupil' })))).not.toContain(NAMES.teacher);
    expect(names(ours(await menteeBase({ form: 'teacher_teacher' })))).toEqual([NAMES.teacher]);

    const mentors = ours(await mentorBase({ request: 'олимпиад' }));
    expect(mentors.map((m) => [m.fullName, m.capacity, m.selectionPassed])).toEqual([
      [NAMES.mentor, 2, false],
    ]);
  });

  it('is the curator’s: visitors and methodists are refused', async () => {
    expect(refusal(await gql(MENTEE_BASE, {}))).toBe('Войдите в систему.');
    expect(refusal(await gql(MENTOR_BASE, {}, jwtOf('samaraMethodist')))).toBe(
      'Просматривать базу наставников доступно только куратору программы.',
    );
    const bad = await gql(MENTEE_BASE, { f: { form: 'pupil_pupil', category: 'кто-то' } }, curator());
    expect(refusal(bad)).toMatch(/^Фильтр базы: /);
  });

  it('offers only mentors who passed the interview and the training when the programme requires it', async () => {
    const created = await gql<{ createNastavnikProgramme: { documentId: string } }>(
      `mutation($d: NastavnikProgrammeInput!) { createNastavnikProgramme(data: $d) { documentId } }`,
      {
        d: {
          title: 'Цикл: «Ученик – ученик», подготовка к ОГЭ',
          form: 'pupil_pupil',
          requireMentorTraining: true,
          mentorFeedbackRequired: true,
        },
      },
      curator(),
    );
    programme = dataOf(created).createNastavnikProgramme.documentId;
    const reason = async () =>
      (await propose()).ineligibleMentors.find((m) => m.mentorId === ids.mentor)?.reason;
    expect(await reason()).toBe(
      'Наставник не прошёл отбор: программа требует собеседование и обучение наставников.',
    );
    dataOf(await gql(UPDATE_PERSON, { id: ids.mentor, d: { mentorInterviewAt: day(-40) } }, curator()));
    expect(await reason()).toBe('Наставник не прошёл отбор: программа требует обучение наставников.');
    dataOf(await gql(UPDATE_PERSON, { id: ids.mentor, d: { mentorTrainingAt: day(-35) } }, curator()));
    expect(await reason()).toBeUndefined();
    expect(ours(await mentorBase())[0]?.selectionPassed).toBe(true);
  });
});

describe('stage 5: matching, accept, the order', () => {
  it('proposes the best mentees within the mentor’s capacity, as a triad, explained', async () => {
    const result = await propose();
    const mine = result.proposals.filter((p) => p.mentorId === ids.mentor);
    expect(mine.map((p) => p.menteeId).sort()).toEqual([ids.mentee1, ids.mentee2].sort());
    const toMentee2 = mine.find((p) => p.menteeId === ids.mentee2);
    expect(toMentee2?.explanation).toContain('совпали «подготовка к ОГЭ», «олимпиады и конкурсы» (2 из 2)');
    const reasons = new Map(result.unmatched.map((u) => [u.menteeId, u.reason]));
    expect(reasons.get(ids.mentee3)).toMatch(/^Все подходящие наставники \(1\) заняты/);
    expect(reasons.get(ids.waiting)).toBe('Наставляемый: ожидает согласия на обработку персональных данных.');
    expect(reasons.get(ids.teacher)).toBe(
      'Наставляемый по форме «Ученик – ученик» — обучающийся (школьник), а участник — педагог.',
    );
    expect(result.groups.find((g) => g.mentorId === ids.mentor)?.kind).toBe('triad');
  });

  it.each([
    ['no consent', () => [{ menteeId: ids.waiting, mentorId: ids.mentor }], 'ожидает согласия'],
    [
      'wrong form',
      () => [{ menteeId: ids.teacher, mentorId: ids.mentor }],
      'Наставляемый по форме «Ученик – ученик»',
    ],
    [
      'capacity exceeded',
      () => [ids.mentee1, ids.mentee2, ids.mentee3].map((menteeId) => ({ menteeId, mentorId: ids.mentor })),
      `${NAMES.mentor} – ${NAMES.mentee3}: у наставника не осталось свободных мест`,
    ],
  ])('refuses to accept (%s) in Russian and writes nothing', async (_case, pairs, message) => {
    const res = await gql(ACCEPT, { p: programme, pairs: pairs(), g: true }, curator());
    expect(refusal(res)).toMatch(/^Пары не созданы: /);
    expect(refusal(res)).toContain(message);
    expect(await pairsOf()).toEqual([]);
  });

  it('accepts the proposals as one triad and fixes it by the order read back from DOCX', async () => {
    const accepted = await gql(
      ACCEPT,
      {
        p: programme,
        pairs: [ids.mentee1, ids.mentee2].map((menteeId) => ({ menteeId, mentorId: ids.mentor })),
        g: true,
      },
      curator(),
    );
    const [created] = dataOf(accepted).nastavnikAcceptMatching.pairs;
    expect([created?.kind, created?.pairStatus]).toEqual(['triad', 'proposed']);
    pair = created?.documentId ?? '';

    const order = await fetch(
      `${url}/api/nastavnik/programmes/${programme}/pairs-order?number=15-од&date=${ORDER_DATE}`,
      { headers: { authorization: `Bearer ${curator()}` } },
    );
    expect(order.status).toBe(200);
    const text = await docxText(await order.arrayBuffer());
    expect(text).toContain('О закреплении наставнических пар (групп)');
    expect(
      text.some(
        (p) => p.startsWith(`от ${ORDER_DATE.split('-').reverse().join('.')}`) && p.endsWith('№ 15-од'),
      ),
    ).toBe(true);
    expect(text).toEqual(expect.arrayContaining([NAMES.mentor, NAMES.mentee1, NAMES.mentee2, 'Триада']));
    expect(text).not.toContain(NAMES.mentee3);

    expect(
      dataOf(await gql(FIX, { p: programme, n: '15-од', d: ORDER_DATE }, curator())).nastavnikFixPairsByOrder,
    ).toBe(1);
    expect((await pairsOf()).map((p) => [p.kind, p.pairStatus])).toEqual([['triad', 'approved']]);
  });

  it('refuses a kind the members do not fit and an invalid transition, changing nothing', async () => {
    const asPair = await gql(UPDATE_PAIR, { id: pair, d: { kind: 'pair' } }, curator());
    expect(refusal(asPair)).toBe(
      'В паре один наставляемый, а указано 2: выберите вид «триада» или «группа».',
    );
    const skip = await gql(
      UPDATE_PAIR,
      { id: pair, d: { pairStatus: 'completed', outcome: 'achieved' } },
      curator(),
    );
    expect(refusal(skip)).toBe(
      'Нельзя перевести пару из состояния «Закреплена приказом» в «Завершена»: из «Закреплена приказом» можно перейти только в «Работает» или «Прекращена».',
    );
    expect((await pairsOf()).map((p) => [p.kind, p.pairStatus, p.outcome])).toEqual([
      ['triad', 'approved', null],
    ]);
  });
});

describe('stage 6: the pair at work', () => {
  it('gets its plan from the form’s template, tracked like road-map activities', async () => {
    const plan = dataOf(await gql(APPLY_PLAN, { pair }, curator())).nastavnikApplyPlanTemplate;
    expect(plan.total).toBe(5);
    expect(plan.goals[0]?.dueDate).toBe(day(-6));
    expect(plan.goals.map((g) => g.state)).toEqual([
      'overdue',
      'due_soon',
      'in_window',
      'in_window',
      'in_window',
    ]);
    expect([plan.done, plan.overdue, plan.dueSoon]).toEqual([0, 1, 1]);
    expect(refusal(await gql(APPLY_PLAN, { pair }, curator()))).toBe(
      'У пары уже есть план развития: меняйте его цели, а не создавайте заново.',
    );

    const goals = (first: Record<string, unknown>) =>
      plan.goals.map((g, i) => ({
        goal: g.goal,
        dueDate: g.dueDate,
        goalStatus: g.status,
        ...(i === 0 ? first : {}),
      }));
    const noResult = await gql(
      UPDATE_PAIR,
      { id: pair, d: { developmentPlan: goals({ goalStatus: 'done' }) } },
      curator(),
    );
    expect(refusal(noResult)).toBe(
      `Цель «${plan.goals[0]?.goal ?? ''}» отмечена выполненной: укажите её результат.`,
    );
    expect(dataOf(await gql(PLAN, { pair }, curator())).nastavnikPairPlan.overdue).toBe(1);
    dataOf(
      await gql(
        UPDATE_PAIR,
        {
          id: pair,
          d: {
            developmentPlan: goals({ goalStatus: 'done', result: 'Запрос: подготовка к ОГЭ по математике' }),
          },
        },
        curator(),
      ),
    );
    const tracked = dataOf(await gql(PLAN, { pair }, curator())).nastavnikPairPlan;
    expect([tracked.done, tracked.overdue, tracked.goals[0]?.state]).toEqual([1, 0, 'closed']);
    expect(
      dataOf(await gql(UPDATE_PAIR, { id: pair, d: { pairStatus: 'active' } }, curator())).updateNastavnikPair
        ?.pairStatus,
    ).toBe('active');
  });

  it('counts a meeting as held only with both feedbacks (the programme asks the mentor too) or a reason', async () => {
    const meeting = async (d: Record<string, unknown>) =>
      dataOf(await gql(MEETING, { d: { pair, kind: 'working', ...d } }, curator())).createNastavnikMeeting;
    const both = await meeting({
      date: day(-10),
      menteeFeedback: { rating: 9 },
      mentorFeedback: { rating: 8 },
    });
    const menteeOnly = await meeting({ date: day(-3), menteeFeedback: { rating: 7 } });
    const none = await meeting({ date: day(-1), topic: 'Пробный ОГЭ' });
    expect([both.held, menteeOnly.held, none.held]).toEqual([true, false, false]);

    const awaiting = dataOf(await gql(AWAITING, {}, curator()));
    const waiting = new Map(
      awaiting.nastavnikMeetingsAwaitingFeedback.map((m) => [m.documentId, m.waitingFor]),
    );
    expect(waiting.get(menteeOnly.documentId)).toEqual(['mentor']);
    expect(waiting.get(none.documentId)).toEqual(['mentee', 'mentor']);
    expect(waiting.has(both.documentId)).toBe(false);
    expect(awaiting.nastavnikActivityAgenda.meetingsAwaitingFeedback.map((m) => m.documentId)).toEqual(
      expect.arrayContaining([menteeOnly.documentId, none.documentId]),
    );
    // An agenda asked for one organisation lists that organisation's meetings only.
    const { organisations } = inject('fixtures');
    const agendaFor = async (slug: string) =>
      dataOf(
        await gql(AGENDA_FOR, { o: organisations[slug] }, curator()),
      ).nastavnikActivityAgenda.meetingsAwaitingFeedback.map((m) => m.documentId);
    expect(await agendaFor(SLUG)).toEqual(expect.arrayContaining([menteeOnly.documentId, none.documentId]));
    expect(await agendaFor('kamensk-school-40')).toEqual([]);

    // The admin panel's overview lists them too, and shows the programme at work.
    const admin = await signInAdmin(url, 'admin@test.local', 'TestAdmin1pass');
    const { body } = await adminCall<{
      programmeCycle: Array<{
        documentId: string;
        title: string;
        stage: string;
        pairs: Record<string, number>;
      }>;
      meetingsAwaitingFeedback: Array<{ documentId: string }>;
    }>(admin, '/nastavnik/overview');
    expect(body.programmeCycle.find((p) => p.documentId === programme)).toMatchObject({
      stage: 'running',
      pairs: { active: 1 },
    });
    expect(body.meetingsAwaitingFeedback.map((m) => m.documentId)).toContain(none.documentId);
    // The demo school's seeded programmes show a newcomer every stage of the cycle.
    const stages = Object.fromEntries(body.programmeCycle.map((p) => [p.title, p.stage]));
    expect(stages).toMatchObject({
      'Демо-цикл: базы и отбор наставников — молодые педагоги 2026/27': 'mentor_training',
      'Демо-цикл: формирование пар — «Ученик – ученик», подготовка к ОГЭ': 'matching',
      'Демо: «Учитель – учитель»: адаптация молодых педагогов': 'running',
      'Демо-цикл: завершение — «Учитель – учитель» 2024/25': 'completion',
    });

    // Where the programme stands is no one's personal data: the regional methodist sees it too.
    const cycle = await gql<{ nastavnikProgrammeCycle: Array<{ documentId: string; stageLabel: string }> }>(
      `{ nastavnikProgrammeCycle { documentId stageLabel } }`,
      {},
      jwtOf('samaraMethodist'),
    );
    expect(dataOf(cycle).nastavnikProgrammeCycle.find((p) => p.documentId === programme)?.stageLabel).toBe(
      '6. Организация работы пар и групп',
    );
    expect(refusal(await gql(AWAITING, {}))).toBe('Войдите в систему.');

    const mentorAnswered = await gql(
      UPDATE_MEETING,
      { id: menteeOnly.documentId, d: { mentorFeedback: { rating: 8 } } },
      curator(),
    );
    expect(dataOf(mentorAnswered).updateNastavnikMeeting?.held).toBe(true);
    const excused = await gql(
      UPDATE_MEETING,
      { id: none.documentId, d: { noFeedbackReason: 'Пробный экзамен без разбора: отзыв не собирали' } },
      curator(),
    );
    expect(dataOf(excused).updateNastavnikMeeting?.held).toBe(true);
    const left = dataOf(await gql(AWAITING, {}, curator())).nastavnikMeetingsAwaitingFeedback.map(
      (m) => m.documentId,
    );
    expect(left).not.toContain(menteeOnly.documentId);
    expect(left).not.toContain(none.documentId);
  });
});

describe('stage 7: completion, from mentee to mentor, recognition', () => {
  const good = { overall: 9, goals_reached: 8, pair_work: 10, recommend: 9, become_mentor: 'да' };

  it('completes only with every mentee’s final questionnaire, all or nothing', async () => {
    const finalForm = await questionnaire('Удовлетворённость участием: завершение программы');
    const complete = (r: Array<{ person: string; answers: Record<string, unknown> }>) =>
      gql(COMPLETE, { pair, q: finalForm, r, at: day(0) }, curator());
    const mentees = [ids.mentee1, ids.mentee2];

    const missing = await complete([{ person: ids.mentee1, answers: good }]);
    expect(refusal(missing)).toBe(`Пара не завершена: нет итоговой анкеты наставляемого ${NAMES.mentee2}.`);
    const invalid = await complete([
      { person: ids.mentee1, answers: good },
      { person: ids.mentee2, answers: { ...good, overall: 11 } },
    ]);
    expect(refusal(invalid)).toMatch(
      /^Пара не завершена: итоговая анкета — .*\(overall\): ожидалось целое число от 1 до 10\./,
    );
    expect(await responsesTo(finalForm, mentees)).toBe(0);
    expect((await pairsOf()).map((p) => p.pairStatus)).toEqual(['active']);

    const done = await complete(mentees.map((person) => ({ person, answers: good })));
    expect(dataOf(done).nastavnikCompletePair).toEqual({
      pairStatus: 'completed',
      outcome: 'achieved',
      responses: 2,
    });
    expect(await responsesTo(finalForm, mentees)).toBe(2);
    const reopen = await gql(UPDATE_PAIR, { id: pair, d: { pairStatus: 'active' } }, curator());
    expect(refusal(reopen)).toContain('пара в состоянии «Завершена» уже не меняет состояния');
  });

  it('moves the successful mentee into the mentor base, keeping the consent', async () => {
    const promoted = await gql(PROMOTE, { pair, person: ids.mentee1 }, curator());
    expect(dataOf(promoted).nastavnikMenteeBecomesMentor).toEqual({ isMentor: true, isMentee: false });
    const mentors = ours(await mentorBase());
    expect(names(mentors)).toEqual([NAMES.mentor, NAMES.mentee1]);
    expect(mentors[1]?.consentGivenBy).toBe('legal_representative');
    expect(names(ours(await menteeBase()))).not.toContain(NAMES.mentee1);
  });

  it('recognises the mentor, and publishes the award only with the mentor’s publication consent', async () => {
    const award = (kind: string, publish: boolean) => ({
      kind,
      date: day(0),
      title: 'по итогам года',
      publish,
    });
    const published = async () =>
      dataOf(await gql(PUBLIC, { s: SLUG })).nastavnikPublicSection?.mentorAwards.filter(
        (a) => a.mentor === NAMES.mentor,
      ) ?? [];
    const awardsOf = async () => ours(await mentorBase()).find((m) => m.fullName === NAMES.mentor)?.awards;

    const early = await gql(RECOGNISE, { p: ids.mentor, a: award('best_mentor', true) }, curator());
    expect(refusal(early)).toMatch(
      /^Опубликовать награду на сайте можно только с согласием наставника на публикацию/,
    );
    expect(await awardsOf()).toBe(0);
    const notMentor = await gql(RECOGNISE, { p: ids.mentee3, a: award('thanks', false) }, curator());
    expect(refusal(notMentor)).toBe(
      'Награды и благодарности вручаются наставникам: участник не в базе наставников.',
    );

    expect(
      dataOf(await gql(RECOGNISE, { p: ids.mentor, a: award('thanks', false) }, curator()))
        .nastavnikRecogniseMentor.awards,
    ).toBe(1);
    expect(await published()).toEqual([]);

    dataOf(
      await gql(
        UPDATE_PERSON,
        { id: ids.mentor, d: { consent: { ...guardian('Наставникова Ольга Ивановна'), publication: true } } },
        curator(),
      ),
    );
    expect(
      dataOf(await gql(RECOGNISE, { p: ids.mentor, a: award('best_mentor', true) }, curator()))
        .nastavnikRecogniseMentor.awards,
    ).toBe(2);
    expect(await published()).toEqual([expect.objectContaining({ kindLabel: '«Лучший наставник»' })]);
    const home = await (await fetch(`${url}/nastavnichestvo/${SLUG}/`)).text();
    expect(home).toContain(`${NAMES.mentor} — «Лучший наставник» по итогам года`);
    expect(home).not.toContain(NAMES.mentee1);
  });
});

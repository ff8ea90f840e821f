/**
 * Create, read, update and delete every type through GraphQL as a curator of the demo school, whose
 * organisation the documents then belong to.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dataOf, fieldOf, gql, jwtOf, orgId } from '../harness/graphql.js';

const consent = { givenBy: 'self', processing: true, signedAt: '2025-09-01' };
let personId = '';
let pairId = '';
let questionnaireId = '';
let roadmapId = '';

interface Case {
  type: string; // GraphQL singular, e.g. Person
  plural: string; // GraphQL plural, e.g. Persons
  field: string;
  data: () => Record<string, unknown>;
  update: unknown;
  draftAndPublish?: boolean;
}

const cases: Case[] = [
  {
    type: 'Person',
    plural: 'Persons',
    field: 'fullName',
    data: () => ({ fullName: 'Тестова Анна Сергеевна', category: 'teacher', consent, isMentor: true }),
    update: 'Тестова-Петрова Анна Сергеевна',
  },
  {
    type: 'Programme',
    plural: 'Programmes',
    field: 'title',
    data: () => ({ title: 'Программа CRUD', form: 'teacher_teacher' }),
    update: 'Программа CRUD 2',
    draftAndPublish: true,
  },
  {
    type: 'Pair',
    plural: 'Pairs',
    field: 'title',
    data: () => ({ title: 'Пара CRUD', form: 'teacher_teacher', kind: 'pair', mentors: [personId] }),
    update: 'Пара CRUD 2',
  },
  {
    type: 'Meeting',
    plural: 'Meetings',
    field: 'topic',
    data: () => ({
      pair: pairId,
      kind: 'working',
      date: '2025-11-10',
      topic: 'Разбор урока',
      mentorFeedback: { rating: 8, comment: 'хорошо' },
      menteeFeedback: { rating: 9 },
    }),
    update: 'Разбор урока 2',
  },
  {
    type: 'Questionnaire',
    plural: 'Questionnaires',
    field: 'title',
    data: () => ({
      title: 'Анкета удовлетворённости',
      audience: 'mentee',
      purpose: 'satisfaction',
      questions: [
        { code: 'overall', text: 'Насколько вы довольны?', type: 'scale', min: 1, max: 10, required: true },
      ],
    }),
    update: 'Анкета 2',
  },
  {
    type: 'QuestionnaireResponse',
    plural: 'QuestionnaireResponses',
    field: 'submittedAt',
    data: () => ({
      questionnaire: questionnaireId,
      person: personId,
      answers: { overall: 9 },
      submittedAt: '2025-12-01T10:00:00.000Z',
    }),
    update: '2025-12-02T10:00:00.000Z',
  },
  {
    type: 'Roadmap',
    plural: 'Roadmaps',
    field: 'title',
    data: () => ({ title: 'Дорожная карта CRUD', level: 'organisation', roadmapState: 'approved' }),
    update: 'Дорожная карта CRUD 2',
    draftAndPublish: true,
  },
  {
    type: 'RoadmapActivity',
    plural: 'RoadmapActivities',
    field: 'title',
    data: () => ({
      roadmap: roadmapId,
      code: '1.',
      title: 'Назначить куратора',
      deadlineText: 'до 01.10.2025',
      activityStatus: 'planned',
    }),
    update: 'Назначить куратора приказом',
  },
  {
    type: 'KpiIndicator',
    plural: 'KpiIndicators',
    field: 'title',
    data: () => ({
      title: 'Доля наставляемых',
      metricKind: 'manual',
      unit: '%',
      targets: [{ year: 2025, value: 10 }],
    }),
    update: 'Доля наставляемых 10–18 лет',
  },
  {
    type: 'ContingentSnapshot',
    plural: 'ContingentSnapshots',
    field: 'date',
    data: () => ({
      date: '2025-09-01',
      snapshotKind: 'fact',
      metrics: [{ code: 'pupils', label: 'Обучающиеся', value: 420 }],
    }),
    update: '2025-09-02',
  },
  {
    type: 'Case',
    plural: 'Cases',
    field: 'title',
    data: () => ({ title: 'Кейс CRUD', reviewState: 'draft', form: 'pupil_pupil' }),
    update: 'Кейс CRUD 2',
    draftAndPublish: true,
  },
  {
    type: 'SiteSection',
    plural: 'SiteSections',
    field: 'title',
    data: () => ({ title: 'Наставничество CRUD' }),
    update: 'Наставничество CRUD 2',
    draftAndPublish: true,
  },
  {
    type: 'NewsItem',
    plural: 'NewsItems',
    field: 'title',
    data: () => ({ title: 'Новость CRUD', kind: 'news', date: '2025-10-01' }),
    update: 'Новость CRUD 2',
    draftAndPublish: true,
  },
  {
    type: 'Partner',
    plural: 'Partners',
    field: 'name',
    data: () => ({
      name: 'ООО «Партнёр»',
      kind: 'employer',
      agreement: { number: '7', date: '2025-09-01', subject: 'наставники' },
    }),
    update: 'ООО «Партнёр-2»',
  },
  {
    type: 'Capture',
    plural: 'Captures',
    field: 'sourceUrl',
    data: () => ({
      kind: 'site_audit',
      sourceUrl: 'https://school.example/nastavnichestvo',
      adapter: 'site-audit',
      idempotencyKey: `crud-${Date.now()}`,
      payload: { kind: 'site_audit', parts: [] },
    }),
    update: 'https://school.example/n2',
  },
  {
    type: 'ProgressRecord',
    plural: 'ProgressRecords',
    field: 'metric',
    data: () => ({ person: personId, pair: pairId, metric: 'average_grade', moment: 'start', value: 3.4 }),
    update: 'attendance',
  },
  {
    type: 'Organisation',
    plural: 'Organisations',
    field: 'name',
    data: () => ({
      name: 'Филиал демо-школы',
      slug: `filial-${Date.now()}`,
      kind: 'school',
      parent: orgId('bor-demo-school'),
    }),
    update: 'Филиал демо-школы (переименован)',
  },
];

const curator = () => jwtOf('demoCurator');

describe('CRUD through GraphQL as a curator', () => {
  beforeAll(async () => {
    const person = await gql<{ createNastavnikPerson: { documentId: string } }>(
      `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId } }`,
      { d: { fullName: 'Опорный Наставник', category: 'teacher', consent } },
      curator(),
    );
    personId = dataOf(person).createNastavnikPerson.documentId;
    const pair = await gql<{ createNastavnikPair: { documentId: string } }>(
      `mutation($d: NastavnikPairInput!) { createNastavnikPair(data: $d) { documentId } }`,
      { d: { title: 'Опорная пара', form: 'teacher_teacher', mentors: [personId] } },
      curator(),
    );
    pairId = dataOf(pair).createNastavnikPair.documentId;
    const q = await gql<{ createNastavnikQuestionnaire: { documentId: string } }>(
      `mutation($d: NastavnikQuestionnaireInput!) { createNastavnikQuestionnaire(data: $d) { documentId } }`,
      {
        d: {
          title: 'Опорная анкета',
          audience: 'mentee',
          purpose: 'satisfaction',
          questions: [{ code: 'overall', text: 'Оценка', type: 'scale', min: 1, max: 10, required: true }],
        },
      },
      curator(),
    );
    questionnaireId = dataOf(q).createNastavnikQuestionnaire.documentId;
    const r = await gql<{ createNastavnikRoadmap: { documentId: string } }>(
      `mutation($d: NastavnikRoadmapInput!) { createNastavnikRoadmap(data: $d) { documentId } }`,
      { d: { title: 'Опорная карта' } },
      curator(),
    );
    roadmapId = dataOf(r).createNastavnikRoadmap.documentId;
  });

  it.each(cases)('$type: create, read, update, delete', async (c) => {
    const status = c.draftAndPublish ? ', status: DRAFT' : '';
    const created = await gql<
      Partial<
        Record<
          string,
          { documentId: string } & Partial<Record<'parent' | 'organisation', { slug: string } | null>>
        >
      >
    >(
      `mutation($d: Nastavnik${c.type}Input!) { createNastavnik${c.type}(data: $d${status}) { documentId ${c.field} ${c.type === 'Organisation' ? 'parent { slug }' : 'organisation { slug }'} } }`,
      { d: c.data() },
      curator(),
    );
    expect(created.errors, created.raw).toBeUndefined();
    const doc = fieldOf(created, `createNastavnik${c.type}`);
    if (c.type === 'Organisation') expect(doc.parent?.slug).toBe('bor-demo-school');
    else expect(doc.organisation?.slug).toBe('bor-demo-school'); // defaulted to the curator's organisation

    const read = await gql<Partial<Record<string, { documentId: string }>>>(
      `query($id: ID!) { nastavnik${c.type}(documentId: $id${status}) { documentId ${c.field} } }`,
      { id: doc.documentId },
      curator(),
    );
    expect(read.errors, read.raw).toBeUndefined();
    expect(fieldOf(read, `nastavnik${c.type}`).documentId).toBe(doc.documentId);

    const updated = await gql<Partial<Record<string, Record<string, unknown>>>>(
      `mutation($id: ID!, $d: Nastavnik${c.type}Input!) { updateNastavnik${c.type}(documentId: $id, data: $d${status}) { ${c.field} } }`,
      { id: doc.documentId, d: { [c.field]: c.update } },
      curator(),
    );
    expect(updated.errors, updated.raw).toBeUndefined();
    const value = fieldOf(updated, `updateNastavnik${c.type}`)[c.field];
    expect(String(value)).toContain(String(c.update).slice(0, 10));

    const deleted = await gql(
      `mutation($id: ID!) { deleteNastavnik${c.type}(documentId: $id) { documentId } }`,
      { id: doc.documentId },
      curator(),
    );
    expect(deleted.errors, deleted.raw).toBeUndefined();
    const gone = await gql<Partial<Record<string, unknown>>>(
      `query($id: ID!) { nastavnik${c.type}(documentId: $id${status}) { documentId } }`,
      { id: doc.documentId },
      curator(),
    );
    expect(gone.data?.[`nastavnik${c.type}`] ?? null).toBeNull();
  });

  it.each(['persons', 'roadmaps', 'captures', 'roadmap-activities', 'cases'])(
    'lists %s over REST with the same rights',
    async (type) => {
      const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/${type}?pagination[pageSize]=5`, {
        headers: { authorization: `Bearer ${curator()}` },
      });
      const body = (await res.json()) as { data?: unknown; meta?: { pagination?: { pageSize?: number } } };
      expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
      expect(Array.isArray(body.data)).toBe(true);
      expect(body.meta?.pagination?.pageSize).toBe(5);
    },
  );

  it('checks questionnaire answers against the template and writes nothing when they are wrong', async () => {
    const res = await gql(
      `mutation($d: NastavnikQuestionnaireResponseInput!) { createNastavnikQuestionnaireResponse(data: $d) { documentId } }`,
      { d: { questionnaire: questionnaireId, person: personId, answers: { overall: 42 } } },
      curator(),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('overall');
    const list = await gql<{ nastavnikQuestionnaireResponses: unknown[] }>(
      `query($q: ID!) { nastavnikQuestionnaireResponses(filters: { questionnaire: { documentId: { eq: $q } } }) { documentId } }`,
      { q: questionnaireId },
      curator(),
    );
    expect(dataOf(list).nastavnikQuestionnaireResponses).toHaveLength(0);
  });
});

/**
 * KPI values computed in the database, checked against numbers worked out by hand on a small synthetic
 * region: age-band edges, a person in two programmes, a withdrawn consent, a school with no contingent
 * entered, satisfaction answered twice, partners that did and did not provide mentors. The same numbers
 * on SQLite and PostgreSQL (DATABASE_URL).
 *
 * Tree: Синтетическая область (R) → Синтетический муниципалитет (M) → школа A, школа B (no contingent);
 * R → колледж C. R's road map holds the KPIs; the others use them (nearest parent's set).
 * Year 2021, academic: 2021-09-01…2022-08-31; ages on 2021-09-01, so 10–18 means born 2002-09-02…2011-09-01.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_QUESTIONNAIRES, type KpiReport, type KpiRow } from '@nastavnik/shared';
import { bootStrapi, type BootedStrapi } from '../harness/strapi.js';

let booted: BootedStrapi;
const org: Record<string, string> = {};
const jwt: Record<string, string> = {};

type Data = Record<string, unknown>;

async function create(type: string, data: Data): Promise<string> {
  const doc = await booted.strapi
    .documents(`plugin::nastavnik.${type}` as 'plugin::nastavnik.person')
    .create({
      data: data as never,
    });
  return doc.documentId;
}

const consent = (minor: boolean) => ({
  givenBy: minor ? 'legal_representative' : 'self',
  ...(minor ? { representativeName: 'Законный Представитель Тестовый' } : {}),
  processing: true,
  signedAt: '2021-08-01',
});

async function person(organisation: string, name: string, data: Data): Promise<string> {
  const minor = data.category === 'pupil' || data.category === 'student';
  return create('person', { fullName: name, organisation, consent: consent(minor), ...data });
}

async function pair(
  organisation: string,
  title: string,
  mentors: string[],
  mentees: string[],
  extra: Data = {},
): Promise<string> {
  return create('pair', {
    title,
    organisation,
    mentors,
    mentees,
    form: 'pupil_pupil',
    pairStatus: 'active',
    // Pairs past «proposed» are fixed by an order (shared/src/pairs.ts).
    approvalOrderNumber: '15-о',
    approvalOrderDate: '2020-09-01',
    ...extra,
  });
}

async function user(name: string, role: string, organisation: string) {
  const { strapi, url } = booted;
  const roleRow = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: role } })) as { id: number };
  const orgRow = (await strapi.db
    .query('plugin::nastavnik.organisation')
    .findOne({ where: { documentId: organisation }, select: ['id'] })) as { id: number };
  await strapi
    .plugin('users-permissions')
    .service<{ add(user: Data): Promise<unknown> }>('user')
    .add({
      username: name,
      email: `${name}@kpi.test`,
      password: 'Kpi1password',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: roleRow.id,
      organisation: orgRow.id,
    });
  const res = await fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: name, password: 'Kpi1password' }),
  });
  jwt[name] = ((await res.json()) as { jwt: string }).jwt;
}

async function graphql(query: string, variables: Data, token?: string) {
  const res = await fetch(`${booted.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: { nastavnikKpiReport?: KpiReport | null } | null;
    errors?: Array<{ message: string }>;
  };
}

const REPORT = `query($organisation: ID!, $year: Int) { nastavnikKpiReport(organisation: $organisation, year: $year) { organisation organisationName year standardSet rows } }`;

async function report(slug: string, token: string, year = 2021): Promise<KpiReport> {
  const res = await graphql(REPORT, { organisation: org[slug], year }, token);
  if (!res.data?.nastavnikKpiReport) throw new Error(`Нет отчёта: ${JSON.stringify(res)}`);
  return res.data.nastavnikKpiReport;
}

const row = (r: KpiReport, code: string): KpiRow => {
  const found = r.rows.find((x) => x.code === code);
  if (!found) throw new Error(`Нет показателя ${code}`);
  return found;
};

/** numerator / denominator → value, own and rolled up, as the report gives them. */
const figures = (r: KpiRow) => ({
  own: [r.own.numerator, r.own.denominator, r.own.value],
  rollup: [r.rollup.numerator, r.rollup.denominator, r.rollup.value, r.rollup.withoutDenominator],
});

beforeAll(async () => {
  booted = await bootStrapi({ env: { SEED: 'false', ADMIN_PASSWORD: 'Kpi1admin1' } });
  org.R = await create('organisation', { name: 'Синтетическая область', slug: 'syn-region', kind: 'region' });
  org.M = await create('organisation', {
    name: 'Синтетический муниципалитет',
    slug: 'syn-municipality',
    kind: 'municipal_authority',
    parent: org.R,
  });
  org.A = await create('organisation', { name: 'Школа А', slug: 'syn-a', kind: 'school', parent: org.M });
  org.B = await create('organisation', { name: 'Школа Б', slug: 'syn-b', kind: 'school', parent: org.M });
  org.C = await create('organisation', { name: 'Колледж В', slug: 'syn-c', kind: 'college', parent: org.R });

  // R's KPIs for 2021 (academic year), with their bounds.
  const target = (value: number, bound = 'exact') => [{ year: 2021, value, bound }];
  const academic = 'academic';
  const kpis: Array<[string, string, Data, Data[], Data[]?]> = [
    [
      '1',
      'Наставляемые 10–18 лет',
      {
        kind: 'participation',
        yearBasis: academic,
        population: { categories: ['pupil', 'student'], ageYears: { min: 10, max: 18 } },
        role: 'mentee',
        denominator: { source: 'contingent', metricCodes: ['pupils_10_18'] },
      },
      target(50, 'min'),
    ],
    [
      '2',
      'Наставники 15–18 лет',
      {
        kind: 'participation',
        yearBasis: academic,
        population: { categories: ['pupil', 'student'], ageYears: { min: 15, max: 18 } },
        role: 'mentor',
        denominator: { source: 'contingent', metricCodes: ['pupils_15_18'] },
      },
      target(10),
    ],
    [
      '3',
      'Молодые педагоги',
      {
        kind: 'participation',
        yearBasis: academic,
        population: { categories: ['teacher', 'young_specialist'], experienceYears: { min: 0, max: 3 } },
        role: 'mentee',
        denominator: { source: 'persons' },
      },
      target(100),
    ],
    ['4', 'Предприятия', { kind: 'partners', yearBasis: academic, partnerKinds: ['employer'] }, target(2)],
    [
      '5',
      'Удовлетворённость наставляемых',
      {
        kind: 'satisfaction',
        yearBasis: academic,
        audience: 'mentee',
        questionCode: 'satisfaction',
        threshold: 4,
      },
      target(50),
    ],
    [
      '6',
      'Публикации о наставничестве',
      { kind: 'manual', reason: 'Считается по сайту вручную' },
      target(5),
      [{ year: 2021, value: 7 }],
    ],
  ];
  for (const [order, [code, title, definition, targets, actuals]] of kpis.entries()) {
    await create('kpi-indicator', {
      organisation: org.R,
      code,
      title,
      unit: code === '4' || code === '6' ? 'ед.' : '%',
      metricKind: definition.kind === 'manual' ? 'manual' : 'computed',
      definition,
      targets,
      ...(actuals ? { actuals } : {}),
      order,
    });
  }

  // Contingent: A's latest fact within the year is 2021-09-01; the forecast of the same day, an older
  // fact and a fact after the year's end are not it. B has none. C's fact is 2021-10-01.
  const snapshot = (o: string, date: string, snapshotKind: string, values: Record<string, number>) =>
    create('contingent-snapshot', {
      organisation: o,
      date,
      snapshotKind,
      metrics: Object.entries(values).map(([code, value]) => ({ code, label: code, value })),
    });
  await snapshot(org.A, '2020-09-01', 'fact', { pupils_10_18: 999, pupils_15_18: 999 });
  await snapshot(org.A, '2021-09-01', 'fact', { pupils_10_18: 10, pupils_15_18: 4 });
  await snapshot(org.A, '2021-09-01', 'forecast', { pupils_10_18: 500, pupils_15_18: 500 });
  await snapshot(org.A, '2022-09-01', 'fact', { pupils_10_18: 777, pupils_15_18: 777 });
  await snapshot(org.C, '2021-10-01', 'fact', { pupils_10_18: 6, pupils_15_18: 2 });

  // School A.
  const A = org.A;
  const pupil = (name: string, birthDate: string) => person(A, name, { category: 'pupil', birthDate });
  const a1 = await pupil('Первый Ученик', '2011-09-01'); // 10 on the reference day: counted
  const a2 = await pupil('Второй Ученик', '2011-09-02'); // 9: not counted
  const a3 = await pupil('Третий Ученик', '2002-09-02'); // 18 (19 the next day): counted
  const a4 = await pupil('Четвёртый Ученик', '2002-09-01'); // 19: not counted
  const a5 = await pupil('Пятый Ученик', '2008-05-05'); // 13, in two programmes: counted once
  const a6 = await person(A, 'Шестой Ученик', {
    category: 'pupil',
    birthDate: '2007-03-03',
    birthYear: 2007,
  });
  const a7 = await pupil('Седьмой Ученик', '2010-01-01'); // only in a proposed pair
  const a8 = await pupil('Восьмой Ученик', '2009-03-03'); // only in a pair of a programme of 2019/20
  const a9 = await pupil('Девятый Ученик', '2006-09-01'); // 15 on the reference day: a counted mentor

  const programme = (title: string, periodStart: string, periodEnd: string) =>
    create('programme', { title, form: 'pupil_pupil', organisation: A, periodStart, periodEnd });
  const x = await programme('Программа X', '2021-09-01', '2022-05-31');
  const y = await programme('Программа Y', '2021-10-01', '2022-06-30');
  const old = await programme('Программа 2019/20', '2019-09-01', '2020-05-31');
  await pair(A, 'P1', [a3], [a1, a2], { programme: x });
  await pair(A, 'P2', [a9], [a3, a4, a5], { programme: x });
  await pair(A, 'P3', [a9], [a5, a6], { programme: y });
  await pair(A, 'P4', [a9], [a7], { pairStatus: 'proposed' });
  await pair(A, 'P5', [a9], [a8], { programme: old });
  // a6 withdraws consent after joining P3 (an anonymised person cannot join a pair): anonymised, the
  // birth date goes, the birth year and the participation stay.
  await booted.strapi.documents('plugin::nastavnik.person').update({
    documentId: a6,
    data: { consent: { ...consent(true), withdrawnAt: '2021-10-10T10:00:00.000Z' } } as never,
  });

  const teacher = (name: string, category: string, teachingExperienceYears: number) =>
    person(A, name, { category, teachingExperienceYears });
  const t1 = await teacher('Учитель Первый', 'teacher', 3);
  await teacher('Учитель Второй', 'teacher', 0.5); // young, not in a pair
  const t3 = await teacher('Учитель Третий', 'teacher', 3.5); // not young
  const t4 = await teacher('Учитель Четвёртый', 'young_specialist', 0);
  const t5 = await teacher('Учитель Пятый', 'teacher', 20);
  await pair(A, 'P6', [t5], [t1, t3, t4], { form: 'teacher_teacher' });

  await create('partner', { organisation: A, name: 'Завод', kind: 'employer', mentorsProvided: 2 });
  await create('partner', { organisation: A, name: 'Фонд', kind: 'ngo', mentorsProvided: 1 });
  await create('partner', { organisation: A, name: 'Фабрика', kind: 'employer', mentorsProvided: 0 });

  // School B: participants, no contingent.
  const b1 = await person(org.B, 'Ученик Б1', { category: 'pupil', birthDate: '2010-06-06' });
  const b2 = await person(org.B, 'Ученик Б2', { category: 'pupil', birthDate: '2005-02-02' });
  await pair(org.B, 'P7', [b2], [b1]);

  // College C.
  const c1 = await person(org.C, 'Студент В1', { category: 'student', birthDate: '2004-04-04' });
  const c2 = await person(org.C, 'Студент В2', { category: 'student', birthDate: '2003-01-01' });
  await pair(org.C, 'P8', [c2], [c1], { form: 'student_student' });
  await create('partner', { organisation: org.C, name: 'Комбинат', kind: 'employer', mentorsProvided: 1 });

  // Satisfaction (1–5): the latest answer of the year counts, answers before the year do not.
  const questions = [{ code: 'satisfaction', text: 'Насколько вы довольны?', type: 'scale', min: 1, max: 5 }];
  const qMentee = await create('questionnaire', {
    title: 'Удовлетворённость наставляемых',
    organisation: org.R,
    audience: 'mentee',
    purpose: 'satisfaction',
    questions,
  });
  const qMentor = await create('questionnaire', {
    title: 'Удовлетворённость наставников',
    organisation: org.R,
    audience: 'mentor',
    purpose: 'satisfaction',
    questions,
  });
  const answer = (o: string, p: string, q: string, value: number, submittedAt: string) =>
    create('questionnaire-response', {
      organisation: o,
      person: p,
      questionnaire: q,
      answers: { satisfaction: value },
      submittedAt,
    });
  await answer(A, a1, qMentee, 5, '2021-12-01T10:00:00.000Z');
  await answer(A, a3, qMentee, 2, '2021-10-01T10:00:00.000Z');
  await answer(A, a3, qMentee, 4, '2022-03-01T10:00:00.000Z');
  await answer(A, a5, qMentee, 3, '2022-05-01T10:00:00.000Z');
  await answer(A, a2, qMentee, 5, '2021-06-01T10:00:00.000Z'); // before the year
  await answer(A, t5, qMentor, 1, '2021-12-01T10:00:00.000Z'); // another audience
  await answer(org.C, c1, qMentee, 4, '2022-01-15T10:00:00.000Z');

  // The standard questionnaires at the start and the end of the programme (scales 1–10, for everyone).
  const standard = (stage: 'start' | 'end') => {
    const template = STANDARD_QUESTIONNAIRES.filter((t) => t.purpose === 'satisfaction')[
      stage === 'start' ? 0 : 1
    ];
    if (!template) throw new Error('Нет стандартной анкеты удовлетворённости');
    return create('questionnaire', { ...template, organisation: org.R });
  };
  const qStart = await standard('start');
  const qEnd = await standard('end');
  const started = (o: string, p: string, [a, b, c]: number[], submittedAt: string) =>
    create('questionnaire-response', {
      organisation: o,
      person: p,
      questionnaire: qStart,
      answers: { expectations_clear: a, pair_comfort: b, meetings_convenient: c },
      submittedAt,
    });
  const ended = (o: string, p: string, [a, b, c, d]: number[], submittedAt: string) =>
    create('questionnaire-response', {
      organisation: o,
      person: p,
      questionnaire: qEnd,
      answers: { overall: a, goals_reached: b, pair_work: c, recommend: d },
      submittedAt,
    });
  await started(A, a1, [2, 2, 2], '2021-09-10T10:00:00.000Z'); // replaced by a1's later answer
  await started(A, a1, [8, 8, 8], '2021-09-20T10:00:00.000Z');
  await started(A, a5, [5, 6, 7], '2021-09-25T10:00:00.000Z');
  await started(A, t1, [4, 4, 4], '2021-10-01T10:00:00.000Z');
  await started(A, a2, [1, 1, 1], '2020-10-01T10:00:00.000Z'); // before the year
  await ended(A, a1, [10, 9, 9, 8], '2021-12-20T10:00:00.000Z');
  await ended(org.C, c1, [6, 6, 6, 6], '2021-12-10T10:00:00.000Z');

  // Two measurements: a1's grade goes up, a5's down, a3's absences go down (an improvement).
  const measure = (p: string, metric: string, moment: string, value: number, recordedAt: string) =>
    create('progress-record', {
      organisation: A,
      person: p,
      metric,
      moment,
      value,
      recordedAt,
      source: 'manual',
    });
  await measure(a1, 'average_grade', 'start', 3.5, '2021-09-15');
  await measure(a1, 'average_grade', 'end', 4, '2021-12-20');
  await measure(a5, 'average_grade', 'start', 4, '2021-09-15');
  await measure(a5, 'average_grade', 'end', 3.8, '2021-12-20');
  await measure(a3, 'absences', 'start', 10, '2021-09-15');
  await measure(a3, 'absences', 'end', 4, '2021-12-20');
  await measure(a4, 'average_grade', 'start', 3, '2021-09-15'); // no second measurement

  await user('kpiCuratorA', 'curator', org.A);
  await user('kpiMethodistM', 'methodist', org.M);
  await user('kpiMethodistR', 'methodist', org.R);
  await user('kpiStaffA', 'staff', org.A);
}, 240_000);

afterAll(async () => {
  await booted.stop();
});

describe('KPI values worked out by hand', () => {
  it('school A: its own numbers', async () => {
    const r = await report('A', jwt.kpiCuratorA ?? '');
    expect(r.standardSet).toBe(false);
    expect(r.rows.map((x) => x.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    // 10–18 mentees: a1 (10 today), a3 (18), a5 (two programmes, once), a6 (withdrawn, by birth year) = 4 of 10.
    expect(figures(row(r, '1'))).toEqual({ own: [4, 10, 40], rollup: [4, 10, 40, 0] });
    expect(row(r, '1')).toMatchObject({
      target: 50,
      bound: 'min',
      windowStart: '2021-09-01',
      windowEnd: '2022-08-31',
    });
    expect(row(r, '1').own.status).toBe('behind');
    // 15–18 mentors: a3 (18) and a9 (15 today) of 4.
    expect(figures(row(r, '2'))).toEqual({ own: [2, 4, 50], rollup: [2, 4, 50, 0] });
    expect(row(r, '2').own.status).toBe('met');
    // Young teachers (0–3 years) from the people base: t1 (3) and t4 (0) in a pair, t2 not: 2 of 3.
    expect(figures(row(r, '3'))).toEqual({ own: [2, 3, 66.7], rollup: [2, 3, 66.7, 0] });
    // Employers that provided mentors: the plant only.
    expect(figures(row(r, '4'))).toEqual({ own: [1, null, 1], rollup: [1, null, 1, 0] });
    // Satisfied mentees: a1 (5), a3 (latest 4); a5 (3) not: 2 of 3.
    expect(figures(row(r, '5'))).toEqual({ own: [2, 3, 66.7], rollup: [2, 3, 66.7, 0] });
    expect(row(r, '6')).toMatchObject({
      kind: 'manual',
      manualReason: 'Считается по сайту вручную',
      manualValue: 7,
      own: { value: 7, status: 'met' },
    });
  });

  it('municipality M: the sum over A and B, where B has no contingent', async () => {
    const r = await report('M', jwt.kpiMethodistM ?? '');
    const k1 = row(r, '1');
    // M has no numbers of its own; B's 1 mentee is left out for want of a denominator and counted as such.
    expect(figures(k1)).toEqual({ own: [0, null, null], rollup: [4, 10, 40, 1] });
    expect(k1.own.status).toBe('no_data');
    expect(k1.rollup.organisations).toBe(3);
    expect(figures(row(r, '2'))).toEqual({ own: [0, null, null], rollup: [2, 4, 50, 1] });
    expect(figures(row(r, '3')).rollup).toEqual([2, 3, 66.7, 1]);
    expect(figures(row(r, '4')).rollup).toEqual([1, null, 1, 0]);
  });

  it('region R: sum of numerators over sum of denominators, not an average of shares', async () => {
    const r = await report('R', jwt.kpiMethodistR ?? '');
    expect(r.organisationName).toBe('Синтетическая область');
    // A 4/10 and C 1/6: 5/16 = 31.25 % (the average of 40 % and 16.7 % would be 28.3 %).
    expect(figures(row(r, '1')).rollup).toEqual([5, 16, 31.3, 1]);
    expect(row(r, '1').rollup.organisations).toBe(5);
    // A 2/4 and C 1/2.
    expect(figures(row(r, '2')).rollup).toEqual([3, 6, 50, 1]);
    // Only A has young teachers; B and C have no denominator.
    expect(figures(row(r, '3')).rollup).toEqual([2, 3, 66.7, 2]);
    // The plant (A) and the works (C).
    expect(figures(row(r, '4')).rollup).toEqual([2, null, 2, 0]);
    expect(row(r, '4').rollup.status).toBe('met');
    // A 2/3 and C 1/1.
    expect(figures(row(r, '5')).rollup).toEqual([3, 4, 75, 1]);
  });

  it('shows the same values on the public «Показатели» page, with targets, «N из M» and status', async () => {
    const publicPage = async (slug: string) => {
      const res = await fetch(`${booted.url}/nastavnichestvo/${slug}/pokazateli/`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<svg');
      return html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/\s+/g, ' ');
    };
    const region = await publicPage('syn-region');
    // Rolled up over the region: 5 of 16 against «не менее 50 %»; the year is over, so behind.
    expect(region).toContain('2021/22 учебный год не менее 50 % 31,3 % 5 из 16 Отстаёт');
    expect(region).toContain('2021/22 учебный год 2 ед. 2 ед. 2 ед. Достигнут');
    expect(region).toContain('2021 5 ед. 7 ед. введено вручную Достигнут');
    const school = await publicPage('syn-a');
    expect(school).toContain('вышестоящей организации');
    expect(school).toContain('2021/22 учебный год не менее 50 % 40 % 4 из 10 Отстаёт');
    expect(school).toContain('2021/22 учебный год 10 % 50 % 2 из 4 Достигнут');
    // School B entered no contingent: its share cannot be computed.
    const noContingent = await publicPage('syn-b');
    expect(noContingent).toContain(
      '2021/22 учебный год не менее 50 % нет данных численность не введена Нет данных',
    );
    for (const text of [region, school, noContingent])
      for (const name of PEOPLE) expect(text).not.toContain(name);
  });

  it('college C through REST, the same numbers', async () => {
    const res = await fetch(`${booted.url}/api/nastavnik/kpi/${org.C}?year=2021`, {
      headers: { authorization: `Bearer ${jwt.kpiMethodistR}` },
    });
    expect(res.status).toBe(200);
    const r = (await res.json()) as KpiReport;
    expect(figures(row(r, '1')).own).toEqual([1, 6, 16.7]);
    expect(figures(row(r, '2')).own).toEqual([1, 2, 50]);
    expect(figures(row(r, '5')).own).toEqual([1, 1, 100]);
  });

  it('refuses outside the caller’s subtree and without sign-in', async () => {
    const up = await graphql(REPORT, { organisation: org.R, year: 2021 }, jwt.kpiCuratorA);
    expect(up.errors?.[0]?.message).toContain('вне вашей зоны доступа');
    const sideways = await graphql(REPORT, { organisation: org.C, year: 2021 }, jwt.kpiMethodistM);
    expect(sideways.errors?.[0]?.message).toContain('вне вашей зоны доступа');
    // Staff read the figures but do not download the reports.
    expect((await report('A', jwt.kpiStaffA ?? '')).rows).toHaveLength(6);
    const staffFile = await fetch(`${booted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt.kpiStaffA}` },
      body: JSON.stringify({
        query: `query($o: ID!) { nastavnikParticipantsReport(organisation: $o, year: 2021) { filename } }`,
        variables: { o: org.A },
      }),
    });
    expect(
      ((await staffFile.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    const anonymous = await graphql(REPORT, { organisation: org.A, year: 2021 });
    expect(anonymous.errors?.[0]?.message).toContain('Войдите');
    const rest = await fetch(`${booted.url}/api/nastavnik/kpi/${org.A}?year=20x1`, {
      headers: { authorization: `Bearer ${jwt.kpiCuratorA}` },
    });
    expect(rest.status).toBe(400);
    expect(await rest.text()).toContain('Параметр year');
  });

  it('shows no person in the answer', async () => {
    const r = JSON.stringify(await report('R', jwt.kpiMethodistR ?? ''));
    for (const name of ['Ученик', 'Учитель', 'Студент', 'Представитель']) expect(r).not.toContain(name);
  });
});

/** Names of people in the data set: none may appear in a roll-up. */
const PEOPLE = [
  'Первый Ученик',
  'Третий Ученик',
  'Учитель Первый',
  'Ученик Б1',
  'Студент В1',
  'Представитель',
];

async function download(path: string, token: string | undefined) {
  const res = await fetch(`${booted.url}/api/nastavnik/kpi/${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: await res.arrayBuffer() };
}

async function workbookOf(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

/** A sheet's rows below the header (row 3) as objects «column header → value», keyed by organisation. */
function sheetRows(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`Нет листа ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const header = Array.from(sheet.getRow(3).values as unknown[], (v) => (typeof v === 'string' ? v : ''));
  const rows: Record<string, Record<string, unknown>> = {};
  for (let r = 4; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows[String(values[1])] = Object.fromEntries(header.map((h, i) => [h, values[i]]));
  }
  return rows;
}

describe('reports', () => {
  // Calendar 2021; ages on 2021-01-01. Pairs taking part: P1, P2, P3 (programmes of 2021/22), P6, P7, P8;
  // not P4 (proposed) nor P5 (programme of 2019/20).
  it('participant counts: one sheet per level, each organisation with its subtree', async () => {
    const file = await download(`${org.R}/participants?year=2021`, jwt.kpiMethodistR);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = await workbookOf(file.bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['1. Итого', '2. Уровень 2', '3. Уровень 3']);
    const region = sheetRows(workbook, '1. Итого')['Синтетическая область'] ?? {};
    // Mentors: a3, a9, t5 (A), b2, c2. Mentees: a1–a6, t1, t3, t4 (A), b1, c1 (a3 is both).
    expect(region['Наставники: всего']).toBe(5);
    expect(region['Наставляемые: всего']).toBe(11);
    expect(region['Наставляемые: Обучающийся (школьник)']).toBe(7);
    expect(region['Наставляемые: Студент']).toBe(1);
    expect(region['Наставляемые: Педагог']).toBe(2);
    expect(region['Наставляемые: Молодой специалист']).toBe(1);
    // a1, a2 are 9; a5 12, a6 14 by birth year, b1 10; a3, a4 18, c1 16; the teachers have no birth date.
    expect(region['Наставляемые: до 10 лет']).toBe(2);
    expect(region['Наставляемые: 10–14 лет']).toBe(3);
    expect(region['Наставляемые: 15–18 лет']).toBe(3);
    expect(region['Наставляемые: возраст не указан']).toBe(3);
    expect(region['Наставляемые: форма «Ученик – ученик»']).toBe(7);
    expect(region['Наставляемые: форма «Учитель – учитель»']).toBe(3);
    expect(region['Пары и группы: всего']).toBe(6);
    expect(region['Пары и группы: Пара (один на один)']).toBe(6);
    // The plant and the foundation (A), the works (C); the factory provided nobody.
    expect(region['Партнёры, предоставившие наставников: всего']).toBe(3);
    expect(region['Наставников от партнёров']).toBe(4);
    const level2 = sheetRows(workbook, '2. Уровень 2');
    expect(Object.keys(level2).sort()).toEqual(['Колледж В', 'Синтетический муниципалитет']);
    expect(level2['Синтетический муниципалитет']?.['Наставляемые: всего']).toBe(10);
    expect(level2['Колледж В']?.['Наставники: всего']).toBe(1);
    const level3 = sheetRows(workbook, '3. Уровень 3');
    expect(level3['Школа А']?.['Пары и группы: всего']).toBe(4);
    expect(level3['Школа Б']?.['Наставляемые: всего']).toBe(1);
    // No person anywhere in a roll-up.
    const text = JSON.stringify(workbook.worksheets.map((w) => w.getSheetValues()));
    for (const name of PEOPLE) expect(text).not.toContain(name);
  });

  it('lists a school’s own participants for its curator only', async () => {
    const own = await workbookOf((await download(`${org.A}/participants?year=2021`, jwt.kpiCuratorA)).bytes);
    const list = own.getWorksheet('Участники');
    expect(list?.getRow(1).values).toEqual([
      undefined,
      'ФИО',
      'Категория',
      'Роль',
      'Класс или группа',
      'Формы наставничества',
    ]);
    const names = (list?.getSheetValues() ?? []).slice(2).map((r) => (r as unknown[])[1]);
    // a1–a6 (a6 anonymised), a9, t1, t3, t4, t5.
    expect(names).toHaveLength(11);
    expect(names).toContain('Третий Ученик');
    expect(names).not.toContain('Седьмой Ученик'); // only in a proposed pair
    const third = (list?.getSheetValues() ?? []).find(
      (r) => (r as unknown[] | undefined)?.[1] === 'Третий Ученик',
    ) as unknown[];
    expect(third[3]).toBe('наставник, наставляемый');
    const methodist = await workbookOf(
      (await download(`${org.A}/participants?year=2021`, jwt.kpiMethodistR)).bytes,
    );
    expect(methodist.getWorksheet('Участники')).toBeUndefined();
    expect((await download(`${org.R}/participants?year=2021`, jwt.kpiCuratorA)).status).toBe(403);
    expect((await download(`${org.A}/participants?year=2021`, undefined)).status).toBe(403);
  });

  it('analytic note: KPIs against targets, satisfaction, impact, road map', async () => {
    const file = await download(`${org.R}/note?year=2021`, jwt.kpiMethodistR);
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    const xml = (await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml
      .replace(/<\/w:tc>/g, ' | ')
      .replace(/<\/w:tr>/g, '\n')
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/ +/g, ' ');
    expect(text).toContain('Аналитическая справка по итогам внутреннего мониторинга');
    expect(text).toContain('Организация: Синтетическая область.');
    // KPI 1 rolled up over the region: 5 of 16, B without a denominator; the «не менее» target.
    expect(text).toContain(
      'Наставляемые 10–18 лет, % | не менее 50 | 31,3 | 5 из 16; без знаменателя: 1 орг. | Отстаёт',
    );
    expect(text).toContain('Предприятия, ед. | 2 | 2 | 2 ед. | Достигнут');
    // 4 mentees answered of 11 taking part in 2021; 3 satisfied.
    expect(text).toContain('Наставляемые | 4 | 36,4 % | 3 | 75 %');
    expect(text).toContain('Наставников: 5, наставляемых: 11; пар и групп: 6');
    // By form, calendar 2021, by the question the set's KPI 5 reads for mentees: a1 (5), a2 (5, June) and
    // a3 (2, October) answered of the 7 pupils. The set has no mentors' satisfaction KPI, so mentors are
    // asked the standard end questionnaire's «overall»: the mentor t5 answered only the 1–5 question.
    expect(text).toContain('Наставляемые | Ученик – ученик | 7 | 3 | 42,9 % | 2 (66,7 %)');
    expect(text).toContain('Наставляемые | Учитель – учитель | 3 | 0 | 0 % | 0 (—)');
    expect(text).toContain('Наставники | Учитель – учитель | 1 | 0 | 0 % | 0 (—)');
    // The standard questionnaires, each person's latest answer of 2021 (a1's September 20th, not 10th):
    // programme X (a1, a2, a3, a4, a5, a9) has a1 and a5 at the start, (8+8+8+5+6+7)/6 = 7, and a1 at
    // the end, (10+9+9+8)/4 = 9; Y (a5, a6, a9) a5 only; pairs without a programme: t1 (start), c1 (end).
    expect(text).toContain('Программа X | 6 | 2 | 33,3 % | 1 | 16,7 % | 7 | 9 |');
    expect(text).toContain('Программа Y | 3 | 1 | 33,3 % | 0 | 0 % | 6 | — |');
    expect(text).toContain('Без программы | 8 | 1 | 12,5 % | 1 | 12,5 % | 4 | 6 |');
    expect(text).toContain('Ученик – ученик | 9 | 2 | 22,2 % | 1 | 11,1 % | 7 | 9 |');
    expect(text).toContain('Учитель – учитель | 4 | 1 | 25 % | 0 | 0 % | 4 | — |');
    expect(text).toContain('Школа А | 11 | 3 | 27,3 % | 1 | 9,1 % | 6 | 9 |');
    expect(text).toContain('Колледж В | 2 | 0 | 0 % | 1 | 50 % | — | 6 |');
    expect(text).toContain(
      'Начало программы | Насколько понятно, чего ждать от программы наставничества? | 3 | 5,67 |',
    );
    expect(text).toContain(
      'Завершение программы | Насколько вы удовлетворены участием в программе в целом? | 2 | 8 |',
    );
    // Absences 10 → 4 is an improvement; grades: 3.5 → 4 up, 4 → 3.8 down.
    expect(text).toContain('Пропуски | 1 | 10 | 4 | -6 | 1 (100 %)');
    expect(text).toContain('Средний балл | 2 | 3,75 | 3,9 | +0,15 | 1 (50 %)');
    // Per programme: a1 and a5 are mentees of X (a5 of Y too), a3 of X.
    expect(text).toContain('Программа X | Средний балл | 2 | 3,75 | 3,9 | +0,15 | 1 (50 %)');
    expect(text).toContain('Программа Y | Средний балл | 1 | 4 | 3,8 | -0,2 | 0 (0 %)');
    expect(text).toContain('Программа X | Пропуски | 1 | 10 | 4 | -6 | 1 (100 %)');
    // No mentee by name in the region's roll-up.
    expect(text).not.toContain('По наставляемым');
    expect(text).toContain('Дорожная карта организации не загружена.');
    for (const name of PEOPLE) expect(text).not.toContain(name);
  });

  it('lists each mentee’s change only in the school’s own note for its curator', async () => {
    const noteText = async (token: string | undefined) => {
      const file = await download(`${org.A}/note?year=2021`, token);
      expect(file.status).toBe(200);
      const xml =
        (await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')?.async('string')) ?? '';
      return xml
        .replace(/<\/w:tc>/g, ' | ')
        .replace(/<\/w:tr>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/ +/g, ' ');
    };
    const own = await noteText(jwt.kpiCuratorA);
    expect(own).toContain('По наставляемым (только для куратора организации)');
    expect(own).toContain('Первый Ученик | Средний балл | 3,5 | 4 | +0,5 | улучшился');
    expect(own).toContain('Пятый Ученик | Средний балл | 4 | 3,8 | -0,2 | ухудшился');
    expect(own).toContain('Третий Ученик | Пропуски | 10 | 4 | -6 | улучшился');
    const methodist = await noteText(jwt.kpiMethodistR);
    expect(methodist).not.toContain('По наставляемым');
    for (const name of PEOPLE) expect(methodist).not.toContain(name);
  });

  it('gives the same files through GraphQL', async () => {
    const res = await fetch(`${booted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt.kpiMethodistM}` },
      body: JSON.stringify({
        query: `query($o: ID!) { nastavnikParticipantsReport(organisation: $o, year: 2021) { filename mimeType base64 } nastavnikAnalyticNote(organisation: $o, year: 2021) { filename } }`,
        variables: { o: org.M },
      }),
    });
    const body = (await res.json()) as {
      data: {
        nastavnikParticipantsReport: { filename: string; base64: string };
        nastavnikAnalyticNote: { filename: string };
      };
    };
    expect(body.data.nastavnikParticipantsReport.filename).toBe('uchastniki-syn-municipality-2021.xlsx');
    expect(body.data.nastavnikAnalyticNote.filename).toBe('spravka-syn-municipality-2021.docx');
    const bytes = Buffer.from(body.data.nastavnikParticipantsReport.base64, 'base64');
    const workbook = await workbookOf(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    expect(sheetRows(workbook, '1. Итого')['Синтетический муниципалитет']?.['Наставники: всего']).toBe(4);
  });
});

describe('monitoring snapshots', () => {
  const FREEZE = `mutation($o: ID!, $label: String!) { nastavnikFreezeMonitoring(organisation: $o, year: 2021, label: $label) { documentId label year takenAt report } }`;
  const freeze = async (token: string | undefined, label: string) => {
    const res = await fetch(`${booted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: FREEZE, variables: { o: org.M, label } }),
    });
    return (await res.json()) as {
      data?: {
        nastavnikFreezeMonitoring?: { documentId: string; year: number; report: KpiReport } | null;
      } | null;
      errors?: Array<{ message: string }>;
    };
  };

  it('keeps the numbers of the moment while the data changes', async () => {
    const frozen = await freeze(jwt.kpiMethodistM, 'Мониторинг, декабрь 2021');
    const snapshot = frozen.data?.nastavnikFreezeMonitoring;
    if (!snapshot) throw new Error(JSON.stringify(frozen));
    expect(snapshot.year).toBe(2021);
    expect(figures(row(snapshot.report, '1')).rollup).toEqual([4, 10, 40, 1]);

    // A new 12-year-old mentee in school A after the snapshot.
    const late = await person(org.A ?? '', 'Поздний Ученик', { category: 'pupil', birthDate: '2009-10-10' });
    await pair(org.A ?? '', 'P9', [], [late]);
    expect(figures(row(await report('M', jwt.kpiMethodistM ?? ''), '1')).rollup).toEqual([5, 10, 50, 1]);

    const stored = (await booted.strapi.db.query('plugin::nastavnik.monitoring-snapshot').findOne({
      where: { documentId: snapshot.documentId },
    })) as { report: KpiReport; counts: { total: { mentee: number } }; label: string };
    expect(stored.label).toBe('Мониторинг, декабрь 2021');
    expect(figures(row(stored.report, '1')).rollup).toEqual([4, 10, 40, 1]);
    expect(stored.counts.total.mentee).toBe(10);

    // Frozen: its numbers cannot be edited afterwards.
    await expect(
      booted.strapi.documents('plugin::nastavnik.monitoring-snapshot').update({
        documentId: snapshot.documentId,
        data: { report: { ...stored.report, rows: [] } } as never,
      }),
    ).rejects.toThrow('Срез мониторинга не изменяется');
  });

  it('is taken by the daily job on the road map’s dates, once, and later edits leave it as it was', async () => {
    // School A's road map schedules its internal monitoring for December and May.
    const roadmap = await create('roadmap', { title: 'Дорожная карта школы А', organisation: org.A });
    await create('roadmap-activity', {
      roadmap,
      organisation: org.A,
      title: 'Проведение внутреннего мониторинга реализации и эффективности программ наставничества',
      deadlineText: 'Декабрь, май',
      deadline: {
        text: 'Декабрь, май',
        kind: 'recurring',
        windows: [{ start: '2021-12-01', end: '2021-12-31' }],
        recurrence: { frequency: 'yearly', months: [12, 5] },
      },
    });
    const kpi = booted.strapi.plugin('nastavnik').service('kpi') as unknown as {
      scheduledSnapshots(
        today: string,
      ): Promise<Array<{ organisation: string; label: string; documentId: string }>>;
    };
    expect(await kpi.scheduledSnapshots('2021-12-30')).toEqual([]);
    const taken = await kpi.scheduledSnapshots('2021-12-31');
    const label = 'Внутренний мониторинг: декабрь 2021 (по графику)';
    expect(taken.map(({ organisation, label }) => ({ organisation, label }))).toEqual([
      { organisation: org.A, label },
    ]);
    // The same moment is not taken twice, neither that day nor in the days after.
    expect(await kpi.scheduledSnapshots('2021-12-31')).toEqual([]);
    expect(await kpi.scheduledSnapshots('2022-01-05')).toEqual([]);

    const stored = async () =>
      (await booted.strapi.db.query('plugin::nastavnik.monitoring-snapshot').findOne({
        where: { documentId: taken[0]?.documentId },
      })) as { report: KpiReport; year: number; label: string; counts: { total: { mentee: number } } };
    const before = await stored();
    expect(before.label).toBe(label);
    // The academic year in progress on 31 December 2021; A's own numbers with the late mentee (5 of 10).
    expect(before.year).toBe(2021);
    expect(before.report.today).toBe('2021-12-31');
    expect(figures(row(before.report, '1')).own).toEqual([5, 10, 50]);

    const later = await person(org.A ?? '', 'Ещё Один Ученик', {
      category: 'pupil',
      birthDate: '2009-11-11',
    });
    await pair(org.A ?? '', 'P10', [], [later]);
    expect(figures(row(await report('A', jwt.kpiCuratorA ?? ''), '1')).own).toEqual([6, 10, 60]);
    const after = await stored();
    expect(figures(row(after.report, '1')).own).toEqual([5, 10, 50]);
    expect(after.counts).toEqual(before.counts);
  });

  it('is made by a curator or methodist of the tree, not outside it', async () => {
    const outside = await freeze(jwt.kpiCuratorA, 'Чужой срез');
    expect(outside.errors?.[0]?.message).toContain('вне вашей зоны доступа');
    const anonymous = await freeze(undefined, 'Аноним');
    expect(anonymous.errors?.length).toBeGreaterThan(0);
    expect(anonymous.data?.nastavnikFreezeMonitoring ?? null).toBeNull();
  });
});

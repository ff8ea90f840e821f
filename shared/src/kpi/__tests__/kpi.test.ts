import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoadmapDraft } from '../../roadmap/schema.js';
import { kpiDefinitionSchema } from '../definition.js';
import { ageOn } from '../../consent.js';
import { birthBounds, kpiStatus, kpiValue, yearWindow, yearsBefore } from '../maths.js';
import { recogniseKpi } from '../recognise.js';
import { standardKpis } from '../standard.js';
import { STANDARD_QUESTIONNAIRES } from '../../questionnaire-templates.js';

const seed = (slug: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../../../seeds/roadmaps/${slug}.json`, import.meta.url), 'utf8')) as {
      draft: RoadmapDraft;
    }
  ).draft;

describe('year windows and age bands', () => {
  it('gives calendar and academic windows', () => {
    expect(yearWindow(2021, 'calendar')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(yearWindow(2021, 'academic')).toEqual({ start: '2021-09-01', end: '2022-08-31' });
  });

  it('keeps 29 February in a leap year and moves it in a common one', () => {
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });

  it.each([
    // born, counted as 10–18 on 2021-09-01?
    ['2011-09-01', true], // tenth birthday on the reference day
    ['2011-09-02', false], // ten the next day
    ['2002-09-02', true], // nineteen the next day: still 18
    ['2002-09-01', false], // nineteenth birthday on the reference day
  ])('born %s is in the 10–18 band on 2021-09-01: %s', (born, inside) => {
    const b = birthBounds('2021-09-01', { min: 10, max: 18 });
    expect(b).toEqual({
      bornOnOrBefore: '2011-09-01',
      bornOnOrAfter: '2002-09-02',
      birthYearMax: 2011,
      birthYearMin: 2003,
    });
    const byBounds = born <= (b.bornOnOrBefore ?? '') && born >= (b.bornOnOrAfter ?? '');
    expect(byBounds).toBe(inside);
    const age = ageOn(born, '2021-09-01') ?? -1;
    expect(age >= 10 && age <= 18).toBe(inside);
  });
});

describe('values and status', () => {
  it('is a share with one decimal, nothing without a denominator or over zero', () => {
    expect(kpiValue(1, 3)).toBe(33.3);
    expect(kpiValue(2, 3)).toBe(66.7);
    expect(kpiValue(4, null)).toBeNull();
    expect(kpiValue(0, 0)).toBeNull();
  });

  const year = yearWindow(2021, 'calendar');
  it.each([
    [50, { value: 50, bound: 'exact' }, '2022-03-01', 'met'],
    [49.9, { value: 50, bound: 'min' }, '2022-03-01', 'behind'],
    [30, { value: 50, bound: 'min' }, '2021-07-02', 'on_track'], // 50 % of the year gone, 60 % reached
    [20, { value: 50, bound: 'min' }, '2021-07-02', 'behind'],
    [0, { value: 50, bound: 'min' }, '2020-12-31', 'on_track'],
    [12, { value: 10, bound: 'max' }, '2022-01-01', 'behind'],
    [8, { value: 10, bound: 'max' }, '2022-01-01', 'met'],
    [null, { value: 10, bound: 'min' }, '2022-01-01', 'no_data'],
    [10, undefined, '2022-01-01', null],
  ] as const)('value %s against %j on %s is %s', (value, target, today, status) => {
    expect(kpiStatus(value, target, year, today)).toBe(status);
  });
});

describe('seed KPIs as definitions', () => {
  it('reads every KPI of road map 000 as computable, on the academic year', () => {
    const draft = seed('kamensk-school-40');
    const defs = draft.kpis.map((k) =>
      recogniseKpi(k, { academicYear: draft.period?.academicYear ?? false, contingent: draft.contingent }),
    );
    for (const d of defs) expect(kpiDefinitionSchema.parse(d)).toEqual(d);
    expect(defs.map((d) => d.kind)).toEqual([
      'participation',
      'participation',
      'participation',
      'partners',
      'satisfaction',
      'satisfaction',
    ]);
    expect(defs[0]).toEqual({
      kind: 'participation',
      yearBasis: 'academic',
      population: { categories: ['pupil', 'student'], ageYears: { min: 10, max: 18 } },
      role: 'mentee',
      denominator: { source: 'contingent', metricCodes: ['pupils_10_18'] },
    });
    expect(defs[1]).toMatchObject({ role: 'mentor', population: { ageYears: { min: 15, max: 18 } } });
    expect(defs[2]).toMatchObject({
      role: 'mentee',
      population: { categories: ['teacher', 'young_specialist'], experienceYears: { min: 0, max: 3 } },
      denominator: { metricCodes: ['young_teachers_0_3'] },
    });
    expect(defs[4]).toMatchObject({ audience: 'mentee' });
    expect(defs[5]).toMatchObject({ audience: 'mentor' });
  });

  it('reads 003 coverage against its own contingent table, keeping «не менее»', () => {
    const draft = seed('nolinsk-polytechnic');
    const defs = draft.kpis.map((k) =>
      recogniseKpi(k, { academicYear: false, contingent: draft.contingent }),
    );
    expect(defs).toEqual([
      {
        kind: 'participation',
        yearBasis: 'calendar',
        population: { categories: ['pupil', 'student'] },
        role: 'any',
        denominator: { source: 'contingent', metricCodes: ['1'] },
      },
      {
        kind: 'participation',
        yearBasis: 'calendar',
        population: { categories: ['teacher', 'young_specialist'] },
        role: 'any',
        denominator: { source: 'contingent', metricCodes: ['2'] },
      },
    ]);
    expect(draft.kpis[0]?.targets[0]).toEqual({ year: 2020, value: 5, bound: 'min' });
  });

  it('leaves an unrecognised KPI manual with the reason', () => {
    const d = recogniseKpi(
      { title: 'Количество проведённых мероприятий', unit: 'ед.', targets: [] },
      { academicYear: false, contingent: [] },
    );
    expect(d).toMatchObject({ kind: 'manual', reason: expect.stringContaining('не распознана') as string });
  });

  it('has a valid standard set', () => {
    for (const k of standardKpis) expect(kpiDefinitionSchema.safeParse(k.definition).success).toBe(true);
  });
});

describe('satisfaction KPIs and the standard questionnaires', () => {
  it('read a scale question the standard end questionnaire asks, with the threshold on its scale', () => {
    const asked = STANDARD_QUESTIONNAIRES.filter((t) => t.purpose === 'satisfaction').flatMap((t) =>
      t.questions.map((q) => ({ audience: t.audience, q })),
    );
    const draft = seed('kamensk-school-40');
    const recognised = draft.kpis.map((k) =>
      recogniseKpi(k, { academicYear: draft.period?.academicYear ?? false, contingent: draft.contingent }),
    );
    const satisfaction = [...standardKpis.map((k) => k.definition), ...recognised].filter(
      (d) => d.kind === 'satisfaction',
    );
    expect(satisfaction.length).toBeGreaterThanOrEqual(4);
    for (const d of satisfaction) {
      const match = asked.find(
        ({ audience, q }) =>
          q.code === d.questionCode && (audience === 'all' || audience === d.audience) && q.type === 'scale',
      );
      expect(match, `${d.audience}: ${d.questionCode}`).toBeDefined();
      const q = match?.q;
      if (q?.type !== 'scale') continue;
      expect(d.threshold).toBeGreaterThan(q.min ?? 1);
      expect(d.threshold).toBeLessThanOrEqual(q.max ?? 5);
    }
  });
});

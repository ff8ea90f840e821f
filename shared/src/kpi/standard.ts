/**
 * The KPIs of the target model (распоряжение Минпросвещения № Р-145, the set road map 000 copies), computed
 * for an organisation that has no road map KPIs of its own — a municipality or a region rolling up its
 * schools.
 */
import { SATISFACTION_QUESTION, SATISFIED_FROM, type KpiDefinition } from './definition.js';

export interface StandardKpi {
  code: string;
  title: string;
  unit: string;
  definition: KpiDefinition;
}

export const standardKpis: readonly StandardKpi[] = [
  {
    code: '1',
    title:
      'Доля обучающихся в возрасте от 10 до 18 лет, вошедших в программы наставничества в роли наставляемого',
    unit: '%',
    definition: {
      kind: 'participation',
      yearBasis: 'calendar',
      population: { categories: ['pupil', 'student'], ageYears: { min: 10, max: 18 } },
      role: 'mentee',
      denominator: { source: 'contingent', metricCodes: ['pupils_10_18'] },
    },
  },
  {
    code: '2',
    title:
      'Доля обучающихся в возрасте от 15 до 18 лет, вошедших в программы наставничества в роли наставника',
    unit: '%',
    definition: {
      kind: 'participation',
      yearBasis: 'calendar',
      population: { categories: ['pupil', 'student'], ageYears: { min: 15, max: 18 } },
      role: 'mentor',
      denominator: { source: 'contingent', metricCodes: ['pupils_15_18'] },
    },
  },
  {
    code: '3',
    title:
      'Доля педагогов — молодых специалистов (стаж от 0 до 3 лет), вошедших в программы наставничества в роли наставляемого',
    unit: '%',
    definition: {
      kind: 'participation',
      yearBasis: 'calendar',
      population: { categories: ['teacher', 'young_specialist'], experienceYears: { min: 0, max: 3 } },
      role: 'mentee',
      denominator: { source: 'contingent', metricCodes: ['young_teachers_0_3'] },
    },
  },
  {
    code: '4',
    title: 'Количество предприятий (организаций), предоставивших своих наставников',
    unit: 'ед.',
    definition: { kind: 'partners', yearBasis: 'calendar', partnerKinds: ['employer'] },
  },
  {
    code: '5',
    title: 'Уровень удовлетворённости наставляемых участием в программах наставничества',
    unit: '%',
    definition: {
      kind: 'satisfaction',
      yearBasis: 'calendar',
      audience: 'mentee',
      questionCode: SATISFACTION_QUESTION,
      threshold: SATISFIED_FROM,
    },
  },
  {
    code: '6',
    title: 'Уровень удовлетворённости наставников участием в программах наставничества',
    unit: '%',
    definition: {
      kind: 'satisfaction',
      yearBasis: 'calendar',
      audience: 'mentor',
      questionCode: SATISFACTION_QUESTION,
      threshold: SATISFIED_FROM,
    },
  },
];

/**
 * What a KPI counts, in terms the database can answer: a numerator over people in pairs, partners or
 * questionnaire answers, and a denominator from the contingent (численность на дату) or from the people
 * base. A KPI whose formula the system cannot compute stays manual and says why.
 */
import { z } from 'zod';
import {
  enumeration,
  mentoringForms,
  participationRoles,
  yearBases,
  partnerKinds,
  personCategories,
  teacherGroups,
  type Enumeration,
} from '../enums.js';

/**
 * Contingent metric codes the computed KPIs read. A road map's own table keeps its codes («1», «2.3»);
 * these are the ones a curator enters when the road map has no contingent table.
 */
export const contingentMetrics: Enumeration<
  | 'pupils_total'
  | 'pupils_10_18'
  | 'pupils_15_18'
  | 'teachers_total'
  | 'young_teachers_0_3'
  | 'enterprises_total'
> = enumeration({
  pupils_total: 'Численность обучающихся',
  pupils_10_18: 'Численность обучающихся в возрасте от 10 до 18 лет',
  pupils_15_18: 'Численность обучающихся в возрасте от 15 до 18 лет',
  teachers_total: 'Численность педагогических работников',
  young_teachers_0_3: 'Численность педагогов со стажем от 0 до 3 лет',
  enterprises_total: 'Количество предприятий и организаций территории',
});

const range = z
  .object({
    min: z.number().min(0).optional(),
    max: z.number().min(0).optional(),
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    error: 'Нижняя граница больше верхней',
  });
export type YearRange = z.infer<typeof range>;

export const populationSchema = z.object({
  categories: z.array(personCategories.schema).min(1, 'Укажите хотя бы одну категорию участников'),
  /** Full years of age on the reference date (the start of the year); both ends included. */
  ageYears: range.optional(),
  /** Teaching experience in years; both ends included. */
  experienceYears: range.optional(),
  teacherGroups: z.array(teacherGroups.schema).min(1).optional(),
});
export type Population = z.infer<typeof populationSchema>;

const metricCode = z.string().trim().min(1).max(40);

export const denominatorSchema = z.discriminatedUnion('source', [
  /** The sum of these metrics in the organisation's latest contingent snapshot of the year. */
  z.object({ source: z.literal('contingent'), metricCodes: z.array(metricCode).min(1) }),
  /** Everyone of the population in the people base (consented or anonymised, not awaiting consent). */
  z.object({ source: z.literal('persons') }),
]);
export type Denominator = z.infer<typeof denominatorSchema>;

export const kpiDefinitionSchema = z.discriminatedUnion('kind', [
  /** People of the population who are mentors/mentees of an approved, running or completed pair. */
  z.object({
    kind: z.literal('participation'),
    yearBasis: yearBases.schema,
    population: populationSchema,
    role: participationRoles.schema,
    forms: z.array(mentoringForms.schema).min(1).optional(),
    denominator: denominatorSchema,
  }),
  /** Partners that provided mentors (a count, no denominator). */
  z.object({
    kind: z.literal('partners'),
    yearBasis: yearBases.schema,
    partnerKinds: z.array(partnerKinds.schema).min(1).optional(),
  }),
  /**
   * Respondents of satisfaction questionnaires for this audience whose answer to `questionCode` is at
   * least `threshold`, over all respondents (a person counts once, by their latest answer of the year).
   */
  z.object({
    kind: z.literal('satisfaction'),
    yearBasis: yearBases.schema,
    audience: z.enum(['mentee', 'mentor']),
    questionCode: z.string().regex(/^[a-z0-9_]+$/, 'код вопроса: латиница, цифры и «_»'),
    threshold: z.number(),
  }),
  z.object({ kind: z.literal('manual'), reason: z.string().min(1) }),
]);
export type KpiDefinition = z.infer<typeof kpiDefinitionSchema>;
export type ComputedKpiDefinition = Exclude<KpiDefinition, { kind: 'manual' }>;

export const isComputed = (d: KpiDefinition): d is ComputedKpiDefinition => d.kind !== 'manual';

/**
 * The question the standard end-of-programme questionnaire asks («Насколько вы удовлетворены участием в
 * программе в целом?», 1–10), and what counts as satisfied: the seed road maps' satisfaction KPIs and the
 * standard set read it, so the questionnaires a school is given feed its KPIs.
 */
export const SATISFACTION_QUESTION = 'overall';
export const SATISFIED_FROM = 8;

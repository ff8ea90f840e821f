/**
 * An imported KPI's title and formula, read as a computable definition: the road maps say what they
 * count in words («доля детей в возрасте от 10 до 18 лет … в роли наставляемого», «охват программами
 * наставничества: педагогических работников»). What is not recognised stays manual with the reason.
 */
import type { ParticipationRole, PersonCategory, YearBasis } from '../enums.js';
import type { ContingentSnapshotDraft, KpiIndicatorDraft } from '../roadmap/schema.js';
import { fold } from '../roadmap/text.js';
import { SATISFACTION_QUESTION, SATISFIED_FROM, type KpiDefinition } from './definition.js';

export interface RecogniseContext {
  academicYear: boolean;
  /** The road map's contingent tables: their metric codes become the denominators they hold. */
  contingent: readonly ContingentSnapshotDraft[];
}

const PUPILS: PersonCategory[] = ['pupil', 'student'];
const TEACHERS: PersonCategory[] = ['teacher', 'young_specialist'];

/** The code of the contingent metric whose label starts like this, in the road map's own table. */
function contingentCode(context: RecogniseContext, label: RegExp): string | undefined {
  for (const snapshot of context.contingent) {
    const metric = snapshot.metrics.find((m) => label.test(fold(m.label)));
    if (metric?.code) return metric.code;
  }
  return undefined;
}

function roleOf(text: string): ParticipationRole {
  if (/в роли наставляем|наставляемых|наставляемого/.test(text)) return 'mentee';
  if (text.includes('в роли наставник')) return 'mentor';
  return 'any';
}

export function recogniseKpi(kpi: KpiIndicatorDraft, context: RecogniseContext): KpiDefinition {
  const yearBasis: YearBasis = context.academicYear ? 'academic' : 'calendar';
  const text = fold(`${kpi.title} ${kpi.formula ?? ''}`);

  if (text.includes('удовлетвор')) {
    const audience = text.includes('удовлетворенности наставляемых')
      ? 'mentee'
      : text.includes('удовлетворенности наставников')
        ? 'mentor'
        : null;
    if (!audience) return { kind: 'manual', reason: 'Не указано, чья удовлетворённость измеряется' };
    return {
      kind: 'satisfaction',
      yearBasis,
      audience,
      questionCode: SATISFACTION_QUESTION,
      threshold: SATISFIED_FROM,
    };
  }
  if (/предприяти|работодател/.test(text) && text.includes('наставник')) {
    return { kind: 'partners', yearBasis, partnerKinds: ['employer'] };
  }
  const ages = /в возрасте от (\d{1,2}) до (\d{1,2}) лет/.exec(text);
  if (ages) {
    const [min, max] = [Number(ages[1]), Number(ages[2])];
    return {
      kind: 'participation',
      yearBasis,
      population: { categories: PUPILS, ageYears: { min, max } },
      role: roleOf(text),
      denominator: { source: 'contingent', metricCodes: [`pupils_${min}_${max}`] },
    };
  }
  const experience = /(?:опытом работы|стажем) от (\d{1,2}) до (\d{1,2}) лет/.exec(text);
  if (experience && /учител|педагог|молод/.test(text)) {
    const [min, max] = [Number(experience[1]), Number(experience[2])];
    return {
      kind: 'participation',
      yearBasis,
      population: { categories: TEACHERS, experienceYears: { min, max } },
      role: roleOf(text),
      denominator: {
        source: 'contingent',
        metricCodes: [
          contingentCode(context, /^численность педагогов со стажем до 3 лет/) ??
            `young_teachers_${min}_${max}`,
        ],
      },
    };
  }
  if (text.includes('охват') && /педагогическ|учител|преподавател/.test(text)) {
    return {
      kind: 'participation',
      yearBasis,
      population: { categories: TEACHERS },
      role: 'any',
      denominator: {
        source: 'contingent',
        metricCodes: [contingentCode(context, /^численность педагогических работников/) ?? 'teachers_total'],
      },
    };
  }
  if (text.includes('охват') && /обучающ|учащ|студент/.test(text)) {
    return {
      kind: 'participation',
      yearBasis,
      population: { categories: PUPILS },
      role: 'any',
      denominator: {
        source: 'contingent',
        metricCodes: [contingentCode(context, /^численность обучающихся(,|$)/) ?? 'pupils_total'],
      },
    };
  }
  return {
    kind: 'manual',
    reason: 'Формула не распознана: кого и среди кого считать, не указано в терминах базы участников',
  };
}

/**
 * The figures the public «Показатели» page shows: each KPI of the organisation's set (its own, else its
 * nearest parent's, else the target model's) per year of its plan, with the value computed from the data
 * for every year already begun, rolled up over the organisation's subtree, the numbers behind it and its
 * status. Aggregates only: counts of people, never a person.
 */
import {
  isComputed,
  type KpiDefinition,
  type KpiStatus,
  type TargetBound,
  type YearBasis,
} from '@nastavnik/shared';
import { currentVersion } from '../public-site/cache.js';
import { organisations } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';
import { computeSet, kpiRowOf, todayUtc } from './report.js';

/** Years of a plan shown at most: a road map runs for a few years. */
const MAX_YEARS = 8;

export interface PublicKpiYear {
  year: number;
  /** «2025» or «2025/26 учебный год». */
  label: string;
  target: number | null;
  bound: TargetBound | null;
  /** Null before the year begins or without the numbers to compute it. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: KpiStatus | null;
  started: boolean;
}

export interface PublicKpi {
  /** The indicator's document id; the code for the standard set. */
  key: string;
  indicator: string | null;
  code: string | null;
  title: string;
  unit: string;
  kind: KpiDefinition['kind'];
  years: PublicKpiYear[];
}

export interface PublicKpis {
  /** Whose set this is: the organisation's own, a parent's, or the target model's standard one. */
  source: 'own' | 'parent' | 'standard';
  currentYear: number;
  kpis: PublicKpi[];
}

const basisOf = (d: KpiDefinition): YearBasis => (isComputed(d) ? d.yearBasis : 'calendar');

const yearLabel = (year: number, basis: YearBasis) =>
  basis === 'academic' ? `${year}/${String((year + 1) % 100).padStart(2, '0')} учебный год` : String(year);

let version = '';
const computing = new Map<string, Promise<PublicKpis | null>>();

/**
 * The figures of the current data version: computed once per organisation and data version however many
 * visitors ask at once (a region's roll-up reads every person of its tree), again after the next write.
 */
export async function publicKpis(strapi: Strapi, organisation: string): Promise<PublicKpis | null> {
  const now = await currentVersion(strapi);
  if (now !== version) {
    computing.clear();
    version = now;
  }
  // Statuses depend on the day too.
  const key = `${organisation}:${todayUtc()}`;
  let found = computing.get(key);
  if (!found) {
    found = computePublicKpis(strapi, organisation);
    // A failed computation is not kept; the next visitor tries again.
    found.catch(() => computing.delete(key));
    if (computing.size < 2000) computing.set(key, found);
  }
  return found;
}

/** The organisation's KPI values per year, one roll-up query per year shown; null for an unknown organisation. */
export async function computePublicKpis(
  strapi: Strapi,
  organisation: string,
  today = todayUtc(),
): Promise<PublicKpis | null> {
  const node = (await organisations(strapi)).get(organisation);
  if (!node) return null;
  const currentYear = Number(today.slice(0, 4));
  // The set and its plan years first (the year only chooses the windows, not the set).
  const base = await computeSet(strapi, node, currentYear, today, true);
  const planned = new Set<number>([currentYear]);
  // Before September the academic year in progress began the year before.
  if (today.slice(5) < '09-01' && base.specs.some((s) => basisOf(s.definition) === 'academic'))
    planned.add(currentYear - 1);
  for (const { spec } of base.items) for (const t of spec.targets) planned.add(t.year);
  const years = [...planned].sort((a, b) => a - b).slice(-MAX_YEARS);
  const sets = new Map([[currentYear, base]]);
  for (const year of years) {
    if (sets.has(year) || `${year}-01-01` > today) continue;
    sets.set(year, await computeSet(strapi, node, year, today, true));
  }
  const kpis = base.items.map(({ spec }, i): PublicKpi => {
    const basis = basisOf(spec.definition);
    return {
      key: spec.indicator ?? `standard-${spec.code ?? i}`,
      indicator: spec.indicator,
      code: spec.code,
      title: spec.title,
      unit: spec.unit,
      kind: spec.definition.kind,
      years: years.map((year) => {
        const set = sets.get(year);
        const item = set?.items[i];
        const started = item ? item.window.start <= today : false;
        const row =
          set && item && started ? kpiRowOf(item, set.byOrganisation.get(node.id), i, today) : undefined;
        const target = spec.targets.find((t) => t.year === year);
        const counted = row && row.kind !== 'manual';
        return {
          year,
          label: yearLabel(year, basis),
          target: target ? Number(target.value) : null,
          bound: target ? (target.bound ?? 'exact') : null,
          value: row?.rollup.value ?? null,
          numerator: counted ? row.rollup.numerator : null,
          denominator: counted ? row.rollup.denominator : null,
          status: row?.rollup.status ?? null,
          started,
        };
      }),
    };
  });
  const own = base.specs.some((s) => s.indicator) && !base.standardSet;
  const inherited = own && (await ownIndicatorCount(strapi, node.id)) === 0;
  return {
    source: base.standardSet ? 'standard' : inherited ? 'parent' : 'own',
    currentYear,
    kpis,
  };
}

async function ownIndicatorCount(strapi: Strapi, organisationId: number): Promise<number> {
  return strapi.db
    .query('plugin::nastavnik.kpi-indicator')
    .count({ where: { organisation: { id: organisationId } } });
}

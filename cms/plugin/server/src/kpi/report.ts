/**
 * An organisation's KPI values for one year, own and rolled up over its subtree: its road maps' KPIs
 * (else the nearest parent's, else the target model's standard set) computed by one SQL query (`sql.ts`), each with
 * the numbers behind it, its target and status. Who may ask: any signed-in user for an organisation in
 * their scope; the numbers hold no person.
 */
import { errors } from '@strapi/utils';
import {
  isComputed,
  kpiDefinitionSchema,
  kpiReportRequestSchema,
  kpiStatus,
  kpiValue,
  standardKpis,
  yearWindow,
  type KpiDefinition,
  type KpiFigures,
  type KpiReport,
  type KpiRow,
  type TargetBound,
  type YearBasis,
} from '@nastavnik/shared';
import { currentActor } from '../tenancy/actor.js';
import { ancestorsOf, organisations, type OrganisationNode } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';
import { kpiRollup, type KpiQueryItem, type OrgKpiRow } from './sql.js';

const KPI = 'plugin::nastavnik.kpi-indicator';
const ORG = 'plugin::nastavnik.organisation';

interface YearlyValue {
  year: number;
  value: number | string;
  bound?: TargetBound | null;
}

export interface IndicatorSpec {
  indicator: string | null;
  code: string | null;
  title: string;
  unit: string;
  definition: KpiDefinition;
  targets: YearlyValue[];
  actuals: YearlyValue[];
}

/** The organisation's KPIs from its current road maps (archived versions left out), in their order. */
async function indicatorsOf(strapi: Strapi, organisation: string): Promise<IndicatorSpec[]> {
  const rows = (await strapi.db.query(KPI).findMany({
    where: { organisation: { documentId: organisation } },
    select: ['documentId', 'code', 'title', 'unit', 'definition', 'order'],
    populate: { targets: true, actuals: true, roadmap: { select: ['roadmapState'] } },
    orderBy: [{ order: 'asc' }, { id: 'asc' }],
  })) as Array<{
    documentId: string;
    code: string | null;
    title: string;
    unit: string | null;
    definition: unknown;
    targets?: YearlyValue[];
    actuals?: YearlyValue[];
    roadmap?: { roadmapState?: string | null } | null;
  }>;
  return rows
    .filter((r) => r.roadmap?.roadmapState !== 'archived')
    .map((r) => {
      const parsed = kpiDefinitionSchema.safeParse(r.definition);
      return {
        indicator: r.documentId,
        code: r.code,
        title: r.title,
        unit: r.unit ?? '',
        definition: parsed.success
          ? parsed.data
          : { kind: 'manual', reason: 'Способ вычисления не задан: значение вводится вручную' },
        targets: r.targets ?? [],
        actuals: r.actuals ?? [],
      };
    });
}

const standardSpecs = (): IndicatorSpec[] =>
  standardKpis.map((k) => ({ indicator: null, ...k, targets: [], actuals: [] }));

/** The year in progress on `today`: an academic year starts on 1 September. */
function currentYear(basis: YearBasis, today: string): number {
  const year = Number(today.slice(0, 4));
  return basis === 'academic' && today.slice(5) < '09-01' ? year - 1 : year;
}

const basisOf = (d: KpiDefinition): YearBasis => (isComputed(d) ? d.yearBasis : 'calendar');

/** Check the caller and the organisation; answers the organisation's tree node. */
export async function authoriseOrganisation(strapi: Strapi, organisation: string): Promise<OrganisationNode> {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
  const node = (await organisations(strapi)).get(organisation);
  if (!node) throw new errors.NotFoundError(`Организация ${organisation} не найдена.`);
  if (actor.kind === 'user' && !actor.scope.has(organisation)) {
    throw new errors.ForbiddenError('Эта организация вне вашей зоны доступа: показатели недоступны.');
  }
  return node;
}

export function parseRequest(input: unknown) {
  const parsed = kpiReportRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new errors.ValidationError(`${issue?.path.join('.') || 'запрос'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

export interface ComputedSet {
  specs: IndicatorSpec[];
  standardSet: boolean;
  items: Array<{ spec: IndicatorSpec; year: number; window: { start: string; end: string } }>;
  /** Every organisation of the subtree with each spec's numbers, in the order of `specs`. */
  byOrganisation: Map<number, OrgKpiRow>;
}

/** The organisation's KPI set computed for `year` over its subtree (one query). */
export async function computeSet(
  strapi: Strapi,
  node: OrganisationNode,
  year: number | undefined,
  today: string,
  onlyRoot = false,
): Promise<ComputedSet> {
  // A school without KPIs of its own is measured by its municipality's or region's set.
  let own: IndicatorSpec[] = [];
  for (const documentId of await ancestorsOf(strapi, node.documentId)) {
    own = await indicatorsOf(strapi, documentId);
    if (own.length) break;
  }
  const specs = own.length ? own : standardSpecs();
  const items = specs.map((spec) => {
    const basis = basisOf(spec.definition);
    const y = year ?? currentYear(basis, today);
    return { spec, year: y, window: yearWindow(y, basis) };
  });
  const computed: KpiQueryItem[] = [];
  for (const { spec, window } of items) {
    if (isComputed(spec.definition)) computed.push({ definition: spec.definition, window });
  }
  const rows = await kpiRollup(strapi, node.id, computed, onlyRoot);
  // Manual KPIs have no numbers in the query: put them back in the specs' order.
  const byOrganisation = new Map<number, OrgKpiRow>();
  for (const row of rows) {
    let next = 0;
    const own: OrgKpiRow['own'] = [];
    const rollup: OrgKpiRow['rollup'] = [];
    for (const spec of specs) {
      if (isComputed(spec.definition)) {
        const i = next++;
        own.push(row.own[i] ?? { numerator: 0, denominator: null });
        rollup.push(row.rollup[i] ?? { numerator: 0, denominator: null, withoutDenominator: 0 });
      } else {
        own.push({ numerator: 0, denominator: null });
        rollup.push({ numerator: 0, denominator: null, withoutDenominator: 0 });
      }
    }
    byOrganisation.set(row.organisationId, { ...row, own, rollup });
  }
  return { specs, standardSet: !own.length, items, byOrganisation };
}

const numberOr = (v: number | string | undefined) => (v === undefined ? null : Number(v));

/** One KPI row of the report from its numbers. */
export function kpiRowOf(
  item: ComputedSet['items'][number],
  figures: OrgKpiRow | undefined,
  index: number,
  today: string,
): KpiRow {
  const { spec, year, window } = item;
  const targetRow = spec.targets.find((t) => t.year === year);
  const target = targetRow
    ? { value: Number(targetRow.value), bound: targetRow.bound ?? 'exact' }
    : undefined;
  const manualValue = numberOr(spec.actuals.find((a) => a.year === year)?.value);
  const figuresOf = (n: { numerator: number; denominator: number | null }): KpiFigures => {
    const value =
      spec.definition.kind === 'manual'
        ? manualValue
        : spec.definition.kind === 'partners'
          ? n.numerator
          : kpiValue(n.numerator, n.denominator);
    return { ...n, value, status: kpiStatus(value, target, window, today) };
  };
  const own = figures?.own[index] ?? { numerator: 0, denominator: null };
  const rollup = figures?.rollup[index] ?? { numerator: 0, denominator: null, withoutDenominator: 0 };
  return {
    indicator: spec.indicator,
    code: spec.code,
    title: spec.title,
    unit: spec.unit,
    kind: spec.definition.kind,
    manualReason: spec.definition.kind === 'manual' ? spec.definition.reason : null,
    windowStart: window.start,
    windowEnd: window.end,
    target: target?.value ?? null,
    bound: target?.bound ?? null,
    manualValue,
    own: figuresOf(own),
    rollup: {
      ...figuresOf(rollup),
      organisations: figures?.organisations ?? 1,
      withoutDenominator: rollup.withoutDenominator,
    },
  };
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export async function kpiReport(strapi: Strapi, input: unknown, today = todayUtc()): Promise<KpiReport> {
  const request = parseRequest(input);
  const node = await authoriseOrganisation(strapi, request.organisation);
  const set = await computeSet(strapi, node, request.year, today, true);
  const figures = set.byOrganisation.get(node.id);
  const org = (await strapi.db
    .query(ORG)
    .findOne({ where: { id: node.id }, select: ['name', 'shortName'] })) as {
    name: string;
    shortName: string | null;
  } | null;
  return {
    organisation: node.documentId,
    organisationName: org?.shortName ?? org?.name ?? '',
    year: request.year ?? set.items[0]?.year ?? Number(today.slice(0, 4)),
    today,
    standardSet: set.standardSet,
    rows: set.items.map((item, i) => kpiRowOf(item, figures, i, today)),
  };
}

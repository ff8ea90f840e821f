/**
 * KPI numerators and denominators for every organisation of a subtree, own and rolled up, in one SQL
 * query per KPI set: the subtree and its ancestor–descendant pairs come from a recursive CTE over the
 * organisations' parent links, each KPI adds one CTE of per-organisation counts, and the final SELECT
 * sums them per ancestor. A roll-up is the sum of numerators over the sum of denominators of the
 * organisations that have a denominator; schools without one are counted, not averaged in.
 *
 * Table and column names come from Strapi's metadata (link tables for every relation, component join
 * tables), so the same text runs on SQLite and PostgreSQL. Only the JSON access of questionnaire
 * answers differs between the two.
 */
import {
  birthBounds,
  supervisingKinds,
  type ComputedKpiDefinition,
  type Population,
  type YearWindow,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';

const uid = (name: string) => `plugin::nastavnik.${name}`;

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

interface AttributeMeta {
  columnName?: string;
  joinTable?: JoinTableMeta;
}

function meta(strapi: Strapi, type: string) {
  return strapi.db.metadata.get(type) as unknown as {
    tableName: string;
    attributes: Record<string, AttributeMeta>;
  };
}

function table(strapi: Strapi, type: string) {
  const m = meta(strapi, type);
  return {
    name: m.tableName,
    column(field: string): string {
      const column = m.attributes[field]?.columnName;
      if (!column) throw new Error(`${type}.${field} has no column`);
      return column;
    },
    /** A relation's link table: `own` holds this type's row id, `other` the target's. */
    link(field: string) {
      const join = m.attributes[field]?.joinTable;
      if (!join) throw new Error(`${type}.${field} has no join table`);
      return { name: join.name, own: join.joinColumn.name, other: join.inverseJoinColumn.name };
    },
  };
}

/** The schema's tables as the KPI query reads them. */
export function schemaOf(strapi: Strapi) {
  const org = table(strapi, uid('organisation'));
  const person = table(strapi, uid('person'));
  const pair = table(strapi, uid('pair'));
  const programme = table(strapi, uid('programme'));
  const snapshot = table(strapi, uid('contingent-snapshot'));
  const metric = table(strapi, 'nastavnik.metric');
  const partner = table(strapi, uid('partner'));
  const response = table(strapi, uid('questionnaire-response'));
  const questionnaire = table(strapi, uid('questionnaire'));
  return {
    org: { name: org.name, kind: org.column('kind'), parent: org.link('parent') },
    person: {
      name: person.name,
      fullName: person.column('fullName'),
      classOrGroup: person.column('classOrGroup'),
      category: person.column('category'),
      birthDate: person.column('birthDate'),
      birthYear: person.column('birthYear'),
      experience: person.column('teachingExperienceYears'),
      teacherGroup: person.column('teacherGroup'),
      awaitingConsent: person.column('awaitingConsent'),
      isMentor: person.column('isMentor'),
      isMentee: person.column('isMentee'),
      org: person.link('organisation'),
    },
    pair: {
      name: pair.name,
      status: pair.column('pairStatus'),
      form: pair.column('form'),
      kind: pair.column('kind'),
      approvalDate: pair.column('approvalOrderDate'),
      mentors: pair.link('mentors'),
      mentees: pair.link('mentees'),
      programme: pair.link('programme'),
    },
    programme: {
      name: programme.name,
      start: programme.column('periodStart'),
      end: programme.column('periodEnd'),
    },
    snapshot: {
      name: snapshot.name,
      date: snapshot.column('date'),
      kind: snapshot.column('snapshotKind'),
      org: snapshot.link('organisation'),
      metrics: meta(strapi, uid('contingent-snapshot')).attributes.metrics?.joinTable,
    },
    metric: { name: metric.name, code: metric.column('code'), value: metric.column('value') },
    partner: {
      name: partner.name,
      kind: partner.column('kind'),
      provided: partner.column('mentorsProvided'),
      org: partner.link('organisation'),
    },
    response: {
      name: response.name,
      answers: response.column('answers'),
      submittedAt: response.column('submittedAt'),
      org: response.link('organisation'),
      person: response.link('person'),
      questionnaire: response.link('questionnaire'),
    },
    questionnaire: {
      name: questionnaire.name,
      purpose: questionnaire.column('purpose'),
      audience: questionnaire.column('audience'),
    },
  };
}
export type Schema = ReturnType<typeof schemaOf>;

/** A typed null: PostgreSQL types a bare NULL of a CTE as text, which SUM refuses. */
const NO_NUMBER = 'CAST(NULL AS INTEGER)';

/** Pairs that count as taking part: approved by order, working, or finished. */
export const TAKING_PART = ['approved', 'active', 'completed'];

/** SQL text with its `?` bindings, built piece by piece in order. */
export class Sql {
  text = '';
  bindings: unknown[] = [];
  add(text: string, ...bindings: unknown[]): this {
    this.text += text;
    this.bindings.push(...bindings);
    return this;
  }
  list(values: readonly unknown[]): string {
    this.bindings.push(...values);
    return values.map(() => '?').join(', ');
  }
}

function populationWhere(sql: Sql, s: Schema, p: Population, window: YearWindow) {
  const t = 'p';
  sql.add(` AND ${t}.${s.person.awaitingConsent} IS NOT TRUE`);
  sql.add(` AND ${t}.${s.person.category} IN (${sql.list(p.categories)})`);
  if (p.ageYears) {
    const b = birthBounds(window.start, p.ageYears);
    const byDate: string[] = [];
    const byYear: string[] = [];
    const dateBindings: unknown[] = [];
    const yearBindings: unknown[] = [];
    if (b.bornOnOrBefore) {
      byDate.push(`${t}.${s.person.birthDate} <= ?`);
      dateBindings.push(b.bornOnOrBefore);
      byYear.push(`${t}.${s.person.birthYear} <= ?`);
      yearBindings.push(b.birthYearMax);
    }
    if (b.bornOnOrAfter) {
      byDate.push(`${t}.${s.person.birthDate} >= ?`);
      dateBindings.push(b.bornOnOrAfter);
      byYear.push(`${t}.${s.person.birthYear} >= ?`);
      yearBindings.push(b.birthYearMin);
    }
    // Without a birth date (withdrawn consent clears it) the birth year places the person.
    sql.add(
      ` AND ((${t}.${s.person.birthDate} IS NOT NULL AND ${byDate.join(' AND ')})` +
        ` OR (${t}.${s.person.birthDate} IS NULL AND ${byYear.join(' AND ')}))`,
      ...dateBindings,
      ...yearBindings,
    );
  }
  if (p.experienceYears) {
    if (p.experienceYears.min !== undefined)
      sql.add(` AND ${t}.${s.person.experience} >= ?`, p.experienceYears.min);
    if (p.experienceYears.max !== undefined)
      sql.add(` AND ${t}.${s.person.experience} <= ?`, p.experienceYears.max);
  }
  if (p.teacherGroups) sql.add(` AND ${t}.${s.person.teacherGroup} IN (${sql.list(p.teacherGroups)})`);
}

/** The conditions (on `pr`) of a pair taking part in the window: status, approval date, programme period. */
export function pairTakesPart(sql: Sql, s: Schema, window: YearWindow) {
  const pg = s.programme;
  sql.add(
    ` pr.${s.pair.status} IN (${sql.list(TAKING_PART)})` +
      ` AND (pr.${s.pair.approvalDate} IS NULL OR pr.${s.pair.approvalDate} <= ?)`,
    window.end,
  );
  // A pair of a programme that ran entirely outside the year did not take part in it.
  sql.add(
    ` AND NOT EXISTS (SELECT 1 FROM ${s.pair.programme.name} pl JOIN ${pg.name} g ON g.id = pl.${s.pair.programme.other}` +
      ` WHERE pl.${s.pair.programme.own} = pr.id AND (g.${pg.start} > ? OR g.${pg.end} < ?))`,
    window.end,
    window.start,
  );
}

/**
 * Person ids (`person_id`, and `columns` of the pair `pr`) who are mentors or mentees (by `link`) of a
 * pair taking part in the window.
 */
export function participantsOf(
  sql: Sql,
  s: Schema,
  link: { name: string; own: string; other: string },
  forms: readonly string[] | undefined,
  window: YearWindow,
  columns = '',
) {
  sql.add(
    `SELECT l.${link.other} AS person_id${columns} FROM ${link.name} l JOIN ${s.pair.name} pr ON pr.id = l.${link.own} WHERE`,
  );
  pairTakesPart(sql, s, window);
  if (forms) sql.add(` AND pr.${s.pair.form} IN (${sql.list(forms)})`);
}

/** The CTE of one KPI: `org`, `n` (numerator) and `d` (denominator, null when none applies). */
function kpiCte(sql: Sql, s: Schema, k: ComputedKpiDefinition, window: YearWindow, client: string) {
  const po = s.person.org;
  switch (k.kind) {
    case 'participation': {
      sql.add(
        `SELECT po.${po.other} AS org, COUNT(DISTINCT p.id) AS n, ${NO_NUMBER} AS d FROM ${s.person.name} p`,
      );
      sql.add(` JOIN ${po.name} po ON po.${po.own} = p.id JOIN sub ON sub.id = po.${po.other}`);
      sql.add(' JOIN (');
      if (k.role !== 'mentor') participantsOf(sql, s, s.pair.mentees, k.forms, window);
      if (k.role === 'any') sql.add(' UNION ');
      if (k.role !== 'mentee') participantsOf(sql, s, s.pair.mentors, k.forms, window);
      sql.add(') part ON part.person_id = p.id WHERE 1 = 1');
      populationWhere(sql, s, k.population, window);
      sql.add(` GROUP BY po.${po.other}`);
      // The denominator in the same CTE: a second branch of the union, summed per organisation below.
      sql.add(' UNION ALL ');
      if (k.denominator.source === 'persons') {
        sql.add(`SELECT po.${po.other} AS org, 0 AS n, COUNT(p.id) AS d FROM ${s.person.name} p`);
        sql.add(` JOIN ${po.name} po ON po.${po.own} = p.id JOIN sub ON sub.id = po.${po.other} WHERE 1 = 1`);
        populationWhere(sql, s, k.population, window);
        sql.add(` GROUP BY po.${po.other}`);
      } else {
        contingentDenominator(sql, s, k.denominator.metricCodes, window);
      }
      return;
    }
    case 'partners': {
      const pa = s.partner;
      sql.add(
        `SELECT pl.${pa.org.other} AS org, COUNT(*) AS n, ${NO_NUMBER} AS d FROM ${pa.name} x` +
          ` JOIN ${pa.org.name} pl ON pl.${pa.org.own} = x.id JOIN sub ON sub.id = pl.${pa.org.other}` +
          ` WHERE x.${pa.provided} > 0`,
      );
      if (k.partnerKinds) sql.add(` AND x.${pa.kind} IN (${sql.list(k.partnerKinds)})`);
      sql.add(` GROUP BY pl.${pa.org.other}`);
      return;
    }
    case 'satisfaction': {
      const answered = latestAnswers(s, client, k.audience, k.questionCode, window);
      sql.add(
        `SELECT org, SUM(CASE WHEN score >= ? THEN 1 ELSE 0 END) AS n, COUNT(*) AS d FROM (${answered.text})` +
          ` answered WHERE rn = 1 AND score IS NOT NULL GROUP BY org`,
        k.threshold,
        ...answered.bindings,
      );
      return;
    }
  }
}

/**
 * Satisfaction answers of the window in the subtree (`org`, `person`, `score`, `rn`): `rn = 1` is each
 * respondent's latest answer to the question; a questionnaire for everyone counts for whoever takes part
 * in that role.
 */
export function latestAnswers(
  s: Schema,
  client: string,
  audience: 'mentee' | 'mentor',
  questionCode: string,
  window: YearWindow,
) {
  const r = s.response;
  const q = s.questionnaire;
  const roleFlag = audience === 'mentee' ? s.person.isMentee : s.person.isMentor;
  const path = client === 'postgres' ? questionCode : `$.${questionCode}`;
  const numeric =
    client === 'postgres'
      ? `CASE WHEN jsonb_typeof(x.${r.answers}::jsonb -> CAST(? AS TEXT)) = 'number' THEN (x.${r.answers}::jsonb ->> CAST(? AS TEXT))::numeric END`
      : `CASE WHEN json_type(x.${r.answers}, ?) IN ('integer', 'real') THEN json_extract(x.${r.answers}, ?) END`;
  const end = new Date(`${window.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  // The latest answer among those that answer this question: a later questionnaire of the same purpose
  // without it (the standard start and end ones ask other questions) does not hide an earlier answer.
  return {
    text:
      'SELECT org, person, score, ROW_NUMBER() OVER (PARTITION BY COALESCE(person, -rid) ORDER BY at DESC, rid DESC) AS rn FROM (' +
      `SELECT rl.${r.org.other} AS org, rp.${r.person.other} AS person, ${numeric} AS score, x.id AS rid, x.${r.submittedAt} AS at` +
      ` FROM ${r.name} x JOIN ${r.org.name} rl ON rl.${r.org.own} = x.id JOIN sub ON sub.id = rl.${r.org.other}` +
      ` JOIN ${r.questionnaire.name} ql ON ql.${r.questionnaire.own} = x.id` +
      ` JOIN ${q.name} q ON q.id = ql.${r.questionnaire.other}` +
      ` LEFT JOIN ${r.person.name} rp ON rp.${r.person.own} = x.id` +
      ` LEFT JOIN ${s.person.name} p ON p.id = rp.${r.person.other}` +
      ` WHERE q.${q.purpose} = 'satisfaction' AND x.${r.submittedAt} >= ? AND x.${r.submittedAt} < ?` +
      ` AND (q.${q.audience} = ? OR (q.${q.audience} = 'all' AND p.${roleFlag} IS TRUE))` +
      ') answers WHERE score IS NOT NULL',
    bindings: [path, path, new Date(`${window.start}T00:00:00Z`), end, audience] as unknown[],
  };
}

/**
 * The sum of the metrics in the organisation's latest snapshot dated within the year's end: facts before
 * forecasts, a later date before an earlier one.
 */
function contingentDenominator(sql: Sql, s: Schema, codes: readonly string[], window: YearWindow) {
  const sn = s.snapshot;
  const cmps = sn.metrics;
  if (!cmps) throw new Error('contingent-snapshot.metrics has no join table');
  sql.add(
    `SELECT latest.org AS org, 0 AS n, SUM(m.${s.metric.value}) AS d FROM (` +
      `SELECT sl.${sn.org.other} AS org, x.id AS snapshot, ROW_NUMBER() OVER (PARTITION BY sl.${sn.org.other}` +
      ` ORDER BY CASE WHEN x.${sn.kind} = 'fact' THEN 0 ELSE 1 END, x.${sn.date} DESC, x.id DESC) AS rn` +
      ` FROM ${sn.name} x JOIN ${sn.org.name} sl ON sl.${sn.org.own} = x.id JOIN sub ON sub.id = sl.${sn.org.other}` +
      ` WHERE x.${sn.date} <= ?` +
      `) latest JOIN ${cmps.name} c ON c.${cmps.joinColumn.name} = latest.snapshot AND c.field = 'metrics'` +
      ` JOIN ${s.metric.name} m ON m.id = c.${cmps.inverseJoinColumn.name}` +
      ` WHERE latest.rn = 1`,
    window.end,
  );
  sql.add(` AND m.${s.metric.code} IN (${sql.list(codes)}) GROUP BY latest.org`);
}

/** `WITH RECURSIVE sub(id)`: the organisation and everything below it; UNION stops on a cycle in bad data. */
export function subtreeCte(sql: Sql, s: Schema, rootId: number) {
  const parent = s.org.parent;
  sql.add(
    `WITH RECURSIVE sub(id) AS (SELECT id FROM ${s.org.name} WHERE id = ?` +
      ` UNION SELECT l.${parent.own} FROM ${parent.name} l JOIN sub ON l.${parent.other} = sub.id)`,
    rootId,
  );
}

/** Rows of a raw query, whichever driver answered. */
export async function rawRows(strapi: Strapi, sql: Sql): Promise<Array<Record<string, unknown>>> {
  const result = (await strapi.db.connection.raw(sql.text, sql.bindings)) as
    Array<Record<string, unknown>> | { rows: Array<Record<string, unknown>> };
  return Array.isArray(result) ? result : result.rows;
}

export interface KpiQueryItem {
  definition: ComputedKpiDefinition;
  window: YearWindow;
}

export interface OrgFigures {
  numerator: number;
  denominator: number | null;
}

export interface OrgKpiRow {
  organisationId: number;
  /** Organisations of the subtree, itself included. */
  organisations: number;
  own: OrgFigures[];
  rollup: Array<OrgFigures & { withoutDenominator: number }>;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Every organisation of the subtree under `rootId` with each KPI's own and rolled-up numbers, in one
 * query. A KPI without a denominator (a count) reports its numerator and a null denominator.
 */
export async function kpiRollup(
  strapi: Strapi,
  rootId: number,
  items: readonly KpiQueryItem[],
  /** Only the root's row (its own and rolled-up numbers), not every organisation's. */
  onlyRoot = false,
): Promise<OrgKpiRow[]> {
  const s = schemaOf(strapi);
  const client = strapi.db.dialect.client;
  const parent = s.org.parent;
  const sql = new Sql();
  subtreeCte(sql, s, rootId);
  // Every (ancestor, descendant) pair inside the subtree, or only the root's.
  if (onlyRoot) sql.add(', closure(ancestor, org) AS (SELECT CAST(? AS INTEGER), id FROM sub)', rootId);
  else {
    sql.add(
      `, closure(ancestor, org) AS (SELECT id, id FROM sub` +
        ` UNION SELECT c.ancestor, l.${parent.own} FROM closure c JOIN ${parent.name} l ON l.${parent.other} = c.org)`,
    );
  }
  items.forEach((item, i) => {
    sql.add(`, k${i}_raw AS (`);
    kpiCte(sql, s, item.definition, item.window, client);
    // Numerator and denominator branches summed per organisation; a missing denominator stays null.
    sql.add(`), k${i} AS (SELECT org, SUM(n) AS n, SUM(d) AS d FROM k${i}_raw GROUP BY org)`);
  });
  const supervising = supervisingKinds;
  sql.add(' SELECT c.ancestor AS org, COUNT(*) AS orgs');
  items.forEach((item, i) => {
    const counted = item.definition.kind === 'partners';
    sql.add(
      `, SUM(CASE WHEN c.ancestor = c.org THEN COALESCE(k${i}.n, 0) ELSE 0 END) AS own_n${i}` +
        `, SUM(CASE WHEN c.ancestor = c.org THEN k${i}.d END) AS own_d${i}`,
    );
    if (counted) {
      sql.add(`, SUM(COALESCE(k${i}.n, 0)) AS n${i}, NULL AS d${i}, 0 AS miss${i}`);
    } else {
      sql.add(
        `, SUM(CASE WHEN k${i}.d IS NOT NULL THEN COALESCE(k${i}.n, 0) ELSE 0 END) AS n${i}` +
          `, SUM(k${i}.d) AS d${i}` +
          `, SUM(CASE WHEN k${i}.d IS NULL AND o.${s.org.kind} NOT IN (${sql.list(supervising)}) THEN 1 ELSE 0 END) AS miss${i}`,
      );
    }
  });
  sql.add(` FROM closure c JOIN ${s.org.name} o ON o.id = c.org`);
  items.forEach((_item, i) => sql.add(` LEFT JOIN k${i} ON k${i}.org = c.org`));
  sql.add(' GROUP BY c.ancestor');

  const rows = await rawRows(strapi, sql);
  return rows.map((row) => ({
    organisationId: Number(row.org),
    organisations: Number(row.orgs),
    own: items.map((item, i) => ({
      numerator: num(row[`own_n${i}`]) ?? 0,
      denominator: item.definition.kind === 'partners' ? null : num(row[`own_d${i}`]),
    })),
    rollup: items.map((item, i) => ({
      numerator: num(row[`n${i}`]) ?? 0,
      denominator: item.definition.kind === 'partners' ? null : num(row[`d${i}`]),
      withoutDenominator: num(row[`miss${i}`]) ?? 0,
    })),
  }));
}

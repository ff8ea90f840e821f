/**
 * Monitoring figures in SQL over a subtree: participant counts per organisation (one query, summed up
 * the tree here: they are aggregates, not documents), the impact of programmes from progress records
 * measured at the start and the end, and a school's own participant list for its curator.
 */
import {
  SATISFACTION_QUESTION,
  SATISFIED_FROM,
  birthBounds,
  bump,
  emptyCounts,
  mentoringForms,
  personCategories,
  type AgeBand,
  type FormSatisfactionRow,
  type ImpactRow,
  type MentoringForm,
  type PairKind,
  type ParticipantCounts,
  type ParticipantListRow,
  type PartnerKind,
  type PersonCategory,
  type YearWindow,
  satisfactionStageQuestions,
  type MenteeImpactRow,
  type ProgrammeImpactRow,
  type ProgrammeQuality,
  type QualityGroupRow,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import {
  latestAnswers,
  pairTakesPart,
  participantsOf,
  rawRows,
  schemaOf,
  Sql,
  subtreeCte,
  type Schema,
} from './sql.js';

const uid = (name: string) => `plugin::nastavnik.${name}`;

/** CASE … END giving the age band on the window's first day (birth date, else birth year). */
function ageBandCase(sql: Sql, s: Schema, window: YearWindow): string {
  const b10 = birthBounds(window.start, { min: 10 });
  const b15 = birthBounds(window.start, { min: 15 });
  const b19 = birthBounds(window.start, { min: 19 });
  const date = `p.${s.person.birthDate}`;
  const year = `p.${s.person.birthYear}`;
  sql.bindings.push(
    b10.bornOnOrBefore,
    b15.bornOnOrBefore,
    b19.bornOnOrBefore,
    b10.birthYearMax,
    b15.birthYearMax,
    b19.birthYearMax,
  );
  return (
    `CASE WHEN ${date} IS NOT NULL THEN CASE WHEN ${date} > ? THEN 'under_10' WHEN ${date} > ? THEN '10_14'` +
    ` WHEN ${date} > ? THEN '15_18' ELSE 'over_18' END` +
    ` WHEN ${year} IS NOT NULL THEN CASE WHEN ${year} > ? THEN 'under_10' WHEN ${year} > ? THEN '10_14'` +
    ` WHEN ${year} > ? THEN '15_18' ELSE 'over_18' END ELSE 'unknown' END`
  );
}

/** Participations in the window as a derived table `part(person_id, role, form)`. */
function participations(sql: Sql, s: Schema, window: YearWindow) {
  sql.add('(');
  participantsOf(sql, s, s.pair.mentees, undefined, window, `, 'mentee' AS role, pr.${s.pair.form} AS form`);
  sql.add(' UNION ');
  participantsOf(sql, s, s.pair.mentors, undefined, window, `, 'mentor' AS role, pr.${s.pair.form} AS form`);
  sql.add(') part');
}

/** Every organisation of the subtree with its own counts (not rolled up), by row id. */
export async function participantCounts(
  strapi: Strapi,
  rootId: number,
  window: YearWindow,
): Promise<Map<number, ParticipantCounts>> {
  const s = schemaOf(strapi);
  const po = s.person.org;
  const sql = new Sql();
  subtreeCte(sql, s, rootId);
  const text = 'CAST(NULL AS VARCHAR(40))';
  // People by role, category and age band: each person once per role.
  sql.add(
    ` SELECT po.${po.other} AS org, 'person' AS dim, part.role AS role, p.${s.person.category} AS k1, `,
  );
  sql.add(ageBandCase(sql, s, window));
  sql.add(` AS k2, COUNT(DISTINCT p.id) AS n, 0 AS m FROM ${s.person.name} p`);
  sql.add(` JOIN ${po.name} po ON po.${po.own} = p.id JOIN sub ON sub.id = po.${po.other} JOIN `);
  participations(sql, s, window);
  sql.add(
    ` ON part.person_id = p.id WHERE p.${s.person.awaitingConsent} IS NOT TRUE GROUP BY po.${po.other}, part.role, p.${s.person.category}, k2`,
  );
  // People by role and form: a person in two forms counts under each.
  sql.add(` UNION ALL SELECT po.${po.other}, 'form', part.role, part.form, ${text}, COUNT(DISTINCT p.id), 0`);
  sql.add(
    ` FROM ${s.person.name} p JOIN ${po.name} po ON po.${po.own} = p.id JOIN sub ON sub.id = po.${po.other} JOIN `,
  );
  participations(sql, s, window);
  sql.add(
    ` ON part.person_id = p.id WHERE p.${s.person.awaitingConsent} IS NOT TRUE GROUP BY po.${po.other}, part.role, part.form`,
  );
  // Pairs by form and kind, counted where the pair belongs.
  const pol = uidLink(strapi, 'pair', 'organisation');
  sql.add(
    ` UNION ALL SELECT pol.${pol.other}, 'pair', ${text}, pr.${s.pair.form}, pr.${s.pair.kind}, COUNT(*), 0` +
      ` FROM ${s.pair.name} pr JOIN ${pol.name} pol ON pol.${pol.own} = pr.id JOIN sub ON sub.id = pol.${pol.other} WHERE`,
  );
  pairTakesPart(sql, s, window);
  sql.add(` GROUP BY pol.${pol.other}, pr.${s.pair.form}, pr.${s.pair.kind}`);
  // Partners that provided mentors.
  const pa = s.partner;
  sql.add(
    ` UNION ALL SELECT pl.${pa.org.other}, 'partner', ${text}, x.${pa.kind}, ${text}, COUNT(*), SUM(x.${pa.provided})` +
      ` FROM ${pa.name} x JOIN ${pa.org.name} pl ON pl.${pa.org.own} = x.id JOIN sub ON sub.id = pl.${pa.org.other}` +
      ` WHERE x.${pa.provided} > 0 GROUP BY pl.${pa.org.other}, x.${pa.kind}`,
  );
  const counts = new Map<number, ParticipantCounts>();
  for (const row of await rawRows(strapi, sql)) {
    const org = Number(row.org);
    let c = counts.get(org);
    if (!c) counts.set(org, (c = emptyCounts()));
    const n = Number(row.n);
    const role = row.role === 'mentor' ? 'mentor' : 'mentee';
    switch (row.dim) {
      case 'person':
        c.total[role] += n;
        bump(c.byCategory[role], row.k1 as PersonCategory, n);
        bump(c.byAge[role], row.k2 as AgeBand, n);
        break;
      case 'form':
        bump(c.byForm[role], row.k1 as MentoringForm, n);
        break;
      case 'pair':
        c.pairs += n;
        bump(c.pairsByForm, row.k1 as MentoringForm, n);
        bump(c.pairsByKind, row.k2 as PairKind, n);
        break;
      case 'partner':
        c.partners += n;
        bump(c.partnersByKind, row.k1 as PartnerKind, n);
        c.mentorsProvided += Number(row.m);
        break;
    }
  }
  return counts;
}

function uidLink(strapi: Strapi, type: string, field: string) {
  const join = (
    strapi.db.metadata.get(uid(type)) as unknown as {
      attributes: Record<
        string,
        { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }
      >;
    }
  ).attributes[field]?.joinTable;
  if (!join) throw new Error(`${type}.${field} has no join table`);
  return { name: join.name, own: join.joinColumn.name, other: join.inverseJoinColumn.name };
}

/**
 * Mentees measured at the start and at the end of their programme within the window, per metric: the
 * averages, and how many went up and down (each person's latest record of each moment).
 */
export async function impactRows(strapi: Strapi, rootId: number, window: YearWindow): Promise<ImpactRow[]> {
  const s = schemaOf(strapi);
  const meta = strapi.db.metadata.get(uid('progress-record')) as unknown as {
    tableName: string;
    attributes: Record<string, { columnName?: string }>;
  };
  const col = (field: string) => meta.attributes[field]?.columnName ?? field;
  const person = uidLink(strapi, 'progress-record', 'person');
  const org = uidLink(strapi, 'progress-record', 'organisation');
  const sql = new Sql();
  subtreeCte(sql, s, rootId);
  sql.add(
    `, rec AS (SELECT x.${col('metric')} AS metric, pl.${person.other} AS person, x.${col('moment')} AS moment,` +
      ` x.${col('value')} AS value, ROW_NUMBER() OVER (PARTITION BY pl.${person.other}, x.${col('metric')}, x.${col('moment')}` +
      ` ORDER BY x.${col('recordedAt')} DESC, x.id DESC) AS rn FROM ${meta.tableName} x` +
      ` JOIN ${person.name} pl ON pl.${person.own} = x.id JOIN ${org.name} ol ON ol.${org.own} = x.id` +
      ` JOIN sub ON sub.id = ol.${org.other} WHERE x.${col('moment')} IN ('start', 'end')` +
      ` AND (x.${col('recordedAt')} IS NULL OR (x.${col('recordedAt')} >= ? AND x.${col('recordedAt')} <= ?)))` +
      ` SELECT a.metric AS metric, COUNT(*) AS persons, AVG(a.value) AS start_avg, AVG(b.value) AS end_avg,` +
      ` SUM(CASE WHEN b.value > a.value THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN b.value < a.value THEN 1 ELSE 0 END) AS down` +
      ` FROM rec a JOIN rec b ON b.person = a.person AND b.metric = a.metric AND b.moment = 'end' AND b.rn = 1` +
      ` WHERE a.moment = 'start' AND a.rn = 1 GROUP BY a.metric ORDER BY a.metric`,
    window.start,
    window.end,
  );
  return (await rawRows(strapi, sql)).map((r) => ({
    metric: String(r.metric),
    persons: Number(r.persons),
    startAverage: Number(r.start_avg),
    endAverage: Number(r.end_avg),
    improved: Number(r.up),
    worsened: Number(r.down),
  }));
}

/** The organisation's own participants with their roles and forms (for its curator only). */
export async function participantList(
  strapi: Strapi,
  orgId: number,
  window: YearWindow,
): Promise<ParticipantListRow[]> {
  const s = schemaOf(strapi);
  const po = s.person.org;
  const sql = new Sql();
  sql.add(
    `SELECT p.id AS id, p.${s.person.fullName} AS name, p.${s.person.category} AS category, p.${s.person.classOrGroup} AS cls,` +
      ` part.role AS role, part.form AS form FROM ${s.person.name} p JOIN ${po.name} po ON po.${po.own} = p.id JOIN `,
  );
  participations(sql, s, window);
  sql.add(
    ` ON part.person_id = p.id WHERE po.${po.other} = ? AND p.${s.person.awaitingConsent} IS NOT TRUE ORDER BY p.${s.person.fullName}, p.id`,
    orgId,
  );
  const byPerson = new Map<number, { row: ParticipantListRow; roles: Set<string>; forms: Set<string> }>();
  for (const r of await rawRows(strapi, sql)) {
    const id = Number(r.id);
    let entry = byPerson.get(id);
    if (!entry) {
      const category = String(r.category) as PersonCategory;
      entry = {
        row: {
          fullName: String(r.name),
          category: personCategories.values.includes(category) ? personCategories.label(category) : category,
          role: '',
          classOrGroup: typeof r.cls === 'string' ? r.cls : '',
          forms: '',
        },
        roles: new Set(),
        forms: new Set(),
      };
      byPerson.set(id, entry);
    }
    entry.roles.add(r.role === 'mentor' ? 'наставник' : 'наставляемый');
    const form = String(r.form) as MentoringForm;
    entry.forms.add(mentoringForms.values.includes(form) ? mentoringForms.label(form) : form);
  }
  return [...byPerson.values()].map(({ row, roles, forms }) => ({
    ...row,
    role: ['наставник', 'наставляемый'].filter((r) => roles.has(r)).join(', '),
    forms: [...forms].sort().join('; '),
  }));
}

/** The question whose answers tell satisfaction, and the score from which a person counts as satisfied. */
export type SatisfactionQuestions = Record<'mentee' | 'mentor', { code: string; threshold: number }>;

export const STANDARD_SATISFACTION: SatisfactionQuestions = {
  mentee: { code: SATISFACTION_QUESTION, threshold: SATISFIED_FROM },
  mentor: { code: SATISFACTION_QUESTION, threshold: SATISFIED_FROM },
};

/**
 * Satisfaction by form of mentoring, for mentees and mentors (by the question the KPI set reads, so the
 * note's two satisfaction tables agree; the standard questionnaire's otherwise): how many take part in the window, how many
 * answered the satisfaction questionnaire (their latest answer), how many of them are satisfied.
 */
export async function satisfactionByForm(
  strapi: Strapi,
  rootId: number,
  window: YearWindow,
  questions: SatisfactionQuestions = STANDARD_SATISFACTION,
): Promise<FormSatisfactionRow[]> {
  const s = schemaOf(strapi);
  const po = s.person.org;
  const sql = new Sql();
  subtreeCte(sql, s, rootId);
  for (const [i, audience] of (['mentee', 'mentor'] as const).entries()) {
    const { code, threshold } = questions[audience];
    const answered = latestAnswers(s, strapi.db.dialect.client, audience, code, window);
    sql.add(
      `${i ? ' UNION ALL ' : ' '}SELECT '${audience}' AS audience, part.form AS form, COUNT(DISTINCT part.person_id) AS participants,` +
        ` COUNT(DISTINCT a.person) AS respondents, COUNT(DISTINCT CASE WHEN a.score >= ? THEN a.person END) AS satisfied FROM (`,
      threshold,
    );
    const link = audience === 'mentee' ? s.pair.mentees : s.pair.mentors;
    participantsOf(sql, s, link, undefined, window, `, pr.${s.pair.form} AS form`);
    sql.add(
      `) part JOIN ${po.name} po ON po.${po.own} = part.person_id JOIN sub ON sub.id = po.${po.other}` +
        ` LEFT JOIN (${answered.text}) a ON a.person = part.person_id AND a.rn = 1 AND a.score IS NOT NULL GROUP BY part.form`,
      ...answered.bindings,
    );
  }
  return (await rawRows(strapi, sql))
    .map((r) => ({
      audience: r.audience === 'mentor' ? ('mentor' as const) : ('mentee' as const),
      form: String(r.form) as MentoringForm,
      participants: Number(r.participants),
      respondents: Number(r.respondents),
      satisfied: Number(r.satisfied),
    }))
    .sort((a, b) => a.audience.localeCompare(b.audience) || a.form.localeCompare(b.form));
}

/** A scale answer to `code` as a number (null for anything else), read from the response `x`. */
function scoreOf(sql: Sql, s: Schema, client: string, code: string): string {
  const answers = `x.${s.response.answers}`;
  if (client === 'postgres') {
    sql.bindings.push(code, code);
    return `CASE WHEN jsonb_typeof(${answers}::jsonb -> CAST(? AS TEXT)) = 'number' THEN (${answers}::jsonb ->> CAST(? AS TEXT))::numeric END`;
  }
  sql.bindings.push(`$.${code}`, `$.${code}`);
  return `CASE WHEN json_type(${answers}, ?) IN ('integer', 'real') THEN json_extract(${answers}, ?) END`;
}

const noProgramme = 'Без программы';

/**
 * Satisfaction and programme quality from the standard questionnaires' scale questions at the start and
 * the end of the programme (`satisfactionStageQuestions`), in one query: each participant's latest answer
 * to each question within the window, averaged per programme, form of mentoring and the participant's
 * organisation, with the participants of the group and how many of them answered each stage.
 */
export async function programmeQuality(
  strapi: Strapi,
  rootId: number,
  window: YearWindow,
): Promise<ProgrammeQuality> {
  const s = schemaOf(strapi);
  const client = strapi.db.dialect.client;
  const r = s.response;
  const q = s.questionnaire;
  const po = s.person.org;
  const programmeLink = s.pair.programme;
  const stages = (['start', 'end'] as const).flatMap((stage) =>
    satisfactionStageQuestions[stage].map((question) => ({ stage, question })),
  );
  const codes = (stage: 'start' | 'end') =>
    stages
      .filter((x) => x.stage === stage)
      .map((x) => `'${x.question.code}'`)
      .join(', ');
  const sql = new Sql();
  subtreeCte(sql, s, rootId);
  // Participants of the window's pairs with the pair's programme and form, in the subtree.
  sql.add(', part AS (SELECT DISTINCT x.person_id AS person, x.form AS form, x.programme AS programme, po.');
  sql.add(`${po.other} AS org FROM (`);
  const columns =
    `, pr.${s.pair.form} AS form, (SELECT MIN(pl.${programmeLink.other}) FROM ${programmeLink.name} pl` +
    ` WHERE pl.${programmeLink.own} = pr.id) AS programme`;
  participantsOf(sql, s, s.pair.mentees, undefined, window, columns);
  sql.add(' UNION ');
  participantsOf(sql, s, s.pair.mentors, undefined, window, columns);
  sql.add(
    `) x JOIN ${po.name} po ON po.${po.own} = x.person_id JOIN sub ON sub.id = po.${po.other}` +
      ` JOIN ${s.person.name} p ON p.id = x.person_id WHERE p.${s.person.awaitingConsent} IS NOT TRUE)`,
  );
  // Every scale answer of the window's satisfaction and quality questionnaires, one branch per question.
  const end = new Date(`${window.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  sql.add(', ans AS (');
  stages.forEach(({ question }, i) => {
    sql.add(
      `${i ? ' UNION ALL ' : ''}SELECT rp.${r.person.other} AS person, x.id AS response, x.${r.submittedAt} AS at, `,
    );
    sql.add(`'${question.code}' AS code, `);
    sql.add(scoreOf(sql, s, client, question.code));
    sql.add(
      ` AS score FROM ${r.name} x JOIN ${r.person.name} rp ON rp.${r.person.own} = x.id` +
        ` JOIN ${r.questionnaire.name} ql ON ql.${r.questionnaire.own} = x.id JOIN ${q.name} qq ON qq.id = ql.${r.questionnaire.other}` +
        ` WHERE qq.${q.purpose} IN ('satisfaction', 'quality') AND x.${r.submittedAt} >= ? AND x.${r.submittedAt} < ?`,
      new Date(`${window.start}T00:00:00Z`),
      end,
    );
  });
  sql.add(
    '), latest AS (SELECT person, code, score FROM (SELECT person, code, score, ROW_NUMBER() OVER' +
      ' (PARTITION BY person, code ORDER BY at DESC, response DESC) AS rn FROM ans WHERE score IS NOT NULL) y WHERE rn = 1)',
  );
  const group = (dim: string, key: string) =>
    `SELECT '${dim}' AS dim, CAST(g.${key} AS VARCHAR(40)) AS k, COUNT(DISTINCT g.person) AS participants,` +
    ` COUNT(DISTINCT CASE WHEN l.code IN (${codes('start')}) THEN l.person END) AS start_n,` +
    ` COUNT(DISTINCT CASE WHEN l.code IN (${codes('end')}) THEN l.person END) AS end_n,` +
    ` AVG(CASE WHEN l.code IN (${codes('start')}) THEN l.score END) AS start_avg,` +
    ` AVG(CASE WHEN l.code IN (${codes('end')}) THEN l.score END) AS end_avg` +
    ` FROM (SELECT DISTINCT person, ${key} FROM part) g LEFT JOIN latest l ON l.person = g.person GROUP BY g.${key}`;
  sql.add(
    ` ${group('programme', 'programme')} UNION ALL ${group('form', 'form')} UNION ALL ${group('org', 'org')}`,
  );
  sql.add(
    " UNION ALL SELECT 'question', l.code, 0, COUNT(DISTINCT l.person), 0, AVG(l.score), NULL" +
      ' FROM latest l WHERE l.person IN (SELECT person FROM part) GROUP BY l.code',
  );
  const rows = await rawRows(strapi, sql);

  const ids = (dim: string) =>
    rows.filter((row) => row.dim === dim && row.k !== null).map((row) => Number(row.k));
  const names = async (type: string, field: string, list: number[]) =>
    new Map(
      (
        (await strapi.db
          .query(uid(type))
          .findMany({ where: { id: { $in: list } }, select: ['id', field] })) as Array<
          Record<string, unknown>
        >
      ).map((row) => [Number(row.id), String(row[field])]),
    );
  const programmes = await names('programme', 'title', ids('programme'));
  const orgs = await names('organisation', 'name', ids('org'));
  const groupRow = (row: Record<string, unknown>, group: string): QualityGroupRow => ({
    group,
    participants: Number(row.participants),
    startRespondents: Number(row.start_n),
    endRespondents: Number(row.end_n),
    startAverage: row.start_avg === null ? null : Number(row.start_avg),
    endAverage: row.end_avg === null ? null : Number(row.end_avg),
  });
  const byName = (a: QualityGroupRow, b: QualityGroupRow) => a.group.localeCompare(b.group, 'ru');
  const of = (dim: string) => rows.filter((row) => row.dim === dim);
  return {
    byProgramme: of('programme')
      .map((row) =>
        groupRow(row, row.k === null ? noProgramme : (programmes.get(Number(row.k)) ?? noProgramme)),
      )
      .sort(byName),
    byForm: of('form')
      .map((row) => {
        const form = String(row.k) as MentoringForm;
        return groupRow(row, mentoringForms.values.includes(form) ? mentoringForms.label(form) : form);
      })
      .sort(byName),
    byOrganisation: of('org')
      .map((row) => groupRow(row, orgs.get(Number(row.k)) ?? ''))
      .sort(byName),
    questions: stages.flatMap(({ stage, question }) => {
      const row = of('question').find((x) => x.k === question.code);
      return row
        ? [{ stage, text: question.text, respondents: Number(row.start_n), average: Number(row.start_avg) }]
        : [];
    }),
  };
}

/**
 * The two measurements per programme (mentees of the programme's pairs in the window) and, for a
 * curator's own organisation, per mentee; the same records as `impactRows`.
 */
export async function impactDetails(
  strapi: Strapi,
  rootId: number,
  window: YearWindow,
  /** The organisation whose mentees are listed by name (its curator's note), if any. */
  listFor: number | null,
): Promise<{ byProgramme: ProgrammeImpactRow[]; mentees: MenteeImpactRow[] }> {
  const s = schemaOf(strapi);
  const meta = strapi.db.metadata.get(uid('progress-record')) as unknown as {
    tableName: string;
    attributes: Record<string, { columnName?: string }>;
  };
  const col = (field: string) => meta.attributes[field]?.columnName ?? field;
  const person = uidLink(strapi, 'progress-record', 'person');
  const org = uidLink(strapi, 'progress-record', 'organisation');
  const programmeLink = s.pair.programme;
  const sql = new Sql();
  subtreeCte(sql, s, rootId);
  sql.add(
    `, rec AS (SELECT x.${col('metric')} AS metric, pl.${person.other} AS person, ol.${org.other} AS org, x.${col('moment')} AS moment,` +
      ` x.${col('value')} AS value, ROW_NUMBER() OVER (PARTITION BY pl.${person.other}, x.${col('metric')}, x.${col('moment')}` +
      ` ORDER BY x.${col('recordedAt')} DESC, x.id DESC) AS rn FROM ${meta.tableName} x` +
      ` JOIN ${person.name} pl ON pl.${person.own} = x.id JOIN ${org.name} ol ON ol.${org.own} = x.id` +
      ` JOIN sub ON sub.id = ol.${org.other} WHERE x.${col('moment')} IN ('start', 'end')` +
      ` AND (x.${col('recordedAt')} IS NULL OR (x.${col('recordedAt')} >= ? AND x.${col('recordedAt')} <= ?)))`,
    window.start,
    window.end,
  );
  sql.add(', pairs AS (SELECT DISTINCT person_id AS person, programme FROM (');
  participantsOf(
    sql,
    s,
    s.pair.mentees,
    undefined,
    window,
    `, (SELECT pg.${programmeLink.other} FROM ${programmeLink.name} pg WHERE pg.${programmeLink.own} = pr.id) AS programme`,
  );
  sql.add(') m)');
  sql.add(
    `, twice AS (SELECT a.person AS person, a.org AS org, a.metric AS metric, a.value AS v0, b.value AS v1` +
      ` FROM rec a JOIN rec b ON b.person = a.person AND b.metric = a.metric AND b.moment = 'end' AND b.rn = 1` +
      ` WHERE a.moment = 'start' AND a.rn = 1)`,
  );
  sql.add(
    " SELECT 'programme' AS dim, CAST(pp.programme AS VARCHAR(40)) AS k, t.metric AS metric, COUNT(*) AS persons," +
      ' AVG(t.v0) AS v0, AVG(t.v1) AS v1, SUM(CASE WHEN t.v1 > t.v0 THEN 1 ELSE 0 END) AS up,' +
      ' SUM(CASE WHEN t.v1 < t.v0 THEN 1 ELSE 0 END) AS down' +
      ' FROM twice t JOIN pairs pp ON pp.person = t.person GROUP BY pp.programme, t.metric',
  );
  if (listFor !== null) {
    sql.add(
      ` UNION ALL SELECT 'mentee', p.${s.person.fullName}, t.metric, 1, t.v0, t.v1, 0, 0 FROM twice t` +
        ` JOIN ${s.person.name} p ON p.id = t.person WHERE t.org = ? AND p.${s.person.awaitingConsent} IS NOT TRUE`,
      listFor,
    );
  }
  const rows = await rawRows(strapi, sql);
  const programmeIds = rows
    .filter((row) => row.dim === 'programme' && row.k !== null)
    .map((row) => Number(row.k));
  const titles = new Map(
    (
      (await strapi.db
        .query(uid('programme'))
        .findMany({ where: { id: { $in: programmeIds } }, select: ['id', 'title'] })) as Array<{
        id: number;
        title: string;
      }>
    ).map((p) => [p.id, p.title]),
  );
  return {
    byProgramme: rows
      .filter((row) => row.dim === 'programme')
      .map((row) => ({
        programme: row.k === null ? noProgramme : (titles.get(Number(row.k)) ?? noProgramme),
        metric: String(row.metric),
        persons: Number(row.persons),
        startAverage: Number(row.v0),
        endAverage: Number(row.v1),
        improved: Number(row.up),
        worsened: Number(row.down),
      }))
      .sort((a, b) => a.programme.localeCompare(b.programme, 'ru') || a.metric.localeCompare(b.metric)),
    mentees: rows
      .filter((row) => row.dim === 'mentee')
      .map((row) => ({
        person: String(row.k),
        metric: String(row.metric),
        start: Number(row.v0),
        end: Number(row.v1),
      }))
      .sort((a, b) => a.person.localeCompare(b.person, 'ru') || a.metric.localeCompare(b.metric)),
  };
}

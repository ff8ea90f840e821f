#!/usr/bin/env node
/**
 * KPI roll-up benchmark: a region of 1,000 organisations in a three-level tree (region → 30
 * municipalities → 969 schools), 300,000 people, 100,000 pairs, contingent snapshots, partners and
 * 30,000 satisfaction answers, bulk-inserted with knex. The region's KPIs are then read through the
 * public path (GET /api/nastavnik/kpi/:region as a methodist: authentication, scope, the KPI set, the
 * query, JSON) and, in the same run, as the bare aggregate: the same SQL executed directly through knex,
 * without HTTP, authentication or JSON (`sql_ms`). A second, independent formulation written by hand
 * (scalar subqueries, no plugin code) is run once to check that every number agrees.
 *
 *   npm run bench:kpi                                   # SQLite in a temporary folder
 *   DATABASE_URL=postgres://… npm run bench:kpi         # a fresh PostgreSQL database, dropped after
 *
 * Last line: {"orgs":1000,"persons":300000,"api_ms":…,"sql_ms":…,"ratio":…,"rss_mb":…,"db":"sqlite"}.
 * Goal: ratio ≤ 2, rss_mb ≤ 300: the peak RSS of the process that boots Strapi on the loaded database
 * (with the V8 options `npm start` uses) and serves the roll-ups. The data set is loaded by another child
 * process, whose peak is printed above; so is the peak while the roll-ups run.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strapiSecrets } from './strapi-secrets.mjs';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cmsDir = path.join(repoRoot, 'cms');
const { createStrapi, compileStrapi } = require(require.resolve('@strapi/strapi', { paths: [cmsDir] }));

const MUNICIPALITIES = 30;
const SCHOOLS = 969;
const ORGS = 1 + MUNICIPALITIES + SCHOOLS;
const PERSONS = 300_000;
const PAIRS = 100_000;
const ANSWERS = 30_000;
const YEAR = 2025;
const RUNS = 7;

const log = (message) => process.stderr.write(`${message}\n`);

/** A deterministic pseudo-random sequence, so every run loads the same data. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = (n) => Math.floor(random() * n);

async function database() {
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'nastavnik-bench-kpi-'));
    return {
      db: 'sqlite',
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { Client } = require(require.resolve('pg', { paths: [cmsDir] }));
  // Kept: booting points DATABASE_URL at the new database, which cannot drop itself.
  const base = process.env.DATABASE_URL;
  const name = `nastavnik_bench_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    db: 'postgres',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function boot(env) {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    ...strapiSecrets(),
    ADMIN_PASSWORD: 'Bench1kpi1admin',
    STARTUP_BANNER: 'false',
    SEED: 'false',
    ...env,
  });
  process.chdir(cmsDir);
  const strapi = createStrapi({
    appDir: cmsDir,
    distDir: path.join(cmsDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = 'error';
  await strapi.load();
  strapi.server.mount();
  // One client, requests seconds apart: keep its connection rather than race the server closing it.
  strapi.server.httpServer.keepAliveTimeout = 120_000;
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, url: `http://127.0.0.1:${strapi.server.httpServer.address().port}` };
}

/** Insert rows in batches small enough for SQLite's variable limit. */
async function insert(knex, table, rows, batch = 400) {
  for (let i = 0; i < rows.length; i += batch) await knex(table).insert(rows.slice(i, i + batch));
}

/** Rows produced by `make(i)` for i < count, inserted batch by batch without holding them all. */
async function insertGenerated(knex, table, count, make, batch = 400) {
  for (let i = 0; i < count; i += batch) {
    const rows = [];
    for (let j = i; j < Math.min(count, i + batch); j++) rows.push(make(j));
    await knex(table).insert(rows);
  }
}

const docId = (prefix, i) => `${prefix}${String(i).padStart(22, '0')}`.slice(-24);
const iso = (d) => d.toISOString().slice(0, 10);

async function load(strapi) {
  const knex = strapi.db.connection;
  const now = new Date();
  const stamps = { created_at: now, updated_at: now, published_at: now };
  const started = performance.now();

  // Organisations 1…1000: the region, municipalities 2…31, schools after them.
  const orgs = [];
  const parents = [];
  orgs.push({ id: 1, document_id: docId('r', 1), name: 'Область', slug: 'bench-region', kind: 'region' });
  for (let m = 0; m < MUNICIPALITIES; m++) {
    const id = 2 + m;
    orgs.push({
      id,
      document_id: docId('m', id),
      name: `Муниципалитет ${m + 1}`,
      slug: `bench-m${m + 1}`,
      kind: 'municipal_authority',
    });
    parents.push({ organisation_id: id, inv_organisation_id: 1 });
  }
  const schoolIds = [];
  for (let s = 0; s < SCHOOLS; s++) {
    const id = 2 + MUNICIPALITIES + s;
    schoolIds.push(id);
    orgs.push({
      id,
      document_id: docId('s', id),
      name: `Школа ${s + 1}`,
      slug: `bench-s${s + 1}`,
      kind: 'school',
    });
    parents.push({ organisation_id: id, inv_organisation_id: 2 + (s % MUNICIPALITIES) });
  }
  await insert(
    knex,
    'nastavnik_organisations',
    orgs.map((o) => ({ ...o, timezone: 'Europe/Moscow', ...stamps })),
  );
  await insert(knex, 'nastavnik_organisations_parent_lnk', parents);

  // People: 85 % pupils aged 6–19, 12 % teachers (stage 0–30 years), 3 % students.
  const orgOfPerson = (i) => schoolIds[i % SCHOOLS];
  await insertGenerated(knex, 'nastavnik_persons', PERSONS, (i) => {
    const r = random();
    const id = i + 1;
    if (r < 0.85 || r >= 0.97) {
      const born = new Date(Date.UTC(YEAR - 6 - pick(14), pick(12), 1 + pick(28)));
      return {
        id,
        document_id: docId('p', id),
        full_name: `Участник ${id}`,
        category: r < 0.85 ? 'pupil' : 'student',
        birth_date: iso(born),
        awaiting_consent: false,
        anonymised: false,
        ...stamps,
      };
    }
    return {
      id,
      document_id: docId('p', id),
      full_name: `Педагог ${id}`,
      category: pick(4) === 0 ? 'young_specialist' : 'teacher',
      teaching_experience_years: pick(31),
      awaiting_consent: false,
      anonymised: false,
      ...stamps,
    };
  });
  await insertGenerated(knex, 'nastavnik_persons_organisation_lnk', PERSONS, (i) => ({
    person_id: i + 1,
    organisation_id: orgOfPerson(i),
  }));

  // Pairs inside one school: mentor and mentee are people of that school (same remainder).
  const personOf = (school, k) => school + SCHOOLS * (k % Math.floor(PERSONS / SCHOOLS)) + 1;
  const statuses = [
    'active',
    'active',
    'active',
    'active',
    'active',
    'active',
    'active',
    'completed',
    'proposed',
    'approved',
  ];
  const forms = ['pupil_pupil', 'pupil_pupil', 'teacher_teacher', 'student_pupil'];
  const pairSchool = (i) => i % SCHOOLS;
  await insertGenerated(knex, 'nastavnik_pairs', PAIRS, (i) => ({
    id: i + 1,
    document_id: docId('q', i + 1),
    title: `Пара ${i + 1}`,
    kind: 'pair',
    form: forms[pick(forms.length)],
    pair_status: statuses[pick(statuses.length)],
    ...stamps,
  }));
  await insertGenerated(knex, 'nastavnik_pairs_organisation_lnk', PAIRS, (i) => ({
    pair_id: i + 1,
    organisation_id: schoolIds[pairSchool(i)],
  }));
  await insertGenerated(knex, 'nastavnik_pairs_mentors_lnk', PAIRS, (i) => ({
    pair_id: i + 1,
    person_id: personOf(pairSchool(i), pick(300)),
  }));
  await insertGenerated(knex, 'nastavnik_pairs_mentees_lnk', PAIRS, (i) => ({
    pair_id: i + 1,
    person_id: personOf(pairSchool(i), pick(300)),
  }));

  // Contingent: one fact per school but every twentieth (no contingent entered).
  const snapshots = schoolIds.filter((_, s) => s % 20 !== 19);
  await insert(
    knex,
    'nastavnik_contingent_snapshots',
    snapshots.map((org, k) => ({
      id: k + 1,
      document_id: docId('c', k + 1),
      date: `${YEAR}-09-01`,
      snapshot_kind: 'fact',
      ...stamps,
    })),
  );
  await insert(
    knex,
    'nastavnik_contingent_snapshots_organisation_lnk',
    snapshots.map((org, k) => ({ contingent_snapshot_id: k + 1, organisation_id: org })),
  );
  const codes = ['pupils_10_18', 'pupils_15_18', 'young_teachers_0_3'];
  await insertGenerated(knex, 'components_nastavnik_metric', snapshots.length * codes.length, (i) => ({
    id: i + 1,
    code: codes[i % codes.length],
    label: codes[i % codes.length],
    value: [260, 90, 12][i % codes.length],
  }));
  await insertGenerated(
    knex,
    'nastavnik_contingent_snapshots_cmps',
    snapshots.length * codes.length,
    (i) => ({
      entity_id: Math.floor(i / codes.length) + 1,
      cmp_id: i + 1,
      component_type: 'nastavnik.metric',
      field: 'metrics',
      order: (i % codes.length) + 1,
    }),
  );

  // Partners: an employer providing mentors and an NGO providing none, per school.
  await insertGenerated(knex, 'nastavnik_partners', SCHOOLS * 2, (i) => ({
    id: i + 1,
    document_id: docId('n', i + 1),
    name: `Партнёр ${i + 1}`,
    kind: i % 2 ? 'ngo' : 'employer',
    mentors_provided: i % 2 ? 0 : 1 + pick(3),
    ...stamps,
  }));
  await insertGenerated(knex, 'nastavnik_partners_organisation_lnk', SCHOOLS * 2, (i) => ({
    partner_id: i + 1,
    organisation_id: schoolIds[Math.floor(i / 2)],
  }));

  // Answers of mentees to the standard end questionnaire's overall satisfaction (1–10), spread over the year.
  await knex('nastavnik_questionnaires').insert({
    id: 1,
    document_id: docId('k', 1),
    title: 'Удовлетворённость наставляемых',
    audience: 'mentee',
    purpose: 'satisfaction',
    questions: JSON.stringify([{ code: 'overall', text: 'Довольны?', type: 'scale', min: 1, max: 10 }]),
    ...stamps,
  });
  const respondent = (i) => (i * 7) % PERSONS;
  await insertGenerated(knex, 'nastavnik_questionnaire_responses', ANSWERS, (i) => ({
    id: i + 1,
    document_id: docId('a', i + 1),
    answers: JSON.stringify({ overall: 1 + pick(10) }),
    submitted_at: new Date(Date.UTC(YEAR, pick(12), 1 + pick(28), 10)),
    ...stamps,
  }));
  await insertGenerated(knex, 'nastavnik_questionnaire_responses_questionnaire_lnk', ANSWERS, (i) => ({
    questionnaire_response_id: i + 1,
    questionnaire_id: 1,
  }));
  await insertGenerated(knex, 'nastavnik_questionnaire_responses_person_lnk', ANSWERS, (i) => ({
    questionnaire_response_id: i + 1,
    person_id: respondent(i) + 1,
  }));
  await insertGenerated(knex, 'nastavnik_questionnaire_responses_organisation_lnk', ANSWERS, (i) => ({
    questionnaire_response_id: i + 1,
    organisation_id: orgOfPerson(respondent(i)),
  }));

  if (strapi.db.dialect.client === 'postgres') {
    // Explicit ids leave the sequences behind; the reads need fresh statistics.
    for (const table of ['nastavnik_organisations', 'nastavnik_persons', 'nastavnik_pairs']) {
      await knex.raw(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`,
      );
    }
    await knex.raw('ANALYZE');
  } else {
    await knex.raw('ANALYZE');
  }
  log(`Загрузка данных: ${Math.round(performance.now() - started)} мс`);
}

/** A date `years` before `date` (YYYY-MM-DD), and the day after a date. */
const yearsBefore = (date, years) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
const nextDay = (date) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));

/**
 * The region's standard KPIs for the calendar year, written by hand: each figure one scalar subquery
 * over the subtree, as one would write it without the plugin.
 */
function baselineSql(client) {
  const start = `${YEAR}-01-01`;
  const end = `${YEAR}-12-31`;
  const band = (min, max) =>
    `((p.birth_date IS NOT NULL AND p.birth_date <= '${yearsBefore(start, min)}' AND p.birth_date >= '${nextDay(yearsBefore(start, max + 1))}')` +
    ` OR (p.birth_date IS NULL AND p.birth_year BETWEEN ${YEAR - max} AND ${YEAR - min}))`;
  const score =
    client === 'postgres'
      ? `CASE WHEN jsonb_typeof(r.answers::jsonb -> 'overall') = 'number' THEN (r.answers::jsonb ->> 'overall')::numeric END`
      : `CASE WHEN json_type(r.answers, '$.overall') IN ('integer', 'real') THEN json_extract(r.answers, '$.overall') END`;
  const startTs = client === 'postgres' ? `'${start}'::timestamp` : String(Date.parse(`${start}T00:00:00Z`));
  const endTs =
    client === 'postgres' ? `'${nextDay(end)}'::timestamp` : String(Date.parse(`${nextDay(end)}T00:00:00Z`));
  const took = (lnk) =>
    `SELECT DISTINCT l.person_id FROM ${lnk} l JOIN nastavnik_pairs pr ON pr.id = l.pair_id` +
    ` WHERE pr.pair_status IN ('approved', 'active', 'completed') AND (pr.approval_order_date IS NULL OR pr.approval_order_date <= '${end}')` +
    ` AND NOT EXISTS (SELECT 1 FROM nastavnik_pairs_programme_lnk pl JOIN nastavnik_programmes g ON g.id = pl.programme_id` +
    ` WHERE pl.pair_id = pr.id AND (g.period_start > '${end}' OR g.period_end < '${start}'))`;
  const latest =
    `SELECT sl.organisation_id AS org, x.id AS snapshot, ROW_NUMBER() OVER (PARTITION BY sl.organisation_id` +
    ` ORDER BY CASE WHEN x.snapshot_kind = 'fact' THEN 0 ELSE 1 END, x.date DESC, x.id DESC) AS rn` +
    ` FROM nastavnik_contingent_snapshots x JOIN nastavnik_contingent_snapshots_organisation_lnk sl ON sl.contingent_snapshot_id = x.id` +
    ` JOIN sub ON sub.id = sl.organisation_id WHERE x.date <= '${end}'`;
  const den = (code) =>
    `SELECT latest.org AS org, SUM(m.value) AS d FROM latest JOIN nastavnik_contingent_snapshots_cmps c ON c.entity_id = latest.snapshot AND c.field = 'metrics'` +
    ` JOIN components_nastavnik_metric m ON m.id = c.cmp_id WHERE latest.rn = 1 AND m.code = '${code}' GROUP BY latest.org`;
  const share = (alias, who, filter, code) =>
    `(SELECT COUNT(*) FROM people p JOIN ${who} w ON w.person_id = p.id WHERE ${filter}` +
    ` AND p.org IN (SELECT org FROM (${den(code)}) x)) AS ${alias}_n, (SELECT SUM(d) FROM (${den(code)}) x) AS ${alias}_d`;
  const pupils = `p.category IN ('pupil', 'student')`;
  const answered = (audience) =>
    `SELECT ${score} AS score, ROW_NUMBER() OVER (PARTITION BY COALESCE(rp.person_id, -r.id) ORDER BY r.submitted_at DESC, r.id DESC) AS rn` +
    ` FROM nastavnik_questionnaire_responses r JOIN nastavnik_questionnaire_responses_organisation_lnk ro ON ro.questionnaire_response_id = r.id` +
    ` JOIN sub ON sub.id = ro.organisation_id JOIN nastavnik_questionnaire_responses_questionnaire_lnk rq ON rq.questionnaire_response_id = r.id` +
    ` JOIN nastavnik_questionnaires q ON q.id = rq.questionnaire_id LEFT JOIN nastavnik_questionnaire_responses_person_lnk rp ON rp.questionnaire_response_id = r.id` +
    ` LEFT JOIN nastavnik_persons pp ON pp.id = rp.person_id WHERE q.purpose = 'satisfaction' AND r.submitted_at >= ${startTs} AND r.submitted_at < ${endTs}` +
    ` AND (q.audience = '${audience}' OR (q.audience = 'all' AND pp.is_${audience} IS TRUE))`;
  const satisfaction = (alias, audience) =>
    `(SELECT SUM(CASE WHEN score >= 8 THEN 1 ELSE 0 END) FROM (${answered(audience)}) a WHERE rn = 1 AND score IS NOT NULL) AS ${alias}_n,` +
    ` (SELECT COUNT(*) FROM (${answered(audience)}) a WHERE rn = 1 AND score IS NOT NULL) AS ${alias}_d`;
  return (
    `WITH RECURSIVE sub(id) AS (SELECT 1 UNION SELECT l.organisation_id FROM nastavnik_organisations_parent_lnk l JOIN sub ON l.inv_organisation_id = sub.id),` +
    ` people AS (SELECT p.*, po.organisation_id AS org FROM nastavnik_persons p JOIN nastavnik_persons_organisation_lnk po ON po.person_id = p.id` +
    ` JOIN sub ON sub.id = po.organisation_id WHERE p.awaiting_consent IS NOT TRUE),` +
    ` mentees AS (${took('nastavnik_pairs_mentees_lnk')}), mentors AS (${took('nastavnik_pairs_mentors_lnk')}), latest AS (${latest})` +
    ` SELECT ${share('k1', 'mentees', `${pupils} AND ${band(10, 18)}`, 'pupils_10_18')},` +
    ` ${share('k2', 'mentors', `${pupils} AND ${band(15, 18)}`, 'pupils_15_18')},` +
    ` ${share('k3', 'mentees', `p.category IN ('teacher', 'young_specialist') AND p.teaching_experience_years >= 0 AND p.teaching_experience_years <= 3`, 'young_teachers_0_3')},` +
    ` (SELECT COUNT(*) FROM nastavnik_partners x JOIN nastavnik_partners_organisation_lnk pl ON pl.partner_id = x.id JOIN sub ON sub.id = pl.organisation_id` +
    ` WHERE x.mentors_provided > 0 AND x.kind IN ('employer')) AS k4_n,` +
    ` ${satisfaction('k5', 'mentee')}, ${satisfaction('k6', 'mentor')}`
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The V8 options `npm start` runs Strapi with (scripts/start.mjs): the measured server runs as users run it.
 * Strapi's boot makes about 100 MB of short-lived garbage, which a small young generation collects early.
 */
const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4'];

/** This script again in a child process (`--compile`, `--seed`, `--measure`), with the database's settings. */
function child(mode, env, execArgv = []) {
  return new Promise((resolve, reject) => {
    fork(fileURLToPath(import.meta.url), [mode], {
      stdio: 'inherit',
      execArgv,
      env: { ...process.env, BENCH_DB_ENV: JSON.stringify(env) },
    }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${mode}: код ${code}`))));
  });
}

/**
 * The data set is loaded by a Strapi in a child process, which then exits: the 300,000 generated rows
 * and the insert batches are the test fixture's memory, not the server's. The measured process boots
 * Strapi on the loaded database and serves the roll-ups, as a production server would.
 */
async function seedInChild() {
  const { strapi } = await boot(JSON.parse(process.env.BENCH_DB_ENV ?? '{}'));
  try {
    await load(strapi);
  } finally {
    strapi.server.httpServer.closeAllConnections();
    await strapi.destroy();
  }
  log(`RSS процесса загрузки данных, наибольший: ${Math.round(process.resourceUsage().maxRSS / 1024)} МБ`);
}

async function main() {
  const db = await database();
  try {
    // The host app's TypeScript is compiled in a child process: the compiler's memory is not the server's.
    await child('--compile', db.env);
    await child('--seed', db.env);
    // The measured process: Strapi on the loaded database, as `npm start` runs it; it prints the last line.
    await child('--measure', db.env, SERVER_NODE_OPTIONS);
  } finally {
    // BENCH_KEEP=1 keeps the database for a look at the query plans.
    if (process.env.BENCH_KEEP) log(`База сохранена: ${JSON.stringify(db.env)}`);
    else await db.drop();
  }
}

async function measure() {
  const env = JSON.parse(process.env.BENCH_DB_ENV ?? '{}');
  const db = { db: env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite' };
  const { strapi, url } = await boot(env);
  log(`RSS после запуска Strapi: ${Math.round(process.memoryUsage().rss / 1048576)} МБ`);
  try {
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'methodist' } });
    await strapi.plugin('users-permissions').service('user').add({
      username: 'benchMethodist',
      email: 'bench@kpi.test',
      password: 'Bench1methodist',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      organisation: 1,
    });
    const login = await fetch(`${url}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'benchMethodist', password: 'Bench1methodist' }),
    });
    const { jwt } = await login.json();
    const region = docId('r', 1);

    const api = async () => {
      const res = await fetch(`${url}/api/nastavnik/kpi/${region}?year=${YEAR}`, {
        headers: { authorization: `Bearer ${jwt}` },
      });
      if (res.status !== 200) throw new Error(`API ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const text = baselineSql(strapi.db.dialect.client);
    const handWritten = async () => {
      const result = await strapi.db.connection.raw(text);
      return (Array.isArray(result) ? result : result.rows)[0];
    };
    const { standardKpis, yearWindow } = await import('@nastavnik/shared');
    const { kpiRollup } = require(path.join(repoRoot, 'cms/plugin/dist/server/kpi/sql.js'));
    const items = standardKpis.map((k) => ({
      definition: k.definition,
      window: yearWindow(YEAR, 'calendar'),
    }));
    const sql = () => kpiRollup(strapi, 1, items, true);
    const rss = (when) => log(`RSS ${when}: ${Math.round(process.memoryUsage().rss / 1048576)} МБ`);
    rss('после загрузки');

    // Warm both paths, then alternate them so that neither gets a quieter machine.
    let t0 = performance.now();
    const report = await api();
    log(`API, первый запрос: ${Math.round(performance.now() - t0)} мс`);
    t0 = performance.now();
    await sql();
    log(`SQL, первый запрос: ${Math.round(performance.now() - t0)} мс`);
    t0 = performance.now();
    const raw = await handWritten();
    log(`Независимый запрос, написанный вручную: ${Math.round(performance.now() - t0)} мс`);
    const apiTimes = [];
    const sqlTimes = [];
    // RSS sampled while the roll-ups run, next to the process's peak (which includes booting Strapi).
    let measuredPeak = 0;
    const sampler = setInterval(() => {
      measuredPeak = Math.max(measuredPeak, process.memoryUsage().rss);
    }, 20);
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await api();
      apiTimes.push(performance.now() - t);
      t = performance.now();
      await sql();
      sqlTimes.push(performance.now() - t);
    }

    // The two must agree on every number.
    const byCode = Object.fromEntries(report.rows.map((r) => [r.code, r.rollup]));
    const mismatches = [];
    for (const k of ['1', '2', '3', '4', '5', '6']) {
      const n = Number(raw[`k${k}_n`] ?? 0);
      const d = raw[`k${k}_d`] === undefined ? null : raw[`k${k}_d`] === null ? null : Number(raw[`k${k}_d`]);
      const got = byCode[k];
      // A count has no denominator; no answers at all is no denominator either.
      const expectD = k === '4' || d === 0 ? null : d;
      if (got.numerator !== n || got.denominator !== expectD)
        mismatches.push(`KPI ${k}: API ${got.numerator}/${got.denominator}, SQL ${n}/${d}`);
      log(
        `KPI ${k}: ${got.numerator} / ${got.denominator ?? '—'} = ${got.value ?? '—'} (без знаменателя: ${got.withoutDenominator})`,
      );
    }
    if (mismatches.length) throw new Error(`Расхождение API и SQL: ${mismatches.join('; ')}`);

    clearInterval(sampler);
    log(`RSS во время замеров, наибольший: ${Math.round(measuredPeak / 1048576)} МБ`);
    rss('после замеров');
    const apiMs = median(apiTimes);
    const sqlMs = median(sqlTimes);
    log(
      `API: ${apiTimes.map((t) => t.toFixed(0)).join(', ')} мс; SQL: ${sqlTimes.map((t) => t.toFixed(0)).join(', ')} мс`,
    );
    console.log(
      JSON.stringify({
        orgs: ORGS,
        persons: PERSONS,
        api_ms: Math.round(apiMs),
        sql_ms: Math.round(sqlMs),
        ratio: Math.round((apiMs / sqlMs) * 100) / 100,
        rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        db: db.db,
      }),
    );
  } finally {
    strapi.server.httpServer.closeAllConnections();
    await strapi.destroy();
  }
}

if (process.argv[2] === '--compile') {
  for (const dir of ['config', 'src'])
    rmSync(path.join(cmsDir, 'dist', dir), { recursive: true, force: true });
  await compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
} else if (process.argv[2] === '--seed') {
  await seedInChild();
} else if (process.argv[2] === '--measure') {
  await measure();
} else {
  await main();
}
process.exit(0);

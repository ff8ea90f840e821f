#!/usr/bin/env node
/**
 * Public-section benchmark (`npm run bench:public`; not part of CI). Boots the real Strapi in
 * production mode on a fresh database (SQLite, or PostgreSQL when DATABASE_URL is set) with the seed
 * and demo data, adds 10,000 indexed cases, and measures with autocannon (50 connections, 10 s each):
 * the demo school's road-map page, a static file of the same size served by the same Strapi (the
 * baseline), the case search, and the road map over REST against the section's GraphQL query.
 * Strapi runs in a child process, so the load generator does not share the server's event loop.
 * The last line is one JSON object; goals: page ≥ 0.5 × static with p95 ≤ 50 ms, search p95 ≤ 100 ms,
 * GraphQL ≥ 1.0 × REST. Besides the repeated searches (`search_p95_ms`), two kinds no cached answer
 * helps: `search_new_words_*`, sets of words never asked before (each request ranks every case its words
 * match in the database), and `search_cold_*`, a word with year × form × topic never repeated, as a
 * visitor narrowing a search asks (the word's matches are in memory, the answer is not).
 *
 *   npm run build:server && npm run bench:public
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { strapiSecrets } from './strapi-secrets.mjs';
import { stemmer } from '@orama/stemmers/russian';
import { searchableText, searchTerms, stemmedText } from '@nastavnik/shared';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cmsDir = path.join(root, 'cms');
const say = (line) => process.stderr.write(`[bench] ${line}\n`);

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const CASES = 10_000;

async function database() {
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'nastavnik-bench-'));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { Client } = require('pg');
  const name = `nastavnik_bench_${Date.now()}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const WORDS = [
  'наставник помогает молодому педагогу освоить профессию',
  'старшеклассники занимаются с пятиклассниками математикой',
  'наставляемые повысили средний балл по русскому языку',
  'студенты колледжа проводят мастер-классы для школьников',
  'работодатель предоставил наставников для проектной работы',
  'группа наставничества подготовила проект к конкурсу',
  'молодые специалисты остались работать в школе',
  'обучающиеся освоили программирование и робототехнику',
  'учитель-наставник провёл открытые уроки для коллег',
  'ученики с низкой мотивацией стали посещать кружки',
];
const FORMS = ['pupil_pupil', 'teacher_teacher', 'student_pupil', 'employer_pupil'];
const TAGS = ['математика', 'адаптация', 'чтение', 'проекты', 'профориентация', 'робототехника'];

/** 10,000 cases straight into the search index: the search reads nothing else. */
async function indexCases(strapi, organisations) {
  const pg = strapi.db.dialect.client === 'postgres';
  const rows = Array.from({ length: CASES }, (_, i) => {
    const text = [0, 3, 7].map((k) => WORDS[(i + k * (i % 7)) % WORDS.length]).join('. ');
    const org = organisations[i % organisations.length];
    return {
      document_id: `bench${i}`,
      slug: `bench-${i}`,
      title: `Кейс ${i}: ${WORDS[i % WORDS.length]}`,
      summary: WORDS[(i * 3) % WORDS.length],
      body: text,
      form: FORMS[i % FORMS.length],
      organisation: org.documentId,
      organisation_slug: org.slug,
      organisation_name: org.name,
      organisation_kind: org.kind,
      year: 2020 + (i % 6),
      tags: JSON.stringify([TAGS[i % TAGS.length]]),
    };
  });
  const knex = strapi.db.connection;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    if (pg) {
      await knex('nastavnik_case_search').insert(
        batch.map((r) => ({
          ...r,
          tsv: knex.raw(
            `setweight(to_tsvector('russian', ?), 'A') || setweight(to_tsvector('russian', ?), 'B')`,
            [searchableText(r.title), searchableText(r.body)],
          ),
        })),
      );
    } else {
      await knex('nastavnik_case_search').insert(batch);
      // The same rowid in both tables, as the plugin's own indexing writes them.
      const rowids = new Map(
        (
          await knex('nastavnik_case_search')
            .select('rowid', 'document_id')
            .whereIn(
              'document_id',
              batch.map((r) => r.document_id),
            )
        ).map((r) => [r.document_id, r.rowid]),
      );
      await knex('nastavnik_case_fts').insert(
        batch.map((r) => ({
          rowid: rowids.get(r.document_id),
          document_id: r.document_id,
          title: stemmedText(r.title, stemmer),
          body: stemmedText(r.body, stemmer),
        })),
      );
    }
  }
}

async function measure(name, options) {
  // Let the previous target's last requests drain, so each target is measured on an idle server.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return new Promise((resolve, reject) => {
    const latencies = [];
    const started = performance.now();
    let finished = started;
    const instance = autocannon(
      { connections: CONNECTIONS, duration: DURATION, ...options },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
        const bad = result.non2xx + result.errors + result.timeouts;
        // A run of a set number of requests lasts a second or two: its rate from the start to the last
        // answer (autocannon's own duration and samples are whole seconds).
        const rps = options.amount
          ? result.requests.total / ((finished - started) / 1000)
          : result.requests.average;
        say(`${name}: ${rps.toFixed(1)} запр/с, p95 ${p95.toFixed(1)} мс, ошибок ${bad}`);
        resolve({ rps, p95, bad });
      },
    );
    instance.on('response', (_client, _status, _bytes, time) => {
      latencies.push(time);
      finished = performance.now();
    });
  });
}

const round = (n, digits = 2) => Number(n.toFixed(digits));

/** A few seconds of load, not measured: the first target would otherwise pay for the JIT warming up. */
const warmUp = (url) =>
  new Promise((resolve, reject) =>
    autocannon({ url, connections: 10, duration: 3 }, (error) => (error ? reject(error) : resolve())),
  );

/** The child process: Strapi with the seeded data and the 10,000 cases; stops when told. */
async function serve() {
  const strapiPackage = require(require.resolve('@strapi/strapi', { paths: [cmsDir] }));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    ...strapiSecrets(),
    ADMIN_EMAIL: 'admin@bench.local',
    ADMIN_PASSWORD: 'BenchAdmin1pass',
    STARTUP_BANNER: 'false',
    // The load comes from one address: the visitors' rate limit would answer 429 instead.
    ANON_RATELIMIT_EXEMPT: '127.0.0.1',
  });
  say(`компиляция хост-приложения и запуск Strapi (production, ${process.env.DATABASE_CLIENT})…`);
  for (const dir of ['config', 'src'])
    rmSync(path.join(cmsDir, 'dist', dir), { recursive: true, force: true });
  await strapiPackage.compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
  process.chdir(cmsDir);
  const strapi = strapiPackage.createStrapi({
    appDir: cmsDir,
    distDir: path.join(cmsDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = 'error';
  await strapi.load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;

  const organisations = await strapi.db
    .query('plugin::nastavnik.organisation')
    .findMany({ select: ['documentId', 'slug', 'name', 'kind'] });
  const started = performance.now();
  await indexCases(strapi, organisations);
  // As the plugin's own indexing does: what the search keeps in memory follows the index's counter.
  await strapi.db.connection.raw('UPDATE nastavnik_public_version SET version = version + 1');
  say(`в поисковый индекс добавлено ${CASES} кейсов за ${Math.round(performance.now() - started)} мс`);
  const roadmap = (
    await strapi.db.query('plugin::nastavnik.roadmap').findOne({
      where: { organisation: { slug: 'bor-demo-school' }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })
  ).documentId;
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    strapi.server.httpServer.closeAllConnections();
    await strapi.destroy();
    process.exit(0);
  });
  process.send({ base, roadmap });
}

/** Strapi in a child process on the given database; resolves with its address once it listens. */
function startServer(env) {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, ...env, BENCH_ROLE: 'server' },
    // BENCH_PROFILE_DIR=/tmp/x writes a CPU profile of the server (node --cpu-prof) there.
    execArgv: process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`Strapi завершился с кодом ${code} до начала замера`)));
  });
  return {
    ready,
    stop: async () => {
      if (child.exitCode === null) child.send('stop');
      await exited;
    },
  };
}

/** The n-th of 9,800 distinct searches (one word, a year or none, a form or none, a topic or none). */
const STEMS = [
  ...new Set(
    WORDS.join(' ')
      .split(/[\s-]+/)
      .filter((w) => w.length > 3),
  ),
];
function coldSearch(n) {
  const combos = [STEMS.length, 7, FORMS.length + 1, TAGS.length + 1];
  // A stride coprime with the number of combinations visits each one once before any repeats.
  let i = (n * 7919) % combos.reduce((a, b) => a * b, 1);
  const [word, year, form, tag] = combos.map((size) => {
    const value = i % size;
    i = Math.floor(i / size);
    return value;
  });
  const params = new URLSearchParams({ q: STEMS[word] });
  if (year) params.set('year', String(2019 + year));
  if (form) params.set('form', FORMS[form - 1]);
  if (tag) params.set('tag', TAGS[tag - 1]);
  return `/nastavnichestvo/luchshie-praktiki/?${params.toString()}`;
}

/**
 * Searches for words no one has asked before: every word of the cases once, then every pair of them,
 * each set of stems once, none of those the repeated searches ask. Neither an answer nor the words'
 * matches can come from memory; each request makes the database rank every case the words match.
 */
function newWordSearches(asked) {
  const wordOf = new Map();
  for (const word of STEMS) {
    const [stem] = searchTerms(word, stemmer);
    if (stem && !wordOf.has(stem)) wordOf.set(stem, word);
  }
  const stems = [...wordOf.keys()];
  const sets = [...stems.map((a) => [a]), ...stems.flatMap((a, i) => stems.slice(i + 1).map((b) => [a, b]))];
  const seen = new Set(asked.map((q) => JSON.stringify(searchTerms(q, stemmer).sort())));
  return sets
    .filter((set) => {
      const key = JSON.stringify([...set].sort());
      return !seen.has(key) && seen.add(key);
    })
    .map(
      (set) =>
        `/nastavnichestvo/luchshie-praktiki/?q=${encodeURIComponent(set.map((s) => wordOf.get(s)).join(' '))}`,
    );
}

async function run() {
  let summary = '';
  const db = await database();
  const staticFile = path.join(cmsDir, 'public', 'bench-static.html');
  const server = startServer(db.env);
  try {
    const { base, roadmap } = await server.ready;
    const pagePath = '/nastavnichestvo/bor-demo-school/dorozhnaya-karta/';
    const page = await (await fetch(`${base}${pagePath}`)).text();
    // The baseline: a file of the same size, served by the same Strapi (strapi::public).
    writeFileSync(staticFile, page);
    for (const url of [`${base}${pagePath}`, `${base}/bench-static.html`]) await warmUp(url);

    let counter = 0;
    let cold = 0;
    const queries = [
      'наставнику',
      'математика',
      'молодой педагог',
      'робототехника проекты',
      'наставляемые балл',
    ];
    const results = {
      page: await measure('страница дорожной карты', { url: `${base}${pagePath}` }),
      static: await measure('статический файл того же размера', { url: `${base}/bench-static.html` }),
      // Visitors' searches: five phrasings in turn, each address made unique by a parameter no page reads.
      search: await measure('поиск кейсов (10 000)', {
        url: base,
        requests: [
          {
            setupRequest: (request) => {
              counter++;
              const q = encodeURIComponent(queries[counter % queries.length]);
              return { ...request, path: `/nastavnichestvo/luchshie-praktiki/?q=${q}&n=${counter}` };
            },
          },
        ],
      }),
      // Before the next target, which then finds each word's matches in memory as a visitor's
      // narrowing of a search does.
      searchNewWords: await (async () => {
        const paths = newWordSearches(queries);
        let next = 0;
        return measure(`поиск кейсов, ${paths.length} новых наборов слов`, {
          url: base,
          amount: paths.length,
          requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
        });
      })(),
      searchCold: await measure('поиск кейсов, каждый запрос впервые', {
        url: base,
        requests: [{ setupRequest: (request) => ({ ...request, path: coldSearch(++cold) }) }],
      }),
      rest: await measure('REST: дорожная карта с мероприятиями', {
        url: `${base}/api/nastavnik/roadmaps/${roadmap}?populate=activities`,
      }),
      graphql: await measure('GraphQL: nastavnikPublicSection', {
        url: `${base}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ nastavnikPublicSection(slug: "bor-demo-school") }' }),
      }),
    };
    const failed = Object.entries(results).filter(([, r]) => r.bad > 0);
    if (failed.length) say(`внимание: ответы с ошибками у ${failed.map(([n]) => n).join(', ')}`);
    summary = JSON.stringify({
      page_rps: round(results.page.rps),
      static_rps: round(results.static.rps),
      page_vs_static: round(results.page.rps / results.static.rps),
      page_p95_ms: round(results.page.p95, 1),
      search_p95_ms: round(results.search.p95, 1),
      graphql_rps: round(results.graphql.rps),
      rest_rps: round(results.rest.rps),
      graphql_vs_rest: round(results.graphql.rps / results.rest.rps),
      search_cold_rps: round(results.searchCold.rps),
      search_cold_p95_ms: round(results.searchCold.p95, 1),
      search_new_words_rps: round(results.searchNewWords.rps),
      search_new_words_p95_ms: round(results.searchNewWords.p95, 1),
    });
  } finally {
    rmSync(staticFile, { force: true });
    await server.stop();
    await db.drop();
  }
  // After the server has stopped, so nothing it says on its way out comes after the figures.
  process.stdout.write(`${summary}\n`);
}

if (process.env.BENCH_ROLE === 'server') await serve();
else await run();

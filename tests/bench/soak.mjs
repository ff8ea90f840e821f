#!/usr/bin/env node
/**
 * Soak test (`npm run soak`; not part of CI): Strapi in a child process (production mode, fresh SQLite
 * database with the seed and demo data) under mixed traffic for SOAK_SECONDS (600 by default) —
 * visitors reading the public «Наставничество» pages, public GraphQL and REST; a signed-in staff member
 * listing participants, reading a road map's progress and sending captures from the extension. The
 * server's resident memory (RSS, from /proc) is sampled every 10 s; it prints RSS after warm-up and at
 * the end, and one JSON object as the last line. RSS keeps what the allocator once took, so the heap in
 * use after a full garbage collection, asked of the server after warm-up and at the end, is the
 * figure that tells a leak (`heapAfterGcGrowthMb`).
 *
 *   SOAK_SECONDS=30 npm run soak      (a quick smoke run)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { strapiSecrets } from './strapi-secrets.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cmsDir = path.join(root, 'cms');
const say = (line) => process.stderr.write(`[soak] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8);
const WARMUP_SECONDS = Math.min(30, Math.max(5, Math.round(SECONDS / 10)));
const ADMIN = { email: 'admin@soak.local', password: 'Soak1admin' };

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}

async function json(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A staff member of the demo school, created through the admin panel's API, signed in. */
async function staffJwt(url) {
  const login = await json(`${url}/admin/login`, { method: 'POST', body: ADMIN });
  const headers = { authorization: `Bearer ${login.data.token}` };
  const orgs = await json(
    `${url}/content-manager/collection-types/plugin::nastavnik.organisation?filters[slug][$eq]=bor-demo-school`,
    { headers },
  );
  const organisation = orgs.results[0]?.documentId;
  const roles = await json(`${url}/users-permissions/roles`, { headers });
  const role = roles.roles.find((r) => r.type === 'staff')?.id;
  if (!organisation || !role) throw new Error('В начальных данных нет демо-школы или роли сотрудника');
  const password = 'Soak1staff';
  await json(`${url}/content-manager/collection-types/plugin::users-permissions.user`, {
    method: 'POST',
    headers,
    body: {
      username: 'soakstaff',
      email: 'soakstaff@soak.local',
      password,
      confirmed: true,
      blocked: false,
      role: { connect: [{ id: role }] },
      organisation: { connect: [{ documentId: organisation }] },
    },
  });
  const signedIn = await json(`${url}/api/auth/local`, {
    method: 'POST',
    body: { identifier: 'soakstaff', password },
  });
  return signedIn.jwt;
}

function traffic(jwt, roadmap) {
  const graphql = (query, variables, auth) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${jwt}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let capture = 0;
  return [
    { method: 'GET', path: '/nastavnichestvo/bor-demo-school/dorozhnaya-karta/' },
    { method: 'GET', path: '/nastavnichestvo/bor-demo-school/' },
    graphql(
      '{ nastavnikRoadmaps(pagination: { limit: 10 }) { title activities(pagination: { limit: 20 }) { title } } }',
    ),
    { method: 'GET', path: '/api/nastavnik/organisations?pagination[pageSize]=20' },
    graphql('{ nastavnikPersons(pagination: { limit: 50 }) { fullName category } }', {}, true),
    graphql(
      'query($id: ID!) { nastavnikRoadmapProgress(documentId: $id) { total done overdue { title } } }',
      { id: roadmap },
      true,
    ),
    {
      ...graphql('', {}, true),
      // A new capture each time: the staff traffic writes as well as reads.
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          query:
            'mutation($data: NastavnikCaptureSubmitInput!) { nastavnikSubmitCapture(data: $data) { documentId duplicate } }',
          variables: {
            data: {
              kind: 'site_audit',
              sourceUrl: 'https://school.example/nastavnichestvo',
              adapter: 'site-audit',
              idempotencyKey: `soak-${process.pid}-${(capture += 1)}-${randomBytes(4).toString('hex')}`,
              payload: {
                kind: 'site_audit',
                parts: [{ key: 'roadmap', label: 'Дорожная карта', present: true, links: [] }],
              },
            },
          },
        }),
      }),
    },
  ];
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'nastavnik-soak-'));
  say('компиляция хост-приложения…');
  const { compileStrapi } = require(require.resolve('@strapi/strapi', { paths: [cmsDir] }));
  await compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
  const child = spawn(process.execPath, ['--expose-gc', path.join(root, 'tests/harness/strapi-child.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...strapiSecrets(),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      STARTUP_BANNER: 'false',
      ANON_RATELIMIT_EXEMPT: '127.0.0.1',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = /^\{"url":"([^"]+)"\}$/m.exec(out);
        if (line) resolve(line[1]);
      });
      child.once('exit', (code) => reject(new Error(`Strapi завершился при запуске (${code})`)));
    });
    /** The server's heap in use after a full collection (strapi-child answers SIGUSR2). */
    const heapAfterGc = () =>
      new Promise((resolve) => {
        const read = (chunk) => {
          const line = /\{"heapUsedMb":(\d+)\}/.exec(String(chunk));
          if (!line) return;
          child.stdout.off('data', read);
          resolve(Number(line[1]));
        };
        child.stdout.on('data', read);
        child.kill('SIGUSR2');
      });
    const rssBoot = rssMb(child.pid);
    say(`Strapi ${url}, pid ${child.pid}, RSS после запуска ${rssBoot} МБ`);
    const jwt = await staffJwt(url);
    // The staff member's own school's road map: the progress of another's is not theirs to read.
    const roadmaps = await json(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}` },
      body: {
        query:
          '{ nastavnikRoadmaps(filters: { organisation: { slug: { eq: "bor-demo-school" } } }, pagination: { limit: 1 }) { documentId } }',
      },
    });
    const roadmap = roadmaps.data?.nastavnikRoadmaps?.[0]?.documentId;
    if (!roadmap) throw new Error('В начальных данных нет дорожной карты');

    // Each kind of request once before the run: a GraphQL error would otherwise pass as a 200.
    for (const request of traffic(jwt, roadmap)) {
      const sent = request.setupRequest ? request.setupRequest(request) : request;
      const res = await fetch(`${url}${sent.path}`, {
        method: sent.method,
        headers: sent.headers,
        body: sent.body,
      });
      const text = await res.text();
      if (!res.ok || text.includes('"errors"'))
        throw new Error(`${sent.method} ${sent.path}: ${res.status} ${text.slice(0, 300)}`);
    }

    const samples = [];
    const sampler = setInterval(() => samples.push({ at: Date.now(), rss: rssMb(child.pid) }), 10_000);
    const started = Date.now();
    const run = autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: traffic(jwt, roadmap),
    });
    await sleep(WARMUP_SECONDS * 1000);
    const rssStart = rssMb(child.pid);
    const heapStart = await heapAfterGc();
    say(
      `RSS в начале (после ${WARMUP_SECONDS} с нагрузки): ${rssStart} МБ, куча после сборки мусора ${heapStart} МБ`,
    );
    const result = await run;
    clearInterval(sampler);
    const rssEnd = rssMb(child.pid);
    const heapEnd = await heapAfterGc();
    say(
      `RSS в конце (${Math.round((Date.now() - started) / 1000)} с): ${rssEnd} МБ, куча после сборки мусора ${heapEnd} МБ`,
    );
    const steady = samples.filter((s) => s.at - started >= WARMUP_SECONDS * 1000).map((s) => s.rss);
    const summary = {
      bench: 'soak',
      database: 'sqlite',
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      status5xx: result['5xx'],
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      rssBootMb: rssBoot,
      rssStartMb: rssStart,
      rssEndMb: rssEnd,
      rssMaxMb: Math.max(rssStart, rssEnd, ...steady),
      rssGrowthMb: Math.round((rssEnd - rssStart) * 10) / 10,
      heapAfterGcStartMb: heapStart,
      heapAfterGcEndMb: heapEnd,
      heapAfterGcGrowthMb: heapEnd - heapStart,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (summary.errors || summary.status5xx || summary.non2xx) process.exitCode = 1;
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * PostgreSQL restarted under load, with Strapi (a child process) kept running: while the cluster is
 * down every request is answered at once with 503, `Retry-After` and a Russian message — never a 500,
 * never a hang — and once it is back the same server answers normally again. Needs a local cluster to
 * stop and start (TEST_POSTGRES_URL pointing at a pg_createcluster cluster; CI has one, as root); the
 * same server first takes 200 parallel capture submissions on PostgreSQL, where the connection pool lets
 * duplicates really run side by side.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/strapi.js';
import { processEnv, spawnStrapi, type StrapiProcess } from '../harness/strapi-process.js';
import {
  adminSession,
  createApiUser,
  createOrganisation,
  storedCaptures,
  submitCapturesInParallel,
} from './faults.js';

const postgresUrl = process.env.TEST_POSTGRES_URL;

/** The pg_createcluster cluster serving `url`'s port, if there is one on this machine. */
function localCluster(url: string | undefined): { version: string; name: string } | undefined {
  if (!url) return undefined;
  const port = new URL(url).port || '5432';
  try {
    const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .find((cols) => cols[2] === port && cols[3] === 'online');
    return line?.[0] && line[1] ? { version: line[0], name: line[1] } : undefined;
  } catch {
    return undefined;
  }
}

const cluster = localCluster(postgresUrl);
const pgctl = (action: 'stop' | 'start') => {
  if (!cluster) throw new Error('no cluster');
  const started = performance.now();
  execFileSync('pg_ctlcluster', [
    cluster.version,
    cluster.name,
    action,
    ...(action === 'stop' ? ['-m', 'fast'] : []),
  ]);
  return performance.now() - started;
};

interface Sample {
  what: string;
  sentAt: number;
  ms: number;
  status: number;
  retryAfter: string | null;
  message: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!cluster)('PostgreSQL restarted under load', () => {
  let database: TestDatabase | undefined;
  let server: StrapiProcess | undefined;
  let adminToken = '';
  let organisation = '';
  let clusterDown = false;

  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl);
    const env = processEnv(database, { ANON_RATELIMIT_EXEMPT: '127.0.0.1' });
    server = await spawnStrapi(env);
    adminToken = await adminSession(server.url, env);
    organisation = await createOrganisation(server.url, adminToken, 'outage-test-school');
  }, 240_000);

  afterAll(async () => {
    if (clusterDown) pgctl('start');
    await server?.kill('SIGKILL');
    await database?.drop();
  });

  it('stores 200 parallel submissions with 20 % repeated keys as exactly one capture per key', async () => {
    if (!server) throw new Error('no server');
    const staff = await createApiUser(server.url, adminToken, organisation, 'staff', 'outagestaff');
    const curator = await createApiUser(server.url, adminToken, organisation, 'curator', 'outagecurator');
    const result = await submitCapturesInParallel(server.url, staff, 200, 0.2);
    expect(result.failures).toEqual([]);
    expect(result.firstSubmissions).toBe(160);
    expect(result.duplicates).toBe(40);
    for (const key of result.keys) expect(result.documentsByKey.get(key)?.size, key).toBe(1);
    expect(await storedCaptures(server.url, curator, result.keys)).toBe(160);
    process.stdout.write(
      `[faults] 200 parallel captures (PostgreSQL): 160 keys → ${result.firstSubmissions} stored, ${result.duplicates} answered as duplicates, ${result.failures.length} failed, ${Math.round(result.ms)} ms\n`,
    );
  });

  it(
    'answers 503 with Retry-After while the database is down and recovers without a restart',
    { timeout: 120_000 },
    async () => {
      const running = server;
      if (!running) throw new Error('no server');
      const requests: Array<{ what: string; send(): Promise<Response> }> = [
        {
          what: 'public GraphQL',
          send: () =>
            fetch(`${running.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ nastavnikOrganisations { name slug } }' }),
            }),
        },
        { what: 'public REST', send: () => fetch(`${running.url}/api/nastavnik/organisations`) },
        {
          what: 'staff (admin panel)',
          send: () =>
            fetch(`${running.url}/content-manager/collection-types/plugin::nastavnik.organisation`, {
              headers: { authorization: `Bearer ${adminToken}` },
            }),
        },
      ];
      const samples: Sample[] = [];
      let loading = true;
      const worker = async (offset: number) => {
        for (let i = offset; loading; i++) {
          const request = requests[i % requests.length];
          if (!request) continue;
          const sentAt = performance.now();
          const res = await request.send();
          const text = await res.text();
          samples.push({
            what: request.what,
            sentAt,
            ms: performance.now() - sentAt,
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            message: text.slice(0, 300),
          });
          await sleep(20);
        }
      };
      const workers = Array.from({ length: 6 }, (_, i) => worker(i));

      await sleep(1000);
      const stopStarted = performance.now();
      clusterDown = true;
      const stopMs = pgctl('stop');
      const downFrom = performance.now();
      await sleep(3000);
      const downUntil = performance.now();
      const startMs = pgctl('start');
      clusterDown = false;
      const upFrom = performance.now();
      // Back: wait for the first success, then keep the load on a little longer.
      let firstSuccess: number | undefined;
      while (firstSuccess === undefined && performance.now() - upFrom < 30_000) {
        firstSuccess = samples.find((s) => s.sentAt >= upFrom && s.status === 200)?.sentAt;
        await sleep(50);
      }
      await sleep(2000);
      loading = false;
      await Promise.all(workers);

      const before = samples.filter((s) => s.sentAt + s.ms < stopStarted);
      const during = samples.filter((s) => s.sentAt >= downFrom && s.sentAt + s.ms <= downUntil);
      const after = samples.filter((s) => firstSuccess !== undefined && s.sentAt >= firstSuccess + 1000);
      expect(before.length).toBeGreaterThan(10);
      expect(before.filter((s) => s.status !== 200)).toEqual([]);
      // Nothing but success or «unavailable», at any time.
      // Strapi's own log of those errors comes with the failure, to tell which error went unrecognised.
      const serverErrors = () =>
        running
          .log()
          .split('\n')
          .filter((line) => /error|Error:/.test(line))
          .slice(-30)
          .join('\n');
      expect(
        samples.filter((s) => s.status !== 200 && s.status !== 503),
        serverErrors(),
      ).toEqual([]);
      expect(during.length).toBeGreaterThan(10);
      for (const s of during) {
        expect(s.status, s.message).toBe(503);
        expect(s.retryAfter).toBe('5');
        expect(s.message).toContain('База данных временно недоступна');
        expect(s.ms, `${s.what} waited`).toBeLessThan(2000);
      }
      expect(new Set(during.map((s) => s.what)).size).toBe(requests.length);
      expect(firstSuccess, 'no request succeeded after the restart').toBeDefined();
      expect(after.length).toBeGreaterThan(10);
      expect(after.filter((s) => s.status !== 200)).toEqual([]);
      // The very same process served all of it.
      expect(running.log()).not.toMatch(/Непредвиденная ошибка/);
      expect(await Promise.race([running.exited, sleep(100).then(() => 'running')])).toBe('running');

      const unavailable = samples
        .filter((s) => s.status === 503)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      const median = unavailable[Math.floor(unavailable.length / 2)] ?? 0;
      process.stdout.write(
        `[faults] PostgreSQL restart under load: stop ${Math.round(stopMs)} ms, down ${Math.round(downUntil - downFrom)} ms, start ${Math.round(startMs)} ms; ` +
          `${samples.length} requests, ${unavailable.length} × 503 (median ${Math.round(median)} ms, max ${Math.round(unavailable.at(-1) ?? 0)} ms), 0 × 5xx other; ` +
          `first success ${Math.round((firstSuccess ?? upFrom) - upFrom)} ms after the cluster was up\n`,
      );
    },
  );
});

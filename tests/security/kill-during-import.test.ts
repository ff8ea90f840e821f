/**
 * `kill -9` of the server in the middle of a road-map import commit. The server runs as a child process
 * with knex's query log on (DEBUG=knex:query,knex:tx), so the test sees the import's transaction begin
 * and its activity rows being inserted, and kills the process right then. The log proves the kill came
 * mid-transaction (activities inserted, no COMMIT of that transaction); after a restart on the same
 * database nothing of the import is there, and the very same import then commits in full.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/strapi.js';
import { processEnv, spawnStrapi, type StrapiProcess } from '../harness/strapi-process.js';
import { adminSession, countRows, createOrganisation, importRoadmap, largeRoadmapDocx } from './faults.js';

const ACTIVITIES = 2000;
const ACTIVITY_TABLE = 'nastavnik_roadmap_activities';

/** How knex logs the insert of activity rows (SQLite quotes names with backticks, PostgreSQL with "). */
const activityInsert = (database: TestDatabase) => {
  const quote = database.env.DATABASE_CLIENT === 'postgres' ? '"' : '`';
  return `knex:query insert into ${quote}${ACTIVITY_TABLE}${quote}`;
};

/**
 * The knex transaction open when activities were inserted: the last one started before the first
 * insert (its own line may be cut short by the kill, so its id is taken from the start of the transaction)
 * and not finished before it.
 */
function activityInsertTransaction(log: string, database: TestDatabase): string | undefined {
  const at = log.indexOf(activityInsert(database));
  if (at < 0) return undefined;
  const before = log.slice(0, at);
  const trx = [...before.matchAll(/knex:tx (trx\d+): Starting top level transaction/g)].at(-1)?.[1];
  return trx && !before.includes(`${trx}: releasing connection`) ? trx : undefined;
}

describe('kill -9 during a road-map import commit', () => {
  let database: TestDatabase | undefined;
  let server: StrapiProcess | undefined;
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database?.drop();
  });

  it('leaves nothing half-written, and the same import then succeeds', { timeout: 240_000 }, async () => {
    database = await createTestDatabase('');
    const env = processEnv(database, { DEBUG: 'knex:query,knex:tx' });
    server = await spawnStrapi(env);
    const token = await adminSession(server.url, env);
    const organisation = await createOrganisation(server.url, token, 'kill-test-school');
    const title = 'Дорожная карта для проверки сбоя';
    const docx = await largeRoadmapDocx(ACTIVITIES, title);

    const running = server;
    const answer = importRoadmap(running.url, token, organisation, docx).then(
      (res) => `HTTP ${res.status}`,
      (error: unknown) => `no answer: ${String(error)}`,
    );
    // knex logs a statement just before it runs: kill on the first insert of the import's activities.
    await running.waitForOutput(activityInsert(database), 120_000);
    expect(await running.kill('SIGKILL')).toBe('SIGKILL');
    expect(await answer).toMatch(/^no answer/);

    const log = running.log();
    const trx = activityInsertTransaction(log, database);
    expect(trx, 'no activity insert inside a transaction in the log').toBeDefined();
    expect(log).toMatch(new RegExp(`${trx}: Starting top level transaction`));
    expect(log, 'the transaction committed before the kill').not.toMatch(
      new RegExp(`knex:query COMMIT; ${trx}\\b`),
    );
    process.stdout.write(
      `[faults] kill -9 during the import commit: ${trx} open, ${log.split(activityInsert(database)).length - 1} activity insert(s) logged, no COMMIT\n`,
    );

    // Restart on the same database: nothing of the import is there, not even rows no API would show.
    server = await spawnStrapi(env);
    expect(await countRows(database, 'nastavnik_roadmaps')).toBe(0);
    expect(await countRows(database, ACTIVITY_TABLE)).toBe(0);

    const again = await adminSession(server.url, env);
    const res = await importRoadmap(server.url, again, organisation, docx);
    const result = (await res.json()) as { committed?: boolean; activitiesCount?: number; error?: unknown };
    expect(res.status, JSON.stringify(result)).toBe(200);
    expect(result).toMatchObject({ committed: true, activitiesCount: ACTIVITIES, error: null });
    expect(await countRows(database, ACTIVITY_TABLE)).toBe(ACTIVITIES);
    // The same log does show a COMMIT when the import completes: its absence above means something.
    const committed = activityInsertTransaction(server.log(), database);
    expect(committed).toBeDefined();
    await server.waitForOutput(`knex:query COMMIT; ${committed}\n`, 10_000);
    // The draft and the published version of the one road map.
    expect(await countRows(database, 'nastavnik_roadmaps')).toBeGreaterThanOrEqual(1);
  });
});

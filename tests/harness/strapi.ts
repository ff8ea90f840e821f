/**
 * Boots the real Strapi host app (cms/) with the plugin on a throw-away database and serves it over
 * real HTTP on a free loopback port. SQLite by default; a fresh PostgreSQL database when DATABASE_URL
 * is set (created here, dropped on stop).
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import type { RoadmapDraft, RoadmapImportRequest, RoadmapImportResult } from '@nastavnik/shared';

const require = createRequire(import.meta.url);
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cmsDir = path.join(repoRoot, 'cms');
/** Strapi as the host app (cms/) resolves it, so the tests boot the very copy the app runs on. */
const strapiPackage = () =>
  require(require.resolve('@strapi/strapi', { paths: [cmsDir] })) as typeof import('@strapi/strapi');

export interface BootedStrapi {
  url: string;
  strapi: Core.Strapi;
  bootMs: number;
  /** How to reach its database: another instance booted with it shares the data. */
  databaseEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** The plugin's road-map service, as far as tests call it: Strapi types every service as a bag of `any`. */
export interface RoadmapServiceApi {
  import(
    call: Partial<RoadmapImportRequest> & Pick<RoadmapImportRequest, 'organisation'>,
  ): Promise<RoadmapImportResult>;
  seedRoadmap(
    seed: { source: string; draft: RoadmapDraft; warnings?: unknown[] },
    organisation: string,
    sourceText?: string,
  ): Promise<boolean>;
}

export const roadmapService = (strapi: Core.Strapi) =>
  strapi.plugin('nastavnik').service<RoadmapServiceApi>('roadmap');

const secret = () => randomBytes(24).toString('base64');

export async function createPostgresDatabase(
  baseUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const { Client } = require('pg') as typeof import('pg');
  const name = `nastavnik_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Compile the host app's TypeScript (config, bootstrap) into cms/dist: Strapi reads only JS config. */
export async function compileHostApp() {
  const { compileStrapi } = strapiPackage();
  // Only the compiled TypeScript: the admin panel build (dist/build) is kept for the browser tests.
  for (const dir of ['config', 'src'])
    rmSync(path.join(cmsDir, 'dist', dir), { recursive: true, force: true });
  await compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
}

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A throw-away database: a SQLite file in a temporary folder, or a fresh PostgreSQL database. */
export async function createTestDatabase(postgresUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (postgresUrl) {
    const db = await createPostgresDatabase(postgresUrl);
    return { env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url }, drop: () => db.drop() };
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'nastavnik-test-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'data.db') },
    drop() {
      rmSync(tmp, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** The environment a test Strapi boots with: fresh secrets, test limits, the database, then `env`. */
export function strapiTestEnv(
  database: TestDatabase,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'TestAdmin1pass',
    STARTUP_BANNER: 'false',
    AUTH_RATELIMIT_MAX: '1000',
    // The suites ask anonymously from here hundreds of times; the security suite asks from other addresses.
    ANON_RATELIMIT_EXEMPT: '127.0.0.1',
    CORS_ORIGINS: 'http://allowed.test,chrome-extension://*',
    // Withdrawals of consent are recorded outside the database: never into the working tree from a test.
    CONSENT_LEDGER_FILE: path.join(
      mkdtempSync(path.join(tmpdir(), 'nastavnik-ledger-')),
      'withdrawals.jsonl',
    ),
    PUBLIC_EMBED_ORIGINS: 'https://embed.test',
    ...database.env,
    ...env,
  };
}

interface ConnectionPool {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Strapi emits its entry events (webhooks, with the entry read back from the database) after a write
 * without awaiting them; after a seeding boot on PostgreSQL dozens of those reads are still queued. Let
 * them finish, so that closing the pool does not abort them (as unhandled rejections in the test run).
 */
async function settleDatabase(strapi: Core.Strapi) {
  const pool = (strapi.db.connection.client as { pool?: ConnectionPool }).pool;
  for (
    let waited = 0;
    pool && waited < 10_000 && pool.numUsed() + pool.numPendingAcquires() > 0;
    waited += 50
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Boot on `database` (kept after stop, for tests that restart on the same data) or on a throw-away
 * database of its own (dropped on stop).
 */
export async function bootStrapi(
  options: { env?: Record<string, string>; database?: TestDatabase; serveAdminPanel?: boolean } = {},
): Promise<BootedStrapi> {
  const started = performance.now();
  const database = options.database ?? (await createTestDatabase());
  const ownDatabase = options.database ? undefined : database;
  const env = strapiTestEnv(database, options.env);
  const previousEnv = { ...process.env };
  Object.assign(process.env, env);

  const previousCwd = process.cwd();
  process.chdir(cmsDir);
  const { createStrapi } = strapiPackage();
  const strapi = createStrapi({
    appDir: cmsDir,
    distDir: path.join(cmsDir, 'dist'),
    autoReload: false,
    serveAdminPanel: options.serveAdminPanel ?? false,
  });
  strapi.log.level = process.env.STRAPI_LOG_LEVEL ?? 'warn';
  await strapi.load();
  strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  process.chdir(previousCwd);
  const { port } = httpServer.address() as AddressInfo;
  const bootMs = performance.now() - started;

  return {
    url: `http://127.0.0.1:${port}`,
    strapi,
    bootMs,
    databaseEnv: database.env,
    async stop() {
      httpServer.closeAllConnections();
      await settleDatabase(strapi);
      // Strapi's destroy() calls process.removeAllListeners(), which would cut a test worker off from
      // vitest (its IPC 'message' listener): put back every listener that was there before.
      // EventEmitter's own methods: `process` types `listeners` for signal names only.
      const listenersOf = (name: string | symbol) => EventEmitter.prototype.listeners.call(process, name);
      const saved = process.eventNames().map((name) => [name, listenersOf(name)] as const);
      await strapi.destroy();
      for (const [name, listeners] of saved) {
        const now = new Set(listenersOf(name));
        for (const l of listeners)
          if (!now.has(l)) EventEmitter.prototype.on.call(process, name, l as (...args: unknown[]) => void);
      }
      await ownDatabase?.drop();
      for (const key of Object.keys(env)) {
        // Unsetting a variable is deleting its key: process.env has no other way.
        if (previousEnv[key] === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = previousEnv[key];
      }
    },
  };
}

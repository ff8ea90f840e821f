/**
 * The real Nastavnik server for the browser tests: Strapi with the plugin on a throw-away database,
 * seeded with the demo school and fixture users, plus a GraphQL helper to check what ended up in
 * the CMS. The integration harness's `gql` reads its URL through vitest `inject`, which only the
 * integration project provides, hence this small client with an explicit URL.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bootStrapi, cmsDir, compileHostApp, type BootedStrapi } from '../../harness/strapi.js';
import { createFixtureUsers, type Fixtures } from '../../harness/fixtures.js';

export interface RealCms {
  url: string;
  booted: BootedStrapi;
  fixtures: Fixtures;
  /** GraphQL as a fixture user (demoCurator unless told); throws on any GraphQL error. */
  query<T = unknown>(query: string, variables?: Record<string, unknown>, user?: string): Promise<T>;
  /** The user's numeric id, as Strapi puts it into a JWT. */
  userId(username: string): Promise<number>;
  stop(): Promise<void>;
}

/** Newest modification time under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stats = statSync(dir);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(dir).map((name) => newest(path.join(dir, name))));
}

/**
 * Compiling empties the compiled config first; an integration run booting at the same moment in
 * the same checkout would find none. So compile only when the compiled host app is missing or
 * older than its TypeScript.
 */
async function compileHostAppIfStale(): Promise<void> {
  const sources = Math.max(
    newest(path.join(cmsDir, 'config')),
    newest(path.join(cmsDir, 'src')),
    newest(path.join(cmsDir, 'tsconfig.json')),
  );
  // Only the compiled TypeScript counts: dist/build (the admin panel) is built separately.
  const compiled = Math.min(
    newest(path.join(cmsDir, 'dist', 'config')),
    newest(path.join(cmsDir, 'dist', 'src')),
  );
  if (compiled < sources) await compileHostApp();
}

export async function startRealCms(): Promise<RealCms> {
  await compileHostAppIfStale();
  const booted = await bootStrapi();
  const fixtures = await createFixtureUsers(booted.strapi, booted.url);
  return {
    url: booted.url,
    booted,
    fixtures,
    async query<T>(query: string, variables: Record<string, unknown> = {}, user = 'demoCurator'): Promise<T> {
      const jwt = fixtures.users[user]?.jwt;
      if (!jwt) throw new Error(`Нет тестового пользователя ${user}`);
      const response = await fetch(`${booted.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await response.text();
      const body = JSON.parse(raw) as { data?: T; errors?: unknown[] };
      if (!response.ok || body.errors || !body.data) throw new Error(`GraphQL ${response.status}: ${raw}`);
      return body.data;
    },
    async userId(username: string): Promise<number> {
      const row = (await booted.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { username }, select: ['id'] })) as { id: number } | null;
      if (!row) throw new Error(`Нет пользователя ${username}`);
      return row.id;
    },
    stop: () => booted.stop(),
  };
}

/**
 * An HS256 JWT as users-permissions issues it (`{ id, iat, exp }`). With the server's own
 * JWT_SECRET it is a genuine token of that server; with another secret it is one the server
 * refuses (as after the secret was rotated).
 */
export function signJwt(claims: { id: number; exp: number }, secret: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, iat: Math.floor(Date.now() / 1000) - 3600 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

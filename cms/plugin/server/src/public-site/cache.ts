/**
 * Rendered pages kept in memory, compressed once per encoding asked for, and served with an ETag. What makes a page stale is
 * any committed write to the plugin's data (publish, unpublish, edit, consent withdrawal): each one
 * increments a counter in the database, and every request reads the counter first, so an instance
 * never serves a page older than the last change committed through any instance sharing the database.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rowsOf, type RawRunner } from '../raw-sql.js';
import type { Strapi } from '../types.js';

const TABLE = 'nastavnik_public_version';
const MAX_ENTRIES = 2000;
/** The rows of the version table: every write of the plugin's data, and the case search index. */
const DATA = 1;
const SEARCH_INDEX = 2;

export interface CachedPage {
  status: number;
  type: string;
  body: Buffer;
  /** Compressed when a client first accepts the encoding, then kept with the page. */
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  headers: Record<string, string>;
}

export async function ensureVersionTable(strapi: Strapi) {
  await strapi.db.transaction(async ({ trx }) => {
    const db = trx as unknown as RawRunner;
    await db.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)`);
    const rows = rowsOf<{ id: number | string }>(await db.raw(`SELECT id FROM ${TABLE}`));
    for (const id of [DATA, SEARCH_INDEX])
      if (!rows.some((row) => Number(row.id) === id))
        await db.raw(`INSERT INTO ${TABLE} (id, version) VALUES (?, 1)`, [id]);
  });
}

/** Called after every committed write of the plugin's data; inside the writer's transaction if any. */
export async function bumpVersion(strapi: Strapi) {
  await strapi.db.transaction(async ({ trx }) => {
    await (trx as unknown as RawRunner).raw(`UPDATE ${TABLE} SET version = version + 1 WHERE id = ${DATA}`);
  });
}

export async function currentVersion(strapi: Strapi): Promise<string> {
  const rows = rowsOf<{ version: number | string }>(
    await strapi.db.connection.raw(`SELECT version FROM ${TABLE} WHERE id = ${DATA}`),
  );
  return String(rows[0]?.version ?? 0);
}

/**
 * Called in the transaction that changes the case search index (besides `bumpVersion`): what the
 * search keeps in memory of the index follows this counter, not every write of the plugin's data.
 */
export async function bumpSearchIndexVersion(db: RawRunner) {
  await db.raw(`UPDATE ${TABLE} SET version = version + 1 WHERE id = ${SEARCH_INDEX}`);
}

/** Both counters in one read: the plugin's data and the case search index. */
export async function currentVersions(strapi: Strapi): Promise<{ data: string; searchIndex: string }> {
  const rows = rowsOf<{ id: number | string; version: number | string }>(
    await strapi.db.connection.raw(`SELECT id, version FROM ${TABLE} WHERE id IN (${DATA}, ${SEARCH_INDEX})`),
  );
  const of = (id: number) => String(rows.find((row) => Number(row.id) === id)?.version ?? 0);
  return { data: of(DATA), searchIndex: of(SEARCH_INDEX) };
}

let cacheVersion = '';
const pages = new Map<string, CachedPage>();

export function cached(version: string, key: string): CachedPage | undefined {
  if (version !== cacheVersion) {
    pages.clear();
    cacheVersion = version;
  }
  return pages.get(key);
}

export function store(
  version: string,
  key: string,
  page: { status: number; type: string; body: string | Buffer; headers?: Record<string, string> },
): CachedPage {
  const body = Buffer.isBuffer(page.body) ? page.body : Buffer.from(page.body);
  const entry: CachedPage = {
    status: page.status,
    type: page.type,
    body,
    etag: `"${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
    headers: page.headers ?? {},
  };
  if (version === cacheVersion) {
    if (pages.size >= MAX_ENTRIES) pages.delete(pages.keys().next().value ?? '');
    pages.set(key, entry);
  }
  return entry;
}

/** The page's body in `encoding`, compressed once per cached page. */
export function compressed(entry: CachedPage, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'br')
    return (entry.br ??= brotliCompressSync(entry.body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
    }));
  return (entry.gzip ??= gzipSync(entry.body, { level: 6 }));
}

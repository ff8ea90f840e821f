/**
 * What the plugin's few raw SQL statements share (the search index, the version counters, the
 * pre-sync step): one answer shape across SQLite and PostgreSQL.
 */
import type { Strapi } from './types.js';

/** What raw SQL needs of knex or a knex transaction. */
export interface RawRunner {
  raw(sql: string, bindings?: readonly unknown[]): Promise<unknown>;
}

/** Rows of a raw SELECT: better-sqlite3 answers with the rows, pg with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

export const isPostgres = (strapi: Strapi) =>
  (strapi.db.dialect as { client?: string }).client === 'postgres';

/**
 * A unique index added by an upgrade must not stop the server that upgrades: Strapi's schema sync
 * creates it on start-up, and creating it fails while the table already holds rows that break it (a
 * database written before the index, when concurrent retries could both be stored). Run from the
 * `strapi::content-types.beforeSync` hook, where the tables are still as the previous version left
 * them, this resolves such rows as the type declares, once: when the index exists, nothing is done.
 */
import { definitions } from '../content-types/index.js';
import { isPostgres, rowsOf, type RawRunner } from '../raw-sql.js';
import type { Strapi } from '../types.js';

async function indexExists(strapi: Strapi, name: string): Promise<boolean> {
  const sql = isPostgres(strapi)
    ? 'SELECT indexname FROM pg_indexes WHERE indexname = ? AND schemaname = current_schema()'
    : "SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?";
  return rowsOf(await strapi.db.connection.raw(sql, [name])).length > 0;
}

export async function resolveDuplicatesBeforeIndexes(strapi: Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const { definition, schema } of definitions) {
    const table = String(schema.collectionName);
    for (const index of definition.uniqueIndexes ?? []) {
      if (!(await knex.schema.hasTable(table))) continue;
      const present = await Promise.all(index.columns.map((column) => knex.schema.hasColumn(table, column)));
      if (present.includes(false) || (await indexExists(strapi, index.name))) continue;
      // keep-oldest: a row goes when an earlier row (lower id) has the same values in every column.
      const repeats = `SELECT later.id FROM ${table} later JOIN ${table} earlier ON ${index.columns
        .map((column) => `earlier.${column} = later.${column}`)
        .join(' AND ')} AND earlier.id < later.id`;
      await strapi.db.transaction(async ({ trx: transaction }) => {
        const trx = transaction as unknown as RawRunner;
        const ids = rowsOf<{ id: number | string }>(await trx.raw(`SELECT DISTINCT id FROM (${repeats}) r`));
        if (!ids.length) return;
        await trx.raw(`DELETE FROM ${table} WHERE id IN (SELECT id FROM (${repeats}) r)`);
        // Counts only: the rows may carry personal data.
        strapi.log.warn(
          `Nastavnik: перед созданием уникального индекса ${index.name} удалено повторов в ${table}: ${ids.length} (оставлена самая ранняя запись каждого ключа).`,
        );
      });
    }
  }
}

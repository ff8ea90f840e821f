/**
 * Upgrading a database written before captures had a unique index on their resend key: the extension's
 * retries could then both be stored. Strapi creates the index on start-up, which fails over such rows;
 * the plugin resolves them first (the earliest capture of a key stays, the repeats and their links go),
 * so the upgraded server starts and the index holds from then on.
 */
import { describe, expect, it } from 'vitest';
import { bootStrapi, createTestDatabase, type BootedStrapi } from '../harness/strapi.js';

const CAPTURE = 'plugin::nastavnik.capture';
const TABLE = 'nastavnik_captures';
const INDEX = 'nastavnik_captures_idempotency_key_uq';

interface Row {
  id: number;
  document_id: string;
  idempotency_key: string;
}

describe('captures stored twice before the unique index', () => {
  it('keep the first of each key on upgrade, lose the repeats and their links, and the server starts', async () => {
    const database = await createTestDatabase();
    let booted: BootedStrapi | undefined;
    try {
      booted = await bootStrapi({ database, env: { SEED: 'false' } });
      const { strapi } = booted;
      const org = await strapi
        .documents('plugin::nastavnik.organisation')
        .create({ data: { name: 'Школа', slug: 'upgrade-school', kind: 'school' } });
      for (const key of ['key-1', 'key-2'])
        await strapi.documents(CAPTURE).create({
          data: {
            organisation: org.documentId,
            kind: 'article',
            sourceUrl: 'https://school.test/news/1',
            adapter: 'article',
            payload: { title: 'Статья' },
            idempotencyKey: key,
          },
        });
      const knex = strapi.db.connection;
      const link = strapi.db.metadata.get(CAPTURE).attributes.organisation as {
        joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
      };
      const { name: linkTable, joinColumn, inverseJoinColumn } = link.joinTable;
      const [first] = (await knex(TABLE).where({ idempotency_key: 'key-1' })) as Row[];
      if (!first) throw new Error('первая запись не сохранена');
      const [orgLink] = (await knex(linkTable).where({ [joinColumn.name]: first.id })) as Array<
        Record<string, number>
      >;
      // The database as the version before the index left it: no index, none in the schema Strapi
      // recorded (so this start creates it, as an upgrade does), and two repeats of key-1.
      // (PostgreSQL holds a unique index as a constraint.)
      if ((strapi.db.dialect as { client?: string }).client === 'postgres')
        await knex.raw(`ALTER TABLE ${TABLE} DROP CONSTRAINT ${INDEX}`);
      else await knex.raw(`DROP INDEX ${INDEX}`);
      const stored = (await knex('strapi_database_schema').first()) as { id: number; schema: unknown };
      const schema = (typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema) as {
        tables: Array<{ name: string; indexes: Array<{ name: string }> }>;
      };
      const table = schema.tables.find((t) => t.name === TABLE);
      if (!table) throw new Error('нет таблицы в записанной схеме');
      expect(table.indexes.map((i) => i.name)).toContain(INDEX);
      table.indexes = table.indexes.filter((i) => i.name !== INDEX);
      await knex('strapi_database_schema')
        .where({ id: stored.id })
        .update({ schema: JSON.stringify(schema), hash: 'before-the-index' });
      const repeatIds: number[] = [];
      for (const n of [1, 2]) {
        const { id: _id, ...copy } = first;
        await knex(TABLE).insert({ ...copy, document_id: `${first.document_id.slice(0, 20)}repeat${n}` });
        const [repeat] = (await knex(TABLE).where({
          document_id: `${first.document_id.slice(0, 20)}repeat${n}`,
        })) as Row[];
        if (!repeat) throw new Error('повтор не сохранён');
        repeatIds.push(repeat.id);
        await knex(linkTable).insert({
          [joinColumn.name]: repeat.id,
          [inverseJoinColumn.name]: orgLink?.[inverseJoinColumn.name],
        });
      }
      expect(await knex(TABLE).where({ idempotency_key: 'key-1' })).toHaveLength(3);
      await booted.stop();
      booted = undefined;

      booted = await bootStrapi({ database, env: { SEED: 'false' } });
      const after = booted.strapi.db.connection;
      const rows = (await after(TABLE).select('id', 'document_id', 'idempotency_key').orderBy('id')) as Row[];
      expect(rows.map((r) => r.idempotency_key)).toEqual(['key-1', 'key-2']);
      expect(rows[0]?.id).toBe(first.id);
      expect(await after(linkTable).whereIn(joinColumn.name, repeatIds)).toEqual([]);
      expect(await after(linkTable).where({ [joinColumn.name]: first.id })).toHaveLength(1);
      // The index is there now: the database itself refuses a repeat.
      const { id: _id, ...copy } = first;
      await expect(after(TABLE).insert({ ...copy, document_id: 'one-more-repeat' })).rejects.toThrow();
    } finally {
      await booted?.stop();
      await database.drop();
    }
  });
});

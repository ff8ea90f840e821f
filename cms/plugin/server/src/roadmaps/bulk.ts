/**
 * Bulk insertion for imports of thousands of rows: one INSERT per batch for the rows, one per batch for
 * each relation's link table, all inside the caller's transaction. The document service would take a
 * round of queries per row. Table and column names come from Strapi's own metadata, so this follows the
 * schema on SQLite and PostgreSQL alike.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Strapi } from '../types.js';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

const BATCH = 200;

/** The knex transaction `strapi.db.transaction(({ trx }) => …)` hands over; raw queries must use it. */
export type KnexTransaction = (table: string) => { insert(rows: unknown[]): Promise<unknown> };

/**
 * Insert rows of a content type without draft & publish, each linked to its many-to-one target. A
 * target with draft & publish has two rows (draft and published) and Strapi links to both, so a target
 * is given as all of its row ids. Returns the new rows' ids and documentIds, in order.
 */
export async function insertRows(
  strapi: Strapi,
  uid: string,
  rows: Array<Record<string, unknown>>,
  links: Record<string, readonly number[]>,
  trx: KnexTransaction,
  /** Many-to-many links that differ per row: attribute → target row ids for each inserted row. */
  rowLinks: Record<string, ReadonlyArray<readonly number[]>> = {},
): Promise<Array<{ id: number; documentId: string }>> {
  if (!rows.length) return [];
  const now = new Date();
  const documentIds = rows.map(() => createId());
  const data = rows.map((row, i) => ({
    ...row,
    documentId: documentIds[i],
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  await strapi.db.query(uid).createMany({ data });

  const created: Array<{ id: number; documentId: string }> = [];
  for (let i = 0; i < documentIds.length; i += BATCH) {
    const chunk = documentIds.slice(i, i + BATCH);
    const found = (await strapi.db
      .query(uid)
      .findMany({ where: { documentId: { $in: chunk } }, select: ['id', 'documentId'] })) as Array<{
      id: number;
      documentId: string;
    }>;
    const byDoc = new Map(found.map((r) => [r.documentId, r.id]));
    for (const documentId of chunk) {
      const id = byDoc.get(documentId);
      if (id === undefined) throw new Error(`${uid}: an inserted row was not found again (${documentId})`);
      created.push({ id, documentId });
    }
  }

  const meta = strapi.db.metadata.get(uid) as unknown as {
    attributes: Record<string, { joinTable?: JoinTable }>;
  };
  for (const [attribute, targetIds] of Object.entries(links)) {
    const joinTable = meta.attributes[attribute]?.joinTable;
    if (!joinTable) throw new Error(`${uid}.${attribute} is not a relation with a link table`);
    const linkRows = targetIds.flatMap((targetId) =>
      created.map((row, i) => ({
        [joinTable.joinColumn.name]: row.id,
        [joinTable.inverseJoinColumn.name]: targetId,
        ...(joinTable.inverseOrderColumnName ? { [joinTable.inverseOrderColumnName]: i + 1 } : {}),
        ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: 1 } : {}),
      })),
    );
    for (let i = 0; i < linkRows.length; i += BATCH) {
      await trx(joinTable.name).insert(linkRows.slice(i, i + BATCH));
    }
  }
  for (const [attribute, perRow] of Object.entries(rowLinks)) {
    const joinTable = meta.attributes[attribute]?.joinTable;
    if (!joinTable) throw new Error(`${uid}.${attribute} is not a relation with a link table`);
    const linkRows = created.flatMap((row, i) =>
      (perRow[i] ?? []).map((targetId, order) => ({
        [joinTable.joinColumn.name]: row.id,
        [joinTable.inverseJoinColumn.name]: targetId,
        ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: order + 1 } : {}),
        ...(joinTable.inverseOrderColumnName ? { [joinTable.inverseOrderColumnName]: 1 } : {}),
      })),
    );
    for (let i = 0; i < linkRows.length; i += BATCH) {
      await trx(joinTable.name).insert(linkRows.slice(i, i + BATCH));
    }
  }
  return created;
}

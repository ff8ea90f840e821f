import type { ContentTypeDefinition } from '../content-types/define.js';
import type { Strapi } from '../types.js';

/**
 * The documentIds a relation value in document-service data refers to, in any of the forms Strapi
 * accepts: an id, a list, `{ connect, set }` with ids or `{ documentId }` objects. Numeric ids are
 * internal row ids, which content-API callers do not use.
 */
export function collectRelationIds(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (v == null) return;
    if (typeof v === 'string') {
      out.push(v);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.documentId === 'string') out.push(o.documentId);
      visit(o.connect);
      visit(o.set);
    }
  };
  visit(value);
  return [...new Set(out)];
}

/** documentId → the organisation it belongs to (itself for organisations); absent when not found. */
export async function organisationOfDocuments(
  strapi: Strapi,
  uid: string,
  definition: ContentTypeDefinition,
  documentIds: string[],
): Promise<Map<string, string | null>> {
  if (!documentIds.length) return new Map();
  if (definition.tenancy === 'self') {
    const rows = (await strapi.db.query(uid).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    return new Map(rows.map((r) => [r.documentId, r.documentId]));
  }
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId'],
    populate: { organisation: { select: ['documentId'] } },
  })) as Array<{ documentId: string; organisation: { documentId: string } | null }>;
  const result = new Map<string, string | null>();
  for (const row of rows) {
    // Draft and published rows of one document share the organisation; any non-null one decides.
    if (!result.get(row.documentId)) result.set(row.documentId, row.organisation?.documentId ?? null);
  }
  return result;
}

/**
 * The organisation tree, read straight from the database (never through the document service, whose
 * middleware this module serves). It is small (thousands of rows at a regional scale), so it is kept in
 * memory and dropped whenever an organisation is written.
 */
import type { Strapi } from '../types.js';

export interface OrganisationNode {
  id: number;
  documentId: string;
  kind: string;
  parentDocumentId: string | null;
  timezone: string;
}

const ORG = 'plugin::nastavnik.organisation';

let cache: Promise<Map<string, OrganisationNode>> | undefined;

export function invalidateOrganisations(): void {
  cache = undefined;
}

async function load(strapi: Strapi): Promise<Map<string, OrganisationNode>> {
  // Draft & publish is off for organisations, so one row per document.
  const rows = (await strapi.db.query(ORG).findMany({
    select: ['id', 'documentId', 'kind', 'timezone'],
    populate: { parent: { select: ['documentId'] } },
  })) as Array<{
    id: number;
    documentId: string;
    kind: string;
    timezone: string | null;
    parent: { documentId: string } | null;
  }>;
  return new Map(
    rows.map((r) => [
      r.documentId,
      {
        id: r.id,
        documentId: r.documentId,
        kind: r.kind,
        parentDocumentId: r.parent?.documentId ?? null,
        timezone: r.timezone ?? 'Europe/Moscow',
      },
    ]),
  );
}

export function organisations(strapi: Strapi): Promise<Map<string, OrganisationNode>> {
  cache ??= load(strapi).catch((error: unknown) => {
    cache = undefined;
    throw error;
  });
  return cache;
}

/** The organisation and everything below it. */
export async function subtreeOf(strapi: Strapi, rootDocumentId: string): Promise<Set<string>> {
  const all = await organisations(strapi);
  const children = new Map<string, string[]>();
  for (const node of all.values()) {
    if (!node.parentDocumentId) continue;
    const list = children.get(node.parentDocumentId) ?? [];
    list.push(node.documentId);
    children.set(node.parentDocumentId, list);
  }
  const result = new Set<string>();
  const stack = all.has(rootDocumentId) ? [rootDocumentId] : [];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (result.has(id)) continue; // a cycle in bad data must not hang the server
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** The chain from the organisation up to the root, the organisation first. */
export async function ancestorsOf(strapi: Strapi, documentId: string): Promise<string[]> {
  const all = await organisations(strapi);
  const chain: string[] = [];
  let current = all.get(documentId);
  while (current && !chain.includes(current.documentId)) {
    chain.push(current.documentId);
    current = current.parentDocumentId ? all.get(current.parentDocumentId) : undefined;
  }
  return chain;
}

/**
 * Russian full-text search over the public case library, with ranking, snippets and facets. Only what a
 * visitor may see is indexed: approved, published cases, their public fields. The index is a table of
 * our own, kept in step by the case type's afterWrite rule and rebuilt at start-up:
 * - PostgreSQL: a tsvector of the `russian` configuration (title weighted above the text), GIN index,
 *   `plainto_tsquery` and `ts_rank_cd`;
 * - SQLite: FTS5 over Snowball stems computed here (@orama/stemmers), ranked by bm25.
 * Both drop the same stop words and fold «ё», so a query finds the same cases on either database.
 */
import sanitizeHtml from 'sanitize-html';
import { stemmer } from '@orama/stemmers/russian';
import { searchableText, searchTerms, snippet, stemmedText, type SnippetPart } from '@nastavnik/shared';
import { subtreeOf } from '../tenancy/organisations.js';
import { bumpVersion, currentVersion } from '../public-site/cache.js';
import type { Strapi } from '../types.js';

const CASE = 'plugin::nastavnik.case';
const TABLE = 'nastavnik_case_search';
const FTS = 'nastavnik_case_fts';

/** What raw SQL needs of knex or a knex transaction. */
interface RawRunner {
  raw(sql: string, bindings?: readonly unknown[]): Promise<unknown>;
}

type Client = 'postgres' | 'sqlite';

const clientOf = (strapi: Strapi): Client =>
  (strapi.db.dialect as { client?: string }).client === 'postgres' ? 'postgres' : 'sqlite';

/** Rows of a raw SELECT: better-sqlite3 answers with the rows, pg with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

/** Run in the caller's transaction when there is one (seeding, a write), else in a new one. */
const inTransaction = <T>(strapi: Strapi, fn: (db: RawRunner) => Promise<T>) =>
  strapi.db.transaction(({ trx }) => fn(trx as unknown as RawRunner));

export async function ensureSearchTables(strapi: Strapi) {
  await inTransaction(strapi, async (db) => {
    const pg = clientOf(strapi) === 'postgres';
    await db.raw(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
        document_id VARCHAR(255) PRIMARY KEY,
        slug VARCHAR(255),
        title TEXT NOT NULL,
        summary TEXT,
        body TEXT NOT NULL,
        form VARCHAR(64),
        organisation VARCHAR(255),
        organisation_slug VARCHAR(255),
        organisation_name TEXT,
        organisation_kind VARCHAR(64),
        year INTEGER,
        tags TEXT NOT NULL
        ${pg ? ', tsv tsvector' : ''}
      )`,
    );
    if (pg) await db.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_tsv ON ${TABLE} USING GIN (tsv)`);
    else
      await db.raw(
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(document_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')`,
      );
  });
}

interface StoredCase {
  documentId: string;
  slug?: string | null;
  title: string;
  summary?: string | null;
  audience?: string | null;
  problem?: string | null;
  solution?: string | null;
  results?: string | null;
  periodText?: string | null;
  form?: string | null;
  tags?: unknown;
  publishedAt?: string | null;
  organisation?: {
    documentId: string;
    slug: string;
    name: string;
    shortName?: string | null;
    kind: string;
  } | null;
}

const plain = (html: string | null | undefined) =>
  html ? sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim() : '';

const tagsOf = (tags: unknown): string[] =>
  Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];

/** The year a case is about: the first year its period names, else the year it was published. */
function yearOf(c: StoredCase): number | null {
  const written = /\b(20\d\d)\b/.exec(c.periodText ?? '')?.[1];
  if (written) return Number(written);
  return c.publishedAt ? new Date(c.publishedAt).getUTCFullYear() : null;
}

/** The text searched besides the title: every public text field, the solution without its markup. */
const bodyOf = (c: StoredCase) =>
  [c.summary, c.audience, c.problem, plain(c.solution), c.results, tagsOf(c.tags).join(', ')]
    .map((s) => (s ?? '').trim())
    .filter(Boolean)
    .join('\n');

async function publicCases(strapi: Strapi, documentIds?: string[]): Promise<StoredCase[]> {
  return (await strapi.db.query(CASE).findMany({
    where: {
      publishedAt: { $notNull: true },
      reviewState: 'approved',
      ...(documentIds ? { documentId: { $in: documentIds } } : {}),
    },
    populate: { organisation: { select: ['documentId', 'slug', 'name', 'shortName', 'kind'] } },
  })) as StoredCase[];
}

async function writeEntries(strapi: Strapi, db: RawRunner, cases: StoredCase[]) {
  const pg = clientOf(strapi) === 'postgres';
  for (const c of cases) {
    const body = bodyOf(c);
    const tags = tagsOf(c.tags);
    const values = [
      c.documentId,
      c.slug ?? null,
      c.title,
      c.summary ?? null,
      body,
      c.form ?? null,
      c.organisation?.documentId ?? null,
      c.organisation?.slug ?? null,
      c.organisation ? c.organisation.shortName || c.organisation.name : null,
      c.organisation?.kind ?? null,
      yearOf(c),
      JSON.stringify(tags),
    ];
    const columns =
      'document_id, slug, title, summary, body, form, organisation, organisation_slug, organisation_name, organisation_kind, year, tags';
    if (pg) {
      await db.raw(
        `INSERT INTO ${TABLE} (${columns}, tsv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
          setweight(to_tsvector('russian', ?), 'A') || setweight(to_tsvector('russian', ?), 'B'))`,
        [...values, searchableText(c.title), searchableText(body)],
      );
    } else {
      await db.raw(`INSERT INTO ${TABLE} (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, values);
      // The same rowid in both tables: a match joins its entry by the integer key, not by a text column.
      await db.raw(
        `INSERT INTO ${FTS} (rowid, document_id, title, body) SELECT rowid, document_id, ?, ? FROM ${TABLE} WHERE document_id = ?`,
        [stemmedText(c.title, stemmer), stemmedText(body, stemmer), c.documentId],
      );
    }
  }
}

async function deleteEntries(strapi: Strapi, db: RawRunner, documentIds?: string[]) {
  const tables = clientOf(strapi) === 'postgres' ? [TABLE] : [TABLE, FTS];
  for (const table of tables) {
    if (!documentIds) await db.raw(`DELETE FROM ${table}`);
    else if (documentIds.length)
      await db.raw(
        `DELETE FROM ${table} WHERE document_id IN (${documentIds.map(() => '?').join(', ')})`,
        documentIds,
      );
  }
}

/** Bring one case's entry in line with what visitors may see of it now (gone when not public). */
export async function reindexCase(strapi: Strapi, documentId: string) {
  await inTransaction(strapi, async (db) => {
    await deleteEntries(strapi, db, [documentId]);
    await writeEntries(strapi, db, await publicCases(strapi, [documentId]));
    // Searches are cached per data version: the index's own change makes a new one, whichever order
    // the case's write and its reindexing commit in.
    await bumpVersion(strapi);
  });
}

/** The whole index from the cases as they are (start-up; cheap next to the rest of a boot). */
export async function reindexAllCases(strapi: Strapi) {
  await inTransaction(strapi, async (db) => {
    await deleteEntries(strapi, db);
    await writeEntries(strapi, db, await publicCases(strapi));
  });
}

export interface CaseSearchQuery {
  text?: string;
  form?: string;
  organisationKind?: string;
  /** An organisation's documentId: its cases and those of every organisation below it. */
  organisation?: string;
  year?: number;
  tag?: string;
  limit?: number;
  offset?: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface CaseHit {
  documentId: string;
  slug: string | null;
  title: string;
  summary: string | null;
  form: string | null;
  organisation: { documentId: string | null; slug: string | null; name: string | null; kind: string | null };
  year: number | null;
  tags: string[];
  /** The best stretch of the text with the searched words marked; empty without a query. */
  snippet: SnippetPart[];
}

export interface CaseSearchResult {
  total: number;
  hits: CaseHit[];
  facets: {
    form: FacetValue[];
    organisationKind: FacetValue[];
    organisation: Array<FacetValue & { name: string | null; slug: string | null }>;
    year: FacetValue[];
    tag: FacetValue[];
  };
}

interface EntryRow {
  document_id: string;
  slug: string | null;
  title: string;
  summary: string | null;
  form: string | null;
  organisation: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  organisation_kind: string | null;
  year: number | string | null;
  tags: string;
}

const facet = (counts: Map<string, number>): FacetValue[] =>
  [...counts]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

const parseTags = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return tagsOf(value);
};

/**
 * Cases matching the query, best first (newest first without words), with facet counts over every
 * match, so a visitor sees how many cases each further filter would leave.
 */
async function runSearch(strapi: Strapi, query: CaseSearchQuery, terms: string[]): Promise<CaseSearchResult> {
  const client = clientOf(strapi);
  const where: string[] = [];
  const bindings: unknown[] = [];
  let from = `${TABLE} s`;
  let order = 's.year DESC, s.title ASC';
  if (terms.length) {
    if (client === 'postgres') {
      where.push(`s.tsv @@ plainto_tsquery('russian', ?)`);
      bindings.push(searchableText(query.text ?? ''));
      order = `ts_rank_cd(s.tsv, plainto_tsquery('russian', ?)) DESC, s.title ASC`;
    } else {
      from = `${FTS} f JOIN ${TABLE} s ON s.rowid = f.rowid`;
      where.push(`${FTS} MATCH ?`);
      bindings.push(terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' '));
      order = `bm25(${FTS}, 5.0, 1.0) ASC, s.title ASC`;
    }
  } else if (query.text?.trim()) {
    // Only stop words or symbols: nothing to look for, as PostgreSQL would say.
    return {
      total: 0,
      hits: [],
      facets: { form: [], organisationKind: [], organisation: [], year: [], tag: [] },
    };
  }
  if (query.form) {
    where.push('s.form = ?');
    bindings.push(query.form);
  }
  if (query.organisationKind) {
    where.push('s.organisation_kind = ?');
    bindings.push(query.organisationKind);
  }
  if (query.year) {
    where.push('s.year = ?');
    bindings.push(query.year);
  }
  if (query.organisation) {
    const scope = [...(await subtreeOf(strapi, query.organisation))];
    if (!scope.length) scope.push(query.organisation);
    where.push(`s.organisation IN (${scope.map(() => '?').join(', ')})`);
    bindings.push(...scope);
  }
  if (query.tag) {
    // Topics are stored as a JSON list of strings: the quoted topic inside it.
    where.push('s.tags LIKE ?');
    bindings.push(`%${JSON.stringify(query.tag).replace(/[%_]/g, '')}%`);
  }
  const scope = `FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(Math.max(1, query.limit ?? 20), 100);
  const orderBindings = terms.length && client === 'postgres' ? [searchableText(query.text ?? '')] : [];
  const run = async <T>(sql: string, extra: unknown[] = []) =>
    rowsOf<T>(await strapi.db.connection.raw(sql, [...bindings, ...extra]));
  // The database ranks and counts; only one page of hits and the facet counts come back.
  const [page, groups] = await Promise.all([
    run<EntryRow & { body: string }>(
      `SELECT s.document_id, s.slug, s.title, s.summary, s.body, s.form, s.organisation, s.organisation_slug,
        s.organisation_name, s.organisation_kind, s.year, s.tags ${scope} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...orderBindings, limit, offset],
    ),
    // One pass over the matches: every combination of facet values with its count (a few hundred at most).
    run<{
      form: string | null;
      kind: string | null;
      organisation: string | null;
      name: string | null;
      slug: string | null;
      year: number | string | null;
      tags: string;
      n: number | string;
    }>(
      `SELECT s.form AS form, s.organisation_kind AS kind, s.organisation AS organisation,
        MIN(s.organisation_name) AS name, MIN(s.organisation_slug) AS slug, s.year AS year, s.tags AS tags, COUNT(*) AS n
        ${scope} GROUP BY s.form, s.organisation_kind, s.organisation, s.year, s.tags`,
    ),
  ]);
  const add = (map: Map<string, number>, key: string | number | null, n: number) => {
    if (key === null || key === '') return;
    map.set(String(key), (map.get(String(key)) ?? 0) + n);
  };
  const forms = new Map<string, number>();
  const kinds = new Map<string, number>();
  const organisationCounts = new Map<string, number>();
  const years = new Map<string, number>();
  const tagCounts = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    const n = Number(g.n);
    total += n;
    add(forms, g.form, n);
    add(kinds, g.kind, n);
    add(organisationCounts, g.organisation, n);
    add(years, g.year, n);
    for (const tag of parseTags(g.tags)) add(tagCounts, tag, n);
  }
  const organisations = groups.map((g) => ({ value: g.organisation, name: g.name, slug: g.slug }));
  const named = new Map(organisations.map((o) => [String(o.value), o]));
  return {
    total,
    hits: page.map((r) => ({
      documentId: r.document_id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      form: r.form,
      organisation: {
        documentId: r.organisation,
        slug: r.organisation_slug,
        name: r.organisation_name,
        kind: r.organisation_kind,
      },
      year: r.year === null ? null : Number(r.year),
      tags: parseTags(r.tags),
      snippet: terms.length ? snippet(r.body, terms, stemmer) : [],
    })),
    facets: {
      form: facet(forms),
      organisationKind: facet(kinds),
      organisation: facet(organisationCounts).map((f) => ({
        ...f,
        name: named.get(f.value)?.name ?? null,
        slug: named.get(f.value)?.slug ?? null,
      })),
      year: facet(years).sort((a, b) => b.value.localeCompare(a.value)),
      tag: facet(tagCounts),
    },
  };
}

const MAX_CACHED = 500;
let resultsVersion = '';
const results = new Map<string, Promise<CaseSearchResult>>();

/**
 * Cases matching the query, best first (newest first without words), with facet counts over every
 * match. Answers are kept per data version (the counter every write of the plugin's data and every
 * reindexing moves), keyed by the stems rather than the words typed, so «наставнику» and «наставники»
 * share one answer and a repeated search costs no query but the version's.
 */
export async function searchCases(strapi: Strapi, query: CaseSearchQuery): Promise<CaseSearchResult> {
  const terms = searchTerms(query.text ?? '', stemmer);
  const version = await currentVersion(strapi);
  if (version !== resultsVersion) {
    results.clear();
    resultsVersion = version;
  }
  const key = JSON.stringify([
    [...terms].sort(),
    query.text?.trim() ? 1 : 0,
    query.form ?? null,
    query.organisationKind ?? null,
    query.organisation ?? null,
    query.year ?? null,
    query.tag ?? null,
    query.limit ?? null,
    query.offset ?? null,
  ]);
  let found = results.get(key);
  if (!found) {
    found = runSearch(strapi, query, terms);
    // A failed search is not kept; the next request tries again.
    found.catch(() => results.delete(key));
    if (results.size >= MAX_CACHED) results.delete(results.keys().next().value ?? '');
    results.set(key, found);
  }
  return found;
}

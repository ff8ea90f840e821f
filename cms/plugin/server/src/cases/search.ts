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
import { stemmer as snowball } from '@orama/stemmers/russian';
import { searchableText, searchTerms, snippet, stemmedText, type SnippetPart } from '@nastavnik/shared';
import { subtreeOf } from '../tenancy/organisations.js';
import { bumpSearchIndexVersion, bumpVersion, currentVersions } from '../public-site/cache.js';
import { BoundedCache } from './bounded-cache.js';
import {
  buildSnapshot,
  filterPage,
  intersect,
  matchList,
  type MatchList,
  type Facets,
  type Snapshot,
  type SnapshotRow,
} from './search-snapshot.js';
import { isPostgres, rowsOf, type RawRunner } from '../raw-sql.js';
import type { Strapi } from '../types.js';

/**
 * Snowball's stem of a word, remembered: every snippet stems each word of its case's text, and the
 * words of a library repeat far more than they vary.
 */
const stems = new Map<string, string>();
const stemmer = (word: string): string => {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= 100_000) stems.clear();
    stem = snowball(word);
    stems.set(word, stem);
  }
  return stem;
};

const CASE = 'plugin::nastavnik.case';
const TABLE = 'nastavnik_case_search';
const FTS = 'nastavnik_case_fts';

type Client = 'postgres' | 'sqlite';

const clientOf = (strapi: Strapi): Client => (isPostgres(strapi) ? 'postgres' : 'sqlite');

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
    await bumpSearchIndexVersion(db);
  });
}

/** The whole index from the cases as they are (start-up; cheap next to the rest of a boot). */
export async function reindexAllCases(strapi: Strapi) {
  await inTransaction(strapi, async (db) => {
    await deleteEntries(strapi, db);
    await writeEntries(strapi, db, await publicCases(strapi));
    await bumpSearchIndexVersion(db);
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
  facets: Facets;
}

interface EntryRow {
  document_id: string;
  slug: string | null;
  title: string;
  summary: string | null;
  body: string;
  form: string | null;
  organisation: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  organisation_kind: string | null;
  year: number | string | null;
  tags: string;
}

const parseTags = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return tagsOf(value);
};

/** Sets of words whose matches and scores one snapshot keeps: the searches visitors are narrowing now. */
const MAX_MATCHES = 128;
/** Matches kept per stem (SQLite), counted in cases, about 12 bytes each. */
const MAX_STEM_MATCHES = 1_000_000;
/** Answers kept per data version. */
const MAX_ANSWERS = 500;

/** What one Strapi instance keeps in memory of the index, for one version of it. */
interface IndexMemory {
  version: string;
  snapshot: Promise<Snapshot>;
  /** The matches of a set of stems with their scores. */
  matches: BoundedCache<MatchList>;
  /** The matches of one stem with its BM25 weight (SQLite), from which any set of stems is summed. */
  stems: BoundedCache<MatchList>;
}

interface Memory {
  index?: IndexMemory;
  answersVersion: string;
  answers: BoundedCache<CaseSearchResult>;
}

const memories = new WeakMap<Strapi, Memory>();

const memoryOf = (strapi: Strapi): Memory => {
  let memory = memories.get(strapi);
  if (!memory)
    memories.set(strapi, (memory = { answersVersion: '', answers: new BoundedCache(MAX_ANSWERS) }));
  return memory;
};

/**
 * Every indexed case's facet values. The caller reads the version before this reads the rows, so the
 * snapshot is never older than the version it is kept under.
 */
async function loadSnapshot(strapi: Strapi): Promise<Snapshot> {
  const key = clientOf(strapi) === 'postgres' ? 'document_id' : 'rowid';
  const rows = rowsOf<{
    k: string | number;
    document_id: string;
    title: string;
    form: string | null;
    organisation: string | null;
    organisation_name: string | null;
    organisation_slug: string | null;
    organisation_kind: string | null;
    year: number | string | null;
    tags: string;
  }>(
    await strapi.db.connection.raw(
      `SELECT ${key} AS k, document_id, title, form, organisation, organisation_name, organisation_slug,
        organisation_kind, year, tags FROM ${TABLE}`,
    ),
  );
  return buildSnapshot(
    rows.map((r): SnapshotRow => ({
      key: r.k,
      documentId: r.document_id,
      title: r.title,
      form: r.form,
      organisation: r.organisation,
      organisationName: r.organisation_name,
      organisationSlug: r.organisation_slug,
      organisationKind: r.organisation_kind,
      year: r.year === null ? null : Number(r.year),
      tags: parseTags(r.tags),
    })),
  );
}

function indexMemory(strapi: Strapi, version: string): IndexMemory {
  const memory = memoryOf(strapi);
  if (memory.index?.version !== version) {
    const snapshot = loadSnapshot(strapi);
    const index: IndexMemory = {
      version,
      snapshot,
      matches: new BoundedCache(MAX_MATCHES),
      stems: new BoundedCache(MAX_STEM_MATCHES, (list) => list.positions.length),
    };
    // A failed load is not kept: the next search loads again.
    snapshot.catch(() => {
      if (memory.index === index) memory.index = undefined;
    });
    memory.index = index;
  }
  return memory.index;
}

/**
 * The cases matching every word, with their scores. PostgreSQL ranks the words together (cover density);
 * SQLite's BM25 is a sum over the words, so each stem is looked up once and a new combination of
 * stems already looked up is summed in memory.
 */
async function matchWords(
  strapi: Strapi,
  index: IndexMemory,
  snapshot: Snapshot,
  text: string,
  terms: string[],
): Promise<MatchList> {
  if (clientOf(strapi) === 'postgres') {
    const rows = rowsOf<{ k: string; r: number | string }>(
      await strapi.db.connection.raw(
        `SELECT document_id AS k, ts_rank_cd(tsv, q) AS r FROM ${TABLE}, plainto_tsquery('russian', ?) q WHERE tsv @@ q`,
        [searchableText(text)],
      ),
    );
    return matchList(
      snapshot,
      rows.map((row) => ({ key: row.k, score: Number(row.r) })),
    );
  }
  const lists = await Promise.all(
    terms.map((stem) =>
      index.stems.get(stem, async () => {
        const rows = rowsOf<{ k: number; r: number }>(
          await strapi.db.connection.raw(
            `SELECT rowid AS k, bm25(${FTS}, 5.0, 1.0) AS r FROM ${FTS} WHERE ${FTS} MATCH ?`,
            [`"${stem.replace(/"/g, '')}"`],
          ),
        );
        // bm25 is lower for a better match.
        return matchList(
          snapshot,
          rows.map((row) => ({ key: row.k, score: -row.r })),
        );
      }),
    ),
  );
  return intersect(lists);
}

async function pageRows(strapi: Strapi, documentIds: string[]): Promise<Map<string, EntryRow>> {
  if (!documentIds.length) return new Map();
  const rows = rowsOf<EntryRow>(
    await strapi.db.connection.raw(
      `SELECT document_id, slug, title, summary, body, form, organisation, organisation_slug, organisation_name,
        organisation_kind, year, tags FROM ${TABLE} WHERE document_id IN (${documentIds.map(() => '?').join(', ')})`,
      documentIds,
    ),
  );
  return new Map(rows.map((row) => [row.document_id, row]));
}

const EMPTY: CaseSearchResult = {
  total: 0,
  hits: [],
  facets: { form: [], organisationKind: [], organisation: [], year: [], tag: [] },
};

async function runSearch(
  strapi: Strapi,
  indexVersion: string,
  query: CaseSearchQuery,
  terms: string[],
): Promise<CaseSearchResult> {
  // Only stop words or symbols: nothing to look for, as PostgreSQL would say.
  if (!terms.length && query.text?.trim()) return EMPTY;
  const index = indexMemory(strapi, indexVersion);
  const snapshot = await index.snapshot;
  let cases: Int32Array | MatchList = snapshot.listing;
  if (terms.length) {
    cases = await index.matches.get(JSON.stringify([...terms].sort()), () =>
      matchWords(strapi, index, snapshot, query.text ?? '', terms),
    );
  }
  let organisations: Set<string> | undefined;
  if (query.organisation) {
    organisations = await subtreeOf(strapi, query.organisation);
    if (!organisations.size) organisations.add(query.organisation);
  }
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(Math.max(1, query.limit ?? 20), 100);
  const found = filterPage(
    snapshot,
    cases,
    {
      form: query.form,
      organisationKind: query.organisationKind,
      organisations,
      year: query.year,
      tag: query.tag,
    },
    offset,
    limit,
  );
  const rows = await pageRows(strapi, found.page);
  return {
    total: found.total,
    // A case removed after the snapshot was taken has no row any more, and is left out.
    hits: found.page.flatMap((documentId) => {
      const r = rows.get(documentId);
      if (!r) return [];
      return [
        {
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
        },
      ];
    }),
    facets: found.facets,
  };
}

/**
 * Cases matching the query, best first (newest first without words), with facet counts over every
 * match. Three things are kept in memory, each under the version counter that changes it:
 * - per search index version, a snapshot of every case's facet values, and the matches of the words
 *   asked recently, so narrowing or paging a search asks the database nothing about the words again;
 * - per data version (every write of the plugin's data), whole answers, keyed by the stems rather
 *   than the words typed, so «наставнику» and «наставники» share one.
 * Both counters come from the database in one read per search, so a search never answers from an
 * index older than the last change committed through any instance sharing the database.
 */
export async function searchCases(strapi: Strapi, query: CaseSearchQuery): Promise<CaseSearchResult> {
  const terms = searchTerms(query.text ?? '', stemmer);
  const versions = await currentVersions(strapi);
  const memory = memoryOf(strapi);
  if (versions.data !== memory.answersVersion) {
    memory.answers.clear();
    memory.answersVersion = versions.data;
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
  return memory.answers.get(key, () => runSearch(strapi, versions.searchIndex, query, terms));
}

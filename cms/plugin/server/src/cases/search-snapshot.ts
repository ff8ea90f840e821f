/**
 * The filtering, counting and ordering half of the case search, in memory. The database decides which
 * cases match the words and how well (the language work: stems, stop words, ranking); everything a
 * visitor then does with a search (narrow it by form, year, topic or organisation, read the counts,
 * turn the page) is arithmetic over a snapshot of the index that holds only the facet values as small
 * integer codes. A facet click is then a pass over typed arrays instead of a query that joins and
 * groups every match again; the snapshot is rebuilt when the index changes.
 */

/** One indexed case as the snapshot keeps it: its facet values and what orders it. */
export interface SnapshotRow {
  /** The key the database's match query answers with (SQLite's rowid, PostgreSQL's documentId). */
  key: string | number;
  documentId: string;
  title: string;
  form: string | null;
  organisation: string | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationKind: string | null;
  year: number | null;
  tags: readonly string[];
}

/** A set of distinct values and the code of each (its position). */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return -1;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value asked for, -2 for one no case has (matches nothing, unlike -1 «none»). */
  find(value: string): number {
    return this.codes.get(value) ?? -2;
  }
}

export interface Snapshot {
  readonly size: number;
  readonly documentIds: readonly string[];
  readonly positionOf: ReadonlyMap<string | number, number>;
  readonly form: Int32Array;
  readonly kind: Int32Array;
  readonly organisation: Int32Array;
  readonly year: Int32Array;
  /** Topics as compressed rows: the codes of case i are tagCodes[tagStart[i] .. tagStart[i + 1]). */
  readonly tagStart: Int32Array;
  readonly tagCodes: Int32Array;
  /** Position of each case in Russian alphabetical order of titles: the tie-break of every order. */
  readonly titleRank: Int32Array;
  /** Every case, newest year first, then by title: the library without words. */
  readonly listing: Int32Array;
  readonly forms: Dictionary;
  readonly kinds: Dictionary;
  readonly organisations: Dictionary;
  readonly organisationNames: ReadonlyArray<{ name: string | null; slug: string | null }>;
  readonly tags: Dictionary;
}

/** A code from a typed array; -1 («none») past its end, which the loops below never reach. */
const at = (codes: Int32Array, i: number) => codes[i] ?? -1;

const count = (counts: Int32Array, code: number) => {
  if (code >= 0) counts[code] = (counts[code] ?? 0) + 1;
};

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

export function buildSnapshot(rows: readonly SnapshotRow[]): Snapshot {
  const size = rows.length;
  const forms = new Dictionary();
  const kinds = new Dictionary();
  const organisations = new Dictionary();
  const tags = new Dictionary();
  const organisationNames: Array<{ name: string | null; slug: string | null }> = [];
  const form = new Int32Array(size);
  const kind = new Int32Array(size);
  const organisation = new Int32Array(size);
  const year = new Int32Array(size);
  const tagStart = new Int32Array(size + 1);
  const tagList: number[] = [];
  const positionOf = new Map<string | number, number>();
  rows.forEach((row, i) => {
    positionOf.set(row.key, i);
    form[i] = forms.code(row.form);
    kind[i] = kinds.code(row.organisationKind);
    const org = organisations.code(row.organisation);
    organisation[i] = org;
    if (org >= 0 && !organisationNames[org])
      organisationNames[org] = { name: row.organisationName, slug: row.organisationSlug };
    year[i] = row.year ?? 0;
    tagStart[i] = tagList.length;
    for (const tag of new Set(row.tags)) tagList.push(tags.code(tag));
  });
  tagStart[size] = tagList.length;
  const documentIds = rows.map((row) => row.documentId);
  const titles = rows.map((row) => row.title);
  const byTitle = rows
    .map((_, i) => i)
    .sort(
      (a, b) =>
        collator.compare(titles[a] ?? '', titles[b] ?? '') ||
        ((documentIds[a] ?? '') < (documentIds[b] ?? '') ? -1 : 1),
    );
  const titleRank = new Int32Array(size);
  byTitle.forEach((position, rank) => (titleRank[position] = rank));
  const listing = Int32Array.from(byTitle).sort(
    (a, b) => at(year, b) - at(year, a) || at(titleRank, a) - at(titleRank, b),
  );
  return {
    size,
    documentIds,
    positionOf,
    form,
    kind,
    organisation,
    year,
    tagStart,
    tagCodes: Int32Array.from(tagList),
    titleRank,
    listing,
    forms,
    kinds,
    organisations,
    organisationNames,
    tags,
  };
}

/** Cases that match, as positions in the snapshot in ascending order, each with its score. */
export interface MatchList {
  positions: Int32Array;
  scores: Float64Array;
}

/**
 * The database's matches as a list over the snapshot. Keys the snapshot does not know (a case indexed
 * after it was taken) are left out until the next snapshot.
 */
export function matchList(
  snapshot: Snapshot,
  matches: ReadonlyArray<{ key: string | number; score: number }>,
): MatchList {
  const scores = new Float64Array(snapshot.size).fill(Number.NaN);
  for (const { key, score } of matches) {
    const position = snapshot.positionOf.get(key);
    if (position !== undefined) scores[position] = score;
  }
  const positions: number[] = [];
  scores.forEach((score, position) => {
    if (!Number.isNaN(score)) positions.push(position);
  });
  return {
    positions: Int32Array.from(positions),
    scores: Float64Array.from(positions, (p) => scores[p] ?? 0),
  };
}

/**
 * The cases in every list, scored by the sum of their scores: how BM25 scores a query of several words
 * that must all occur (each word adds its own weight), so a new combination of words already looked
 * up needs no new query.
 */
export function intersect(lists: readonly MatchList[]): MatchList {
  const [first, ...rest] = [...lists].sort((a, b) => a.positions.length - b.positions.length);
  if (!first) return { positions: new Int32Array(0), scores: new Float64Array(0) };
  let positions = first.positions;
  let scores = first.scores;
  for (const list of rest) {
    const keptPositions: number[] = [];
    const keptScores: number[] = [];
    let j = 0;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i] ?? -1;
      while (j < list.positions.length && (list.positions[j] ?? -1) < position) j++;
      if (list.positions[j] === position) {
        keptPositions.push(position);
        keptScores.push((scores[i] ?? 0) + (list.scores[j] ?? 0));
      }
    }
    positions = Int32Array.from(keptPositions);
    scores = Float64Array.from(keptScores);
  }
  return { positions, scores };
}

export interface SnapshotFilter {
  form?: string;
  organisationKind?: string;
  /** The organisations whose cases count (an organisation and its subtree). */
  organisations?: ReadonlySet<string>;
  year?: number;
  tag?: string;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  form: FacetValue[];
  organisationKind: FacetValue[];
  organisation: Array<FacetValue & { name: string | null; slug: string | null }>;
  year: FacetValue[];
  tag: FacetValue[];
}

export interface FilteredPage {
  total: number;
  /** The documentIds of the page asked for, in order. */
  page: string[];
  facets: Facets;
}

const facet = (values: readonly string[], counts: Int32Array): FacetValue[] =>
  values
    .flatMap((value, code) => (counts[code] ? [{ value, count: counts[code] }] : []))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

/**
 * The best `k` of the matches offered (by their index in the list), best first: a higher score, then
 * the title. Kept in a heap whose root is the worst kept, so a page of a few thousand matches costs no
 * sort of them all.
 */
class TopK {
  private readonly heap: number[] = [];

  constructor(
    private readonly k: number,
    private readonly list: MatchList,
    private readonly titleRank: Int32Array,
  ) {}

  /** Whether match `a` comes after match `b` in the results. */
  private worse(a: number, b: number) {
    const sa = this.list.scores[a] ?? 0;
    const sb = this.list.scores[b] ?? 0;
    if (sa !== sb) return sa < sb;
    return at(this.titleRank, at(this.list.positions, a)) > at(this.titleRank, at(this.list.positions, b));
  }

  offer(position: number) {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(position);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!this.worse(heap[i] ?? 0, heap[parent] ?? 0)) break;
        [heap[i], heap[parent]] = [heap[parent] ?? 0, heap[i] ?? 0];
        i = parent;
      }
      return;
    }
    if (!heap.length || !this.worse(heap[0] ?? 0, position)) return;
    heap[0] = position;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this.worse(heap[left] ?? 0, heap[worst] ?? 0)) worst = left;
      if (right < heap.length && this.worse(heap[right] ?? 0, heap[worst] ?? 0)) worst = right;
      if (worst === i) break;
      [heap[i], heap[worst]] = [heap[worst] ?? 0, heap[i] ?? 0];
      i = worst;
    }
  }

  /** The positions of the best matches, best first. */
  best(): number[] {
    return [...this.heap]
      .sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0))
      .map((match) => at(this.list.positions, match));
  }
}

/**
 * The cases offered that pass the filter: how many, one page of them, and how many cases each facet
 * value has among them, so a visitor sees what a further filter would leave. `cases` is either the
 * matches of words, paged best first, or a list already in its order (the library without words).
 */
export function filterPage(
  snapshot: Snapshot,
  cases: Int32Array | MatchList,
  filter: SnapshotFilter,
  offset: number,
  limit: number,
): FilteredPage {
  const s = snapshot;
  const ordered = cases instanceof Int32Array ? cases : cases.positions;
  const top = cases instanceof Int32Array ? undefined : new TopK(offset + limit, cases, s.titleRank);
  const form = filter.form === undefined ? undefined : s.forms.find(filter.form);
  const kind = filter.organisationKind === undefined ? undefined : s.kinds.find(filter.organisationKind);
  const tag = filter.tag === undefined ? undefined : s.tags.find(filter.tag);
  let organisations: Uint8Array | undefined;
  if (filter.organisations) {
    organisations = new Uint8Array(s.organisations.values.length);
    for (const id of filter.organisations) {
      const code = s.organisations.find(id);
      if (code >= 0) organisations[code] = 1;
    }
  }
  const formCounts = new Int32Array(s.forms.values.length);
  const kindCounts = new Int32Array(s.kinds.values.length);
  const organisationCounts = new Int32Array(s.organisations.values.length);
  const tagCounts = new Int32Array(s.tags.values.length);
  const yearCounts = new Map<number, number>();
  const page: number[] = [];
  let total = 0;
  for (let match = 0; match < ordered.length; match++) {
    const i = at(ordered, match);
    if (form !== undefined && s.form[i] !== form) continue;
    if (kind !== undefined && s.kind[i] !== kind) continue;
    if (filter.year !== undefined && s.year[i] !== filter.year) continue;
    const org = at(s.organisation, i);
    if (organisations && !(org >= 0 && organisations[org])) continue;
    const from = at(s.tagStart, i);
    const to = at(s.tagStart, i + 1);
    if (tag !== undefined) {
      let has = false;
      for (let t = from; t < to && !has; t++) has = s.tagCodes[t] === tag;
      if (!has) continue;
    }
    if (top) top.offer(match);
    else if (total >= offset && page.length < limit) page.push(i);
    total++;
    count(formCounts, at(s.form, i));
    count(kindCounts, at(s.kind, i));
    count(organisationCounts, org);
    const year = at(s.year, i);
    if (year > 0) yearCounts.set(year, (yearCounts.get(year) ?? 0) + 1);
    for (let t = from; t < to; t++) count(tagCounts, at(s.tagCodes, t));
  }
  return {
    total,
    page: (top ? top.best().slice(offset) : page).map((i) => s.documentIds[i] ?? ''),
    facets: {
      form: facet(s.forms.values, formCounts),
      organisationKind: facet(s.kinds.values, kindCounts),
      organisation: facet(s.organisations.values, organisationCounts).map((f) => {
        const named = s.organisationNames[s.organisations.find(f.value)];
        return { ...f, name: named?.name ?? null, slug: named?.slug ?? null };
      }),
      year: [...yearCounts]
        .sort(([a], [b]) => b - a)
        .map(([year, count]) => ({ value: String(year), count })),
      tag: facet(s.tags.values, tagCounts),
    },
  };
}

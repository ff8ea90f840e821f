import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  filterPage,
  intersect,
  matchList,
  type MatchList,
  type SnapshotRow,
} from '../cases/search-snapshot.js';

const row = (key: number, title: string, rest: Partial<SnapshotRow> = {}): SnapshotRow => ({
  key,
  documentId: `doc${key}`,
  title,
  form: 'teacher_teacher',
  organisation: 'school-a',
  organisationName: 'Школа А',
  organisationSlug: 'school-a',
  organisationKind: 'school',
  year: 2024,
  tags: [],
  ...rest,
});

const rows = [
  row(10, 'Ёлка наставников', { year: 2023, tags: ['адаптация', 'чтение'] }),
  row(11, 'Адаптация молодого педагога', { tags: ['адаптация'] }),
  row(12, 'Будущие инженеры', {
    form: 'employer_pupil',
    organisation: 'college-b',
    organisationName: 'Колледж Б',
    organisationSlug: 'college-b',
    organisationKind: 'college',
    year: 2025,
    tags: ['профориентация'],
  }),
  row(13, 'Ева и Женя: равный — равному', { form: 'pupil_pupil', year: null, tags: ['чтение', 'чтение'] }),
];
const snapshot = buildSnapshot(rows);
const titlesOf = (ids: string[]) => ids.map((id) => rows.find((r) => r.documentId === id)?.title);
const all = (cases: Int32Array | MatchList = snapshot.listing) => filterPage(snapshot, cases, {}, 0, 100);

describe('the search snapshot', () => {
  it('lists without words the newest year first, then by title', () => {
    expect(titlesOf(all().page)).toEqual([
      'Будущие инженеры',
      'Адаптация молодого педагога',
      'Ёлка наставников',
      'Ева и Женя: равный — равному',
    ]);
  });

  it('orders matches by score, equal scores by title, and leaves out keys it does not know', () => {
    const ordered = matchList(snapshot, [
      { key: 13, score: 1 },
      { key: 10, score: 1 },
      { key: 99, score: 9 },
      { key: 12, score: 3 },
      { key: 11, score: 1 },
    ]);
    // Russian order, «Ё» with «Е»: code-point order would put «Ёлка» before «Адаптация».
    expect(titlesOf(all(ordered).page)).toEqual([
      'Будущие инженеры',
      'Адаптация молодого педагога',
      'Ева и Женя: равный — равному',
      'Ёлка наставников',
    ]);
  });

  it('counts every facet over the matches, a repeated topic once per case', () => {
    const { total, facets } = all();
    expect(total).toBe(4);
    expect(facets.form).toEqual([
      { value: 'teacher_teacher', count: 2 },
      { value: 'employer_pupil', count: 1 },
      { value: 'pupil_pupil', count: 1 },
    ]);
    expect(facets.organisation).toEqual([
      { value: 'school-a', count: 3, name: 'Школа А', slug: 'school-a' },
      { value: 'college-b', count: 1, name: 'Колледж Б', slug: 'college-b' },
    ]);
    expect(facets.year).toEqual([
      { value: '2025', count: 1 },
      { value: '2024', count: 1 },
      { value: '2023', count: 1 },
    ]);
    expect(facets.tag).toEqual([
      { value: 'адаптация', count: 2 },
      { value: 'чтение', count: 2 },
      { value: 'профориентация', count: 1 },
    ]);
  });

  it('narrows by each filter and counts what is left', () => {
    const by = (filter: Parameters<typeof filterPage>[2]) =>
      titlesOf(filterPage(snapshot, snapshot.listing, filter, 0, 100).page);
    expect(by({ tag: 'чтение' })).toEqual(['Ёлка наставников', 'Ева и Женя: равный — равному']);
    expect(by({ year: 2023 })).toEqual(['Ёлка наставников']);
    expect(by({ form: 'employer_pupil' })).toEqual(['Будущие инженеры']);
    expect(by({ organisationKind: 'college' })).toEqual(['Будущие инженеры']);
    expect(by({ organisations: new Set(['college-b', 'elsewhere']) })).toEqual(['Будущие инженеры']);
    expect(by({ organisations: new Set() })).toEqual([]);
    expect(by({ form: 'no_such_form' })).toEqual([]);
    expect(by({ tag: 'чтение', year: 2024 })).toEqual([]);
    const narrowed = filterPage(snapshot, snapshot.listing, { tag: 'адаптация' }, 0, 100);
    expect(narrowed.total).toBe(2);
    expect(narrowed.facets.tag).toEqual([
      { value: 'адаптация', count: 2 },
      { value: 'чтение', count: 1 },
    ]);
  });

  it('turns pages without changing the total or the counts', () => {
    const second = filterPage(snapshot, snapshot.listing, {}, 2, 2);
    expect(titlesOf(second.page)).toEqual(['Ёлка наставников', 'Ева и Женя: равный — равному']);
    expect(second.total).toBe(4);
    expect(second.facets).toEqual(all().facets);
    expect(filterPage(snapshot, snapshot.listing, {}, 4, 2).page).toEqual([]);
  });
});

describe('words looked up one by one', () => {
  it('keep the cases with every word, each scored by the sum of its scores', () => {
    const a = matchList(snapshot, [
      { key: 10, score: 1 },
      { key: 11, score: 2 },
      { key: 13, score: 0.5 },
    ]);
    const b = matchList(snapshot, [
      { key: 13, score: 4 },
      { key: 12, score: 7 },
      { key: 10, score: 1 },
    ]);
    const both = intersect([a, b]);
    expect([...both.positions]).toEqual([0, 3]);
    expect([...both.scores]).toEqual([2, 4.5]);
    expect(titlesOf(all(both).page)).toEqual(['Ева и Женя: равный — равному', 'Ёлка наставников']);
    expect(intersect([]).positions).toHaveLength(0);
  });

  it('rank as SQLite FTS5 ranks the words asked together (BM25 adds up over the words)', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE f USING fts5(title, body)`);
    const texts = [
      ['наставник педагог', 'педагог помогает наставник наставник'],
      ['педагог', 'наставник и ученик читают'],
      ['ученик', 'наставник педагог ученик педагог педагог'],
      ['проект', 'наставник'],
      ['педагог наставник ученик', 'текст'],
      ['без слов', 'ничего'],
    ];
    const insert = db.prepare('INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)');
    texts.forEach(([title, body], i) => insert.run(i + 1, title, body));
    const local = buildSnapshot(
      texts.map(([title], i) => ({ ...row(i + 1, title ?? ''), documentId: `d${i + 1}` })),
    );
    const query = (match: string) =>
      (
        db.prepare(`SELECT rowid AS k, bm25(f, 5.0, 1.0) AS r FROM f WHERE f MATCH ?`).all(match) as Array<{
          k: number;
          r: number;
        }>
      ).map((r) => ({ key: r.k, score: -r.r }));
    const together = matchList(local, query('"наставник" "педагог" "ученик"'));
    const summed = intersect(['"наставник"', '"педагог"', '"ученик"'].map((w) => matchList(local, query(w))));
    const ranked = (cases: MatchList) => filterPage(local, cases, {}, 0, 10).page;
    expect(together.positions.length).toBeGreaterThan(1);
    expect(ranked(summed)).toEqual(ranked(together));
    const scores = new Map(query('"наставник" "педагог"').map((m) => [m.key, m.score]));
    const pair = intersect(['"наставник"', '"педагог"'].map((w) => matchList(local, query(w))));
    pair.positions.forEach((position, i) =>
      expect(pair.scores[i]).toBeCloseTo(scores.get(position + 1) ?? Number.NaN, 10),
    );
  });
});

describe('a page of matches', () => {
  it('is the same stretch of the full order whatever the page, with ties broken by title', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const many = Array.from({ length: 500 }, (_, i) =>
      row(i, `Кейс ${Math.floor(random() * 1000)}`, { year: 2020 + (i % 4), tags: i % 3 ? ['чтение'] : [] }),
    );
    const local = buildSnapshot(many);
    const matches = matchList(
      local,
      many.filter(() => random() < 0.7).map((r) => ({ key: r.key, score: Math.floor(random() * 20) })),
    );
    const scoreOf = new Map([...matches.positions].map((p, i) => [p, matches.scores[i] ?? 0]));
    const filter = { tag: 'чтение' };
    const full = [...matches.positions]
      .filter((p) => many[p]?.tags.includes('чтение'))
      .sort(
        (a, b) =>
          (scoreOf.get(b) ?? 0) - (scoreOf.get(a) ?? 0) ||
          (local.titleRank[a] ?? 0) - (local.titleRank[b] ?? 0),
      )
      .map((p) => many[p]?.documentId);
    const pages = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].flatMap(
      (n) => filterPage(local, matches, filter, n * 20, 20).page,
    );
    expect(full.length).toBeGreaterThan(200);
    expect(pages).toEqual(full);
    expect(filterPage(local, matches, filter, 0, 20).total).toBe(full.length);
  });
});

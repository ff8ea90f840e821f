/**
 * The case library's Russian full-text search through the public pages, on whichever database the run
 * uses (SQLite FTS5 with Snowball stems, PostgreSQL's `russian` configuration): different word forms
 * meet, title matches rank first, snippets mark the words, facets narrow, only public cases are found.
 */
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { approvedCase, gql, jwtOf, orgId } from '../harness/graphql.js';

const LIBRARY = '/nastavnichestvo/luchshie-praktiki/';

async function search(query: Record<string, string>, path = LIBRARY) {
  const res = await fetch(`${inject('strapiUrl')}${path}?${new URLSearchParams(query).toString()}`);
  const html = await res.text();
  const titles = [...html.matchAll(/<li class="card"><h2><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  return { status: res.status, html, titles };
}

let deleted: string;

beforeAll(async () => {
  await approvedCase({
    title: 'Поиск: старшеклассники читают с пятиклассниками',
    slug: 'search-reading',
    form: 'pupil_pupil',
    summary: 'Наставники из десятого класса помогли ребятам полюбить чтение.',
    solution:
      '<p>Каждую неделю наставники и наставляемые обсуждали книгу; педагог помогал подобрать тексты.</p>',
    tags: ['чтение'],
    periodText: '2024/25 учебный год',
  });
  await approvedCase({
    title: 'Поиск: молодой педагог и опытный коллега',
    slug: 'search-teacher',
    form: 'teacher_teacher',
    solution: '<p>Наставнику важно видеть уроки молодого коллеги и разбирать их вместе.</p>',
    tags: ['адаптация'],
    periodText: '2025 год',
  });
  deleted = await approvedCase({
    title: 'Поиск: кейс, который удалят',
    slug: 'search-deleted',
    form: 'pupil_pupil',
    summary: 'Наставники-волонтёры.',
  });
  // Under review, never public: must never be found.
  await gql(
    `mutation { createNastavnikCase(data: { title: "Поиск: черновик про наставников", slug: "search-draft", reviewState: submitted, summary: "наставники" }, status: DRAFT) { documentId } }`,
    {},
    jwtOf('demoCurator'),
  );
});

describe('case search', () => {
  it('finds «наставники» when asked for «наставнику», with the words marked', async () => {
    const { status, html, titles } = await search({ q: 'наставнику' });
    expect(status).toBe(200);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Поиск: старшеклассники читают с пятиклассниками',
        'Поиск: молодой педагог и опытный коллега',
      ]),
    );
    expect(titles).not.toContain('Поиск: черновик про наставников');
    expect(html).toContain('<mark>наставники</mark>');
    expect(html).toContain('<mark>Наставнику</mark>');
  });

  it('ranks a match in the title above one in the text', async () => {
    const { titles } = await search({ q: 'педагоги' });
    expect(titles.slice(0, 2)).toEqual([
      'Поиск: молодой педагог и опытный коллега',
      'Поиск: старшеклассники читают с пятиклассниками',
    ]);
  });

  it('needs every word, ignores stop words and finds nothing for stop words alone', async () => {
    expect((await search({ q: 'наставники и чтение' })).titles).toEqual([
      'Поиск: старшеклассники читают с пятиклассниками',
    ]);
    expect((await search({ q: 'и в на' })).titles).toEqual([]);
  });

  it('narrows by form, year, topic and organisation with its subtree, counting each facet', async () => {
    expect((await search({ q: 'наставник', form: 'teacher_teacher' })).titles).toEqual([
      'Поиск: молодой педагог и опытный коллега',
    ]);
    expect((await search({ q: 'наставник', year: '2024' })).titles).toEqual([
      'Поиск: старшеклассники читают с пятиклассниками',
    ]);
    expect((await search({ tag: 'адаптация' })).titles).toEqual(['Поиск: молодой педагог и опытный коллега']);
    const bor = await search({ q: 'наставник', org: orgId('bor-uoimp') });
    expect(bor.titles).toContain('Поиск: молодой педагог и опытный коллега');
    expect((await search({ q: 'наставник', org: orgId('samara-rc') })).titles).toEqual([]);
    const facets = (await search({ q: 'наставник' })).html;
    expect(facets).toMatch(/<option value="teacher_teacher">Учитель – учитель \(1\)<\/option>/);
  });

  it('finds a case published after the same search was answered (answers are kept per data version)', async () => {
    expect((await search({ q: 'шахматы' })).titles).toEqual([]);
    await approvedCase({
      title: 'Поиск: шахматный клуб наставников',
      slug: 'search-chess',
      summary: 'Шахматы.',
    });
    expect((await search({ q: 'шахматы' })).titles).toEqual(['Поиск: шахматный клуб наставников']);
  });

  it('keeps a section library inside its organisation, and forgets a deleted case at once', async () => {
    const school = await search({ q: 'наставник' }, '/nastavnichestvo/kamensk-school-40/luchshie-praktiki/');
    expect(school.titles).toEqual([]);
    const demo = await search({ q: 'наставник' }, '/nastavnichestvo/bor-demo-school/luchshie-praktiki/');
    expect(demo.titles).toContain('Поиск: кейс, который удалят');
    const removed = await gql(
      `mutation($id: ID!) { deleteNastavnikCase(documentId: $id) { documentId } }`,
      { id: deleted },
      jwtOf('demoCurator'),
    );
    expect(removed.errors, removed.raw).toBeUndefined();
    expect((await search({ q: 'волонтёры' })).titles).toEqual([]);
  });
});

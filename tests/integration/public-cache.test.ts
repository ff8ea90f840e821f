/**
 * Public pages are cached, compressed and answered with ETags, yet never stale: a change committed
 * through one instance shows at once on another instance sharing the database (the version counter
 * lives in the database), on SQLite and on PostgreSQL alike.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { bootStrapi, type BootedStrapi } from '../harness/strapi.js';
import { approvedCase, dataOf, gql, jwtOf } from '../harness/graphql.js';

const NEWS = '/nastavnichestvo/bor-demo-school/novosti/';
let second: BootedStrapi;

beforeAll(async () => {
  // A second Strapi on the very database the suite's Strapi uses; neither seeds nor drops it.
  second = await bootStrapi({
    database: { env: inject('databaseEnv'), drop: () => Promise.resolve() },
    env: { SEED: 'false' },
  });
}, 240_000);

afterAll(async () => {
  await (second as BootedStrapi | undefined)?.stop();
});

describe('the page cache', () => {
  it('compresses, answers 304 to a current copy, and says how to revalidate', async () => {
    const url = `${inject('strapiUrl')}${NEWS}`;
    const first = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('vary')).toContain('Accept-Encoding');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(await first.text()).toContain('<h1>Новости</h1>');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+-[\w-]+"$/);
    // fetch() adds «Cache-Control: no-cache» to a conditional request (a forced reload): plain HTTP here.
    const again = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(again).toBe(304);
    const gzip = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
  });

  it('keys a page by the parameters pages read: a made-up one neither renders anew nor adds an entry', async () => {
    const library = `${inject('strapiUrl')}/nastavnichestvo/luchshie-praktiki/?q=${encodeURIComponent('наставник')}`;
    const plain = await fetch(library);
    const busted = await fetch(`${library}&n=12345&utm_source=x`);
    expect(busted.status).toBe(200);
    expect(busted.headers.get('etag')).toBe(plain.headers.get('etag'));
    expect(await busted.text()).toBe(await plain.text());
    // A parameter the page reads is a different page.
    const second = await fetch(`${library}&page=2`);
    expect(second.headers.get('etag')).not.toBe(plain.headers.get('etag'));
  });

  it('shows a change made through one instance on the other at once, and drops it when unpublished', async () => {
    const onSecond = () => fetch(`${second.url}${NEWS}`).then((r) => r.text());
    const before = await onSecond();
    expect(before).toContain('открытый урок молодого педагога');
    const etagBefore = (await fetch(`${second.url}${NEWS}`)).headers.get('etag');

    const created = await gql<{ createNastavnikNewsItem: { documentId: string } }>(
      `mutation { createNastavnikNewsItem(data: { title: "Кэш: новость через первый экземпляр", kind: news, date: "2026-11-20" }, status: PUBLISHED) { documentId } }`,
      {},
      jwtOf('demoEditor'),
    );
    const id = dataOf(created).createNastavnikNewsItem.documentId;
    expect(await onSecond()).toContain('Кэш: новость через первый экземпляр');
    const etagAfter = (await fetch(`${second.url}${NEWS}`)).headers.get('etag');
    expect(etagAfter).not.toBe(etagBefore);

    const renamed = await gql(
      `mutation($id: ID!) { updateNastavnikNewsItem(documentId: $id, data: { title: "Кэш: новость исправлена" }, status: PUBLISHED) { documentId } }`,
      { id },
      jwtOf('demoEditor'),
    );
    expect(renamed.errors, renamed.raw).toBeUndefined();
    const text = await onSecond();
    expect(text).toContain('Кэш: новость исправлена');
    expect(text).not.toContain('Кэш: новость через первый экземпляр');

    const removed = await gql(
      `mutation($id: ID!) { deleteNastavnikNewsItem(documentId: $id) { documentId } }`,
      { id },
      jwtOf('demoEditor'),
    );
    expect(removed.errors, removed.raw).toBeUndefined();
    expect(await onSecond()).not.toContain('Кэш: новость исправлена');
    // And the instance that made the change agrees.
    expect(await (await fetch(`${inject('strapiUrl')}${NEWS}`)).text()).not.toContain('Кэш: новость');
  });

  it('takes a withdrawn author off the case page on the other instance at once, without a new review', async () => {
    const id = await approvedCase({
      title: 'Кэш: кейс с автором',
      slug: 'cache-author',
      summary: 'Кружок робототехники для пятиклассников.',
      authors: [{ name: 'Согласная Анна Ивановна', authorRole: 'наставник', publicationConsent: true }],
    });
    const casePage = () =>
      fetch(`${second.url}/nastavnichestvo/bor-demo-school/luchshie-praktiki/cache-author/`).then((r) =>
        r.text(),
      );
    const search = () =>
      fetch(`${second.url}/nastavnichestvo/luchshie-praktiki/?q=${encodeURIComponent('робототехника')}`).then(
        (r) => r.text(),
      );
    expect(await casePage()).toContain('Согласная Анна Ивановна');
    expect(await search()).toContain('Кэш: кейс с автором');

    const withdrawn = await gql<{ updateNastavnikCase: { reviewState: string } }>(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { authors: [{ name: "Согласная Анна Ивановна", authorRole: "наставник", publicationConsent: false }] }, status: PUBLISHED) { reviewState } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(withdrawn.errors, withdrawn.raw).toBeUndefined();
    expect(dataOf(withdrawn).updateNastavnikCase.reviewState).toBe('approved');
    const page = await casePage();
    expect(page).toContain('Кэш: кейс с автором');
    expect(page).not.toContain('Согласная Анна');

    // A real edit, by contrast, goes back to the methodist.
    const edited = await gql<{ updateNastavnikCase: { reviewState: string } }>(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { summary: "Кружок робототехники, переписано." }, status: DRAFT) { reviewState } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(dataOf(edited).updateNastavnikCase.reviewState).toBe('submitted');
  });

  it('finds on the other instance a case published after its search memory was filled, and forgets it when deleted', async () => {
    const library = (query: Record<string, string>) =>
      fetch(`${second.url}/nastavnichestvo/luchshie-praktiki/?${new URLSearchParams(query).toString()}`).then(
        (r) => r.text(),
      );
    // The second instance takes its snapshot of the index and looks the words up before the change.
    expect(await library({ q: 'телескоп' })).not.toContain('Кэш: телескоп');
    expect(await library({ q: 'наставник', tag: 'астрономия' })).not.toContain('Кэш: телескоп');

    const id = await approvedCase({
      title: 'Кэш: телескоп в школьном кружке',
      slug: 'cache-telescope',
      summary: 'Наставник из обсерватории собрал с ребятами телескоп.',
      tags: ['астрономия'],
    });
    expect(await library({ q: 'телескопы' })).toContain('Кэш: телескоп в школьном кружке');
    const narrowed = await library({ q: 'наставник', tag: 'астрономия' });
    expect(narrowed).toContain('Кэш: телескоп в школьном кружке');
    expect(narrowed).toMatch(/<option value="астрономия"[^>]*>астрономия \(1\)<\/option>/);

    const removed = await gql(
      `mutation($id: ID!) { deleteNastavnikCase(documentId: $id) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(removed.errors, removed.raw).toBeUndefined();
    expect(await library({ q: 'телескоп' })).not.toContain('Кэш: телескоп');
    expect(await library({ q: 'наставник' })).not.toContain('Кэш: телескоп');
  });
});

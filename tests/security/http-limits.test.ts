/**
 * Requests without credentials are limited per client address over GraphQL and REST together (the test
 * server allows 20 a minute; 127.0.0.1 is exempt, so other loopback addresses play the visitors), apart
 * from the login's own limit; request bodies are limited per route before they are read.
 */
import http from 'node:http';
import { describe, expect, it, inject } from 'vitest';
import { jwtOf } from '../harness/graphql.js';
import { ANON_RATE_LIMIT } from './global-setup.js';
import { graphqlBody, postGraphql, request } from './http.js';

const restError = (json: unknown) => (json as { error?: { status?: number; message?: string } }).error;

describe('anonymous rate limit per client address', () => {
  it('refuses the request after the limit with 429, Retry-After and a Russian message, GraphQL and REST together', async () => {
    const from = '127.0.0.2';
    for (let i = 0; i < ANON_RATE_LIMIT / 2; i++) {
      expect((await postGraphql({ query: '{ __typename }' }, { from })).status).toBe(200);
      expect((await request('GET', '/api/nastavnik/organisations', { from })).status).toBe(200);
    }
    const refused = await postGraphql({ query: '{ __typename }' }, { from });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error = graphqlBody(refused).errors?.[0];
    expect(error?.message).toMatch(
      /^Слишком много запросов с вашего адреса: без входа можно не больше 20 за 60 с\. Повторите через \d+ с\.$/,
    );
    expect(error?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    const rest = await request('GET', '/api/nastavnik/roadmaps', { from });
    expect(rest.status).toBe(429);
    expect(restError(rest.json)).toMatchObject({
      status: 429,
      message: expect.stringContaining('Слишком много запросов') as unknown,
    });
  });

  it('does not count signed-in requests nor the login, and counts each address on its own', async () => {
    const from = '127.0.0.2';
    const signedIn = await postGraphql(
      { query: '{ nastavnikMe { username } }' },
      { from, jwt: jwtOf('demoStaff') },
    );
    expect(signedIn.status).toBe(200);
    const login = await request('POST', '/api/auth/local', {
      from,
      body: JSON.stringify({ identifier: 'demoStaff', password: 'Fixture1pass' }),
    });
    expect(login.status).toBe(200);
    const other = await postGraphql({ query: '{ __typename }' }, { from: '127.0.0.3' });
    expect(other.status).toBe(200);
  });
});

describe('request body limits per route', () => {
  const padded = (bytes: number) =>
    JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes) } });

  it('anonymous GraphQL and REST bodies above 64 KB are refused unread; signed in, GraphQL takes more', async () => {
    const anonymous = await request('POST', '/graphql', { body: padded(100 * 1024) });
    expect(anonymous.status).toBe(413);
    expect(graphqlBody(anonymous).errors?.[0]?.message).toBe(
      'Запрос слишком большой (больше 64 КБ без входа).',
    );
    const rest = await request('POST', '/api/nastavnik/organisations', { body: padded(100 * 1024) });
    expect(rest.status).toBe(413);
    expect(restError(rest.json)?.message).toBe('Запрос слишком большой (больше 64 КБ без входа).');
    const signedIn = await request('POST', '/graphql', {
      body: padded(100 * 1024),
      headers: { authorization: `Bearer ${jwtOf('demoCurator')}` },
    });
    expect(signedIn.status).toBe(200);
  });

  it('a signed-in REST body above 1 MB is refused; the road-map import keeps its own 50 MB check', async () => {
    const auth = { authorization: `Bearer ${jwtOf('demoCurator')}` };
    const rest = await request('POST', '/api/nastavnik/programmes', {
      body: padded(2 * 1024 * 1024),
      headers: auth,
    });
    expect(rest.status).toBe(413);
    expect(restError(rest.json)?.message).toBe('Запрос слишком большой (больше 1 МБ).');
    const importing = await request('POST', '/api/nastavnik/roadmaps/import', {
      body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
      headers: auth,
    });
    expect(importing.status).not.toBe(413);
  });

  it('an anonymous body without a declared length is refused with 411', async () => {
    const url = new URL('/graphql', inject('strapiUrl'));
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // Written in two pieces without a length: Node sends it chunked.
      req.write('{"query":');
      req.end('"{ __typename }"}');
    });
    expect(status).toBe(411);
  });
});

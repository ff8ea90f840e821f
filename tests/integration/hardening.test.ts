/** The GraphQL plugin's unsafe defaults are switched off, and bad input gets a clear 4xx. */
import { describe, expect, it, inject } from 'vitest';
import { dataOf, gql, jwtOf, orgId } from '../harness/graphql.js';

const nest = (depth: number) => {
  // organisations → parent → parent … : each level adds one to the query depth.
  let inner = 'slug';
  for (let i = 0; i < depth - 1; i++) inner = `parent { ${inner} }`;
  return `{ nastavnikOrganisations { ${inner} } }`;
};

describe('GraphQL hardening', () => {
  it('rejects a depth-12 query and allows a shallow one', async () => {
    const deep = await gql(nest(12));
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.message).toMatch(/^Запрос слишком глубокий/);
    const shallow = await gql(nest(3));
    expect(shallow.errors).toBeUndefined();
  });

  it('caps limit: 10000 at the configured maximum of 100', async () => {
    const res = await gql<{ nastavnikOrganisations_connection: { pageInfo: { pageSize: number } } }>(
      `{ nastavnikOrganisations_connection(pagination: { limit: 10000 }) { pageInfo { pageSize } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(dataOf(res).nastavnikOrganisations_connection.pageInfo.pageSize).toBe(100);
  });

  it('has no sign-up, over GraphQL or REST', async () => {
    const gqlRes = await gql(
      `mutation { register(input: { username: "intruder", email: "i@example.org", password: "Intruder1pass" }) { jwt } }`,
    );
    // users-permissions lets the GraphQL mutation through to its own check of the switched-off setting.
    expect(gqlRes.errors?.[0]?.message).toBe('Register action is currently disabled');
    const rest = await fetch(`${inject('strapiUrl')}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'intruder', email: 'i@example.org', password: 'Intruder1pass' }),
    });
    expect(rest.status).toBe(403);
    const login = await fetch(`${inject('strapiUrl')}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'intruder', password: 'Intruder1pass' }),
    });
    expect(login.status).toBe(400);
  });

  it('answers CORS only for allowed origins', async () => {
    const url = `${inject('strapiUrl')}/graphql`;
    const preflight = (origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('http://allowed.test');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.test');
    const extension = await preflight('chrome-extension://abcdefghijklmnop');
    expect(extension.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bad input', () => {
  it('a GraphQL request over the size limit gets a 413 with a Russian explanation', async () => {
    const res = await fetch(`${inject('strapiUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { blob: 'x'.repeat(25 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toContain('слишком большой');
  });

  it('a 50 MB road-map file over REST is refused with a clear message and nothing is written', async () => {
    const form = new FormData();
    form.append('organisation', orgId('bor-demo-school'));
    form.append('dryRun', 'false');
    form.append('file', new Blob([new Uint8Array(51 * 1024 * 1024).fill(65)]), 'huge.txt');
    const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmaps/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${jwtOf('demoCurator')}` },
    });
    const body = (await res.json()) as { ok?: boolean };
    expect(res.status).toBeLessThan(500);
    expect(body.ok ?? false).toBe(false);
    expect(JSON.stringify(body)).toMatch(/[Фф]айл.*(больш|МБ)/);
  });

  it('a malformed query is a 400 with a syntax error', async () => {
    const res = await gql(`{ nastavnikOrganisations { slug `);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an invalid enum value names the field and the allowed values', async () => {
    const res = await gql(
      `mutation { createNastavnikProgramme(data: { title: "x", form: pupil_teacher_mix }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toContain('pupil_teacher_mix');
  });

  it('a missing required field names it and writes nothing', async () => {
    const res = await gql(
      `mutation { createNastavnikMeeting(data: { kind: working }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0]?.extensions?.error?.details)).toContain('date');
    const meetings = await gql<{ nastavnikMeetings: unknown[] }>(
      `{ nastavnikMeetings(filters: { date: { null: true } }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(meetings).nastavnikMeetings).toHaveLength(0);
  });

  it('invalid JSON field content is refused with the path of the bad value', async () => {
    const res = await gql(
      `mutation($d: NastavnikPersonInput!) { createNastavnikPerson(data: $d) { documentId } }`,
      {
        d: {
          fullName: 'С Формами',
          category: 'teacher',
          preferredForms: ['teacher_teacher', 'dance_dance'],
          consent: { givenBy: 'self', processing: true, signedAt: '2025-09-01' },
        },
      },
      jwtOf('demoCurator'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('preferredForms.1');
  });

  it('a relation to a record that does not exist is a 4xx naming the field', async () => {
    const res = await gql(
      `mutation { createNastavnikPair(data: { title: "x", form: pupil_pupil, mentors: ["nonexistent0000000000000"] }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('mentors');
  });
});

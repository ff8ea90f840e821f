/**
 * Unexpected failures: logged once with a stack and an error id, without the personal data the failing
 * code had in hand; the caller gets a Russian message with the same id, over GraphQL and over REST.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootStrapi, type BootedStrapi } from '../harness/strapi.js';

// What a failing driver or library might put into its message: a pupil's name, e-mail and phone.
const PERSONAL = ['Иванова Мария Петровна', 'ivanova.m@school.example', '+7 912 345-67-89'];
const FAULT = `диск переполнен при записи участника ${PERSONAL[0]} (${PERSONAL[1]}, тел. ${PERSONAL[2]})`;

let booted: BootedStrapi;
let failing = false;
let logged: string[] = [];

beforeAll(async () => {
  booted = await bootStrapi({ env: { SEED: 'false', ADMIN_PASSWORD: 'Errors1admin' } });
  const { strapi } = booted;
  await strapi
    .documents('plugin::nastavnik.organisation')
    .create({ data: { name: 'Школа', slug: 'errors-school', kind: 'school' } });
  strapi.documents.use(async (ctx, next) => {
    if (failing && ctx.uid === 'plugin::nastavnik.organisation' && ctx.action === 'findMany') {
      throw new Error(FAULT);
    }
    return next();
  });
  vi.spyOn(strapi.log, 'error').mockImplementation((message: unknown) => {
    logged.push(String(message));
    return strapi.log;
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  // Typed for the tests; beforeAll may have failed before setting it.
  await (booted as BootedStrapi | undefined)?.stop();
});

async function withFault<T>(call: () => Promise<T>): Promise<T> {
  failing = true;
  logged = [];
  try {
    return await call();
  } finally {
    failing = false;
  }
}

function expectOneReport(errorId: string) {
  const lines = logged.filter((line) => line.includes(errorId));
  expect(lines, logged.join('\n---\n')).toHaveLength(1);
  expect(logged).toHaveLength(1);
  const [line] = lines as [string];
  expect(line).toContain('диск переполнен');
  expect(line).toMatch(/\n\s+at /); // the stack's frames
  for (const value of PERSONAL) expect(line).not.toContain(value);
  expect(line).not.toMatch(/Иванова|ivanova|345-67/);
}

describe('unexpected errors', () => {
  it('GraphQL: a Russian message with an error id, logged once without personal data', async () => {
    const res = await withFault(() =>
      fetch(`${booted.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ nastavnikOrganisations { name } }' }),
      }),
    );
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: { code: string; errorId: string } }>;
    };
    const [error] = body.errors;
    expect(error?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = error?.extensions.errorId ?? '';
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(error?.message).toContain(`Код ошибки: ${errorId}`);
    expect(error?.message).toMatch(/Непредвиденная ошибка/);
    expect(JSON.stringify(body)).not.toContain('диск переполнен');
    expectOneReport(errorId);
  });

  it('REST: status 500 with the id in the message and in details', async () => {
    const res = await withFault(() => fetch(`${booted.url}/api/nastavnik/organisations`));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { message: string; details: { errorId: string } } };
    const { errorId } = body.error.details;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(body.error.message).toContain(errorId);
    expect(JSON.stringify(body)).not.toContain('диск переполнен');
    expectOneReport(errorId);
  });

  it('expected refusals stay as they were and are not logged as failures', async () => {
    logged = [];
    const res = await fetch(`${booted.url}/api/nastavnik/persons`);
    expect(res.status).toBe(403);
    const gqlRes = await fetch(`${booted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nastavnikPersons { fullName } }' }),
    });
    const body = (await gqlRes.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('FORBIDDEN');
    expect(logged).toEqual([]);
  });
});

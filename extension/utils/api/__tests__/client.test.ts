// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureSubmission } from '@nastavnik/shared/capture';
import { fakeFetch, json, jwt, validToken } from '../../auth/__tests__/fake-server.js';
import { NastavnikApi } from '../client.js';
import { SESSION_EXPIRED } from '../errors.js';

const SERVER = 'https://nastavnik.school.example';
const submission: CaptureSubmission = {
  kind: 'roster',
  sourceUrl: 'https://school.example/7a',
  adapter: 'generic-table',
  payload: { kind: 'roster', rows: [{ fullName: 'Иванова Мария' }] },
  idempotencyKey: 'key-aaaaaaaaaaaaaaaa-1',
};

function api(respond: Parameters<typeof fakeFetch>[0], token: string | null = validToken()) {
  const server = fakeFetch(respond);
  return {
    api: new NastavnikApi({ serverUrl: SERVER, getToken: () => Promise.resolve(token), fetch: server.fetch }),
    calls: server.calls,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('NastavnikApi', () => {
  it('submits a capture over GraphQL with the Bearer token and the idempotency key', async () => {
    const token = validToken();
    const { api: client, calls } = api(
      () =>
        json(200, {
          data: { nastavnikSubmitCapture: { documentId: 'cap1', state: 'new', duplicate: false } },
        }),
      token,
    );
    await expect(client.submitCapture(submission)).resolves.toEqual({
      documentId: 'cap1',
      state: 'new',
      duplicate: false,
    });
    expect(calls[0]?.url).toBe(`${SERVER}/graphql`);
    expect(calls[0]?.headers['authorization']).toBe(`Bearer ${token}`);
    expect(calls[0]?.body).toMatchObject({
      operationName: 'NastavnikSubmitCapture',
      variables: {
        data: { kind: 'roster', adapter: 'generic-table', idempotencyKey: 'key-aaaaaaaaaaaaaaaa-1' },
      },
    });
  });

  it('does not send anything with an expired or missing token', async () => {
    for (const token of [jwt(Math.floor(Date.now() / 1000) - 60), null]) {
      const { api: client, calls } = api(() => json(200, {}), token);
      await expect(client.submitCapture(submission)).rejects.toMatchObject({
        kind: 'auth',
        message: SESSION_EXPIRED,
      });
      expect(calls).toHaveLength(0);
    }
  });

  it('reports a refused session once, so the panel can ask to sign in again', async () => {
    const onAuthFailure = vi.fn(() => Promise.resolve());
    const server = fakeFetch(() => json(401, {}));
    const client = new NastavnikApi({
      serverUrl: SERVER,
      getToken: () => Promise.resolve(validToken()),
      fetch: server.fetch,
      onAuthFailure,
    });
    await expect(client.pairs()).rejects.toMatchObject({ kind: 'auth' });
    expect(onAuthFailure).toHaveBeenCalledOnce();
  });

  it.each([
    ['HTTP 401', () => json(401, { error: { message: 'Unauthorized' } }), 'auth'],
    [
      'UNAUTHENTICATED',
      () => json(200, { errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }),
      'auth',
    ],
    [
      'FORBIDDEN',
      () => json(200, { errors: [{ message: 'Forbidden access', extensions: { code: 'FORBIDDEN' } }] }),
      'forbidden',
    ],
    [
      'BAD_USER_INPUT',
      () => json(200, { errors: [{ message: 'rows: required', extensions: { code: 'BAD_USER_INPUT' } }] }),
      'invalid',
    ],
    [
      'schema without the plugin',
      () =>
        json(400, {
          errors: [{ message: 'Unknown type', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
        }),
      'invalid',
    ],
    ['HTTP 500', () => new Response('Internal Server Error', { status: 500 }), 'server'],
    [
      'HTML from a proxy',
      () => new Response('<html>502</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'server',
    ],
    [
      'server down',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'network',
    ],
  ] as const)('classifies %s', async (_name, respond, kind) => {
    const { api: client } = api(respond);
    const failure = await client.submitCapture(submission).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ApiFailure', kind });
    expect((failure as Error).message).toMatch(/[А-Яа-я]/);
  });

  it('passes on the plugin’s own Russian explanation of a refusal, but not Strapi’s English one', async () => {
    const refuse = (message: string) => () =>
      json(200, { errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
    const own = await api(refuse('Импортировать дорожные карты могут куратор и методист.'))
      .api.applyCapture('cap1')
      .catch((error: unknown) => error);
    expect(own).toMatchObject({
      kind: 'forbidden',
      message: 'Импортировать дорожные карты могут куратор и методист.',
    });
    const strapi = await api(refuse('Forbidden access'))
      .api.applyCapture('cap1')
      .catch((error: unknown) => error);
    expect(strapi).toMatchObject({
      kind: 'forbidden',
      message: 'Недостаточно прав для этого действия. Обратитесь к куратору.',
    });
  });

  it('says who may import a road map when Strapi refuses the import by its permission scope', async () => {
    const refuse = (message: string) => () =>
      json(200, { errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
    const input = { organisation: 'org1', text: 'план', dryRun: true };
    const byScope = await api(refuse('Forbidden access'))
      .api.importRoadmap(input)
      .catch((error: unknown) => error);
    expect(byScope).toMatchObject({
      kind: 'forbidden',
      message: 'Импортировать дорожные карты могут куратор и методист.',
    });
    const byPlugin = await api(refuse('Нет доступа: организация вне вашей зоны ответственности.'))
      .api.importRoadmap(input)
      .catch((error: unknown) => error);
    expect(byPlugin).toMatchObject({ message: 'Нет доступа: организация вне вашей зоны ответственности.' });
  });

  it('reads the profile, pairs and applies captures', async () => {
    const { api: client, calls } = api((call) => {
      const operation = (call.body as { operationName: string }).operationName;
      if (operation === 'NastavnikMe') {
        return json(200, { data: { nastavnikMe: { username: 'u', role: 'staff', organisation: null } } });
      }
      if (operation === 'NastavnikPairs')
        return json(200, { data: { nastavnikPairs: [{ documentId: 'p1', title: 'Пара 1' }] } });
      return json(200, {
        data: {
          nastavnikApplyCapture: { documentId: 'cap1', state: 'applied', message: 'Готово', createdCount: 3 },
        },
      });
    });
    await expect(client.me()).resolves.toEqual({ username: 'u', role: 'staff', organisation: null });
    await expect(client.pairs()).resolves.toEqual([{ documentId: 'p1', title: 'Пара 1' }]);
    await expect(client.applyCapture('cap1', { moment: 'end', pairDocumentId: 'p1' })).resolves.toMatchObject(
      { createdCount: 3 },
    );
    expect(calls[2]?.body).toMatchObject({
      variables: { documentId: 'cap1', options: { moment: 'end', pairDocumentId: 'p1' } },
    });
  });

  it('imports a road-map file as base64, asks for the draft only when shown, and checks the answer', async () => {
    const answer = {
      ok: true,
      committed: false,
      format: 'docx',
      warnings: [{ row: 3, code: 'deadline_unknown', severity: 'warning', message: 'Срок не распознан' }],
      error: null,
      duplicateOf: { documentId: 'rm1', title: 'План', version: 1, sameSource: true },
      roadmapDocumentId: null,
      version: null,
      activitiesCount: 2,
      kpisCount: 0,
    };
    let reply: unknown = answer;
    const { api: client, calls } = api(() => json(200, { data: { nastavnikImportRoadmap: reply } }));
    const input = { organisation: 'org1', fileBase64: 'UEsDBA==', filename: 'план.docx', dryRun: true };
    await expect(client.importRoadmap(input)).resolves.toMatchObject({ duplicateOf: { version: 1 } });
    expect(calls[0]?.body).toMatchObject({ variables: { input, withDraft: false } });
    expect((calls[0]?.body as { query: string }).query).toContain('draft @include(if: $withDraft)');

    reply = { ...answer, warnings: [{ row: 'три' }] };
    await expect(client.importRoadmap(input, true)).rejects.toThrow(/не так, как ожидалось/);
  });
});

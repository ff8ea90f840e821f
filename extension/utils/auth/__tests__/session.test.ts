// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiFailure } from '../../api/errors.js';
import { profileItem, sessionExpiredItem, tokenItem } from '../../storage.js';
import { isTokenExpired, tokenExpiry } from '../jwt.js';
import { normaliseServerUrl } from '../server-url.js';
import { createApi, currentToken, expireSession, requestToken, signIn } from '../session.js';
import { fakeFetch, json, jwt, validToken } from './fake-server.js';

const SERVER = 'https://nastavnik.school.example';

beforeEach(() => fakeBrowser.reset());

describe('jwt', () => {
  it('reads the expiry and treats the last 30 seconds as expired', () => {
    const token = jwt(2_000_000);
    expect(tokenExpiry(token)).toBe(2_000_000_000);
    expect(isTokenExpired(token, 1_999_900_000)).toBe(false);
    expect(isTokenExpired(token, 1_999_980_000)).toBe(true);
    expect(tokenExpiry('not-a-token')).toBeNull();
    expect(isTokenExpired('not-a-token')).toBe(false);
  });
});

describe('normaliseServerUrl', () => {
  it.each([
    ['nastavnik.school.example', 'https://nastavnik.school.example'],
    ['https://nastavnik.school.example/', 'https://nastavnik.school.example'],
    ['https://nastavnik.school.example/graphql', 'https://nastavnik.school.example'],
    ['https://cms.example/strapi/api', 'https://cms.example/strapi'],
    ['http://127.0.0.1:1337', 'http://127.0.0.1:1337'],
    ['http://localhost:1337/', 'http://localhost:1337'],
  ])('%s → %s', (input, url) => {
    expect(normaliseServerUrl(input)).toEqual({ ok: true, url });
  });
  it.each([
    '',
    'http://nastavnik.school.example',
    'ftp://x.example',
    'https://user:pw@x.example',
    'https://',
  ])('refuses %j', (input) => {
    const result = normaliseServerUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/[А-Яа-я]/);
  });
});

describe('requestToken', () => {
  it('posts identifier and password and returns the JWT', async () => {
    const token = validToken();
    const server = fakeFetch(() => json(200, { jwt: token, user: { id: 1, username: 'kurator' } }));
    await expect(requestToken(SERVER, 'kurator', 'secret', server.fetch)).resolves.toBe(token);
    expect(server.calls[0]).toMatchObject({
      url: `${SERVER}/api/auth/local`,
      body: { identifier: 'kurator', password: 'secret' },
    });
  });

  it.each([
    [() => json(400, { error: { message: 'Invalid identifier or password' } }), 'Неверный логин или пароль.'],
    [() => json(429, {}), 'Слишком много попыток входа. Подождите несколько минут.'],
    [() => json(502, {}), 'Ошибка на сервере (502); повторим позже.'],
    [
      () => new Response('<html>nginx</html>', { status: 200 }),
      'По этому адресу отвечает не сервер «Наставника».',
    ],
    [() => json(200, { hello: 'world' }), 'По этому адресу отвечает не сервер «Наставника».'],
    [
      () => {
        throw new TypeError('Failed to fetch');
      },
      `Не удалось связаться с сервером ${SERVER}. Проверьте адрес и подключение.`,
    ],
  ])('explains failure %#', async (respond, message) => {
    await expect(requestToken(SERVER, 'kurator', 'secret', fakeFetch(respond).fetch)).rejects.toThrow(
      message,
    );
  });
});

describe('signIn', () => {
  it('keeps the token in storage.session only and loads the profile', async () => {
    const token = validToken();
    const server = fakeFetch((call) =>
      call.url.endsWith('/api/auth/local')
        ? json(200, { jwt: token, user: { username: 'kurator' } })
        : json(200, {
            data: {
              nastavnikMe: {
                username: 'kurator',
                role: 'curator',
                organisation: {
                  documentId: 'org1',
                  name: 'МБОУ «СОШ № 1»',
                  shortName: 'СОШ № 1',
                  slug: 'sosh-1',
                },
              },
            },
          }),
    );
    const profile = await signIn(SERVER, 'kurator', 'secret', server.fetch);
    expect(profile).toMatchObject({
      username: 'kurator',
      role: 'curator',
      organisation: { shortName: 'СОШ № 1' },
    });
    expect(server.calls[1]?.headers['authorization']).toBe(`Bearer ${token}`);
    expect(await fakeBrowser.storage.session.get('token')).toEqual({ token });
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain(token);
    expect(await profileItem.getValue()).toEqual(profile);
  });

  it('forgets the token when the profile cannot be loaded', async () => {
    const server = fakeFetch((call) =>
      call.url.endsWith('/api/auth/local')
        ? json(200, { jwt: validToken(), user: { username: 'kurator' } })
        : json(200, {
            errors: [{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
          }),
    );
    await expect(signIn(SERVER, 'kurator', 'secret', server.fetch)).rejects.toThrow(/модуль «Наставник»/);
    expect(await tokenItem.getValue()).toBeNull();
  });
});

it('explains an account without access instead of an expired session', async () => {
  const server = fakeFetch((call) =>
    call.url.endsWith('/api/auth/local')
      ? json(200, { jwt: validToken(), user: { username: 'x' } })
      : json(401, {}),
  );
  await expect(signIn(SERVER, 'x', 'y', server.fetch)).rejects.toThrow(/нет доступа к «Наставнику»/);
  expect(await tokenItem.getValue()).toBeNull();
  expect(await sessionExpiredItem.getValue()).toBe(false);
});

describe('currentToken', () => {
  it('drops an expired token and says the session expired', async () => {
    await tokenItem.setValue(jwt(Math.floor(Date.now() / 1000) - 10));
    await expect(currentToken()).resolves.toBeNull();
    expect(await tokenItem.getValue()).toBeNull();
    expect(await sessionExpiredItem.getValue()).toBe(true);
  });
});

describe('expireSession', () => {
  it('forgets the refused token and says the session expired', async () => {
    const token = validToken();
    await tokenItem.setValue(token);
    await expireSession(token);
    expect(await tokenItem.getValue()).toBeNull();
    expect(await sessionExpiredItem.getValue()).toBe(true);
  });

  it('leaves a session alone that began after the refused call went out', async () => {
    const fresh = validToken();
    await tokenItem.setValue(fresh);
    await expireSession('an.older.token');
    await expireSession(null);
    expect(await tokenItem.getValue()).toBe(fresh);
    expect(await sessionExpiredItem.getValue()).toBe(false);
  });

  it('does not say a session expired when there never was one', async () => {
    const server = fakeFetch(() => json(200, {}));
    await expect(createApi(SERVER, server.fetch).pairs()).rejects.toMatchObject({ kind: 'auth' });
    expect(server.calls).toHaveLength(0);
    expect(await sessionExpiredItem.getValue()).toBe(false);
  });

  it('does not drop a new sign-in when a refusal of the old token arrives late', async () => {
    const old = validToken();
    // Another expiry makes another token (two tokens issued in the same second would be equal).
    const fresh = jwt(Math.floor(Date.now() / 1000) + 7200);
    await tokenItem.setValue(old);
    let answer: (response: Response) => void = () => undefined;
    const server = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const pending = createApi(SERVER, server.fetch)
      .pairs()
      .catch((error: unknown) => error);
    await expect.poll(() => server.calls.length).toBe(1);
    // The user signs in again while the request with the old token is still out.
    await tokenItem.setValue(fresh);
    answer(json(401, {}));
    expect(await pending).toMatchObject({ kind: 'auth' });
    expect(await tokenItem.getValue()).toBe(fresh);
  });
});

it('ApiFailure marks only transient failures as retryable', () => {
  expect(new ApiFailure('network', '').retryable).toBe(true);
  expect(new ApiFailure('server', '').retryable).toBe(true);
  expect(new ApiFailure('invalid', '').retryable).toBe(false);
  expect(new ApiFailure('auth', '').retryable).toBe(false);
});

/**
 * Signing in and out. `POST {server}/api/auth/local` returns the JWT, which goes to
 * `storage.session` only; the profile (organisation and role) comes from GraphQL `nastavnikMe`.
 * When the server refuses the token, the token is dropped and the panel is told why, but queued
 * captures stay where they are and go out after the next sign-in.
 */
import { z } from 'zod';
import { userRoles } from '@nastavnik/shared/enums';
import { NastavnikApi } from '../api/client.js';
import { ApiFailure, classifyError, failureFromStatus } from '../api/errors.js';
import { profileItem, serverUrlItem, sessionExpiredItem, tokenItem, type Profile } from '../storage.js';
import { isTokenExpired } from './jwt.js';

const authResponseSchema = z.object({
  jwt: z.string().min(10),
  user: z.object({ username: z.string() }).loose(),
});

export async function requestToken(
  serverUrl: string,
  identifier: string,
  password: string,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/api/auth/local`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'omit',
      body: JSON.stringify({ identifier, password }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    const failure = classifyError(error);
    throw failure.kind === 'network'
      ? new ApiFailure(
          'network',
          `Не удалось связаться с сервером ${serverUrl}. Проверьте адрес и подключение.`,
        )
      : failure;
  }
  if (response.status === 400 || response.status === 401) {
    throw new ApiFailure('invalid', 'Неверный логин или пароль.');
  }
  if (response.status === 429) {
    throw new ApiFailure('server', 'Слишком много попыток входа. Подождите несколько минут.');
  }
  if (!response.ok) throw failureFromStatus(response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiFailure('invalid', 'По этому адресу отвечает не сервер «Наставника».');
  }
  const parsed = authResponseSchema.safeParse(body);
  if (!parsed.success) throw new ApiFailure('invalid', 'По этому адресу отвечает не сервер «Наставника».');
  return parsed.data.jwt;
}

export function toProfile(me: Awaited<ReturnType<NastavnikApi['me']>>): Profile {
  const role = userRoles.values.find((value) => value === me.role) ?? null;
  return { username: me.username, role, organisation: me.organisation };
}

/** Reads the stored token, dropping it (and saying so) once it has expired. */
export async function currentToken(): Promise<string | null> {
  const token = await tokenItem.getValue();
  if (token && isTokenExpired(token)) {
    await expireSession(token);
    return null;
  }
  return token;
}

export function createApi(serverUrl: string, fetchImpl?: typeof fetch): NastavnikApi {
  return new NastavnikApi({
    serverUrl,
    getToken: currentToken,
    // Any refused call, from the panel or the background, sends the user back to the sign-in form.
    onAuthFailure: expireSession,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

export async function signIn(
  serverUrl: string,
  identifier: string,
  password: string,
  fetchImpl?: typeof fetch,
): Promise<Profile> {
  const token = await requestToken(serverUrl, identifier, password, fetchImpl);
  await serverUrlItem.setValue(serverUrl);
  await tokenItem.setValue(token);
  try {
    const profile = toProfile(await createApi(serverUrl, fetchImpl).me());
    await profileItem.setValue(profile);
    await sessionExpiredItem.setValue(false);
    return profile;
  } catch (error) {
    await tokenItem.removeValue();
    const failure = classifyError(error);
    if (failure.kind !== 'auth') throw failure;
    // A token refused right after it was issued is not an expired session but an account without access.
    await sessionExpiredItem.setValue(false);
    throw new ApiFailure(
      'forbidden',
      'Вход выполнен, но у этой учётной записи нет доступа к «Наставнику». Обратитесь к администратору.',
    );
  }
}

export async function signOut(): Promise<void> {
  await Promise.all([tokenItem.removeValue(), profileItem.removeValue(), sessionExpiredItem.setValue(false)]);
}

/**
 * The server refused the token or it ran out: forget it, keep everything else. `refused` is the
 * token the failed call went out with. Only that token is forgotten: a refusal can arrive after the
 * user has signed in again (a background delivery was still on its way), and a call that had no
 * token at all (never signed in, signed out) has no session to end and nothing to announce.
 */
export async function expireSession(refused: string | null): Promise<void> {
  if (refused === null || (await tokenItem.getValue()) !== refused) return;
  await Promise.all([tokenItem.removeValue(), sessionExpiredItem.setValue(true)]);
}

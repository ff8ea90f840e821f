/** The admin panel's own REST API (Content Manager, the plugin's admin routes) for integration tests. */
import { inject } from 'vitest';
import type { FIXTURE_ADMINS } from './admin-fixtures.js';

export interface Answer<T> {
  status: number;
  body: T;
}

/** A JSON call with an admin session's token; the answer's body typed by the caller. */
export async function adminCall<T = Record<string, unknown>>(
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${inject('strapiUrl')}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** The session token of a fixture admin account. */
export function adminToken(name: keyof typeof FIXTURE_ADMINS): string {
  const account = inject('admins')[name];
  if (!account) throw new Error(`Нет тестовой учётной записи ${name}`);
  return account.token;
}

/** The document id of a seeded organisation. */
export function seededOrganisation(slug: string): string {
  const documentId = inject('fixtures').organisations[slug];
  if (!documentId) throw new Error(`В начальных данных нет организации ${slug}`);
  return documentId;
}

/** A tiny GraphQL client over real HTTP for the integration tests. */
import { inject } from 'vitest';

export interface GraphqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: { code?: string; error?: { name?: string; details?: any } };
  }>;
  raw: string;
}

export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  jwt?: string,
): Promise<GraphqlResponse<T>> {
  const res = await fetch(`${inject('strapiUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await res.text();
  let body: { data?: T; errors?: GraphqlResponse['errors'] } = {};
  try {
    body = JSON.parse(raw);
  } catch {
    /* a non-JSON answer is reported through `raw` */
  }
  return { status: res.status, data: body.data, errors: body.errors, raw };
}

export const jwtOf = (user: string) => {
  const u = inject('fixtures').users[user];
  if (!u) throw new Error(`Нет тестового пользователя ${user}`);
  return u.jwt;
};
export const orgId = (slug: string) => {
  const id = inject('fixtures').organisations[slug];
  if (!id) throw new Error(`Нет организации ${slug}`);
  return id;
};

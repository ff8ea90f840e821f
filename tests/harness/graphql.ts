/** A tiny GraphQL client over real HTTP for the integration tests. */
import { inject } from 'vitest';

declare const answerShape: unique symbol;
/**
 * A query text that carries the shape of its answer's `data`, so that every `gql(QUERY)` is typed without
 * repeating it. Only a type: at run time it is the plain string.
 */
export type Query<T> = string & { readonly [answerShape]?: T };
export const query = <T>(text: string) => text as Query<T>;

export interface GraphqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: {
    code?: string;
    error?: { name?: string; details?: { errors?: Array<{ path?: Array<string | number> }> } };
  };
}

export interface GraphqlResponse<T> {
  status: number;
  /** Absent or null when the request failed as a whole; a field may be null next to an error. */
  data?: T | null;
  errors?: GraphqlError[];
  raw: string;
}

export async function gql<T = unknown>(
  query: Query<T>,
  variables: Record<string, unknown> = {},
  jwt?: string,
): Promise<GraphqlResponse<T>> {
  const res = await fetch(`${inject('strapiUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await res.text();
  let body: { data?: T | null; errors?: GraphqlError[] } = {};
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    /* a non-JSON answer is reported through `raw` */
  }
  return { status: res.status, data: body.data, errors: body.errors, raw };
}

/** The answer's data, for a test that reads on: without any, it fails here and shows the whole answer. */
export function dataOf<T>(res: GraphqlResponse<T>): T {
  if (res.data === undefined || res.data === null)
    throw new Error(`GraphQL ответил без данных (${res.status}): ${res.raw}`);
  return res.data;
}

/** A root field whose name is built at run time (per content type): fails with the whole answer without it. */
export function fieldOf<T>(res: GraphqlResponse<Partial<Record<string, T | null>>>, name: string): T {
  const value = dataOf(res)[name];
  if (value === undefined || value === null) throw new Error(`В ответе GraphQL нет ${name}: ${res.raw}`);
  return value;
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

/**
 * A case of the demo school, written by its curator and approved and published by the Bor methodist,
 * as the review workflow has it; its documentId. Fails with the whole answer when either step does.
 */
export async function approvedCase(data: Record<string, unknown>): Promise<string> {
  const created = await gql<{ createNastavnikCase: { documentId: string } }>(
    `mutation($data: NastavnikCaseInput!) { createNastavnikCase(data: $data, status: DRAFT) { documentId } }`,
    { data: { reviewState: 'submitted', ...data } },
    jwtOf('demoCurator'),
  );
  const id = dataOf(created).createNastavnikCase.documentId;
  const approved = await gql(
    `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { reviewState: approved }, status: PUBLISHED) { documentId } }`,
    { id },
    jwtOf('borMethodist'),
  );
  if (approved.errors) throw new Error(`Кейс не одобрен: ${approved.raw}`);
  return id;
}

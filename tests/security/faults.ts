/**
 * Helpers of the fault tests: an administrator session, an organisation and a large road map over
 * HTTP, and row counts straight from the database (SQLite file or PostgreSQL), which see rows no API
 * would show, such as activities left without their road map.
 */
import { createRequire } from 'node:module';
import { exportRoadmapDocx } from '@nastavnik/shared';
import { cmsDir, type TestDatabase } from '../harness/strapi.js';
import { signInAdmin } from '../harness/admin-fixtures.js';

const require = createRequire(import.meta.url);

export const adminSession = (url: string, env: Record<string, string>) => {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  if (!email || !password) throw new Error('Нет ADMIN_EMAIL / ADMIN_PASSWORD');
  return signInAdmin(url, email, password);
};

export async function createOrganisation(url: string, token: string, slug: string): Promise<string> {
  const res = await fetch(`${url}/content-manager/collection-types/plugin::nastavnik.organisation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Школа ${slug}`, slug, kind: 'school' }),
  });
  const body = (await res.json()) as { data?: { documentId?: string } };
  if (!body.data?.documentId) throw new Error(`Организация не создана: ${JSON.stringify(body)}`);
  return body.data.documentId;
}

/** A generated road map of `count` activities in 20 sections, as the DOCX a school would upload. */
export function largeRoadmapDocx(count: number, title: string): Promise<Uint8Array> {
  const sections = Array.from({ length: 20 }, (_, s) => ({
    index: s,
    code: `${s + 1}.`,
    title: `Этап ${s + 1}: подготовка и проведение мероприятий`,
    level: 1,
    row: 1,
  }));
  const perSection = Math.ceil(count / sections.length);
  const activities = Array.from({ length: count }, (_, i) => ({
    code: `${Math.floor(i / perSection) + 1}.${(i % perSection) + 1}`,
    title: `Мероприятие ${i + 1}: анкетирование наставников и наставляемых, анализ результатов`,
    content: ['Подготовка анкет.', 'Проведение анкетирования.', 'Обсуждение на педагогическом совете.'],
    sectionIndex: Math.floor(i / perSection),
    deadline: { text: i % 2 ? 'Февраль-май 2025' : 'в течение всего периода' },
    responsible: { text: 'Директор, куратор' },
    result: 'Аналитическая справка',
  }));
  return exportRoadmapDocx({
    title,
    period: { start: 2024, end: 2025, academicYear: true, source: 'input' },
    sections,
    activities,
  });
}

/** The committing import of the plugin's admin route, as the admin panel sends it (multipart). */
export function importRoadmap(url: string, token: string, organisation: string, docx: Uint8Array) {
  const form = new FormData();
  form.set('organisation', organisation);
  form.set('dryRun', 'false');
  form.set('file', new Blob([new Uint8Array(docx)]), 'large-roadmap.docx');
  return fetch(`${url}/nastavnik/roadmaps/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

/** The part of better-sqlite3 used here (the package has no bundled types). */
type SqliteDriver = new (
  file: string | undefined,
  options: { readonly: boolean },
) => { prepare(sql: string): { get(): unknown }; close(): void };

/** Number of rows of a table, read with the database's own driver. */
export async function countRows(database: TestDatabase, table: string): Promise<number> {
  if (database.env.DATABASE_CLIENT === 'postgres') {
    const { Client } = require(require.resolve('pg', { paths: [cmsDir] })) as typeof import('pg');
    const client = new Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      return Number(rows[0]?.n);
    } finally {
      await client.end();
    }
  }
  const Database = require(require.resolve('better-sqlite3', { paths: [cmsDir] })) as SqliteDriver;
  const db = new Database(database.env.DATABASE_FILENAME, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

interface SubmitAnswer {
  data?: { nastavnikSubmitCapture?: { documentId: string; duplicate: boolean } | null } | null;
  errors?: Array<{ message: string }>;
}

export interface ParallelCaptures {
  keys: string[];
  /** For each key, the distinct documentIds the answers named. */
  documentsByKey: Map<string, Set<string>>;
  firstSubmissions: number;
  duplicates: number;
  failures: string[];
  ms: number;
}

/**
 * `total` capture submissions sent at once by one staff member, `duplicateShare` of them repeating the
 * key of another submission of the same batch (as the extension's retries do).
 */
export async function submitCapturesInParallel(
  url: string,
  jwt: string,
  total: number,
  duplicateShare: number,
): Promise<ParallelCaptures> {
  const unique = Math.round(total * (1 - duplicateShare));
  const run = Date.now().toString(36);
  const keys = Array.from({ length: unique }, (_, i) => `parallel-${run}-${i}`);
  // Each repeat right behind its first send, so both are in flight together.
  const repeated = new Set(Array.from({ length: total - unique }, (_, i) => (i * 4) % unique));
  const sent = keys.flatMap((key, i) => (repeated.has(i) ? [key, key] : [key]));
  const started = performance.now();
  const answers = await Promise.all(
    sent.map(async (idempotencyKey) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({
          query: `mutation($data: NastavnikCaptureSubmitInput!) { nastavnikSubmitCapture(data: $data) { documentId duplicate } }`,
          variables: {
            data: {
              kind: 'roster',
              sourceUrl: 'https://journal.example/class/5a',
              adapter: 'generic-table',
              idempotencyKey,
              payload: { kind: 'roster', rows: [{ fullName: 'Проверкина Ольга Ивановна', className: '5А' }] },
            },
          },
        }),
      });
      return { idempotencyKey, status: res.status, body: (await res.json()) as SubmitAnswer };
    }),
  );
  const ms = performance.now() - started;
  const documentsByKey = new Map<string, Set<string>>();
  const failures: string[] = [];
  let firstSubmissions = 0;
  let duplicates = 0;
  for (const { idempotencyKey, status, body } of answers) {
    const result = body.data?.nastavnikSubmitCapture;
    if (status !== 200 || !result) {
      failures.push(`${status} ${JSON.stringify(body.errors ?? body)}`);
      continue;
    }
    if (result.duplicate) duplicates++;
    else firstSubmissions++;
    const set = documentsByKey.get(idempotencyKey) ?? new Set<string>();
    set.add(result.documentId);
    documentsByKey.set(idempotencyKey, set);
  }
  return { keys, documentsByKey, firstSubmissions, duplicates, failures, ms };
}

/** How many captures the database holds under these keys, counted by a curator over GraphQL. */
export async function storedCaptures(url: string, jwt: string, keys: string[]): Promise<number> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({
      query: `query($keys: [String]) { nastavnikCaptures_connection(filters: { idempotencyKey: { in: $keys } }) { pageInfo { total } } }`,
      variables: { keys },
    }),
  });
  const body = (await res.json()) as {
    data?: { nastavnikCaptures_connection?: { pageInfo: { total: number } } };
  };
  const total = body.data?.nastavnikCaptures_connection?.pageInfo.total;
  if (total === undefined) throw new Error(`Не удалось сосчитать захваты: ${JSON.stringify(body)}`);
  return total;
}

/**
 * An API user of `role` in `organisation`, created by the super administrator through the Content
 * Manager (the way an installation without seed data gets its first users), and signed in.
 */
export async function createApiUser(
  url: string,
  adminToken: string,
  organisation: string,
  role: string,
  username: string,
): Promise<string> {
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const roles = (await (await fetch(`${url}/users-permissions/roles`, { headers })).json()) as {
    roles?: Array<{ id: number; type: string }>;
  };
  const roleId = roles.roles?.find((r) => r.type === role)?.id;
  if (roleId === undefined) throw new Error(`Нет роли ${role}: ${JSON.stringify(roles)}`);
  const password = 'Faults1pass';
  const created = await fetch(`${url}/content-manager/collection-types/plugin::users-permissions.user`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      username,
      email: `${username}@test.local`,
      password,
      confirmed: true,
      blocked: false,
      role: { connect: [{ id: roleId }] },
      organisation: { connect: [{ documentId: organisation }] },
    }),
  });
  if (!created.ok) throw new Error(`Пользователь не создан: ${created.status} ${await created.text()}`);
  const login = await fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: username, password }),
  });
  const body = (await login.json()) as { jwt?: string };
  if (!body.jwt) throw new Error(`Не удалось войти как ${username}: ${JSON.stringify(body)}`);
  return body.jwt;
}

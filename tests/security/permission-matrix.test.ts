/**
 * The permission matrix: every content type × actor × operation × path, with the expected outcome
 * derived from what is declared — each type's `access`, `tenancy`, `draftAndPublish` and `publicFields`
 * (content-types/*.ts) and each role's grants (setup/roles.ts) — never from what the server answers.
 * Prints the matrix and fails on any cell where the server differs.
 *
 * Outcomes: allowed (the operation happens, unrestricted by organisation), filtered (a visitor sees only
 * published documents and public fields; a user only documents of their organisation's subtree), refused.
 * A create is sent without data: a validation error (nothing written) means authorisation let it through.
 */
import { describe, expect, it, inject } from 'vitest';
import type { ContentTypeDefinition } from '../../cms/plugin/server/src/content-types/define.js';
import { definitions } from '../../cms/plugin/server/src/content-types/index.js';
import { grants } from '../../cms/plugin/server/src/setup/roles.js';
import type { UserRole } from '@nastavnik/shared';
import { orgId } from '../harness/graphql.js';
import { MATRIX_ORG } from './matrix-fixtures.js';
import { graphqlBody, postGraphql, request, type GraphqlError, type RawResponse } from './http.js';

type Outcome = 'allowed' | 'refused' | 'filtered' | 'n/a';
type Observed = Outcome | `${string}!`;

interface Actor {
  key: string;
  label: string;
  kind: 'anonymous' | 'user' | 'token';
  role?: UserRole;
  readOnly?: boolean;
}
const ACTORS: Actor[] = [
  { key: 'anonymous', label: 'аноним', kind: 'anonymous' },
  { key: 'demoStaff', label: 'сотрудник своей орг.', kind: 'user', role: 'staff' },
  { key: 'kamenskCurator', label: 'куратор чужой орг.', kind: 'user', role: 'curator' },
  { key: 'borMethodist', label: 'методист муниципалитета', kind: 'user', role: 'methodist' },
  { key: 'demoEditor', label: 'редактор своей орг.', kind: 'user', role: 'editor' },
  { key: 'tokenReadOnly', label: 'API-токен только чтение', kind: 'token', readOnly: true },
  { key: 'tokenFull', label: 'API-токен полный', kind: 'token', readOnly: false },
];

/** Read-only API tokens are documented to see what visitors see; only a full-access token is trusted. */
const readsAsVisitor = (actor: Actor) =>
  actor.kind === 'anonymous' || (actor.kind === 'token' && actor.readOnly === true);

const COLUMNS = [
  ['list', 'rest'],
  ['list', 'graphql'],
  ['list', 'nested'],
  ['list', 'connection'],
  ['read', 'rest'],
  ['read', 'graphql'],
  ['create', 'rest'],
  ['create', 'graphql'],
  ['update', 'rest'],
  ['update', 'graphql'],
  ['delete', 'rest'],
  ['delete', 'graphql'],
  ['publish', 'rest'],
  ['publish', 'graphql'],
] as const;
type Operation = (typeof COLUMNS)[number][0];
type Path = (typeof COLUMNS)[number][1];

const SCALARS = new Set([
  'string',
  'text',
  'richtext',
  'enumeration',
  'date',
  'datetime',
  'time',
  'integer',
  'biginteger',
  'decimal',
  'float',
  'boolean',
  'json',
  'email',
  'uid',
]);
const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
const scalarFields = (d: ContentTypeDefinition) =>
  Object.entries(d.attributes)
    .filter(([, a]) => SCALARS.has(String(a.type)))
    .map(([name]) => name);
const hasOrganisation = (d: ContentTypeDefinition) => d.tenancy === 'organisation';

/** The relation through which a type is read nested in another: from a public parent where there is one. */
function parentOf(type: ContentTypeDefinition) {
  const uid = `plugin::nastavnik.${type.singularName}`;
  const candidates = definitions
    .flatMap(({ definition: parent }) =>
      Object.entries(parent.attributes)
        .filter(([, a]) => a.type === 'relation' && a.target === uid)
        .map(([field, a]) => ({ parent, field, many: String(a.relation).endsWith('ToMany') })),
    )
    .sort(
      (a, b) =>
        Number(b.parent.access === 'public') - Number(a.parent.access === 'public') ||
        Number(b.many) - Number(a.many),
    );
  return candidates[0];
}

const matrix = () => inject('matrix');
const scopeOf = (actor: Actor) => matrix().scopes[actor.key] ?? [];
const targetOrg = () => orgId(MATRIX_ORG);

function authHeader(actor: Actor): Record<string, string> {
  if (actor.kind === 'anonymous') return {};
  if (actor.kind === 'token') {
    const { tokens } = matrix();
    return { authorization: `Bearer ${actor.readOnly ? tokens.readOnly : tokens.full}` };
  }
  const user = inject('fixtures').users[actor.key];
  if (!user) throw new Error(actor.key);
  return { authorization: `Bearer ${user.jwt}` };
}

/** The expected outcome, from the declarations alone. */
function expected(actor: Actor, type: ContentTypeDefinition, operation: Operation, path: Path): Outcome {
  if (operation === 'publish' && !type.draftAndPublish) return 'n/a';
  if (path === 'nested') {
    const parent = parentOf(type);
    if (!parent || expected(actor, parent.parent, 'list', 'graphql') === 'refused') return 'n/a';
  }
  const isRead = operation === 'list' || operation === 'read';
  if (readsAsVisitor(actor)) {
    if (!isRead) return 'refused';
    return type.access === 'public' ? 'filtered' : 'refused';
  }
  if (actor.kind === 'token') return 'allowed';
  const granted = new Set<string>(grants[actor.role ?? 'staff'][type.singularName] ?? []);
  const inScope = type.tenancy === 'self' || scopeOf(actor).includes(targetOrg());
  const ownsTarget = scopeOf(actor).includes(targetOrg());
  switch (operation) {
    case 'list':
      return !granted.has('find') ? 'refused' : type.tenancy === 'self' ? 'allowed' : 'filtered';
    case 'read':
      return granted.has('findOne') && inScope ? 'allowed' : 'refused';
    case 'create':
      return granted.has('create') ? 'allowed' : 'refused';
    case 'update':
    case 'publish':
      return granted.has('update') && ownsTarget ? 'allowed' : 'refused';
    case 'delete':
      return granted.has('delete') && ownsTarget ? 'allowed' : 'refused';
  }
}

interface Doc {
  documentId?: string;
  publishedAt?: string | null;
  organisation?: { documentId?: string } | null;
  [field: string]: unknown;
}

/** What a list (or one document) shows about who may read it. */
function classifyDocs(actor: Actor, type: ContentTypeDefinition, docs: Doc[]): Observed {
  if (readsAsVisitor(actor)) {
    const visible = new Set(type.publicFields ?? []);
    for (const doc of docs) {
      if (type.draftAndPublish && !doc.publishedAt) return 'черновик!';
      const leaked = scalarFields(type).find(
        (f) => !visible.has(f) && doc[f] !== undefined && doc[f] !== null,
      );
      if (leaked) return `поле ${leaked}!`;
    }
    return 'filtered';
  }
  if (actor.kind === 'token') return 'allowed';
  const scope = new Set(scopeOf(actor));
  const outside = docs.some((d) =>
    type.tenancy === 'self' ? !scope.has(d.documentId ?? '') : !scope.has(d.organisation?.documentId ?? ''),
  );
  return outside ? 'allowed' : 'filtered';
}

function refusedOrError(status: number, body: string): Observed {
  if ([401, 403, 404].includes(status)) return 'refused';
  return `${status} ${body.slice(0, 60)}!`;
}

const selection = (type: ContentTypeDefinition) =>
  `documentId ${scalarFields(type).join(' ')} ${type.draftAndPublish ? 'publishedAt' : ''} ${hasOrganisation(type) ? 'organisation { documentId }' : ''}`;

/**
 * One GraphQL read cell: one root field per request, since a refused non-null root field empties the
 * whole answer. A visitor asking for a hidden required field gets that field refused, which hides it.
 */
async function graphqlRead(
  actor: Actor,
  type: ContentTypeDefinition,
  query: string,
  pick: (data: Record<string, unknown>) => Doc[] | null,
  nestedField?: string,
): Promise<Observed> {
  const res = await postGraphql(
    { query, variables: { id: matrix().targets[type.singularName] } },
    { jwt: authHeader(actor).authorization?.slice('Bearer '.length) },
  );
  if (res.status >= 500) return `${res.status}!`;
  const body = graphqlBody(res);
  const hidden = new Set(scalarFields(type).filter((f) => !(type.publicFields ?? []).includes(f)));
  const fieldHidden = (e: GraphqlError) =>
    readsAsVisitor(actor) && e.extensions?.code === 'FORBIDDEN' && hidden.has(String(e.path?.at(-1)));
  const errors = (body.errors ?? []).filter((e) => !fieldHidden(e));
  const refusal = errors.find((e) =>
    ['FORBIDDEN', 'STRAPI_NOT_FOUND_ERROR'].includes(e.extensions?.code ?? ''),
  );
  const other = errors.find(
    (e) => !['FORBIDDEN', 'STRAPI_NOT_FOUND_ERROR'].includes(e.extensions?.code ?? ''),
  );
  if (other) return `${other.extensions?.code ?? ''} ${other.message.slice(0, 60)}!`;
  if (refusal) {
    // Refused at the parent list itself: the nested path does not apply to this actor.
    if (nestedField) return refusal.path?.length === 1 ? 'n/a' : 'refused';
    return 'refused';
  }
  const docs = pick(body.data ?? {});
  // Only hidden fields were refused: GraphQL nulls what held them, the visitor saw nothing hidden.
  if (docs === null) return (body.errors ?? []).some(fieldHidden) ? 'filtered' : 'refused';
  // A list item refused for a hidden required field is null.
  return classifyDocs(actor, type, docs.filter(Boolean));
}

async function graphqlReads(actor: Actor, type: ContentTypeDefinition): Promise<Record<string, Observed>> {
  const plural = `nastavnik${pascal(type.pluralName)}`;
  const one = `nastavnik${pascal(type.singularName)}`;
  const parent = parentOf(type);
  const fields = selection(type);
  const out: Record<string, Observed> = {};
  out.list = await graphqlRead(
    actor,
    type,
    `{ r: ${plural}(pagination: { limit: 100 }) { ${fields} } }`,
    (d) => (d.r as Doc[] | null) ?? null,
  );
  out.connection = await graphqlRead(
    actor,
    type,
    `{ r: ${plural}_connection(pagination: { limit: 100 }) { nodes { ${fields} } } }`,
    (d) => (d.r as { nodes?: Doc[] } | null)?.nodes ?? null,
  );
  const read = await graphqlRead(
    actor,
    type,
    `query($id: ID!) { r: ${one}(documentId: $id) { ${fields} } }`,
    (d) => (d.r ? [d.r as Doc] : null),
  );
  out.one = actor.kind === 'user' && read === 'filtered' ? 'allowed' : read;
  out.nested = parent
    ? await graphqlRead(
        actor,
        type,
        `{ r: nastavnik${pascal(parent.parent.pluralName)}(pagination: { limit: 20 }) { ${parent.field} { ${fields} } } }`,
        (d) =>
          ((d.r as Array<Record<string, unknown>> | null) ?? []).flatMap((p): Doc[] => {
            const v = p[parent.field];
            if (Array.isArray(v)) return v as Doc[];
            return v ? [v as Doc] : [];
          }),
        parent.field,
      )
    : 'n/a';
  return out;
}

async function restReads(actor: Actor, type: ContentTypeDefinition): Promise<Record<string, Observed>> {
  const base = `/api/nastavnik/${type.pluralName}`;
  const populate = hasOrganisation(type) ? '&populate[organisation][fields][0]=documentId' : '';
  const list = await request('GET', `${base}?pagination[pageSize]=100${populate}`, {
    headers: authHeader(actor),
  });
  const one = await request('GET', `${base}/${matrix().targets[type.singularName]}?${populate.slice(1)}`, {
    headers: authHeader(actor),
  });
  const docsOf = (res: RawResponse) => {
    const data = (res.json as { data?: Doc[] | Doc | null } | undefined)?.data;
    return Array.isArray(data) ? data : data ? [data] : [];
  };
  const listed =
    list.status === 200 ? classifyDocs(actor, type, docsOf(list)) : refusedOrError(list.status, list.text);
  let read =
    one.status === 200 ? classifyDocs(actor, type, docsOf(one)) : refusedOrError(one.status, one.text);
  if (actor.kind === 'user' && read === 'filtered') read = 'allowed';
  return { list: listed, one: read };
}

function writeOutcome(operation: Operation, res: RawResponse, field: string, graphql: boolean): Observed {
  if (res.status >= 500) return `${res.status}!`;
  if (!graphql) {
    if (res.status >= 200 && res.status < 300) return 'allowed';
    if (res.status === 400 && operation === 'create') return 'allowed';
    return refusedOrError(res.status, res.text);
  }
  const body = graphqlBody(res);
  if (body.data?.[field]) return 'allowed';
  const code = body.errors?.[0]?.extensions?.code ?? '';
  if (code === 'FORBIDDEN' || code === 'STRAPI_NOT_FOUND_ERROR') return 'refused';
  if (code === 'BAD_USER_INPUT' && operation === 'create') return 'allowed';
  return `${code} ${body.errors?.[0]?.message.slice(0, 60) ?? ''}!`;
}

async function writes(actor: Actor, type: ContentTypeDefinition): Promise<Record<string, Observed>> {
  const base = `/api/nastavnik/${type.pluralName}`;
  const target = matrix().targets[type.singularName] ?? '';
  const scratch = matrix().scratch[type.singularName] ?? {};
  const headers = authHeader(actor);
  const jwt = headers.authorization?.slice('Bearer '.length);
  const name = pascal(type.singularName);
  const out: Record<string, Observed> = {};
  const empty = JSON.stringify({ data: {} });
  const gqlWrite = async (operation: Operation, mutation: string, field: string) =>
    writeOutcome(operation, await postGraphql({ query: `mutation { ${mutation} }` }, { jwt }), field, true);

  out['create/rest'] = writeOutcome(
    'create',
    await request('POST', base, { body: empty, headers }),
    '',
    false,
  );
  out['create/graphql'] = await gqlWrite(
    'create',
    `createNastavnik${name}(data: {}) { documentId }`,
    `createNastavnik${name}`,
  );
  out['update/rest'] = writeOutcome(
    'update',
    await request('PUT', `${base}/${target}`, { body: empty, headers }),
    '',
    false,
  );
  out['update/graphql'] = await gqlWrite(
    'update',
    `updateNastavnik${name}(documentId: "${target}", data: {}) { documentId }`,
    `updateNastavnik${name}`,
  );
  if (type.draftAndPublish) {
    out['publish/rest'] = writeOutcome(
      'publish',
      await request('PUT', `${base}/${target}?status=published`, { body: empty, headers }),
      '',
      false,
    );
    out['publish/graphql'] = await gqlWrite(
      'publish',
      `updateNastavnik${name}(documentId: "${target}", data: {}, status: PUBLISHED) { documentId }`,
      `updateNastavnik${name}`,
    );
  } else {
    out['publish/rest'] = 'n/a';
    out['publish/graphql'] = 'n/a';
  }
  out['delete/rest'] = writeOutcome(
    'delete',
    await request('DELETE', `${base}/${scratch[`${actor.key}/rest`] ?? ''}`, { headers }),
    '',
    false,
  );
  out['delete/graphql'] = await gqlWrite(
    'delete',
    `deleteNastavnik${name}(documentId: "${scratch[`${actor.key}/graphql`] ?? ''}") { documentId }`,
    `deleteNastavnik${name}`,
  );
  return out;
}

async function row(actor: Actor, type: ContentTypeDefinition): Promise<Record<string, Observed>> {
  const gql = await graphqlReads(actor, type);
  const rest = await restReads(actor, type);
  return {
    'list/rest': rest.list ?? 'n/a',
    'list/graphql': gql.list ?? 'n/a',
    'list/nested': gql.nested ?? 'n/a',
    'list/connection': gql.connection ?? 'n/a',
    'read/rest': rest.one ?? 'n/a',
    'read/graphql': gql.one ?? 'n/a',
    ...(await writes(actor, type)),
  };
}

async function pool<T>(tasks: Array<() => Promise<T>>, size: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

const SYMBOL: Record<Outcome, string> = { allowed: '✓', refused: '✗', filtered: '◐', 'n/a': '·' };

describe('permission matrix', () => {
  it('declares no personal data to methodists, editors or visitors', () => {
    const personal = ['person', 'pair', 'meeting', 'questionnaire-response', 'capture', 'progress-record'];
    for (const type of personal) {
      expect(definitions.find((d) => d.definition.singularName === type)?.definition.access).toBe('private');
      expect(grants.methodist[type]).toBeUndefined();
      expect(grants.editor[type]).toBeUndefined();
    }
  });

  it('every type × actor × operation × path answers as declared', async () => {
    const started = performance.now();
    const rows = definitions.flatMap(({ definition: type }) => ACTORS.map((actor) => ({ type, actor })));
    const observed = await pool(
      rows.map(
        ({ type, actor }) =>
          () =>
            row(actor, type),
      ),
      4,
    );
    const lines: string[] = [];
    const differences: string[] = [];
    let cells = 0;
    const header = ['тип', 'кто', ...COLUMNS.map(([op, path]) => `${op}/${path}`)];
    lines.push(header.join(' | '));
    rows.forEach(({ type, actor }, i) => {
      const got = observed[i] ?? {};
      const cellsOfRow = COLUMNS.map(([operation, path]) => {
        const want = expected(actor, type, operation, path);
        const key = `${operation}/${path === 'nested' || path === 'connection' ? path : path}`;
        const have = got[key] ?? 'n/a';
        if (want !== 'n/a') cells += 1;
        if (have === want) return SYMBOL[want];
        differences.push(
          `${type.singularName} × ${actor.label} × ${key}: ожидалось ${want}, получено ${have}`,
        );
        return `${SYMBOL[want]}≠${have in SYMBOL ? SYMBOL[have as Outcome] : have}`;
      });
      lines.push([type.singularName, actor.label, ...cellsOfRow].join(' | '));
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `\n[security] матрица прав: ${cells} ячеек (${definitions.length} типов × ${ACTORS.length} субъектов × операции × пути), ${seconds} с; ✓ разрешено, ◐ отфильтровано, ✗ отказано, · неприменимо\n${lines.join('\n')}\n`,
    );
    expect(differences).toEqual([]);
  }, 180_000);
});

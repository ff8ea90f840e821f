/**
 * 1,000 GraphQL mutations generated from the introspected schema, with random and hostile arguments
 * (injection strings, huge and malformed numbers and dates, prototype keys, deep JSON, unknown enum
 * values, identifiers of other organisations' records), sent by every kind of caller. No answer may be a
 * 5xx or an unexpected server error, the server must keep answering, and what the refused ones asked
 * for must not have happened: per type, the number of documents moves only by the accepted creates and
 * deletes, and a type no accepted mutation touched keeps its latest change time.
 */
import { beforeAll, describe, expect, it, inject } from 'vitest';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { definitions } from '../../cms/plugin/server/src/content-types/index.js';
import { graphqlBody, postGraphql, request } from './http.js';

const MUTATIONS = 1000;

/** A small deterministic generator (mulberry32): a failing run can be repeated with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const rnd = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const chance = (p: number) => rnd() < p;

const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE nastavnik_persons; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '\u0000\u0001\u0002',
  '𝕳𝖊𝖑𝖑𝖔 👩‍🏫'.repeat(50),
  '{"$gt":""}',
  '__proto__',
  'constructor',
  '${7*7}{{7*7}}',
  'Иванов Иван Иванович, +7 900 000-00-00',
  '%00%0d%0a',
  'x'.repeat(70_000),
  '1e309',
  'null',
];
const HOSTILE_DATES = [
  '2025-13-45',
  'not a date',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '2025-09-01',
  '',
  '-1',
];
const HOSTILE_INTS: unknown[] = [0, -1, 2147483647, -2147483648, 2147483648, 1.5, '1', null, 1e20];
const HOSTILE_FLOATS: unknown[] = [0, -1e308, 1e308, 3.14, 'NaN', null, -0.0001];

function deepJson(depth: number): unknown {
  return depth === 0 ? 'дно' : { level: deepJson(depth - 1) };
}
const HOSTILE_JSON: unknown[] = [
  deepJson(60),
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  Array.from({ length: 2000 }, (_, i) => i),
  { $where: '1', $ne: null },
  'строка',
  null,
  [{ code: 'q', text: 'Вопрос', type: 'scale', min: 10, max: 1 }],
  { kind: 'roster', rows: [{ fullName: '<b>Ёлкин</b>', className: "7'; --" }] },
];

const ids: string[] = [];

function value(type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return chance(0.05) ? null : value(type.ofType, depth);
  if (isListType(type)) {
    if (chance(0.1)) return null;
    return Array.from({ length: pick([0, 1, 2, 5]) }, () => value(type.ofType, depth));
  }
  if (isEnumType(type)) {
    return chance(0.8) ? pick(type.getValues()).name : pick(['INVALID_VALUE', '', 'published', '__proto__']);
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(type.getFields())) {
      if (isNonNullType(field.type) ? chance(0.9) : chance(0.4)) out[name] = value(field.type, depth + 1);
    }
    if (chance(0.1)) out.__proto__unknown = 'x';
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return pick([...ids, ...ids, 'nonexistent0000000000000', '', "' OR 1=1", '../admin', 42]);
      case 'Int':
      case 'Long':
        return pick(HOSTILE_INTS);
      case 'Float':
        return pick(HOSTILE_FLOATS);
      case 'Boolean':
        return pick([true, false, 'true', null]);
      case 'JSON':
        return pick(HOSTILE_JSON);
      case 'Date':
      case 'DateTime':
      case 'Time':
        return pick(HOSTILE_DATES);
      default:
        return pick(HOSTILE_STRINGS);
    }
  }
  return null;
}

function typeText(type: GraphQLInputType): string {
  return type.toString();
}

/** One mutation document with its variables: every argument passed as a variable, hostile or not. */
function mutation(schema: GraphQLSchema) {
  const root = schema.getMutationType();
  if (!root) throw new Error('В схеме нет мутаций');
  const field = pick(Object.values(root.getFields()));
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && chance(0.3)) continue;
    variables[arg.name] = value(arg.type, 0);
    declared.push(`$${arg.name}: ${typeText(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned)
    ? `{ __typename${'documentId' in returned.getFields() ? ' documentId' : ''} }`
    : '';
  const query = `mutation Fuzz${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selection} }`;
  return { field: field.name, query, variables };
}

const fullToken = () => inject('matrix').tokens.full;

interface TypeState {
  count: number;
  latest: string | null;
}

/** Every type's documents (drafts included) and its latest change, as an all-seeing API token reads them. */
async function snapshot(): Promise<Record<string, TypeState>> {
  const out: Record<string, TypeState> = {};
  for (const { definition } of definitions) {
    const status = definition.draftAndPublish ? '&status=draft' : '';
    const res = await request(
      'GET',
      `/api/nastavnik/${definition.pluralName}?pagination[pageSize]=1&sort=updatedAt:desc${status}`,
      { headers: { authorization: `Bearer ${fullToken()}` } },
    );
    const body = res.json as {
      data?: Array<{ updatedAt?: string }>;
      meta?: { pagination?: { total?: number } };
    };
    out[definition.singularName] = {
      count: body.meta?.pagination?.total ?? -1,
      latest: body.data?.[0]?.updatedAt ?? null,
    };
  }
  return out;
}

/** The type a shadow-CRUD mutation writes, by its name (`createNastavnikRoadmapActivity` → roadmap-activity). */
function writtenType(field: string): { type: string; action: 'create' | 'update' | 'delete' } | undefined {
  const match = /^(create|update|delete)Nastavnik(\w+)$/.exec(field);
  if (!match) return undefined;
  const name = (match[2] ?? '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return definitions.some((d) => d.definition.singularName === name)
    ? { type: name, action: match[1] as 'create' | 'update' | 'delete' }
    : undefined;
}

/** Custom mutations and the types an accepted one may write. */
const CUSTOM_WRITES: Record<string, string[]> = {
  nastavnikSubmitCapture: ['capture'],
  nastavnikApplyCapture: ['capture', 'person', 'progress-record', 'case'],
  nastavnikImportRoadmap: ['roadmap', 'roadmap-activity', 'kpi-indicator'],
  nastavnikApplyPlanTemplate: ['pair'],
  nastavnikCompletePair: ['pair', 'questionnaire-response'],
  nastavnikRecogniseMentor: ['person'],
};

let schema: GraphQLSchema;

beforeAll(async () => {
  const res = await postGraphql({ query: getIntrospectionQuery() }, { jwt: fullToken() });
  schema = buildClientSchema(graphqlBody(res).data as unknown as IntrospectionQuery);
  // Real identifiers, so some hostile writes aim at real records: of every type but organisations, and
  // none of the permission matrix's documents (the files of this suite run in any order).
  const { targets, scratch } = inject('matrix');
  const reserved = new Set([
    ...Object.values(targets),
    ...Object.values(scratch).flatMap((c) => Object.values(c)),
  ]);
  for (const { definition } of definitions) {
    if (definition.tenancy === 'self') continue;
    const res = await request('GET', `/api/nastavnik/${definition.pluralName}?pagination[pageSize]=10`, {
      headers: { authorization: `Bearer ${fullToken()}` },
    });
    const docs = (res.json as { data?: Array<{ documentId: string }> }).data ?? [];
    ids.push(...docs.map((d) => d.documentId).filter((id) => !reserved.has(id)));
  }
});

describe('mutation fuzzing', () => {
  it(`${MUTATIONS} hostile mutations: no 5xx, no crash, nothing written by the refused ones`, async () => {
    const fixtures = inject('fixtures');
    const callers: Array<string | undefined> = [
      undefined,
      fixtures.users.demoStaff?.jwt,
      fixtures.users.demoEditor?.jwt,
      fixtures.users.borMethodist?.jwt,
      fixtures.users.kamenskCurator?.jwt,
      fixtures.users.demoCurator?.jwt,
    ];
    const before = await snapshot();
    const started = performance.now();
    const failures: string[] = [];
    const accepted: Record<string, number> = {};
    const touched = new Set<string>();
    const delta: Record<string, number> = {};
    const statuses: Record<number, number> = {};
    for (let i = 0; i < MUTATIONS; i++) {
      const { field, query, variables } = mutation(schema);
      const jwt = pick(callers);
      const res = await postGraphql({ query, variables }, { jwt });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const body = graphqlBody(res);
      const internal = body.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
      if (res.status >= 500 || internal) {
        failures.push(`#${i} ${field} → ${res.status} ${internal?.message ?? res.text.slice(0, 200)}`);
        continue;
      }
      const ok = body.data?.[field] !== undefined && body.data[field] !== null && !body.errors?.length;
      if (!ok) continue;
      accepted[field] = (accepted[field] ?? 0) + 1;
      const written = writtenType(field);
      if (written) {
        touched.add(written.type);
        if (written.action === 'create') delta[written.type] = (delta[written.type] ?? 0) + 1;
        if (written.action === 'delete') delta[written.type] = (delta[written.type] ?? 0) - 1;
      }
      for (const type of CUSTOM_WRITES[field] ?? []) touched.add(type);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const after = await snapshot();
    const alive = await postGraphql({
      query: '{ nastavnikOrganisations(pagination: { limit: 1 }) { slug } }',
    });
    process.stdout.write(
      `\n[security] фаззинг мутаций: ${MUTATIONS} за ${seconds} с (seed ${SEED}); статусы ${JSON.stringify(statuses)}; приняты ${JSON.stringify(accepted)}\n`,
    );
    expect(failures).toEqual([]);
    expect(alive.status).toBe(200);
    const unexplained: string[] = [];
    for (const { definition } of definitions) {
      const type = definition.singularName;
      // The snapshots themselves read personal data, which the access log records (its own test checks it).
      if (type === 'access-log') continue;
      const was = before[type];
      const now = after[type];
      if (!was || !now) continue;
      const custom = Object.entries(CUSTOM_WRITES).some(([f, types]) => accepted[f] && types.includes(type));
      if (!custom && now.count !== was.count + (delta[type] ?? 0)) {
        unexplained.push(
          `${type}: было ${was.count}, стало ${now.count}, принято изменений ${delta[type] ?? 0}`,
        );
      }
      if (!touched.has(type) && now.latest !== was.latest) {
        unexplained.push(
          `${type}: изменён (${String(was.latest)} → ${String(now.latest)}) без принятой мутации`,
        );
      }
    }
    expect(unexplained).toEqual([]);
  });
});

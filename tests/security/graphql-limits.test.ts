/**
 * GraphQL limits: the attack of issue #12 (300 aliases of the public activity list, each with its road
 * map and that road map's activities) and each limit on its own are refused before execution, fast and
 * in Russian; every document the extension sends, the plugin's own queries and a full public section
 * query pass the very rules the server runs.
 */
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { limitRules } from '../../cms/plugin/server/src/security/graphql-limits.js';
import { securityDefaults } from '../../cms/plugin/server/src/security/config.js';
import { jwtOf, orgId } from '../harness/graphql.js';
import { repoRoot } from '../harness/strapi.js';
import { graphqlBody, postGraphql } from './http.js';

/** The plugin's defaults, as the test server runs them (it sets none of these variables). */
const noEnv = Object.assign((_name: string, fallback?: string) => fallback, {
  int: (_name: string, fallback?: number) => fallback,
  bool: (_name: string, fallback?: boolean) => fallback,
  array: (_name: string, fallback?: string[]) => fallback,
});
const defaults = securityDefaults(noEnv);
const limits = {
  maxAliases: defaults.graphql.maxAliases ?? 0,
  maxTokens: defaults.graphql.maxTokens ?? 0,
  maxCost: defaults.graphql.maxCost ?? 0,
  maxDirectives: defaults.graphql.maxDirectives ?? 0,
  batching: defaults.graphql.batching ?? false,
};
/** The host's GraphQL page sizes (cms/config/plugins.ts). */
const pages = { defaultLimit: 25, maxLimit: 100 };

const ATTACK_ALIAS = (i: number) =>
  `a${i}: nastavnikRoadmapActivities { title roadmap { title activities { title } } }`;
const attack = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => ATTACK_ALIAS(i)).join(' ')} }`;

/** What a visitor's page about one organisation's mentoring asks for, in one round trip. */
const PUBLIC_SECTION = `query PublicSection($slug: String!) {
  nastavnikOrganisations(filters: { slug: { eq: $slug } }) {
    documentId name shortName slug kind region municipality website
    parent { name slug }
  }
  nastavnikSiteSections(filters: { organisation: { slug: { eq: $slug } } }) {
    title intro
    curatorContact { name phone email }
    documents { title url }
    featuredProgrammes { title form }
    featuredCases { title slug summary authors { name authorRole } }
  }
  nastavnikProgrammes(filters: { organisation: { slug: { eq: $slug } } }) {
    documentId title form roleVariation goals expectedResults periodStart periodEnd
    stages { stage start end }
  }
  nastavnikRoadmaps(filters: { organisation: { slug: { eq: $slug } } }) {
    documentId title approvalOrderNumber
    activities(pagination: { limit: 100 }) { code title deadlineText responsibleText activityStatus }
  }
  nastavnikKpiIndicators(filters: { organisation: { slug: { eq: $slug } } }) { title unit targets { year value } }
  nastavnikCases(filters: { organisation: { slug: { eq: $slug } } }) { title slug summary results }
  nastavnikNewsItems(filters: { organisation: { slug: { eq: $slug } } }) { title body }
  nastavnikPartners(filters: { organisation: { slug: { eq: $slug } } }) { name kind }
}`;

let schema: GraphQLSchema;
const rules = () => [...specifiedRules, ...limitRules(limits, pages)];
const check = (text: string | DocumentNode) => {
  const document = typeof text === 'string' ? parse(text, { maxLexicalTokens: limits.maxTokens }) : text;
  return validate(schema, parse(print(document), { maxLexicalTokens: limits.maxTokens }), rules());
};

beforeAll(async () => {
  const res = await postGraphql({ query: getIntrospectionQuery() }, { jwt: jwtOf('demoCurator') });
  const data = graphqlBody(res).data as unknown as IntrospectionQuery;
  schema = buildClientSchema(data);
});

describe('the attack of issue #12', () => {
  it('300 aliases of activities → road map → activities, anonymous: refused before execution in < 50 ms', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const query = attack(300);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await postGraphql({ query }, { agent });
      expect(res.status).toBe(400);
      expect(graphqlBody(res).data ?? null).toBeNull();
      expect(graphqlBody(res).errors?.[0]?.message).toMatch(/^Запрос слишком длинный: больше 1000 лексем/);
      times.push(res.ms);
    }
    agent.destroy();
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[3] ?? Infinity;
    process.stdout.write(
      `[security] 300-alias attack refused in ${times.map((t) => t.toFixed(1)).join(', ')} ms (median ${median.toFixed(1)})\n`,
    );
    expect(median).toBeLessThan(50);
  });

  it('the same shape within the token limit is refused for its aliases, and each alias alone is fine', async () => {
    const res = await postGraphql({ query: attack(16) });
    expect(res.status).toBe(400);
    expect(graphqlBody(res).errors?.map((e) => e.message)).toContain(
      'Слишком много псевдонимов полей (aliases) в запросе: разрешено не больше 15. Разбейте запрос на несколько.',
    );
    const one = await postGraphql({ query: attack(1) });
    expect(one.status).toBe(200);
    expect(graphqlBody(one).errors).toBeUndefined();
  });
});

describe('each limit', () => {
  it('more than 1,000 tokens without aliases', async () => {
    const fields = Array.from({ length: 1001 }, () => '__typename').join(' ');
    const res = await postGraphql({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    expect(graphqlBody(res).errors?.[0]?.message).toContain('больше 1000 лексем');
  });

  it('nested page sizes multiply: 100 × 100 × 100 is refused, 10 × 10 passes', async () => {
    const nested = (n: number) =>
      `{ nastavnikRoadmapActivities(pagination: { limit: ${n} }) { roadmap { activities(pagination: { limit: ${n} }) { roadmap { activities(pagination: { limit: ${n} }) { title } } } } } }`;
    const heavy = await postGraphql({ query: nested(100) });
    expect(heavy.status).toBe(400);
    const error = graphqlBody(heavy).errors?.[0];
    expect(error?.message).toMatch(/^Запрос слишком тяжёлый: его оценка \d+ при пределе 100000/);
    expect(error?.extensions).toMatchObject({ limit: 'cost', max: 100000 });
    const light = await postGraphql({ query: nested(10) });
    expect(light.status).toBe(200);
    expect(graphqlBody(light).errors).toBeUndefined();
  });

  it('a page size given by a variable counts as the maximum page', () => {
    const byVariable = check(
      `query($p: PaginationArg) { nastavnikRoadmapActivities(pagination: $p) { roadmap { activities(pagination: $p) { roadmap { activities(pagination: $p) { title } } } } } }`,
    );
    expect(byVariable.map((e) => e.message).join('\n')).toMatch(/Запрос слишком тяжёлый/);
    const connection = check(
      `{ nastavnikRoadmaps_connection(pagination: { limit: 100 }) { nodes { activities_connection(pagination: { limit: 100 }) { nodes { roadmap { activities(pagination: { limit: 100 }) { title } } } } } } }`,
    );
    expect(connection.map((e) => e.message).join('\n')).toMatch(/Запрос слишком тяжёлый/);
  });

  it('more than one operation in a document, even when one is named', async () => {
    const res = await postGraphql({
      query: 'query A { __typename } query B { __typename }',
      operationName: 'A',
    });
    expect(res.status).toBe(400);
    expect(graphqlBody(res).errors?.[0]?.message).toBe(
      'В одном запросе можно отправить только одну операцию (query или mutation), а в этом их 2. Отправляйте операции по одной.',
    );
  });

  it('a batch of operations in one HTTP request', async () => {
    const res = await postGraphql([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Пакетные запросы');
  });

  it('a repeated directive, and more than 10 directives', async () => {
    const repeated = await postGraphql({
      query: '{ nastavnikOrganisations { slug @include(if: true) @include(if: true) } }',
    });
    expect(repeated.status).toBe(400);
    expect(graphqlBody(repeated).errors?.[0]?.message).toBe(
      'Директива @include повторяется в одном месте запроса: каждую директиву можно указать только один раз.',
    );
    const many = Array.from({ length: 11 }, (_, i) => `f${i}: slug @skip(if: false)`).join(' ');
    const tooMany = await postGraphql({
      query: `{ nastavnikOrganisations { ${many.replace(/f\d+: /g, '')} } }`,
    });
    expect(graphqlBody(tooMany).errors?.map((e) => e.message)).toContain(
      'Слишком много директив в запросе: разрешено не больше 10.',
    );
  });

  it('the depth limit speaks Russian too', async () => {
    let inner = 'slug';
    for (let i = 0; i < 11; i++) inner = `parent { ${inner} }`;
    const res = await postGraphql({ query: `{ nastavnikOrganisations { ${inner} } }` });
    expect(res.status).toBe(400);
    expect(graphqlBody(res).errors?.[0]?.message).toMatch(
      /^Запрос слишком глубокий: вложенность полей больше 10/,
    );
  });
});

/** Every gql`…` template in the extension's source (tests and generated folders aside), by file. */
function extensionDocuments(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', '.output', '.wxt', '__tests__'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        for (const match of text.matchAll(/gql`([^`]*)`/g)) {
          found.push([
            `${path.relative(repoRoot, full)}: ${/(query|mutation)\s+(\w+)/.exec(match[1] ?? '')?.[2] ?? '?'}`,
            match[1] ?? '',
          ]);
        }
      }
    }
  };
  walk(path.join(repoRoot, 'extension'));
  return found;
}

describe('legitimate documents pass the same rules', () => {
  const documents = extensionDocuments();

  it('finds the documents the extension sends, each whole (no interpolation)', () => {
    expect(documents.length).toBeGreaterThanOrEqual(7);
    for (const [, text] of documents) expect(text).not.toContain('${');
  });

  it.each(documents)('extension %s', (_name, text) => {
    expect(check(text).map((e) => e.message)).toEqual([]);
  });

  it('the plugin’s own queries and mutations, with every field selected', () => {
    const own = [
      '{ nastavnikMe { id username role organisation { documentId name shortName slug } } }',
      'query($id: ID!) { nastavnikOrganisationSubtree(documentId: $id) { documentId name slug kind } }',
      `query($id: ID!) { nastavnikRoadmapProgress(documentId: $id) { documentId title today total done cancelled overdueCount dueSoonCount ongoingCount
         sections { index title total done overdue }
         overdue { documentId title activityStatus state organisation roadmap }
         dueSoon { documentId title activityStatus state organisation roadmap } } }`,
      `{ nastavnikActivityAgenda { overdue { documentId title activityStatus state organisation roadmap } dueSoon { documentId title state } } }`,
    ];
    for (const text of own) expect(check(text).map((e) => e.message)).toEqual([]);
  });

  it('a full public section page in one query, and it answers anonymously', async () => {
    expect(check(PUBLIC_SECTION).map((e) => e.message)).toEqual([]);
    const res = await postGraphql({ query: PUBLIC_SECTION, variables: { slug: 'bor-demo-school' } });
    expect(res.text).not.toContain('errors');
    expect(res.status).toBe(200);
    expect(graphqlBody(res).errors).toBeUndefined();
    expect(orgId('bor-demo-school')).toBeTruthy();
  });
});

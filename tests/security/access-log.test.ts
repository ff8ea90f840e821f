/**
 * The access log of personal data: reading and changing participants, answers and progress records
 * leaves entries naming who, what, when and by which path, readable by the organisation's curator only,
 * without any of the personal values themselves.
 */
import { describe, expect, it } from 'vitest';
import { jwtOf, orgId } from '../harness/graphql.js';
import { graphqlBody, postGraphql, request } from './http.js';

interface LogEntry {
  at: string;
  actorKind: string;
  userId: number | null;
  userRole: string | null;
  action: string;
  targetType: string;
  documentIds: string[];
  count: number;
  path: string;
  organisation: { documentId: string } | null;
}

const LOG_QUERY = `query AccessLog { nastavnikAccessLogs(sort: "at:desc", pagination: { limit: 100 }) {
  at actorKind userId userRole action targetType documentIds count path organisation { documentId } } }`;

async function logOf(user: string): Promise<LogEntry[]> {
  const res = await postGraphql({ query: LOG_QUERY, operationName: 'AccessLog' }, { jwt: jwtOf(user) });
  const body = graphqlBody(res);
  expect(body.errors).toBeUndefined();
  return (body.data?.nastavnikAccessLogs as LogEntry[] | undefined) ?? [];
}

describe('access log of personal data', () => {
  it('records reads and changes by path, for the curator, without personal values', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const persons = await postGraphql(
      {
        query: 'query StaffReadsPeople { nastavnikPersons { documentId fullName } }',
        operationName: 'StaffReadsPeople',
      },
      { jwt: jwtOf('demoStaff') },
    );
    const people = graphqlBody(persons).data?.nastavnikPersons as Array<{
      documentId: string;
      fullName: string;
    }>;
    const first = people[0];
    if (!first) throw new Error(`нет участников: ${persons.text}`);
    const one = await request('GET', `/api/nastavnik/persons/${first.documentId}?populate=*`, {
      headers: { authorization: `Bearer ${jwtOf('demoCurator')}` },
    });
    expect(one.status).toBe(200);
    const progress = await request('GET', '/api/nastavnik/progress-records', {
      headers: { authorization: `Bearer ${jwtOf('demoStaff')}` },
    });
    expect(progress.status).toBe(200);

    const entries = (await logOf('demoCurator')).filter((e) => e.at >= started);
    const graphqlRead = entries.find((e) => e.path === 'POST /graphql StaffReadsPeople');
    expect(graphqlRead).toMatchObject({
      actorKind: 'user',
      userRole: 'staff',
      action: 'read',
      targetType: 'person',
      organisation: { documentId: orgId('bor-demo-school') },
    });
    expect(graphqlRead?.documentIds).toContain(first.documentId);
    expect(graphqlRead?.count).toBe(graphqlRead?.documentIds.length);
    expect(entries.find((e) => e.path === `GET /api/nastavnik/persons/${first.documentId}`)).toMatchObject({
      userRole: 'curator',
      action: 'read',
      documentIds: [first.documentId],
    });
    expect(
      entries.some(
        (e) => e.targetType === 'progress-record' && e.path === 'GET /api/nastavnik/progress-records',
      ),
    ).toBe(true);

    // Not one value of the participants read: names, and every text of the whole record (contacts, consent).
    const text = JSON.stringify(entries);
    const values: string[] = people.map((p) => p.fullName);
    // Identifiers and times are what the log is made of; every other text of the record must be absent.
    const collect = (v: unknown) => {
      if (typeof v === 'string' && v.length >= 6 && !/^\d{4}-\d\d-\d\d/.test(v)) values.push(v);
      else if (v && typeof v === 'object')
        for (const [key, inner] of Object.entries(v)) if (key !== 'documentId') collect(inner);
    };
    collect((one.json as { data?: unknown }).data);
    expect(values.length).toBeGreaterThan(people.length);
    for (const value of values) expect(text).not.toContain(value);
  });

  it('records participants read nested under another type', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const pairs = await postGraphql(
      {
        query:
          'query StaffReadsPairs { nastavnikPairs { documentId mentors { documentId } mentees { documentId } } }',
        operationName: 'StaffReadsPairs',
      },
      { jwt: jwtOf('demoStaff') },
    );
    const rows = graphqlBody(pairs).data?.nastavnikPairs as Array<{
      mentors: Array<{ documentId: string }>;
      mentees: Array<{ documentId: string }>;
    }>;
    const people = new Set(rows.flatMap((p) => [...p.mentors, ...p.mentees].map((m) => m.documentId)));
    expect(people.size).toBeGreaterThan(0);
    const logged = (await logOf('demoCurator')).filter(
      (e) => e.at >= started && e.path === 'POST /graphql StaffReadsPairs',
    );
    expect(
      logged.every((e) => e.targetType === 'person' && e.action === 'read' && e.userRole === 'staff'),
    ).toBe(true);
    expect(new Set(logged.flatMap((e) => e.documentIds))).toEqual(people);
  });

  it('is the curator’s alone: staff are refused, another organisation’s curator sees none of it, nobody writes it', async () => {
    const staff = await postGraphql({ query: LOG_QUERY }, { jwt: jwtOf('demoStaff') });
    expect(graphqlBody(staff).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await logOf('kamenskCurator');
    expect(other.every((e) => e.organisation?.documentId !== orgId('bor-demo-school'))).toBe(true);
    const forged = await postGraphql(
      {
        query:
          'mutation { createNastavnikAccessLog(data: { action: read, actorKind: user, targetType: "person", at: "2025-01-01T00:00:00Z" }) { documentId } }',
      },
      { jwt: jwtOf('demoCurator') },
    );
    expect(graphqlBody(forged).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const visitor = await postGraphql({ query: LOG_QUERY });
    expect(graphqlBody(visitor).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/**
 * `npm run backup` / `npm run restore` end to end: a seeded instance with the demo data, API users bound to
 * organisations, an admin-access record, an uploaded evidence file and a draft that differs from its
 * published version is backed up (encrypted) from SQLite; then one person withdraws consent; the backup is
 * restored into an empty SQLite database and, when PostgreSQL is available, into an empty PostgreSQL
 * database. Every document of every plugin type (both versions of draft-and-publish types, components,
 * relations by documentId, media), the users with their organisation and password hash, and the media
 * records are compared with the source as it stands after the withdrawal: the restore has to bring back
 * everything and re-apply the withdrawal that the backup predates. The uploaded file comes back byte for
 * byte, and a restored API user signs in.
 *
 * Source and targets are separate Strapi boots (the commands run as child processes, as a user runs them);
 * the comparison reads each database through Strapi's document service, not through the transfer.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core, UID } from '@strapi/strapi';
import { ANONYMISED_NAME } from '@nastavnik/shared';
import {
  bootStrapi,
  cmsDir,
  createPostgresDatabase,
  repoRoot,
  type BootedStrapi,
  type TestDatabase,
} from '../harness/strapi.js';
import { createFixtureUsers, FIXTURE_USERS } from '../harness/fixtures.js';

const PASSPHRASE = `проверка-${randomBytes(6).toString('hex')}`;
const work = mkdtempSync(path.join(tmpdir(), 'nastavnik-backup-test-'));
const LEDGER = path.join(work, 'withdrawals.jsonl');
const BACKUP = path.join(work, 'nastavnik.backup');

const sqlite = (name: string): TestDatabase => ({
  env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(work, `${name}.db`) },
  drop: () => Promise.resolve(),
});

/** PostgreSQL as the suites get it: CI's TEST_POSTGRES_URL, or DATABASE_URL of a developer's run. */
const postgresUrl = process.env.TEST_POSTGRES_URL || process.env.DATABASE_URL || '';
/** CI always has PostgreSQL (.ci/run starts it): there, its absence is a failure, not a skip. */
const postgresExpected = process.env.CI === 'true' || process.env.CI === '1';

// Strapi's secrets for the command's own boot: any values, as a fresh `cms/.env` would hold.
const secrets = () => {
  const s = () => randomBytes(18).toString('base64');
  return {
    APP_KEYS: `${s()},${s()}`,
    API_TOKEN_SALT: s(),
    ADMIN_JWT_SECRET: s(),
    TRANSFER_TOKEN_SALT: s(),
    JWT_SECRET: s(),
    ENCRYPTION_KEY: s(),
    ADMIN_PASSWORD: 'TestAdmin1pass',
  };
};

interface Run {
  code: number | null;
  output: string;
  ms: number;
}

function runCommand(args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'backup.mjs'), ...args], {
      cwd: repoRoot,
      // Only what a user's shell would hold: not the test worker's DATABASE_URL or the parent's Strapi.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'test',
        CONSENT_LEDGER_FILE: LEDGER,
        ...secrets(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, ms: Math.round(performance.now() - started) }));
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Attribute {
  type: string;
  component?: string;
  target?: string;
}

/** Populate for every relation, media and component field, down through components. */
function populateOf(strapi: Core.Strapi, attributes: Record<string, Attribute>) {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    // A media file's `related` is polymorphic: the same links are read from the documents' side.
    if ((attribute.type === 'relation' && attribute.target) || attribute.type === 'media') {
      populate[name] = { fields: ['documentId'] };
    } else if (attribute.type === 'component' && attribute.component) {
      const component = strapi.components[attribute.component as keyof typeof strapi.components] as
        { attributes: Record<string, { type: string; component?: string }> } | undefined;
      const nested = component ? populateOf(strapi, component.attributes) : {};
      populate[name] = Object.keys(nested).length ? { populate: nested } : true;
    }
  }
  return populate;
}

/** Ids are the database's own and may differ after a restore: documents are compared by documentId. */
function withoutIds(value: unknown): Json {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, v]) => [key, withoutIds(v)]),
    );
  }
  return (value ?? null) as Json;
}

const DUMPED_TYPES = (strapi: Core.Strapi) =>
  Object.keys(strapi.contentTypes).filter(
    (uid) =>
      uid.startsWith('plugin::nastavnik.') ||
      uid === 'plugin::users-permissions.user' ||
      uid === 'plugin::users-permissions.role' ||
      uid === 'plugin::upload.file',
  );

/** The document service of a type chosen at run time: Strapi types it per literal UID only. */
interface AnyDocuments {
  findMany(params: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<unknown>;
}
const documentsOf = (strapi: Core.Strapi, uid: string) =>
  strapi.documents(uid as UID.ContentType) as unknown as AnyDocuments;

/** Every document of the compared types, each version separately, in a stable order. */
async function dump(strapi: Core.Strapi, changedAtRestore: ReadonlySet<string>) {
  const out: Record<string, Json[]> = {};
  for (const uid of DUMPED_TYPES(strapi)) {
    const schema = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as {
      attributes: Record<string, Attribute>;
      options?: { draftAndPublish?: boolean };
    };
    const statuses = schema.options?.draftAndPublish
      ? (['draft', 'published'] as const)
      : ([undefined] as const);
    for (const status of statuses) {
      const rows = await documentsOf(strapi, uid).findMany({
        ...(status ? { status } : {}),
        populate: populateOf(strapi, schema.attributes),
        limit: 100_000,
      });
      // The users' password hashes are private fields: read them too, they decide whether a login survives.
      const hashes =
        uid === 'plugin::users-permissions.user'
          ? new Map(
              (
                (await strapi.db.query(uid).findMany({ select: ['documentId', 'password'] })) as Array<{
                  documentId: string;
                  password: string;
                }>
              ).map((u) => [u.documentId, u.password]),
            )
          : undefined;
      out[`${uid}${status ? `:${status}` : ''}`] = rows
        .map((row) => {
          const { updatedAt, publishedAt, ...rest } = row;
          // A document the restore itself writes (the re-applied withdrawal) has its own write times.
          const kept = changedAtRestore.has(String(row.documentId))
            ? rest
            : { ...rest, updatedAt, publishedAt };
          return withoutIds(hashes ? { ...kept, password: hashes.get(String(row.documentId)) } : kept);
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
  }
  return out;
}

let source: BootedStrapi | undefined;
let expected: Record<string, Json[]>;
let withdrawn: string;
let uploaded: { file: string; bytes: Buffer };
const timings: Record<string, number> = {};

beforeAll(async () => {
  const started = performance.now();
  source = await bootStrapi({ database: sqlite('source'), env: { CONSENT_LEDGER_FILE: LEDGER } });
  const strapi = source.strapi;
  await createFixtureUsers(strapi, source.url);
  const organisations = (await strapi.db
    .query('plugin::nastavnik.organisation')
    .findMany({ select: ['documentId', 'slug'] })) as Array<{ documentId: string; slug: string }>;
  const demo = organisations.find((o) => o.slug === 'bor-demo-school')?.documentId;
  await strapi
    .documents('plugin::nastavnik.admin-access')
    .create({ data: { email: 'curator.panel@test.local', organisation: demo } });

  // An evidence file in the media library, linked to an activity of the demo school.
  const pdf = path.join(work, 'evidence.pdf');
  writeFileSync(pdf, `%PDF-1.4\n% резервная копия ${randomBytes(8).toString('hex')}\n%%EOF\n`);
  const [file] = (await strapi
    .plugin('upload')
    .service<{ upload(input: Record<string, unknown>): Promise<unknown> }>('upload')
    .upload({
      data: { fileInfo: { name: 'podtverzhdenie.pdf' } },
      files: {
        filepath: pdf,
        originalFilename: 'podtverzhdenie.pdf',
        mimetype: 'application/pdf',
        size: readFileSync(pdf).length,
      },
    })) as Array<{ id: number; url: string }>;
  if (!file) throw new Error('файл не загружен');
  const activity = (await strapi.db.query('plugin::nastavnik.roadmap-activity').findOne({
    where: { roadmap: { organisation: { slug: 'bor-demo-school' } } },
    select: ['documentId'],
  })) as { documentId: string } | null;
  if (!activity) throw new Error('у демо-школы нет мероприятий дорожной карты');
  await documentsOf(strapi, 'plugin::nastavnik.roadmap-activity').update({
    documentId: activity.documentId,
    data: { evidenceFile: file.id },
  });
  uploaded = { file: path.join(cmsDir, 'public', file.url), bytes: readFileSync(pdf) };

  // A published case whose draft has moved on: both versions must come back as they were.
  const demoCase = await strapi.documents('plugin::nastavnik.case').findFirst({ status: 'published' });
  if (!demoCase) throw new Error('в демо-данных нет опубликованного кейса');
  await documentsOf(strapi, 'plugin::nastavnik.case').update({
    documentId: demoCase.documentId,
    data: { reviewerNote: 'Черновик после публикации (резервная копия)' },
  });
  timings.sourceMs = Math.round(performance.now() - started);
}, 300_000);

afterAll(async () => {
  await source?.stop();
  rmSync(uploaded.file, { force: true });
  rmSync(work, { recursive: true, force: true });
});

// Each restore boots Strapi twice (the command, then a reader); on two shared cores that can take minutes.
describe('backup and restore', { timeout: 240_000 }, () => {
  it('writes an encrypted backup; the passphrase appears nowhere', async () => {
    const run = await runCommand(['export', BACKUP], {
      ...sqlite('source').env,
      BACKUP_PASSPHRASE: PASSPHRASE,
    });
    timings.backupMs = run.ms;
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('резервная копия записана');
    expect(run.output).not.toContain(PASSPHRASE);
    const bytes = readFileSync(BACKUP);
    expect(bytes.subarray(0, 8).toString()).toBe('NSTVBAK1');
    // Neither a gzip stream nor any readable name: only ciphertext after the header.
    expect(bytes.includes(Buffer.from([0x1f, 0x8b, 0x08]))).toBe(false);
    expect(bytes.includes(Buffer.from('Смирнова'))).toBe(false);
  });

  it('refuses a wrong passphrase and a changed byte, in Russian, before anything is written', async () => {
    const wrong = await runCommand(['restore', BACKUP], {
      ...sqlite('never').env,
      BACKUP_PASSPHRASE: `${PASSPHRASE}x`,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain('парольная фраза не подходит или файл резервной копии изменён');
    const tampered = path.join(work, 'tampered.backup');
    const bytes = Buffer.from(readFileSync(BACKUP));
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    writeFileSync(tampered, bytes);
    const changed = await runCommand(['restore', tampered], {
      ...sqlite('never').env,
      BACKUP_PASSPHRASE: PASSPHRASE,
    });
    expect(changed.code).toBe(2);
    expect(changed.output).toContain('файл резервной копии изменён');
    expect(existsSync(path.join(work, 'never.db'))).toBe(false);
  });

  it('after the backup one person withdraws consent; the source is read as it now stands', async () => {
    if (!source) throw new Error('исходный Strapi не запущен');
    const strapi = source.strapi;
    const person = await strapi
      .documents('plugin::nastavnik.person')
      .findFirst({ filters: { fullName: { $startsWith: 'Смирнова' } } });
    if (!person) throw new Error('в демо-данных нет участницы Смирновой');
    withdrawn = person.documentId;
    await documentsOf(strapi, 'plugin::nastavnik.person').update({
      documentId: withdrawn,
      data: {
        consent: {
          givenBy: 'self',
          processing: true,
          signedAt: '2025-09-01',
          withdrawnAt: new Date().toISOString(),
        },
      },
    });
    const after = await strapi.documents('plugin::nastavnik.person').findOne({ documentId: withdrawn });
    expect(after?.fullName).toBe(ANONYMISED_NAME);
    expect(readFileSync(LEDGER, 'utf8')).toContain(withdrawn);
    expect(readFileSync(LEDGER, 'utf8')).not.toContain('Смирнова');
    expected = await dump(strapi, new Set([withdrawn]));
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    await source.stop();
    source = undefined;
  });

  async function restoreAndCompare(target: TestDatabase) {
    rmSync(uploaded.file, { force: true });
    const run = await runCommand(['restore', BACKUP], { ...target.env, BACKUP_PASSPHRASE: PASSPHRASE });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('повторно применено отзывов согласия: 1');
    expect(run.output).not.toContain(PASSPHRASE);
    expect(readFileSync(uploaded.file).equals(uploaded.bytes)).toBe(true);

    const booted = await bootStrapi({
      database: target,
      env: { SEED: 'false', CONSENT_LEDGER_FILE: LEDGER },
    });
    try {
      const actual = await dump(booted.strapi, new Set([withdrawn]));
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const key of Object.keys(expected)) {
        expect(actual[key]?.length, key).toBe(expected[key]?.length);
        expect(actual[key], key).toEqual(expected[key]);
      }
      // The users came back with their passwords and organisations: one signs in and reads its own data.
      const [username] = Object.keys(FIXTURE_USERS);
      const login = await fetch(`${booted.url}/api/auth/local`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: username, password: 'Fixture1pass' }),
      });
      const { jwt } = (await login.json()) as { jwt?: string };
      expect(jwt).toBeTruthy();
      const res = await fetch(`${booted.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt ?? ''}` },
        body: JSON.stringify({ query: '{ nastavnikPersons(pagination: { limit: 100 }) { fullName } }' }),
      });
      const people = ((await res.json()) as { data?: { nastavnikPersons?: Array<{ fullName: string }> } })
        .data?.nastavnikPersons;
      expect(people?.length).toBeGreaterThan(0);
      expect(people?.some((p) => p.fullName === ANONYMISED_NAME)).toBe(true);
      expect(JSON.stringify(people)).not.toContain('Смирнова');
    } finally {
      await booted.stop();
    }
    return run.ms;
  }

  it('restores into an empty SQLite database: every document as in the source, the withdrawal re-applied', async () => {
    timings.restoreSqliteMs = await restoreAndCompare(sqlite('restored'));
  });

  it.skipIf(!postgresUrl && !postgresExpected)(
    'restores from SQLite into an empty PostgreSQL database with the same result',
    async () => {
      expect(postgresUrl, 'PostgreSQL was expected (CI) but TEST_POSTGRES_URL is not set').not.toBe('');
      const db = await createPostgresDatabase(postgresUrl);
      try {
        timings.restorePostgresMs = await restoreAndCompare({
          env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url },
          drop: () => Promise.resolve(),
        });
      } finally {
        await db.drop();
      }
    },
  );

  afterAll(() => {
    process.stdout.write(`backup timings: ${JSON.stringify(timings)}\n`);
  });
});

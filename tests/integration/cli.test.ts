/** The import CLI: JSON on stdout without --commit, exit 2 on unusable input, a real commit with it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bootStrapi, createTestDatabase, repoRoot } from '../harness/strapi.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'scripts', 'import-roadmap.mjs');
const doc = (name: string) => path.join(repoRoot, 'seeds', 'documents', name);

async function exec(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', [cli, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    // execFile's error carries the exit code and what the process printed.
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import:roadmap', () => {
  it('prints the draft as JSON without --commit', async () => {
    const r = await exec([doc('003_f7e464f6b44e5cd5.txt')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { draft: { activities: unknown[]; kpis: unknown[] } };
    expect(out.draft.activities).toHaveLength(35);
    expect(out.draft.kpis).toHaveLength(2);
  });

  it.each([
    ['an empty file', ''],
    ['a file with no table', 'Просто текст без таблицы.\nЕщё строка.'],
  ])('exits with 2 and a message for %s', async (_name, content) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cli-')), 'bad.txt');
    writeFileSync(file, content);
    const r = await exec([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Ошибка: .*[А-Яа-я]/);
    expect(r.stdout).toBe('');
  });

  it('prints the same draft for a PDF as for the DOCX it was saved from', async () => {
    const fixture = (name: string) => path.join(repoRoot, 'shared/src/roadmap/__tests__/pdf', name);
    const pdf = await exec([fixture('seed-003-libreoffice-landscape-tables.pdf')]);
    const docx = await exec([fixture('seed-003-libreoffice-landscape-tables.docx')]);
    expect(pdf.code, pdf.stderr).toBe(0);
    const fromPdf = JSON.parse(pdf.stdout) as { format: string; draft: Record<string, unknown> };
    const fromDocx = JSON.parse(docx.stdout) as { format: string; draft: Record<string, unknown> };
    expect(fromPdf.format).toBe('pdf');
    expect(fromDocx.format).toBe('docx');
    // The whole draft but the cells as read (line breaks of wrapped PDF lines) and their row numbers.
    const comparable = (draft: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(draft), (key, value: unknown) =>
        key === 'rawCells' || key === 'sourceRows' || key === 'row' ? undefined : value,
      ) as unknown;
    expect(comparable(fromPdf.draft)).toEqual(comparable(fromDocx.draft));
  });

  it('exits with 2 and says so for a scan it may not recognise', async () => {
    const scan = path.join(repoRoot, 'shared/src/roadmap/__tests__/pdf/scan-000-page1.pdf');
    const r = await exec([scan], { ROADMAP_OCR: 'off' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Ошибка: Файл «scan-000-page1\.pdf» — скан .*без текстового слоя/);
    expect(r.stdout).toBe('');
  });

  it('commits into the database the CMS is configured for', async () => {
    const database = await createTestDatabase();
    try {
      // Prepare the schema and the seeded organisations, then let the CLI write on its own.
      const booted = await bootStrapi({ database, env: { ADMIN_PASSWORD: 'Cli1admin' } });
      const env = Object.fromEntries(
        [
          'APP_KEYS',
          'API_TOKEN_SALT',
          'ADMIN_JWT_SECRET',
          'TRANSFER_TOKEN_SALT',
          'JWT_SECRET',
          'ENCRYPTION_KEY',
          'DATABASE_CLIENT',
          'DATABASE_URL',
          'DATABASE_FILENAME',
        ].flatMap((k) => {
          const value = process.env[k];
          return value ? [[k, value] as const] : [];
        }),
      );
      await booted.stop();
      const r = await exec([doc('001_fe83f31ea58b8567.txt'), '--org', 'bor-demo-school', '--commit'], {
        ...env,
        SEED: 'false',
      });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, activities: 16 });
      const again = await exec([doc('001_fe83f31ea58b8567.txt'), '--org', 'bor-demo-school', '--commit'], {
        ...env,
        SEED: 'false',
      });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('уже импортирован');
      const unknown = await exec([doc('001_fe83f31ea58b8567.txt'), '--org', 'no-such-org', '--commit'], {
        ...env,
        SEED: 'false',
      });
      expect(unknown.code).toBe(2);
    } finally {
      await database.drop();
    }
  });
});

// @vitest-environment node
/**
 * The one test every adapter answers to: each adapter has a fixture folder, each fixture is
 * synthetic and says so, `detect` recognises it, and `extract` gives exactly the expected,
 * schema-valid output. Run with UPDATE_FIXTURES=1 to write the expected files after a deliberate
 * change, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capturePayloadSchema } from '@nastavnik/shared/capture';
import { adapters } from '../index.js';
import { runExtraction } from '../run.js';
import { loadDocument } from './load-fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');
const update = process.env['UPDATE_FIXTURES'] === '1';

interface Expected {
  url: string;
  detect: { kind: string; summary: string } | null;
  extract?: { kind: string; payload: unknown; warnings: string[]; roles?: string[] };
}

function fixtureNames(adapterId: string): string[] {
  const dir = join(root, adapterId);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.html'))
        .map((name) => name.slice(0, -5))
    : [];
}

const FOREIGN_PAGE =
  '<!doctype html><html><head><title>Погода</title></head><body><p>Сегодня солнечно.</p></body></html>';

describe.each(adapters.map((adapter) => [adapter.id, adapter] as const))('adapter %s', (id, adapter) => {
  const names = fixtureNames(id);

  it('has at least one fixture', () => {
    expect(names.length, `adapter «${id}» needs a fixture in __fixtures__/${id}/`).toBeGreaterThan(0);
  });

  it('ignores a foreign page', () => {
    const doc = loadDocument(FOREIGN_PAGE, 'https://weather.example/today');
    expect(adapter.detect(doc, new URL('https://weather.example/today'))).toBeNull();
  });

  it.each(names)('%s', (name) => {
    const html = readFileSync(join(root, id, `${name}.html`), 'utf8');
    expect(html, 'fixtures must say they are synthetic').toMatch(/Синтетическ|synthetic/i);
    const expectedFile = join(root, id, `${name}.expected.json`);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
    const url = new URL(expected.url);
    expect(adapter.matches(url)).toBe(true);

    const detection = adapter.detect(loadDocument(html, url.href), url);
    const actual: Expected = {
      url: expected.url,
      detect: detection ? { kind: detection.kind, summary: detection.summary } : null,
    };
    if (detection) {
      const result = runExtraction(adapter, loadDocument(html, url.href), url);
      expect(result.problems).toEqual([]);
      expect(capturePayloadSchema.safeParse(result.payload).success).toBe(true);
      actual.extract = {
        kind: result.kind,
        payload: result.payload,
        warnings: result.warnings,
        ...(result.table ? { roles: result.table.roles } : {}),
      };
    }
    if (update) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(expected);
  });
});

/**
 * Mangled seeds must always come back as a result, never as an exception, and never as an
 * «internal» refusal (which is what a caught exception turns into).
 */
import { describe, expect, it } from 'vitest';
import { exportRoadmapDocx } from '../export.js';
import { importRoadmap, importRoadmapHtml, importRoadmapText } from '../import.js';
import { importWarningSchema, roadmapDraftSchema, type ImportResult } from '../schema.js';
import { readText } from '../text-reader.js';
import { htmlFromSource } from './build-docs.js';
import { defined } from './defined.js';
import { seedText, type SeedId } from './seed-expectations.js';

/** mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids: SeedId[] = ['000', '001', '002', '003', '004'];
const NOISE = [
  '\t',
  '\n',
  '\n\n',
  '<',
  '>',
  '<td>',
  '</tr>',
  '<p>',
  '&amp;',
  '\u0000',
  '\u00a0',
  '№',
  '«',
  '—',
  '31.02.2021',
  'до',
  '1.',
  '**',
  '\r',
];

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T =>
  defined(items[Math.floor(random() * items.length)], 'an item to pick');

const mutations: Record<string, Mutation> = {
  deleteCell(text, random) {
    const lines = text.split('\n');
    const candidates = lines.map((line, i) => (line.includes('\t') ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return text;
    const i = pick(candidates, random);
    const cells = defined(lines[i], `line ${i}`).split('\t');
    cells.splice(Math.floor(random() * cells.length), 1);
    lines[i] = cells.join('\t');
    return lines.join('\n');
  },
  shuffleColumns(text, random) {
    const width = 8;
    const order = Array.from({ length: width }, (_, i) => i).sort(() => random() - 0.5);
    return text
      .split('\n')
      .map((line) => {
        if (!line.includes('\t')) return line;
        const cells = line.split('\t');
        return order
          .map((k) => cells[k])
          .filter((cell) => cell !== undefined)
          .join('\t');
      })
      .join('\n');
  },
  insertNoise(text, random) {
    let out = text;
    const count = 1 + Math.floor(random() * 20);
    for (let k = 0; k < count; k += 1) {
      const at = Math.floor(random() * out.length);
      const noise = random() < 0.5 ? pick(NOISE, random) : String.fromCharCode(Math.floor(random() * 0x500));
      out = out.slice(0, at) + noise + out.slice(at);
    }
    return out;
  },
  truncate(text, random) {
    return text.slice(0, Math.floor(random() * text.length));
  },
  dropLines(text, random) {
    return text
      .split('\n')
      .filter(() => random() > 0.2)
      .join('\n');
  },
  duplicateLines(text, random) {
    return text
      .split('\n')
      .flatMap((line) => (random() < 0.1 ? [line, line] : [line]))
      .join('\n');
  },
};

function assertSane(result: ImportResult, context: string): void {
  expect(typeof result.ok, context).toBe('boolean');
  if (!result.ok) {
    expect(result.error.code, `${context}: ${result.error.message}`).not.toBe('internal');
    expect(result.error.message.length, context).toBeGreaterThan(10);
    return;
  }
  expect(roadmapDraftSchema.safeParse(result.draft).success, context).toBe(true);
  for (const warning of result.warnings)
    expect(importWarningSchema.safeParse(warning).success, context).toBe(true);
}

describe('fuzz', () => {
  it('mangled text exports: 300 imports, no exception', { timeout: 60_000 }, () => {
    const random = prng(20240601);
    const named = Object.entries(mutations);
    let ok = 0;
    for (let round = 0; round < 300; round += 1) {
      const id = defined(ids[round % ids.length], 'a seed');
      let text = seedText(id);
      const applied: string[] = [];
      const steps = 1 + Math.floor(random() * 3);
      for (let s = 0; s < steps; s += 1) {
        const [name, mutate] = pick(named, random);
        applied.push(name);
        text = mutate(text, random);
      }
      const result = importRoadmapText(text);
      assertSane(result, `round ${round} ${id} ${applied.join('+')}`);
      if (result.ok) ok += 1;
    }
    // Most mutations leave a readable road map: the engine degrades, it does not give up.
    expect(ok).toBeGreaterThan(150);
  });

  it(
    'mangled bytes (invalid UTF-8, stray signatures): 100 imports, no exception',
    { timeout: 60_000 },
    async () => {
      const random = prng(7);
      for (let round = 0; round < 100; round += 1) {
        const id = defined(ids[round % ids.length], 'a seed');
        const bytes = new TextEncoder().encode(seedText(id));
        const flips = 1 + Math.floor(random() * 50);
        for (let k = 0; k < flips; k += 1)
          bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        if (round % 10 === 0) bytes.set([0x50, 0x4b, 0x03, 0x04]);
        assertSane(await importRoadmap({ data: bytes }), `round ${round} ${id}`);
      }
    },
  );

  it('mangled HTML (unbalanced tags, huge spans): 100 imports, no exception', { timeout: 60_000 }, () => {
    const random = prng(99);
    const pages = ids.map((id) => htmlFromSource(readText(seedText(id))));
    const tags = [
      '<td colspan="99999">',
      '<td rowspan="1000000">x',
      '</table>',
      '<table>',
      '<tr>',
      '</td></td>',
      '<ol><li>',
      '<br>',
      '<!--',
      '<script>',
      '<td rowspan="-3">',
    ];
    for (let round = 0; round < 100; round += 1) {
      let html = defined(pages[round % pages.length], 'a page');
      const count = 1 + Math.floor(random() * 15);
      for (let k = 0; k < count; k += 1) {
        const at = Math.floor(random() * html.length);
        html = html.slice(0, at) + pick(tags, random) + html.slice(at);
      }
      if (random() < 0.3) html = html.slice(0, Math.floor(random() * html.length));
      assertSane(importRoadmapHtml(html), `round ${round}`);
    }
  });

  it('mangled DOCX files: 20 imports, no exception', { timeout: 60_000 }, async () => {
    const random = prng(3);
    const base = importRoadmapText(seedText('002'));
    if (!base.ok) throw new Error(base.error.message);
    const docx = await exportRoadmapDocx(base.draft);
    for (let round = 0; round < 20; round += 1) {
      const bytes = docx.slice(0, round % 4 === 0 ? Math.floor(random() * docx.length) : docx.length);
      const flips = round % 4 === 0 ? 0 : 1 + Math.floor(random() * 30);
      for (let k = 0; k < flips; k += 1)
        bytes[4 + Math.floor(random() * (bytes.length - 4))] = Math.floor(random() * 256);
      assertSane(await importRoadmap({ data: bytes, filename: 'x.docx' }), `round ${round}`);
    }
  });
});

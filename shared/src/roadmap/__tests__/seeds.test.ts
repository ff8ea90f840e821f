import { describe, expect, it } from 'vitest';
import { importRoadmap, importRoadmapText } from '../import.js';
import { roadmapDraftSchema } from '../schema.js';
import { checkSeed, seedText, type SeedId } from './seed-expectations.js';

const ids: SeedId[] = ['000', '001', '002', '003', '004'];

describe('seed road maps from their text exports', () => {
  it.each(ids)('%s reads as the document says', (id) => {
    const result = importRoadmapText(seedText(id));
    const draft = checkSeed(id, result);
    expect(roadmapDraftSchema.safeParse(draft).success).toBe(true);
  });

  it.each(ids)('%s reads the same through importRoadmap (bytes, format told by content)', async (id) => {
    const bytes = new TextEncoder().encode(seedText(id));
    const result = await importRoadmap({ data: bytes, filename: `${id}.txt` });
    expect(result.ok && result.format).toBe('text');
    checkSeed(id, result);
  });

  it('reads a Windows-1251 export too', async () => {
    const text = seedText('000');
    // Encode to Windows-1251 by hand: Cyrillic А–я are 0xC0–0xFF, Ё/ё 0xA8/0xB8, № 0xB9.
    const bytes = Uint8Array.from(Array.from(text), (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      if (ch === '№') return 0xb9;
      if (ch === '–') return 0x96;
      if (ch === '—') return 0x97;
      if (ch === '«') return 0xab;
      if (ch === '»') return 0xbb;
      return 0x3f;
    });
    checkSeed('000', await importRoadmap({ data: bytes }));
  });

  it('warns about what it could not fully read and never drops a row', () => {
    const result = importRoadmapText(seedText('004'));
    if (!result.ok) throw new Error(result.error.message);
    const truncated = result.warnings.find((w) => w.code === 'row_incomplete');
    expect(truncated).toMatchObject({ row: 30, table: 1, severity: 'warning' });
    expect(truncated?.message).toMatch(/2 ячеек из 5/);
    // The truncated last row is kept as the stage it starts.
    expect(result.draft.sections.at(-1)).toMatchObject({ code: '9.', row: 30 });

    const r001 = importRoadmapText(seedText('001'));
    if (!r001.ok) throw new Error(r001.error.message);
    const missing = r001.warnings.filter((w) => w.code === 'deadline_missing').map((w) => w.row);
    expect(missing).toEqual([10, 20]);
    expect(r001.warnings.every((w) => /[А-Яа-яЁё]/.test(w.message))).toBe(true);
  });

  it('every data row of every seed ends up in an activity, a section or a warning', () => {
    for (const id of ids) {
      const result = importRoadmapText(seedText(id));
      if (!result.ok) throw new Error(result.error.message);
      const used = new Set<number>();
      for (const a of result.draft.activities) for (const row of a.sourceRows) used.add(row);
      for (const s of result.draft.sections) used.add(s.row);
      expect(result.draft.activities[0]).toBeDefined();
      const warned = new Set(result.warnings.map((w) => w.row));
      // Row numbers of the road-map table: header and «1 2 3 4 5» are the only rows not used.
      const maxRow = Math.max(...used);
      const unused = [];
      for (let row = 1; row <= maxRow; row += 1) if (!used.has(row) && !warned.has(row)) unused.push(row);
      expect(unused.length, `${id}: ${unused.join(', ')}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('import options', () => {
  it('a period given by the caller places dates written without a year', () => {
    const result = importRoadmapText(seedText('000'), {
      period: { start: 2021, end: 2022, academicYear: true },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.draft.period).toEqual({ start: 2021, end: 2022, academicYear: true, source: 'input' });
    const [first] = result.draft.activities;
    expect(first?.deadline).toMatchObject({
      text: 'До 01 октября',
      windows: [{ start: null, end: '2021-10-01' }],
    });
    const monitoring = result.draft.activities[22];
    expect(monitoring?.deadline.windows).toEqual([
      { start: '2021-12-01', end: '2021-12-31' },
      { start: '2022-05-01', end: '2022-05-31' },
    ]);
  });
});

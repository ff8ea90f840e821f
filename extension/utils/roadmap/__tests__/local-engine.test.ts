/**
 * The engine the panel loads for a file from disk: the real shared engine, on a real road map (a
 * seed document of the repository) and on the files a curator might pick by mistake.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportRoadmapDocx } from '@nastavnik/shared/roadmap/export';
import { describe, expect, it } from 'vitest';
import { parseRoadmapFile } from '../local-engine.js';

const seedDocument = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../../../seeds/documents/001_fe83f31ea58b8567.txt'),
);

describe('road-map file in the panel', () => {
  it('reads a text export into a draft with the engine’s warnings', async () => {
    const result = await parseRoadmapFile(new Uint8Array(seedDocument), '001.txt');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.format).toBe('text');
    expect(result.draft.title).toMatch(/^Дорожная карта/);
    expect(result.draft.activities.length).toBeGreaterThan(10);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings.every((warning) => /[А-Яа-яЁё]/.test(warning.message))).toBe(true);
  });

  it('reads a DOCX the way the CMS exports it', async () => {
    const docx = await exportRoadmapDocx({
      title: 'План мероприятий (дорожная карта) на 2025 год',
      sections: [{ index: 0, title: 'Организационный этап' }],
      activities: [
        {
          code: '1.',
          title: 'Приказ о наставничестве',
          sectionIndex: 0,
          deadline: { text: 'до 01.02.2025' },
          responsible: { text: 'Директор' },
        },
        {
          code: '2.',
          title: 'Конкурс «Наставник года»',
          sectionIndex: 0,
          deadline: { text: 'когда получится' },
          responsible: { text: 'Куратор' },
        },
      ],
    });
    const result = await parseRoadmapFile(docx, 'plan.docx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.format).toBe('docx');
    expect(result.draft.activities.map((activity) => activity.title)).toEqual([
      'Приказ о наставничестве',
      'Конкурс «Наставник года»',
    ]);
    expect(result.warnings.some((warning) => warning.cell === 'deadline' && warning.row > 0)).toBe(true);
  });

  it.each([
    ['a broken PDF', new TextEncoder().encode('%PDF-1.7 scanned'), 'scan.pdf', 'pdf_invalid', /PDF/],
    [
      'a broken DOCX',
      new TextEncoder().encode('PK\u0003\u0004 not really a zip'),
      'plan.docx',
      'docx_invalid',
      /DOCX/,
    ],
    ['an empty text', new TextEncoder().encode('   \n '), 'plan.txt', 'empty', /пуст/],
    [
      'a text without a table',
      new TextEncoder().encode('Просто письмо директору.'),
      'letter.txt',
      'no_table',
      /таблиц/,
    ],
  ])('refuses %s with a Russian reason', async (_what, bytes, name, code, message) => {
    const result = await parseRoadmapFile(bytes, name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });
});

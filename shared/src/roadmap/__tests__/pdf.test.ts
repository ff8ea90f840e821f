/**
 * PDF road maps read from the PDF itself. Each fixture in ./pdf was made from a seed road map the
 * way schools make PDFs (see ./pdf/README.md): saved from Word by LibreOffice, or printed from a web
 * page by Chromium. The PDF must give what its DOCX gives: the same activities, deadlines,
 * responsibles and sections.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoadmapDraft } from '../schema.js';
import { importRoadmap } from '../import.js';
import { pageFromTesseractTsv } from '../ocr-tsv.js';
import { readPdf } from '../pdf-reader.js';
import { defined } from './defined.js';

const dir = new URL('./pdf/', import.meta.url);
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));

async function draftOf(
  name: string,
): Promise<{ draft: RoadmapDraft; warnings: Awaited<ReturnType<typeof importRoadmap>> }> {
  const result = await importRoadmap({ data: bytes(name), filename: name });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return { draft: result.draft, warnings: result };
}

/** What the PDF must reproduce: per activity its code, title, deadline, responsibles and section. */
function essentials(draft: RoadmapDraft) {
  return draft.activities.map((a) => ({
    code: a.code,
    title: a.title,
    deadline: a.deadline.text,
    windows: a.deadline.windows,
    responsible: a.responsible.parsed,
    section: a.sectionTitle ?? '',
    stage: a.stage ?? '',
  }));
}

// [PDF, the DOCX it was made from (or the DOCX of the same seed for a printed web page)]
const pairs: Array<[string, string]> = [
  ['seed-000-libreoffice.pdf', 'seed-000-libreoffice.docx'],
  ['seed-001-libreoffice-landscape.pdf', 'seed-001-libreoffice-landscape.docx'],
  ['seed-001-rotated.pdf', 'seed-001-libreoffice-landscape.docx'],
  ['seed-002-libreoffice-header-repeated.pdf', 'seed-002-libreoffice-header-repeated.docx'],
  ['seed-003-libreoffice-landscape-tables.pdf', 'seed-003-libreoffice-landscape-tables.docx'],
  ['seed-004-libreoffice-borderless.pdf', 'seed-004-libreoffice-borderless.docx'],
  ['seed-002-chromium.pdf', 'seed-002-libreoffice-header-repeated.docx'],
  ['seed-000-chromium-borderless.pdf', 'seed-000-libreoffice.docx'],
];

describe('PDF road maps give what their DOCX gives', () => {
  it.each(pairs)('%s reads as %s', async (pdf, docx) => {
    const fromPdf = await draftOf(pdf);
    const fromDocx = await draftOf(docx);
    expect(fromPdf.draft.activities.length).toBeGreaterThan(10);
    expect(essentials(fromPdf.draft)).toEqual(essentials(fromDocx.draft));
    expect(fromPdf.draft.sections.map((s) => [s.code, s.title, s.level])).toEqual(
      fromDocx.draft.sections.map((s) => [s.code, s.title, s.level]),
    );
    expect(fromPdf.draft.period).toEqual(fromDocx.draft.period);
    expect(fromPdf.draft.approval).toEqual(fromDocx.draft.approval);
    expect(fromPdf.draft.kpis).toEqual(fromDocx.draft.kpis);
  });

  it('says the format is PDF and names the page of a row in its warnings', async () => {
    const result = await importRoadmap({ data: bytes('seed-002-libreoffice-header-repeated.pdf') });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.format).toBe('pdf');
    const rowWarnings = result.warnings.filter((w) => w.row > 0 && w.table !== undefined);
    expect(rowWarnings.length).toBeGreaterThan(0);
    for (const warning of rowWarnings) expect(warning.page).toBeGreaterThanOrEqual(1);
    // The plan runs over several pages: its warnings point at more than one of them.
    expect(new Set(rowWarnings.map((w) => w.page)).size).toBeGreaterThan(1);
    const split = defined(
      result.warnings.find((w) => w.code === 'row_merged'),
      'a warning about a row continued on the next page',
    );
    expect(split.page).toBeGreaterThan(1);
  });

  it('reads the working group and the approval written outside the table', async () => {
    const { draft } = await draftOf('seed-002-libreoffice-header-repeated.pdf');
    const { draft: docx } = await draftOf('seed-002-libreoffice-header-repeated.docx');
    expect(draft.workingGroup.length).toBeGreaterThan(5);
    expect(draft.workingGroup.map((m) => m.fullName)).toEqual(docx.workingGroup.map((m) => m.fullName));
    expect(draft.organisationName).toBe(docx.organisationName);
    expect(draft.title).toBe(docx.title);
  });

  it('drops page numbers and the lines repeated on every page', async () => {
    for (const [name, running] of [
      ['seed-000-libreoffice.pdf', 'Средняя школа № 40. Дорожная карта ЦМН'],
      ['seed-003-libreoffice-landscape-tables.pdf', 'КОГПОБУ «Нолинский политехнический техникум»'],
    ] as const) {
      const { document } = await readPdf(bytes(name));
      const texts = document.blocks.flatMap((block) =>
        block.kind === 'paragraph' ? [block.text] : block.rows.flatMap((row) => row.cells.map((c) => c.text)),
      );
      expect(texts.length).toBeGreaterThan(50);
      expect(texts.filter((text) => /Страница \d+ из \d+/.test(text))).toEqual([]);
      expect(texts.filter((text) => text.includes(running))).toEqual([]);
    }
  });

  it('refuses a scan (pages as pictures, no text layer) in Russian when nothing can recognise it', async () => {
    for (const ocr of [undefined, () => Promise.resolve(null)]) {
      const result = await importRoadmap({ data: bytes('scan-000-page1.pdf'), filename: 'скан.pdf', ocr });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('pdf_scanned');
      expect(result.error.message).toMatch(/скан \(изображение страниц\) без текстового слоя/);
    }
  });
});

describe('words recognised from a scan', () => {
  // Tesseract's TSV for a page at 100 dpi: a header line and one row of a four-column table.
  const row = (
    level: number,
    line: number,
    word: number,
    left: number,
    top: number,
    width: number,
    height: number,
    conf: number,
    text: string,
  ) => [level, 1, 1, 1, line, word, left, top, width, height, conf, text].join('\t');
  const words: Array<[number, number, number, string, number]> = [
    // [line, left, width, text, confidence]
    [1, 10, 20, '№', 95],
    [1, 60, 160, 'Мероприятие', 95],
    [1, 300, 60, 'Срок', 95],
    [1, 460, 200, 'Ответственный', 95],
    [2, 10, 20, '1.', 91],
    [2, 60, 90, 'Назначение', 93],
    [2, 155, 80, 'куратора', 62],
    [2, 300, 30, 'До', 90],
    [2, 335, 25, '01', 90],
    [2, 365, 55, 'октября', 90],
    [2, 460, 70, 'Баева', 90],
    [2, 535, 50, 'С.Н.', 88],
  ];
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    row(4, 1, 0, 10, 100, 650, 20, -1, ''),
    row(4, 2, 0, 10, 140, 575, 20, -1, ''),
    ...words.map(([line, left, width, text, conf], i) =>
      row(5, line, i + 1, left, line === 1 ? 100 : 140, width, 20, conf, text),
    ),
  ].join('\n');

  it('lays them out as a table whose rows carry the lowest confidence of their words', async () => {
    const page = pageFromTesseractTsv(tsv, 1, 100, { width: 595, height: 842 });
    expect(page.texts).toHaveLength(words.length);
    // 100 dpi to points: 10 px = 7.2 pt; each word takes its line's box.
    const [first] = page.texts;
    expect(first?.confidence).toBe(95);
    expect(first?.x0).toBeCloseTo(7.2);
    expect(first?.top).toBeCloseTo(72);
    expect(first?.bottom).toBeCloseTo(86.4);
    const result = await importRoadmap({
      data: bytes('scan-000-page1.pdf'),
      ocr: () => Promise.resolve([page]),
    });
    if (!result.ok) throw new Error(result.error.message);
    const [activity] = result.draft.activities;
    expect(activity).toMatchObject({
      code: '1.',
      title: 'Назначение куратора',
      deadline: { text: 'До 01 октября' },
      responsible: { parsed: [{ kind: 'person', name: 'Баева С.Н.' }] },
      ocrConfidence: 62,
    });
    expect(result.warnings.find((w) => w.code === 'ocr_low_confidence')?.message).toMatch(/№ 1\..*62%/);
  });
});

describe('damaged PDFs', () => {
  it('a PDF cut short anywhere gives a draft or a Russian refusal, never an exception', async () => {
    const whole = bytes('seed-001-libreoffice-landscape.pdf');
    for (const share of [0.02, 0.1, 0.35, 0.6, 0.9, 0.99]) {
      const cut = whole.slice(0, Math.floor(whole.length * share));
      const result = await importRoadmap({ data: cut, filename: 'обрезан.pdf' });
      if (result.ok) expect(result.format).toBe('pdf');
      else {
        expect(['pdf_invalid', 'pdf_scanned', 'no_table', 'no_header']).toContain(result.error.code);
        expect(result.error.message).toMatch(/[А-Яа-яЁё]/);
      }
    }
  });
});

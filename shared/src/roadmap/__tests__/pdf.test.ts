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
});

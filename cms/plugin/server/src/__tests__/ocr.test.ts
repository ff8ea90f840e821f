/**
 * A scanned road map (a PDF of page images, no text layer) read on the server: rendered by
 * pdftoppm, recognised by Tesseract, laid out by the shared engine. Runs where Tesseract with its
 * Russian model is installed (Debian: tesseract-ocr tesseract-ocr-rus poppler-utils); the refusal
 * without it is tested in shared (pdf.test.ts) and through ROADMAP_OCR=off here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importRoadmap } from '@nastavnik/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrLanguages, recognisePdf } from '../roadmaps/ocr.js';

const fixtures = path.join(__dirname, '../../../../../shared/src/roadmap/__tests__/pdf');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(fixtures, name)));
/** Tesseract with its Russian model and pdftoppm, as ocrLanguages() finds them (checked here synchronously). */
function tesseractInstalled(): boolean {
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  // A missing program leaves an error and no output at all.
  if (langs.error) return false;
  return spawnSync('pdftoppm', ['-v']).status === 0 && langs.stdout.split(/\s+/).includes('rus');
}
const canRecognise = tesseractInstalled();

describe('scanned PDF road maps', () => {
  afterEach(() => {
    delete process.env.ROADMAP_OCR;
  });

  it.runIf(canRecognise)('are recognised, every activity marked as read by OCR', async () => {
    expect(await ocrLanguages()).toMatch(/^rus/);
    const scan = await importRoadmap({ data: bytes('scan-000-page1.pdf'), ocr: recognisePdf });
    if (!scan.ok) throw new Error(scan.error.message);
    const docx = await importRoadmap({ data: bytes('seed-000-libreoffice.docx') });
    if (!docx.ok) throw new Error(docx.error.message);
    expect(scan.format).toBe('pdf');
    // The scanned page holds the approval, the title and the first items of section 1.
    expect(scan.draft.approval).toEqual(docx.draft.approval);
    expect(scan.draft.title).toBe(docx.draft.title);
    const read = scan.draft.activities;
    expect(read.length).toBeGreaterThanOrEqual(5);
    const expected = docx.draft.activities.slice(0, read.length);
    // OCR may misread a letter of an item number; the texts of the cells are what must come through.
    expect(read.slice(0, 5).map((a) => [a.title, a.deadline.text, a.responsible.parsed])).toEqual(
      expected.slice(0, 5).map((a) => [a.title, a.deadline.text, a.responsible.parsed]),
    );
    for (const activity of read) expect(activity.ocrConfidence).toBeGreaterThan(0);
    expect(scan.warnings[0]).toMatchObject({ code: 'ocr_used', severity: 'warning' });
    const doubtful = read.filter((a) => (a.ocrConfidence ?? 100) < 80).length;
    expect(scan.warnings.filter((w) => w.code === 'ocr_low_confidence')).toHaveLength(doubtful);
  });

  it('are refused as scans, never an empty success, when recognition is off', async () => {
    process.env.ROADMAP_OCR = 'off';
    expect(await recognisePdf(bytes('scan-000-page1.pdf'))).toBeNull();
    const result = await importRoadmap({
      data: bytes('scan-000-page1.pdf'),
      filename: 'скан.pdf',
      ocr: recognisePdf,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('pdf_scanned');
    expect(result.error.message).toMatch(/«скан\.pdf» — скан .*без текстового слоя/);
  });
});

/**
 * The corpus of real published road maps (see README.md here): every document imports, and the
 * share of activities, deadlines and responsibles read exactly as the document says never falls
 * below the one recorded in baseline.json (a ratchet: raise the baseline when the engine improves
 * or documents are added; `node scripts/fidelity.mjs` prints the figures).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRoadmap } from '../../import.js';
import { loadCorpus, measure, ratios, type Summary } from './fidelity.mjs';

const documents = loadCorpus();
const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Summary;

describe('corpus of real road maps', () => {
  it('has documents, each with expectations', () => {
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) expect(doc.expected.activities.length, doc.id).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [d.id, d] as const))('%s imports and gives activities', async (_id, doc) => {
    const result = await importRoadmap({ data: new TextEncoder().encode(doc.text), filename: doc.file });
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    if (result.ok) expect(result.draft.activities.length).toBeGreaterThan(0);
  });

  it('warns, with its row and column, about every deadline cell it could not read', async () => {
    let unclear = 0;
    for (const doc of documents) {
      const result = await importRoadmap({ data: new TextEncoder().encode(doc.text), filename: doc.file });
      if (!result.ok) continue;
      const warned = new Set(result.warnings.filter((w) => w.cell).map((w) => `${w.row}:${w.cell}`));
      for (const activity of result.draft.activities) {
        if (!activity.deadline.warning) continue;
        unclear += 1;
        const [row] = activity.sourceRows;
        expect(warned.has(`${row}:deadline`), `${doc.id} ${activity.code} ${activity.deadline.text}`).toBe(
          true,
        );
      }
    }
    // The corpus has such cells («25 августа X - 1 года», «февраль» with no year, «IV квартал» of 2022–2024).
    expect(unclear).toBeGreaterThanOrEqual(5);
  });

  it('reads each document saved as PDF as it reads its text', async () => {
    const withPdf = documents.filter((doc) => doc.pdf);
    expect(withPdf.length).toBe(documents.length);
    const { perDocument } = await measure(importRoadmap, withPdf);
    for (const doc of withPdf) {
      const fromText = perDocument.find((d) => d.id === doc.id);
      const fromPdf = perDocument.find((d) => d.id === `${doc.id}.pdf`);
      expect(fromPdf?.ok, doc.id).toBe(true);
      expect(fromPdf?.mismatches, doc.id).toEqual(fromText?.mismatches);
    }
  });

  it('reads each document rendered as a Word file and a web page as it reads its text', async () => {
    const rendered = documents.filter((doc) => doc.docx && doc.html);
    expect(rendered.length).toBeGreaterThanOrEqual(5);
    const { perDocument } = await measure(importRoadmap, rendered);
    for (const doc of rendered) {
      const fromText = perDocument.find((d) => d.id === doc.id);
      for (const ext of ['docx', 'html']) {
        const reading = perDocument.find((d) => d.id === `${doc.id}.${ext}`);
        expect(reading?.ok, `${doc.id}.${ext}`).toBe(true);
        expect(reading?.mismatches, `${doc.id}.${ext}`).toEqual(fromText?.mismatches);
      }
    }
  });

  it('reads no worse than baseline.json', async () => {
    const { summary } = await measure(importRoadmap, documents);
    const now = ratios(summary);
    const before = ratios(baseline);
    expect(summary.documents).toBeGreaterThanOrEqual(baseline.documents);
    expect(now.activities).toBeGreaterThanOrEqual(before.activities - 1e-9);
    expect(now.deadlines).toBeGreaterThanOrEqual(before.deadlines - 1e-9);
    expect(now.responsibles).toBeGreaterThanOrEqual(before.responsibles - 1e-9);
  });
});

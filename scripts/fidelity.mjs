#!/usr/bin/env node
/**
 * npm run fidelity
 *
 * Imports every road map of the corpus (shared/src/roadmap/__tests__/corpus) with the BUILT engine
 * (shared/dist) and compares the result with what each document says (its .expected.json, written
 * by reading it), each also from its PDF rendering (`<id>.pdf`, saved from Word by LibreOffice) when
 * the corpus has one. A per-document table goes to stderr; the last line on stdout is one JSON object:
 * {"documents":… (readings),"activities_exact":…,"activities":…,"deadlines_exact":…,"deadlines":…,
 *  "responsibles_exact":…,"responsibles":…,"corpus":… (real documents),
 *  "pdf":{the same figures for the PDF readings alone},
 *  "docx":{…},"html":{… for the Word and web-page renderings some documents have}}.
 * With --mismatches, every mismatch is listed on stderr too.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, ratios } from '../shared/src/roadmap/__tests__/corpus/fidelity.mjs';

const engine = fileURLToPath(new URL('../shared/dist/index.js', import.meta.url));
if (!existsSync(engine)) {
  process.stderr.write(
    'Ошибка: нет собранного движка (shared/dist). Выполните: npm run build -w @nastavnik/shared\n',
  );
  process.exit(2);
}
const { importRoadmap } = await import(pathToFileURL(engine).href);

const { perDocument, summary, pdf, docx, html } = await measure(importRoadmap);
const rows = perDocument.map((d) => ({
  document: d.id,
  ok: d.ok ? 'yes' : 'NO',
  activities: `${d.activities_exact}/${d.activities}`,
  deadlines: `${d.deadlines_exact}/${d.deadlines}`,
  responsibles: `${d.responsibles_exact}/${d.responsibles}`,
}));
const r = ratios(summary);
rows.push({
  document: 'total',
  ok: '',
  activities: `${summary.activities_exact}/${summary.activities} ${(100 * r.activities).toFixed(1)}%`,
  deadlines: `${summary.deadlines_exact}/${summary.deadlines} ${(100 * r.deadlines).toFixed(1)}%`,
  responsibles: `${summary.responsibles_exact}/${summary.responsibles} ${(100 * r.responsibles).toFixed(1)}%`,
});
const columns = Object.keys(rows[0]);
const width = columns.map((c) => Math.max(c.length, ...rows.map((row) => row[c].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(width[i])).join('  ');
process.stderr.write(`${line(columns)}\n${line(width.map((w) => '-'.repeat(w)))}\n`);
for (const row of rows) process.stderr.write(`${line(columns.map((c) => row[c]))}\n`);
if (process.argv.includes('--mismatches'))
  for (const d of perDocument)
    for (const m of d.mismatches)
      process.stderr.write(`${d.id} #${m.index + 1} ${m.kind}: ${JSON.stringify(m)}\n`);
// `corpus`: the real documents the readings come from (each read from its text and its renderings).
const corpus = perDocument.filter((d) => !/\.(?:pdf|docx|html)$/.test(d.id)).length;
process.stdout.write(`${JSON.stringify({ ...summary, corpus, pdf, docx, html })}\n`);

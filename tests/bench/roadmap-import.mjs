#!/usr/bin/env node
/**
 * Road-map import benchmark. Needs the built shared package:
 *
 *   npm run build -w @nastavnik/shared && node tests/bench/roadmap-import.mjs
 *
 * 1. the five seed documents, warm (goal: ≤ 50 ms for all five);
 * 2. a generated DOCX with 2,000 activities (goal: ≤ 1 s, ≤ 200 MB peak RSS). The import runs in a
 *    child process so its peak RSS is not mixed with the cost of generating the file.
 */
import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { importRoadmap, importRoadmapText, exportRoadmapDocx } = await import('@nastavnik/shared');

const ms = (n) => `${n.toFixed(1)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

if (process.argv[2] === '--import-child') {
  // Child: import the DOCX twice (cold, then warm) and report time and peak RSS.
  const bytes = new Uint8Array(await readFile(process.argv[3]));
  const before = process.resourceUsage().maxRSS;
  // CPU time next to wall time: on a shared machine the wall clock also counts other people's work.
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let t = performance.now();
  let c = cpu();
  const docxReader = process.argv[4] === 'mammoth' ? 'mammoth' : 'fast';
  const cold = await importRoadmap({ data: bytes, filename: 'bench.docx', docxReader });
  const coldMs = performance.now() - t;
  const coldCpuMs = cpu() - c;
  t = performance.now();
  c = cpu();
  const warm = await importRoadmap({ data: bytes, filename: 'bench.docx', docxReader });
  const warmMs = performance.now() - t;
  const warmCpuMs = cpu() - c;
  process.send?.({
    ok: cold.ok && warm.ok,
    activities: warm.ok ? warm.draft.activities.length : 0,
    warnings: warm.ok ? warm.warnings.length : 0,
    coldMs,
    warmMs,
    coldCpuMs,
    warmCpuMs,
    rssBeforeKb: before,
    peakRssKb: process.resourceUsage().maxRSS,
  });
  process.exit(0);
}

const root = new URL('../../', import.meta.url);
const organisations = JSON.parse(await readFile(new URL('seeds/organisations.json', root), 'utf8'));
const seeds = await Promise.all(
  organisations
    .filter((o) => o.seedDocument)
    .map(async (o) => readFile(new URL(`seeds/documents/${o.seedDocument}`, root), 'utf8')),
);

// 1. Seeds, warm.
for (let i = 0; i < 20; i += 1) for (const text of seeds) importRoadmapText(text);
const rounds = 50;
const t0 = performance.now();
for (let i = 0; i < rounds; i += 1) for (const text of seeds) importRoadmapText(text);
const seedsMs = (performance.now() - t0) / rounds;
const seedsCpuMs = (() => {
  const before = process.cpuUsage();
  for (let i = 0; i < rounds; i += 1) for (const text of seeds) importRoadmapText(text);
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000 / rounds;
})();
console.log(
  `Five seed documents, warm: ${ms(seedsMs)} wall (${ms(seedsCpuMs)} CPU) for all five (goal ≤ 50 ms), mean of ${rounds} rounds`,
);

// 2. A 2,000-activity DOCX.
const deadlines = [
  'До 01 октября',
  '01.02.2022г.- 28.02.2022г.',
  'Февраль-май 2022',
  'Декабрь, май',
  'в течение всего периода',
  'по плану работы УОиМП',
  'III квартал 2023 г.',
];
const responsibles = [
  'Белых Е.В., зам. директора по УР Казанцева Л.А., зам. директора по УВР',
  'Баева С.Н. Сапельцева О.И.',
  'Директор, куратор',
  'УОиМП, образовательные организации',
];
const sections = Array.from({ length: 20 }, (_, s) => ({
  index: s,
  code: `${s + 1}.`,
  title: `Этап ${s + 1}: подготовка и проведение мероприятий`,
  level: 1,
  row: 1,
}));
const activities = Array.from({ length: 2000 }, (_, i) => ({
  code: `${Math.floor(i / 100) + 1}.${(i % 100) + 1}`,
  title: `Мероприятие ${i + 1}: проведение анкетирования наставников и наставляемых, анализ результатов`,
  content: [
    'Подготовка анкет.',
    'Проведение анкетирования.',
    'Анализ и обсуждение результатов на педагогическом совете.',
  ],
  sectionIndex: Math.floor(i / 100),
  deadline: { text: deadlines[i % deadlines.length] },
  responsible: { text: responsibles[i % responsibles.length] },
  result: 'Аналитическая справка, протокол педагогического совета',
}));
const docx = await exportRoadmapDocx({
  title: 'Дорожная карта внедрения целевой модели наставничества (нагрузочный пример)',
  period: { start: 2021, end: 2024, academicYear: true, source: 'input' },
  sections,
  activities,
});
const dir = await mkdtemp(join(tmpdir(), 'roadmap-bench-'));
const file = join(dir, 'bench.docx');
await writeFile(file, docx);
const measure = (reader) =>
  new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--import-child', file, reader]);
    proc.once('message', resolve);
    proc.once('error', reject);
    proc.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
  });
const child = await measure('fast');
// For comparison only: the same file through mammoth, which the built-in reader stands in for.
const viaMammoth = await measure('mammoth');
await rm(dir, { recursive: true, force: true });
console.log(
  `2,000-activity DOCX (${(docx.length / 1024).toFixed(0)} KB): import ${ms(child.coldMs)} cold ` +
    `(${ms(child.coldCpuMs)} CPU; first DOCX of a fresh process), ${ms(child.warmMs)} warm (${ms(child.warmCpuMs)} CPU); ` +
    `goal ≤ 1 s. Peak RSS ${mb(child.peakRssKb)} (goal ≤ 200 MB; ${mb(child.rssBeforeKb)} before the import). ` +
    `${child.activities} activities read, ${child.warnings} warnings`,
);
console.log(
  `  for comparison, through mammoth: ${ms(viaMammoth.coldMs)} cold, ${ms(viaMammoth.warmMs)} warm, ` +
    `peak RSS ${mb(viaMammoth.peakRssKb)}, ${viaMammoth.activities} activities`,
);
const load = (await import('node:os')).loadavg()[0];
console.log(
  `Load average while measuring: ${load.toFixed(2)} on ${(await import('node:os')).cpus().length} cores`,
);
const pass =
  seedsMs <= 50 && child.coldMs <= 1000 && child.peakRssKb / 1024 <= 200 && child.activities === 2000;
console.log(pass ? 'All goals met.' : 'Some goals NOT met.');
process.exit(pass ? 0 : 1);

#!/usr/bin/env node
/**
 * PDF road-map import benchmark (not part of `npm test`):
 *
 *   npm run bench:pdf
 *
 * A road map of about 400 activities is written as DOCX (the engine's own export) and saved as PDF
 * by LibreOffice (`soffice`, Debian's libreoffice-writer) — about 40 pages of a bordered table. Each
 * file is imported in a child process of its own (cold: the first import of a fresh process, loading
 * pdf.js; then warm), so its peak RSS is the import's alone. The DOCX is the baseline measured in the
 * same run. Goal for the PDF: ≤ 2 s cold, ≤ 300 MB peak RSS, every activity read as in the DOCX.
 * The last line on stdout is one JSON object (with the CPU time and the load average, since on a
 * shared machine the wall clock counts other people's work too).
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOAL_MS = 2000;
const GOAL_RSS_MB = 300;
const ACTIVITIES = 400;

const { importRoadmap, exportRoadmapDocx } = await import('@nastavnik/shared');

if (process.argv[2] === '--import-child') {
  const bytes = new Uint8Array(await readFile(process.argv[3]));
  const filename = process.argv[3].split('/').pop();
  const rssBeforeKb = process.resourceUsage().maxRSS;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let t = performance.now();
  let c = cpu();
  const cold = await importRoadmap({ data: bytes, filename });
  const coldMs = performance.now() - t;
  const coldCpuMs = cpu() - c;
  t = performance.now();
  c = cpu();
  const warm = await importRoadmap({ data: bytes, filename });
  const warmMs = performance.now() - t;
  const warmCpuMs = cpu() - c;
  process.send?.({
    ok: cold.ok && warm.ok,
    error: cold.ok ? undefined : cold.error.message,
    format: warm.ok ? warm.format : null,
    activities: warm.ok ? warm.draft.activities.length : 0,
    essentials: warm.ok
      ? warm.draft.activities.map((a) => [a.code, a.title, a.deadline.text, a.responsible.text])
      : [],
    coldMs,
    warmMs,
    coldCpuMs,
    warmCpuMs,
    rssBeforeKb,
    peakRssKb: process.resourceUsage().maxRSS,
  });
  process.exit(0);
}

const deadlines = [
  'До 01 октября',
  '01.02.2022г.- 28.02.2022г.',
  'Февраль-май 2022',
  'Декабрь, май',
  'в течение всего периода',
  'по плану работы УОиМП',
];
const responsibles = [
  'Белых Е.В., зам. директора по УР',
  'Баева С.Н. Сапельцева О.И.',
  'Директор, куратор',
  'УОиМП, образовательные организации',
];
const sections = Array.from({ length: 8 }, (_, s) => ({
  index: s,
  code: `${s + 1}.`,
  title: `Этап ${s + 1}: подготовка и проведение мероприятий программы наставничества`,
  level: 1,
  row: 1,
}));
const activities = Array.from({ length: ACTIVITIES }, (_, i) => ({
  code: `${Math.floor(i / 50) + 1}.${(i % 50) + 1}`,
  title: `Мероприятие ${i + 1}: анкетирование наставников и наставляемых, анализ результатов`,
  sectionIndex: Math.floor(i / 50),
  deadline: { text: deadlines[i % deadlines.length] },
  responsible: { text: responsibles[i % responsibles.length] },
  result: 'Аналитическая справка',
}));
const docx = await exportRoadmapDocx({
  title: 'Дорожная карта внедрения целевой модели наставничества (нагрузочный пример)',
  period: { start: 2021, end: 2024, academicYear: true, source: 'input' },
  sections,
  activities,
});

const dir = await mkdtemp(join(tmpdir(), 'pdf-bench-'));
try {
  const docxFile = join(dir, 'bench.docx');
  await writeFile(docxFile, docx);
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docxFile,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  } catch {
    process.stderr.write('Ошибка: нужен LibreOffice (soffice) для PDF: apt-get install libreoffice-writer\n');
    process.exit(2);
  }
  const pdfFile = join(dir, 'bench.pdf');
  const pdfBytes = await readFile(pdfFile);
  const pages = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdfBytes.toString('latin1'))?.[1] ?? 0);

  const measure = (file) =>
    new Promise((resolve, reject) => {
      const proc = fork(fileURLToPath(import.meta.url), ['--import-child', file]);
      proc.once('message', resolve);
      proc.once('error', reject);
      proc.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
    });
  const baseline = await measure(docxFile);
  const pdf = await measure(pdfFile);
  const same = JSON.stringify(pdf.essentials) === JSON.stringify(baseline.essentials);

  const ms = (n) => `${Math.round(n)} ms`;
  const mb = (kb) => Math.round(kb / 1024);
  console.log(
    `PDF, ${pages} pages, ${(pdfBytes.length / 1024).toFixed(0)} KB: ${ms(pdf.coldMs)} cold (${ms(pdf.coldCpuMs)} CPU, ` +
      `loading pdf.js included), ${ms(pdf.warmMs)} warm (${ms(pdf.warmCpuMs)} CPU); peak RSS ${mb(pdf.peakRssKb)} MB ` +
      `(goal ≤ ${GOAL_MS} ms, ≤ ${GOAL_RSS_MB} MB); ${pdf.activities} activities` +
      (pdf.ok ? '' : `; error: ${pdf.error}`),
  );
  console.log(
    `Baseline, the same road map as DOCX (${(docx.length / 1024).toFixed(0)} KB): ${ms(baseline.coldMs)} cold, ` +
      `${ms(baseline.warmMs)} warm; peak RSS ${mb(baseline.peakRssKb)} MB; ${baseline.activities} activities`,
  );
  console.log(
    `PDF reads as the DOCX (code, title, deadline, responsible of every activity): ${same ? 'yes' : 'NO'}`,
  );
  console.log(`Load average while measuring: ${loadavg()[0].toFixed(2)} on ${cpus().length} cores`);
  const pass =
    pdf.ok &&
    pdf.coldMs <= GOAL_MS &&
    mb(pdf.peakRssKb) <= GOAL_RSS_MB &&
    pdf.activities === ACTIVITIES &&
    same;
  console.log(
    JSON.stringify({
      bench: 'pdf-import',
      pages,
      activities: pdf.activities,
      pdf_cold_ms: Math.round(pdf.coldMs),
      pdf_warm_ms: Math.round(pdf.warmMs),
      pdf_cold_cpu_ms: Math.round(pdf.coldCpuMs),
      pdf_peak_rss_mb: mb(pdf.peakRssKb),
      docx_cold_ms: Math.round(baseline.coldMs),
      docx_warm_ms: Math.round(baseline.warmMs),
      docx_peak_rss_mb: mb(baseline.peakRssKb),
      pdf_vs_docx_warm: Number((pdf.warmMs / baseline.warmMs).toFixed(2)),
      same_as_docx: same,
      goal_ms: GOAL_MS,
      goal_rss_mb: GOAL_RSS_MB,
      // Wall time counts other processes' work too: on a busy machine compare the CPU time.
      load_average: Number(loadavg()[0].toFixed(2)),
      cores: cpus().length,
      pass,
    }),
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}

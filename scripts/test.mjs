#!/usr/bin/env node
/**
 * `npm test`: every suite, then one plain line `N passed, N failed` counted from vitest's JSON reports.
 * Builds what the suites load (shared, plugin, extension), installs Debian's Chromium for the browser
 * suites when it is missing and we are root, runs everything on SQLite, and, when TEST_POSTGRES_URL
 * names a PostgreSQL server, the integration suite once more on a fresh database there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const say = (line) => process.stdout.write(`[test] ${line}\n`);

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() === 0) {
    say('устанавливаю Chromium из пакетов Debian для браузерных тестов…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  } else {
    say('Chromium не найден (/usr/bin/chromium): установите пакет chromium (sudo apt-get install chromium).');
  }
}

const buildFailures = [];
for (const [label, args] of [
  ['shared', ['run', 'build', '-w', '@nastavnik/shared']],
  ['plugin', ['run', 'build', '-w', 'strapi-plugin-nastavnik']],
  ...(existsSync(path.join(root, 'extension', 'wxt.config.ts'))
    ? [['extension', ['run', 'build', '-w', '@nastavnik/extension']]]
    : []),
]) {
  say(`сборка: ${label}`);
  if (run('npm', args) !== 0) buildFailures.push(label);
}
ensureChromium();

const configured = readFileSync(path.join(root, 'vitest.config.mts'), 'utf8');
const projects = ['unit', 'extension', 'integration', 'e2e', 'package'].filter((p) =>
  configured.includes(`name: '${p}'`),
);

const runs = [];
for (const project of projects) {
  const out = path.join(reports, `${project}-sqlite.json`);
  say(`набор ${project} (SQLite)`);
  run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    {
      DATABASE_URL: '',
    },
  );
  runs.push({ label: `${project}/sqlite`, out });
}
if (process.env.TEST_POSTGRES_URL && projects.includes('integration')) {
  const out = path.join(reports, 'integration-postgres.json');
  say('набор integration (PostgreSQL)');
  run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    {
      DATABASE_URL: process.env.TEST_POSTGRES_URL,
    },
  );
  runs.push({ label: 'integration/postgres', out });
}

let passed = 0;
let failed = buildFailures.length;
for (const { label, out } of runs) {
  if (!existsSync(out)) {
    say(`${label}: отчёт не создан — набор не запустился`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const p = report.numPassedTests ?? 0;
  // A file that failed to load has no tests but still fails the run.
  const f =
    (report.numFailedTests ?? 0) +
    (report.testResults ?? []).filter((r) => r.status === 'failed' && !r.assertionResults?.length).length;
  say(`${label}: ${p} прошло, ${f} не прошло`);
  if (p + f === 0) failed += 1;
  passed += p;
  failed += f;
}
if (buildFailures.length) say(`не собрались: ${buildFailures.join(', ')}`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

#!/usr/bin/env node
/**
 * `npm test`: every suite, then one plain line `N passed, N failed` counted from vitest's JSON reports.
 * Builds what the suites load (shared, plugin, extension), installs Debian's Chromium for the browser
 * suites when it is missing and we are root, runs everything on SQLite, and, when TEST_POSTGRES_URL
 * names a PostgreSQL server, the integration suite once more on a fresh database there.
 *
 * TEST_EXTRA_NODE=22 (majors separated by spaces or commas) also runs the unit and integration suites
 * under that Node.js: taken from the npm registry (package node-<platform>-<arch>, which ships bin/node
 * and the headers in include/node), with better-sqlite3 compiled for it offline into a folder of its own,
 * so the build that node_modules holds for the machine's Node.js stays as it is. A version that cannot
 * be had or prepared counts as failed suites, never as a skip.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

function vitestArgs(project, out) {
  return ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
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
const projects = ['unit', 'extension', 'integration', 'security', 'e2e', 'package'].filter((p) =>
  configured.includes(`name: '${p}'`),
);

const runs = [];
for (const project of projects) {
  const out = path.join(reports, `${project}-sqlite.json`);
  say(`набор ${project} (SQLite)`);
  run('npx', ['vitest', ...vitestArgs(project, out)], { DATABASE_URL: '' });
  runs.push({ label: `${project}/sqlite`, out });
}
if (process.env.TEST_POSTGRES_URL && projects.includes('integration')) {
  const out = path.join(reports, 'integration-postgres.json');
  say('набор integration (PostgreSQL)');
  run('npx', ['vitest', ...vitestArgs('integration', out)], { DATABASE_URL: process.env.TEST_POSTGRES_URL });
  runs.push({ label: 'integration/postgres', out });
}

/**
 * A Node.js of the given major from the npm registry, with better-sqlite3 built for it. Returns the
 * environment that makes `node` that version (also for the processes the suites start) and loads its
 * addon build; throws with the reason when any step fails.
 */
function prepareNode(major) {
  const home = path.join(root, 'node_modules', '.cache', 'nastavnik-node', major);
  const pkg = `node-${process.platform}-${process.arch}`;
  say(`Node.js ${major}: npm install ${pkg}@${major}`);
  const install = ['install', '--prefix', home, '--no-save', '--no-package-lock', '--no-audit', '--no-fund'];
  if (run('npm', [...install, '--loglevel=error', `${pkg}@${major}`]) !== 0) {
    throw new Error(`npm не смог установить ${pkg}@${major}`);
  }
  const nodeDir = path.join(home, 'node_modules', pkg);
  const node = path.join(nodeDir, 'bin', 'node');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith(`v${major}.`)) throw new Error(`${node} --version: «${version}»`);
  if (!existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
    throw new Error(`в ${pkg} нет заголовков include/node`);
  }
  const env = { PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };

  // better-sqlite3 is a V8 addon tied to one Node ABI. Compile a copy of the package against the headers
  // the registry package ships (node-gyp --nodedir: nothing is downloaded), once per version pair.
  const source = realpathSync(path.join(root, 'node_modules', 'better-sqlite3'));
  const { version: sqliteVersion } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  const copy = path.join(home, `better-sqlite3-${sqliteVersion}-${version}`);
  const addon = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(addon)) {
    say(`Node.js ${version}: сборка better-sqlite3 ${sqliteVersion}`);
    rmSync(copy, { recursive: true, force: true });
    cpSync(source, copy, { recursive: true, filter: (f) => f !== path.join(source, 'build') });
    const gyp = nodeGyp();
    // A thousand lines of compiler output: shown only when the build fails.
    const built = spawnSync(node, [gyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '--jobs=max'], {
      cwd: copy,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // npm passes its own nodedir (the machine's Node.js headers) down as an environment variable.
      env: { ...process.env, ...env, npm_config_nodedir: nodeDir },
    });
    if (built.status !== 0 || !existsSync(addon)) {
      process.stdout.write(`${built.stdout ?? ''}${built.stderr ?? ''}${built.error ?? ''}\n`);
      rmSync(copy, { recursive: true, force: true });
      throw new Error('better-sqlite3 не собрался');
    }
  }
  // Whoever asks for node_modules' addon (the `bindings` package, by absolute path) gets this one.
  const preload = path.join(home, `use-better-sqlite3-${sqliteVersion}-${version}.cjs`);
  writeFileSync(
    preload,
    `// Written by scripts/test.mjs for the Node.js ${version} pass.
const Module = require('node:module');
const path = require('node:path');
const from = ${JSON.stringify(path.join(source, 'build', 'Release', 'better_sqlite3.node'))};
const to = ${JSON.stringify(addon)};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (path.isAbsolute(request) && path.resolve(request) === from) return to;
  return resolve.call(this, request, ...rest);
};
`,
  );
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(preload)}`].filter(Boolean);
  return { node, version, env: { ...env, NODE_OPTIONS: nodeOptions.join(' ') } };
}

/** The node-gyp that npm ships and builds native installs with (npm names it when it runs `npm test`). */
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  const globalRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
  if (globalRoot)
    candidates.push(path.join(globalRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const gyp = candidates.find((c) => c && existsSync(c));
  if (!gyp) throw new Error('node-gyp не найден рядом с npm');
  return gyp;
}

const extraNodes = (process.env.TEST_EXTRA_NODE ?? '').split(/[\s,]+/).filter(Boolean);
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
for (const major of extraNodes) {
  const suites = projects.filter((p) => p === 'unit' || p === 'integration');
  let prepared;
  const started = Date.now();
  try {
    prepared = prepareNode(major);
    say(`Node.js ${prepared.version} готов за ${Math.round((Date.now() - started) / 1000)} с`);
  } catch (error) {
    say(`Node.js ${major} не подготовлен: ${error.message}`);
  }
  for (const project of suites) {
    const out = path.join(reports, `${project}-node${major}.json`);
    if (prepared) {
      say(`набор ${project} (Node.js ${prepared.version}, SQLite)`);
      const suiteStarted = Date.now();
      run(prepared.node, [vitest, ...vitestArgs(project, out)], { ...prepared.env, DATABASE_URL: '' });
      say(
        `набор ${project} (Node.js ${prepared.version}): ${Math.round((Date.now() - suiteStarted) / 1000)} с`,
      );
    }
    // Without a prepared Node.js there is no report, and that counts as a failed suite below.
    runs.push({ label: `${project}/node${major}`, out });
  }
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
  // A file that failed to load, or whose setup failed (its tests then count as skipped), still fails the run.
  const f =
    (report.numFailedTests ?? 0) +
    (report.testResults ?? []).filter(
      (r) => r.status === 'failed' && !r.assertionResults?.some((a) => a.status === 'failed'),
    ).length;
  say(`${label}: ${p} прошло, ${f} не прошло`);
  if (p + f === 0) failed += 1;
  passed += p;
  failed += f;
}
if (buildFailures.length) say(`не собрались: ${buildFailures.join(', ')}`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

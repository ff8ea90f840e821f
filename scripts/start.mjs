#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running Nastavnik on SQLite with the seed data.
 * Creates cms/.env with random secrets on first run, builds the shared package, the plugin and the admin
 * panel when they are missing or older than their sources, then starts Strapi and prints the addresses.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cms = path.join(root, 'cms');
const say = (line) => process.stdout.write(`[nastavnik] ${line}\n`);

function ensureEnv() {
  const file = path.join(cms, '.env');
  if (existsSync(file)) return;
  const s = () => randomBytes(24).toString('base64');
  writeFileSync(
    file,
    [
      '# Создан автоматически при первом запуске: случайные секреты этой установки. Не публикуйте файл.',
      `APP_KEYS=${s()},${s()}`,
      `API_TOKEN_SALT=${s()}`,
      `ADMIN_JWT_SECRET=${s()}`,
      `TRANSFER_TOKEN_SALT=${s()}`,
      `JWT_SECRET=${s()}`,
      `ENCRYPTION_KEY=${s()}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  say('создан cms/.env со случайными секретами');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(sourceDir, marker) {
  return !existsSync(marker) || statSync(marker).mtimeMs < newestMtime(sourceDir);
}

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`[nastavnik] команда не выполнена: ${cmd} ${args.join(' ')}\n`);
    process.exit(r.status ?? 1);
  }
}

ensureEnv();
if (isStale(path.join(root, 'shared', 'src'), path.join(root, 'shared', 'dist', 'index.js'))) {
  say('сборка пакета shared…');
  run('npm', ['run', 'build', '-w', '@nastavnik/shared']);
}
if (isStale(path.join(cms, 'plugin', 'server'), path.join(cms, 'plugin', 'dist', 'server', 'index.js'))) {
  say('сборка плагина nastavnik…');
  run('npm', ['run', 'build', '-w', 'strapi-plugin-nastavnik']);
}
if (
  !existsSync(path.join(cms, 'dist', 'build', 'index.html')) ||
  isStale(path.join(cms, 'src'), path.join(cms, 'dist', 'build', 'index.html'))
) {
  say('сборка панели администратора (около минуты)…');
  run('npx', ['strapi', 'build', '--minify'], cms);
}

const port = Number(process.env.PORT ?? 1337);
const base = `http://localhost:${port}`;
// The same variable the host's config/plugins.ts passes to the plugin as its publicPrefix.
const publicSite = `${base}/${(process.env.PUBLIC_SITE_PREFIX ?? 'nastavnichestvo').replace(/^\/+|\/+$/g, '')}`;
say(`запуск Strapi на ${base}…`);
// Strapi's boot makes about 100 MB of short-lived garbage; V8's default 16 MB young generation lets the
// heap grow past 300 MB before collecting it, a 4 MB one keeps the server near 250 MB
// (tests/bench/kpi.mjs measures the server with the same option).
const nodeOptions = [process.env.NODE_OPTIONS, '--max-semi-space-size=4'].filter(Boolean).join(' ');
const child = spawn('npx', ['strapi', 'start'], {
  cwd: cms,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env, NODE_OPTIONS: nodeOptions },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

const started = Date.now();
const poll = setInterval(async () => {
  try {
    const res = await fetch(`${base}/_health`);
    if (res.status < 500) {
      clearInterval(poll);
      say(`готово за ${Math.round((Date.now() - started) / 1000)} с:`);
      say(`  панель администратора: ${base}/admin`);
      say(`  GraphQL:               ${base}/graphql`);
      say(`  REST:                  ${base}/api/nastavnik/…`);
      say(`  публичный раздел:      ${publicSite}/ (демо-школа: ${publicSite}/bor-demo-school/)`);
    }
  } catch {
    /* not listening yet */
  }
}, 1000);

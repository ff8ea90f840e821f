#!/usr/bin/env node
/**
 * npm run backup -- FILE               everything (database content and uploaded files) into one encrypted file
 * npm run restore -- FILE [--force]    that file into an empty instance (--force: replace what is there)
 *       [--ledger FILE]                withdrawals of consent to re-apply (default: CONSENT_LEDGER_FILE)
 *
 * The content is Strapi's own data transfer (what `strapi export` / `strapi import` run: every content type
 * of the plugin and of users-permissions with their relations, draft and published versions, components,
 * media records and the files in public/uploads, the core store). Strapi leaves admin-panel accounts and API
 * tokens out on purpose; the plugin's admin-access records (e-mail → organisation) are in.
 *
 * Strapi's own `--key` encryption is AES-128 in ECB mode with an unsalted key, not authenticated: a changed
 * or truncated file is not noticed. For personal data this script encrypts the archive itself: AES-256-GCM
 * with a key from scrypt over the passphrase and a random salt; the header is authenticated too, and a
 * wrong passphrase or a changed byte refuses the restore before anything is written.
 *
 * The passphrase comes from BACKUP_PASSPHRASE or is asked on the terminal; it is never printed or passed
 * on the command line. The unencrypted archive exists only in a private temporary folder (mode 0700) while
 * the command runs.
 *
 * After a restore, withdrawals of consent recorded after the backup was taken (the ledger kept outside the
 * database, see CONSENT_LEDGER_FILE) are applied again, so a person who withdrew does not come back.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cms = path.join(root, 'cms');
const [command, ...args] = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--ledger');
const say = (line) => process.stderr.write(`[backup] ${line}\n`);

class UsageError extends Error {}

// File layout: MAGIC, log2(N) of scrypt, salt, GCM nonce (together the header, authenticated as AAD),
// then the ciphertext, then the 16-byte GCM tag.
const MAGIC = Buffer.from('NSTVBAK1');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LOG_N = 15;
const HEADER_BYTES = MAGIC.length + 1 + SALT_BYTES + IV_BYTES;
const MIN_PASSPHRASE = 12;

function deriveKey(passphrase, salt, logN) {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

async function encryptFile(plain, target, passphrase) {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([LOG_N]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, LOG_N), iv);
  cipher.setAAD(header);
  const out = createWriteStream(target, { mode: 0o600 });
  out.write(header);
  await pipeline(createReadStream(plain), cipher, out, { end: false });
  await new Promise((resolve, reject) => out.end(cipher.getAuthTag(), (e) => (e ? reject(e) : resolve())));
}

async function decryptFile(source, plain, passphrase) {
  const size = statSync(source).size;
  const handle = await open(source, 'r');
  const header = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    if (size < HEADER_BYTES + TAG_BYTES) throw new UsageError('файл слишком короткий для резервной копии');
    await handle.read(header, 0, HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC))
    throw new UsageError('это не резервная копия «Наставника» (npm run backup)');
  const logN = header[MAGIC.length];
  if (logN < 14 || logN > 20) throw new UsageError('заголовок резервной копии повреждён');
  const salt = header.subarray(MAGIC.length + 1, MAGIC.length + 1 + SALT_BYTES);
  const iv = header.subarray(MAGIC.length + 1 + SALT_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt, logN), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(plain, { mode: 0o600 }),
    );
  } catch {
    // GCM checks the tag at the end: nothing decrypted is used unless the whole file is authentic.
    throw new UsageError('парольная фраза не подходит или файл резервной копии изменён (повреждён)');
  }
}

/** Asks without echo; twice when the passphrase is new (a backup), so a typo does not lock the data away. */
async function askPassphrase(confirm) {
  if (process.env.BACKUP_PASSPHRASE) return process.env.BACKUP_PASSPHRASE;
  if (!process.stdin.isTTY)
    throw new UsageError('укажите парольную фразу в переменной BACKUP_PASSPHRASE или запустите в терминале');
  const ask = (prompt) =>
    new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      let muted = false;
      const write = rl._writeToOutput?.bind(rl);
      // readline echoes each key through _writeToOutput: after the prompt, echo nothing.
      rl._writeToOutput = (s) => (muted ? undefined : write?.(s));
      rl.question(prompt, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  const first = await ask('Парольная фраза резервной копии: ');
  if (confirm && (await ask('Повторите парольную фразу: ')) !== first)
    throw new UsageError('парольные фразы не совпадают');
  return first;
}

async function loadStrapi() {
  // Neither command may add seed data: a backup reads, a restore writes only what the file holds.
  process.env.SEED = 'false';
  process.chdir(cms);
  const requireCms = createRequire(path.join(cms, 'package.json'));
  const strapiPath = requireCms.resolve('@strapi/strapi');
  const { createStrapi, compileStrapi } = requireCms(strapiPath);
  const transfer = createRequire(strapiPath)('@strapi/data-transfer');
  const context = await compileStrapi({ appDir: cms });
  const app = createStrapi({ ...context, autoReload: false, serveAdminPanel: false });
  app.log.level = process.env.STRAPI_LOG_LEVEL ?? 'error';
  await app.load();
  return { app, transfer };
}

/**
 * The types `strapi export` carries: admin-panel types (accounts, their roles, API tokens) are left out, as
 * Strapi's own command does (the engine alone would copy them, and a restore would then duplicate the
 * roles the target instance creates at start).
 */
function officialTypesOnly(transfer) {
  const included = (type) => !transfer.strapi.isIgnoredOfficialTransferType(type);
  return {
    entities: [{ filter: (entity) => included(entity.type) }],
    links: [{ filter: (link) => included(link.left.type) && included(link.right.type) }],
  };
}

async function backup(target, passphrase) {
  const work = mkdtempSync(path.join(tmpdir(), 'nastavnik-backup-'));
  const { app, transfer } = await loadStrapi();
  try {
    const source = transfer.strapi.providers.createLocalStrapiSourceProvider({
      getStrapi: async () => app,
      autoDestroy: false,
    });
    const destination = transfer.file.providers.createLocalFileDestinationProvider({
      file: { path: path.join(work, 'data') },
      encryption: { enabled: false },
      compression: { enabled: true },
    });
    const engine = transfer.engine.createTransferEngine(source, destination, {
      versionStrategy: 'ignore',
      schemaStrategy: 'ignore',
      transforms: officialTypesOnly(transfer),
    });
    const results = await engine.transfer();
    const archive = results.destination?.file?.path;
    if (!archive || !existsSync(archive)) throw new Error('Strapi не создал архив данных');
    await encryptFile(archive, target, passphrase);
    say(`резервная копия записана: ${target} (${summary(results)})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await app.destroy();
  }
}

function summary(results) {
  const stages = results.engine ?? {};
  const count = (stage) => stages[stage]?.count ?? 0;
  return `записей ${count('entities')}, связей ${count('links')}, файлов ${count('assets')}`;
}

async function restore(source, passphrase, { force, ledger }) {
  const work = mkdtempSync(path.join(tmpdir(), 'nastavnik-restore-'));
  const archive = path.join(work, 'data.tar.gz');
  // Decrypted and authenticated before Strapi starts: a wrong passphrase changes nothing.
  await decryptFile(source, archive, passphrase);
  const { app, transfer } = await loadStrapi();
  try {
    const present = await app.db.query('plugin::nastavnik.organisation').count();
    if (present > 0 && !force) {
      throw new UsageError(
        `в базе уже есть данные (организаций: ${present}); восстановление заменит их все. Восстанавливайте в пустой экземпляр или добавьте --force`,
      );
    }
    const engine = transfer.engine.createTransferEngine(
      transfer.file.providers.createLocalFileSourceProvider({
        file: { path: archive },
        encryption: { enabled: false },
        compression: { enabled: true },
      }),
      transfer.strapi.providers.createLocalStrapiDestinationProvider({
        getStrapi: async () => app,
        autoDestroy: false,
        strategy: 'restore',
        // What `strapi import` restores by default: every content type, the files, webhooks and core store.
        restore: {
          entities: {
            exclude: [
              ...Object.keys(app.contentTypes).filter(transfer.strapi.isIgnoredOfficialTransferType),
              ...transfer.strapi.getIgnoredOfficialTransferTypes(),
            ],
          },
          assets: true,
          configuration: { webhook: true, coreStore: true },
        },
      }),
      // A backup of another schema version is refused (strict), never half restored.
      { versionStrategy: 'ignore', schemaStrategy: 'strict', transforms: officialTypesOnly(transfer) },
    );
    engine.onSchemaDiff(async (context, next) => {
      const where = Object.keys(context.diffs).join(', ');
      engine.panic(
        new UsageError(
          `схема данных в копии отличается от этой версии программы (${where}); восстановите той версией, которой копия сделана`,
        ),
      );
      return next(context);
    });
    const results = await engine.transfer();
    await committed(app);
    const { reapplied } = await app.plugin('nastavnik').service('restore').afterRestore(ledger);
    say(
      `восстановлено из ${source} (${summary(results)}); повторно применено отзывов согласия: ${reapplied}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    await app.destroy();
  }
}

/**
 * The transfer's destination ends its database transaction by an event and does not wait for the commit:
 * on PostgreSQL the restored rows become visible a moment after transfer() returns. The transaction holds
 * a pooled connection until it has committed; wait for the pool to be idle (at most a minute).
 */
async function committed(app) {
  const pool = app.db.connection.client.pool;
  for (let waited = 0; pool && pool.numUsed() + pool.numPendingAcquires() > 0; waited += 50) {
    if (waited > 60_000) throw new Error('восстановленные данные не записаны в базу за минуту');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  if (command !== 'export' && command !== 'restore')
    throw new UsageError('команда: export или restore (npm run backup -- FILE, npm run restore -- FILE)');
  if (!file)
    throw new UsageError(
      command === 'export' ? 'укажите файл: npm run backup -- FILE' : 'укажите файл: npm run restore -- FILE',
    );
  const target = path.resolve(file);
  if (!existsSync(path.join(cms, 'plugin', 'dist', 'server', 'index.js')))
    throw new UsageError('плагин не собран: выполните npm run build:server');
  if (command === 'export') {
    if (existsSync(target)) throw new UsageError(`файл уже существует: ${target}`);
    const passphrase = await askPassphrase(true);
    if (passphrase.length < MIN_PASSPHRASE)
      throw new UsageError(`парольная фраза короче ${MIN_PASSPHRASE} символов`);
    await backup(target, passphrase);
  } else {
    if (!existsSync(target)) throw new UsageError(`файл не найден: ${target}`);
    const ledger = option('--ledger');
    await restore(target, await askPassphrase(false), {
      force: args.includes('--force'),
      ledger: ledger ? path.resolve(ledger) : undefined,
    });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    const message = error instanceof UsageError ? error.message : (error?.message ?? String(error));
    process.stderr.write(`Ошибка: ${message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

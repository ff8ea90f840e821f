#!/usr/bin/env node
/**
 * npm run import:roadmap -- FILE [--org SLUG] [--commit] [--replace | --new-version] [--publish]
 *
 * Without --commit: parses the file (DOCX, PDF, HTML or text) and prints the draft with its warnings as JSON
 * on stdout; nothing is written. With --commit: starts the CMS on its configured database and stores the
 * road map for the organisation SLUG in one transaction. Progress goes to stderr. Exit status 2 with a
 * clear message when the input cannot be used.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--org');

/** Prints the message and returns the exit status, for `return fail(…)` in main(). */
const fail = (message, code = 2) => {
  process.stderr.write(`Ошибка: ${message}\n`);
  return code;
};

// A one-line progress bar on stderr (only on a terminal, so logs and pipes stay clean).
const steps = ['чтение файла', 'разбор таблиц', 'проверка', 'запись в базу'];
function progress(step) {
  if (!process.stderr.isTTY) return;
  const done = Math.round(((step + 1) / steps.length) * 30);
  process.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(30 - done)}] ${steps[step]}…        `);
  if (step === steps.length - 1) process.stderr.write('\n');
}

async function main() {
  if (!file) return fail('укажите файл: npm run import:roadmap -- FILE [--org SLUG] [--commit]');
  if (!existsSync(file) || !statSync(file).isFile()) return fail(`файл не найден: ${file}`);
  if (flag('--commit') && !option('--org')) return fail('для записи укажите организацию: --org SLUG');

  const sharedDist = path.join(root, 'shared', 'dist', 'index.js');
  if (!existsSync(sharedDist)) return fail('пакет shared не собран: выполните npm run build:server', 1);
  const { importRoadmap } = await import(sharedDist);
  // Scans (PDFs without text) are recognised by the plugin's OCR when the plugin is built and
  // tesseract is installed; otherwise the engine refuses them with a message that says so.
  // Loaded only when a scan arrives, so that no other import waits for it.
  const ocrModule = path.join(root, 'cms', 'plugin', 'dist', 'server', 'roadmaps', 'ocr.js');
  const ocr = existsSync(ocrModule)
    ? async (pdf) => (await import(pathToFileURL(ocrModule).href)).recognisePdf(pdf)
    : undefined;

  progress(0);
  const data = new Uint8Array(readFileSync(file));
  progress(1);
  const result = await importRoadmap({ data, filename: path.basename(file), ocr });
  progress(2);
  if (!result.ok) return fail(result.error.message);

  if (!flag('--commit')) {
    process.stdout.write(
      JSON.stringify({ format: result.format, draft: result.draft, warnings: result.warnings }, null, 2) +
        '\n',
    );
    process.stderr.write(
      `Мероприятий: ${result.draft.activities.length}, показателей: ${result.draft.kpis.length}, предупреждений: ${result.warnings.length}. Для записи добавьте --commit --org SLUG.\n`,
    );
    return 0;
  }
  return commit(data);
}

/** Stores the road map through the CMS's own import service; returns the exit status. */
async function commit(data) {
  const cms = path.join(root, 'cms');
  process.chdir(cms);
  const require = createRequire(path.join(cms, 'package.json'));
  const { createStrapi, compileStrapi } = require('@strapi/strapi');
  if (!existsSync(path.join(cms, 'dist', 'config'))) await compileStrapi({ appDir: cms });
  const strapi = createStrapi({
    appDir: cms,
    distDir: path.join(cms, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = 'error';
  try {
    await strapi.load();
    const org = await strapi
      .documents('plugin::nastavnik.organisation')
      .findFirst({ filters: { slug: option('--org') } });
    if (!org) return fail(`организация со slug «${option('--org')}» не найдена`);
    progress(3);
    const outcome = await strapi
      .plugin('nastavnik')
      .service('roadmap')
      .import({
        organisation: org.documentId,
        bytes: data,
        filename: path.basename(file),
        dryRun: false,
        onDuplicate: flag('--replace') ? 'replace' : flag('--new-version') ? 'new_version' : 'fail',
        publish: flag('--publish'),
      });
    if (!outcome.committed) return fail(outcome.error?.message ?? 'дорожная карта не записана');
    process.stdout.write(
      JSON.stringify({
        roadmapDocumentId: outcome.roadmapDocumentId,
        version: outcome.version,
        activities: outcome.activitiesCount,
        kpis: outcome.kpisCount,
        warnings: outcome.warnings.length,
      }) + '\n',
    );
    return 0;
  } catch (error) {
    return fail(error.message, 1);
  } finally {
    // The result is already decided and printed; a failing shutdown is reported but changes nothing.
    await strapi
      .destroy()
      .catch((error) =>
        process.stderr.write(`Предупреждение: CMS не остановилась чисто: ${error.message}\n`),
      );
  }
}

/**
 * Exits once stdout and stderr have taken everything written to them. A piped stdout is
 * asynchronous: process.exit() right after a write dropped what the pipe had not yet taken (`| jq`
 * got the JSON cut at 64 KiB). The explicit exit stays for --commit, so that nothing Strapi leaves
 * behind (a database pool, a timer) keeps the process alive. A reader that went away (`| head`)
 * fails the write: that lands here too, instead of as an uncaught EPIPE.
 */
function exitWhenFlushed(code) {
  let open = 2;
  const flushed = () => {
    open -= 1;
    if (open === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

exitWhenFlushed(await main());

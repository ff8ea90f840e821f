#!/usr/bin/env node
/**
 * Regenerates seeds/roadmaps/<organisation slug>.json from the seed documents with the shared
 * import engine, so the CMS seed and the engine cannot drift apart.
 *
 *   npm run build -w @nastavnik/shared && npm run seeds:generate
 *
 * Uses the built package (shared/dist): plain `node`, no TypeScript loader needed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const seeds = new URL('seeds/', root);

let shared;
try {
  shared = await import('@nastavnik/shared');
} catch (error) {
  console.error('Не найдена сборка @nastavnik/shared. Выполните: npm run build -w @nastavnik/shared');
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { importRoadmap } = shared;

// Written as Prettier would, so `npm run format:check` stays green after a regeneration.
const prettier = await import('prettier').catch(() => null);
async function formatJson(value, target) {
  const json = `${JSON.stringify(value, null, 2)}\n`;
  if (!prettier) return json;
  const config = (await prettier.resolveConfig(fileURLToPath(target))) ?? {};
  return prettier.format(json, { ...config, parser: 'json' });
}

const organisations = JSON.parse(await readFile(new URL('organisations.json', seeds), 'utf8'));
const out = new URL('roadmaps/', seeds);
await mkdir(out, { recursive: true });

let failed = 0;
for (const organisation of organisations) {
  if (!organisation.seedDocument) continue;
  const file = organisation.seedDocument;
  const data = new Uint8Array(await readFile(new URL(`documents/${file}`, seeds)));
  const result = await importRoadmap({ data, filename: file });
  if (!result.ok) {
    failed += 1;
    console.error(`${file}: ${result.error.code}: ${result.error.message}`);
    continue;
  }
  const target = new URL(`${organisation.slug}.json`, out);
  const body = {
    source: file,
    organisation: organisation.slug,
    draft: result.draft,
    warnings: result.warnings,
  };
  await writeFile(target, await formatJson(body, target));
  const { draft, warnings } = result;
  console.log(
    `${fileURLToPath(target).replace(fileURLToPath(root), '')}: ${draft.sections.length} sections, ` +
      `${draft.activities.length} activities, ${draft.kpis.length} KPIs, ${draft.contingent.length} contingent snapshots, ` +
      `${draft.workingGroup.length} working-group members, ${warnings.length} warnings`,
  );
}
process.exit(failed > 0 ? 1 : 0);

#!/usr/bin/env node
/**
 * `npm run types:check`: Strapi's generated content-type typings (`cms/types/generated`) are committed so
 * that the plugin's document-service calls are type-checked; this regenerates them from the current
 * schemas into a scratch folder and fails when the committed ones differ. Needs the plugin built
 * (`npm run build:server`), because Strapi loads it to read the schemas.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cms = fileURLToPath(new URL('../cms/', import.meta.url));
const committed = path.join(cms, 'types', 'generated');
const scratch = path.join(cms, '.tmp', 'types-check');

rmSync(scratch, { recursive: true, force: true });
const run = spawnSync(
  'npx',
  ['strapi', 'ts:generate-types', '--silent', '--out-dir', path.relative(cms, scratch)],
  {
    cwd: cms,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const generated = path.join(scratch, 'generated');
if (run.status !== 0 || !existsSync(generated)) {
  process.stderr.write(
    'types:check: Strapi could not generate the typings (is the plugin built? npm run build:server)\n',
  );
  process.exit(1);
}

const names = new Set([...readdirSync(generated), ...(existsSync(committed) ? readdirSync(committed) : [])]);
const stale = [...names].filter((name) => {
  const a = path.join(generated, name);
  const b = path.join(committed, name);
  return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8');
});
rmSync(scratch, { recursive: true, force: true });
if (stale.length) {
  process.stderr.write(
    `types:check: cms/types/generated is out of date (${stale.join(', ')}): run npm run types:generate and commit the result\n`,
  );
  process.exit(1);
}
process.stdout.write('types:check: cms/types/generated matches the content types\n');

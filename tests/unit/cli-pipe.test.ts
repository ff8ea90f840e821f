/**
 * `npm run import:roadmap -- FILE | jq .` through a real pipe (the shell's, 64 KiB of buffer), with
 * the largest seed document, whose JSON is larger than the pipe holds: the CLI has to wait for the
 * reader before it exits, or the reader gets the JSON cut off.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  seedExpectations,
  seedFiles,
  type SeedId,
} from '../../shared/src/roadmap/__tests__/seed-expectations.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'scripts', 'import-roadmap.mjs');
const seedPath = (id: SeedId): string => path.join(root, 'seeds', 'documents', seedFiles[id]);
const largest = (Object.keys(seedFiles) as SeedId[]).reduce((a, b) =>
  statSync(seedPath(b)).size > statSync(seedPath(a)).size ? b : a,
);

// A reader slower than the writer, as `jq` on a busy machine can be: it takes nothing from the pipe
// until the CLI has printed its line on stderr, i.e. until the CLI has written all its JSON and
// would exit. The time limit only keeps a CLI that prints that line later from hanging the test.
const READER = `
const fs = require('node:fs');
const started = Date.now();
const waiting = setInterval(() => {
  const said = fs.existsSync(process.env.CLI_STDERR) ? fs.readFileSync(process.env.CLI_STDERR, 'utf8') : '';
  if (!said.includes('\\n') && Date.now() - started < 20000) return;
  clearInterval(waiting);
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => {
    try {
      console.log(JSON.parse(text).draft.activities.length);
    } catch {
      console.log('not JSON: ' + Buffer.byteLength(text) + ' bytes');
    }
  });
}, 20);
`;

let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'cli-pipe-'));
  // The CLI loads the built shared package; `npm test` builds it first, a lone unit run may not have.
  if (!existsSync(path.join(root, 'shared', 'dist', 'index.js'))) {
    execFileSync('npm', ['run', 'build', '-w', '@nastavnik/shared'], { cwd: root, stdio: 'inherit' });
  }
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import:roadmap CLI piped into a slow reader', () => {
  it('delivers the whole JSON of the largest seed document', { timeout: 60_000 }, () => {
    const stderrFile = path.join(scratch, 'stderr.txt');
    const expected = seedExpectations[largest].activityCount;
    const run = spawnSync('sh', ['-c', '"$NODE" "$CLI" "$SEED" 2>"$CLI_STDERR" | "$NODE" -e "$READER"'], {
      env: {
        ...process.env,
        NODE: process.execPath,
        CLI: cli,
        SEED: seedPath(largest),
        CLI_STDERR: stderrFile,
        READER,
      },
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(String(expected));
    expect(readFileSync(stderrFile, 'utf8')).toMatch(new RegExp(`^Мероприятий: ${expected},`));
  });
});

/**
 * Strapi as a child process (tests/harness/strapi-child.mjs) on a given database, for fault tests that
 * must kill the server for real or keep it running while its database goes away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strapiTestEnv, type TestDatabase } from './strapi.js';

const childScript = fileURLToPath(new URL('./strapi-child.mjs', import.meta.url));

export interface StrapiProcess {
  url: string;
  pid: number;
  /** Everything the process wrote to stderr and stdout so far (Strapi's log). */
  log(): string;
  /**
   * Resolves as soon as the output shows `text` (checked on each chunk as it arrives, so a test can act
   * within milliseconds of a logged statement); rejects after `timeoutMs`.
   */
  waitForOutput(text: string, timeoutMs: number): Promise<void>;
  /** Resolves with the exit signal or code once the process is gone and all its output is read. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

/** Fixed secrets for one test: a restarted server keeps accepting what the first one issued. */
export const processEnv = (database: TestDatabase, env: Record<string, string> = {}) =>
  strapiTestEnv(database, { SEED: 'false', ...env });

export async function spawnStrapi(
  env: Record<string, string>,
  bootTimeoutMs = 120_000,
): Promise<StrapiProcess> {
  const child: ChildProcess = spawn(process.execPath, [childScript], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set<{ text: string; found(): void }>();
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    // Only the new text and what came just before it: the log of an import runs to megabytes.
    const recent = output.slice(-1000) + text;
    output += text;
    for (const w of watchers) if (recent.includes(w.text)) w.found();
  };
  child.stderr?.on('data', take);
  child.stdout?.on('data', take);
  const exited = new Promise<string>((resolve) =>
    child.on('close', (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Strapi не запустился: ${output}`)), bootTimeoutMs);
    child.stdout?.on('data', () => {
      const line = /^\{"url":"([^"]+)"\}$/m.exec(output);
      if (line?.[1]) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`Strapi завершился при запуске (${how}): ${output}`));
    });
  });
  if (child.pid === undefined) throw new Error('Процесс Strapi без pid');
  const pid = child.pid;
  return {
    url,
    pid,
    log: () => output,
    waitForOutput(text, timeoutMs) {
      if (output.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const watcher = {
          text,
          found() {
            watchers.delete(watcher);
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          watchers.delete(watcher);
          reject(new Error(`За ${timeoutMs} мс в журнале Strapi не появилось: ${text}`));
        }, timeoutMs);
        watchers.add(watcher);
      });
    },
    exited,
    kill(signal) {
      child.kill(signal);
      return exited;
    },
  };
}

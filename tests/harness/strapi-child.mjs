#!/usr/bin/env node
/**
 * Strapi in a process of its own, for tests that kill it (`kill -9`) or watch it survive a database
 * outage: boots the host app (cms/, compiled by the test run's global setup) exactly as
 * tests/harness/strapi.ts does in-process, listens on a free loopback port and prints one JSON line
 * `{"url": …}` on stdout. Configuration comes from the environment the parent passes.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cmsDir = fileURLToPath(new URL('../../cms', import.meta.url));
const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [cmsDir] }));

process.chdir(cmsDir);
const strapi = createStrapi({
  appDir: cmsDir,
  distDir: path.join(cmsDir, 'dist'),
  autoReload: false,
  serveAdminPanel: false,
});
strapi.log.level = process.env.STRAPI_LOG_LEVEL ?? 'warn';
await strapi.load();
strapi.server.mount();
const httpServer = strapi.server.httpServer;
await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${httpServer.address().port}` })}\n`);

// With --expose-gc (the soak): SIGUSR2 collects garbage and prints the heap still in use, the measure
// of a leak that RSS (which the allocator keeps once grown) is not.
if (typeof globalThis.gc === 'function')
  process.on('SIGUSR2', () => {
    globalThis.gc();
    const { heapUsed } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ heapUsedMb: Math.round(heapUsed / 1048576) })}\n`);
  });

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

/**
 * What another Strapi site installs: `npm pack` of the shared package and the plugin, installed into a
 * freshly written Strapi 5 host app (plain JavaScript, no workspace), booted for real, and asked over
 * GraphQL for the plugin's types.
 *
 * The host is installed without hoisting (`--install-strategy=linked`, an isolated layout: every package
 * sees only what it declares, its peers and nothing else), so a module the plugin imports but does not
 * list in its package.json fails here instead of working by luck of the host's hoisted node_modules. The
 * test also names such modules itself: it reads every `require("…")` of the packed dist/ and checks each
 * bare one is declared and resolves from the installed plugin. (`nested` is as strict but installs some
 * 8,600 packages against 1,450, and takes minutes longer to install and delete.)
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'nastavnik-pack-'));
const host = path.join(work, 'host');

// Some 1,500 linked packages: removing them takes minutes on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 600_000);

function pack(workspace: string): string {
  const out = execFileSync('npm', ['pack', '-w', workspace, '--pack-destination', work, '--silent'], {
    cwd: root,
    encoding: 'utf8',
  });
  const file = out.trim().split('\n').pop();
  if (!file) throw new Error(`npm pack ${workspace} named no file`);
  return path.join(work, file);
}

/** Every bare module (not relative, not a Node built-in) that the compiled plugin requires at run time. */
function bareImports(dir: string): Map<string, { spec: string; file: string }> {
  const found = new Map<string, { spec: string; file: string }>(); // package name -> a use of it
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)) {
      if (spec.startsWith('.') || isBuiltin(spec)) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
      if (!found.has(name)) found.set(name, { spec, file: path.relative(dir, file) });
    }
  }
  return found;
}

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface GraphqlAnswer {
  errors?: unknown;
  data: { nastavnikOrganisations: unknown[]; __type: { fields: Array<{ name: string }> } };
}

function writeHost(tarballs: string[]) {
  mkdirSync(path.join(host, 'config'), { recursive: true });
  mkdirSync(path.join(host, 'src'), { recursive: true });
  mkdirSync(path.join(host, 'public', 'uploads'), { recursive: true });
  const rootPkg = JSON.parse(
    execFileSync('node', ['-p', 'JSON.stringify(require("./cms/package.json"))'], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as Manifest;
  const deps: Record<string, string> = { ...rootPkg.dependencies };
  delete deps['strapi-plugin-nastavnik'];
  writeFileSync(
    path.join(host, 'package.json'),
    JSON.stringify(
      {
        name: 'some-school-site',
        private: true,
        version: '1.0.0',
        dependencies: {
          ...deps,
          ...Object.fromEntries(
            tarballs.map((t) => [
              path.basename(t).startsWith('strapi-plugin') ? 'strapi-plugin-nastavnik' : '@nastavnik/shared',
              `file:${t}`,
            ]),
          ),
        },
      },
      null,
      2,
    ),
  );
  const js = (name: string, body: string) => writeFileSync(path.join(host, name), body);
  js(
    'config/database.js',
    `module.exports = () => ({ connection: { client: 'sqlite', connection: { filename: '.tmp/data.db' }, useNullAsDefault: true } });`,
  );
  js(
    'config/server.js',
    `module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT'), app: { keys: ['a1', 'b2'] } });`,
  );
  js(
    'config/admin.js',
    `module.exports = () => ({ auth: { secret: 'admin-secret' }, apiToken: { salt: 's1' }, transfer: { token: { salt: 's2' } }, secrets: { encryptionKey: 'k'.repeat(32) } });`,
  );
  js(
    'config/middlewares.js',
    `module.exports = ['strapi::logger','strapi::errors','strapi::security','strapi::cors','strapi::poweredBy','strapi::query','strapi::body','strapi::session','strapi::favicon','strapi::public'];`,
  );
  js(
    'config/plugins.js',
    `module.exports = () => ({ nastavnik: { enabled: true }, graphql: { config: { depthLimit: 10, maxLimit: 100 } }, 'users-permissions': { config: { jwtSecret: 'jwt-secret' } } });`,
  );
  // The one line an installing site adds: run the plugin's setup once every plugin has bootstrapped.
  js(
    'src/index.js',
    `module.exports = { register() {}, async bootstrap({ strapi }) { await strapi.plugin('nastavnik').service('setup').afterPluginsBootstrap(); } };`,
  );
}

describe('the packed plugin', () => {
  it(
    'installs into a fresh Strapi host and serves its types over GraphQL',
    { timeout: 900_000 },
    async () => {
      const tarballs = [pack('@nastavnik/shared'), pack('strapi-plugin-nastavnik')];
      const [, pluginTarball = ''] = tarballs;
      const listing = execFileSync('tar', ['-tzf', pluginTarball], { encoding: 'utf8' });
      expect(listing).toContain('package/dist/server/index.js');
      expect(listing).toContain('package/strapi-server.js');
      expect(listing).not.toContain('server/src/');
      // The admin screens ship compiled, not as sources for the host to compile.
      expect(listing).toContain('package/dist/admin/index.js');
      expect(listing).not.toContain('admin/src/');

      writeHost(tarballs);
      execFileSync(
        'npm',
        [
          'install',
          '--install-strategy=linked',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          '--loglevel=error',
        ],
        { cwd: host, stdio: 'inherit' },
      );
      const installed = realpathSync(path.join(host, 'node_modules', 'strapi-plugin-nastavnik'));
      expect(readdirSync(path.join(installed, 'dist', 'server'))).toContain('index.js');
      // Proof that nothing was hoisted: Strapi's own dependencies are not in the host's node_modules.
      expect(existsSync(path.join(host, 'node_modules', '@strapi', 'core'))).toBe(false);

      // Each bare import is declared by the plugin and resolves from where the plugin is installed.
      const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Manifest;
      const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
      const requireFromPlugin = createRequire(path.join(installed, 'package.json'));
      const problems: string[] = [];
      for (const [name, { spec, file }] of bareImports(path.join(installed, 'dist'))) {
        if (!declared.has(name)) problems.push(`${name} (${file}): не объявлен в package.json плагина`);
        try {
          requireFromPlugin.resolve(spec);
        } catch {
          problems.push(`${name} (${file}): не находится из установленного плагина`);
        }
      }
      expect(problems).toEqual([]);
      // The host's admin build finds the screens as Strapi looks for them, and the modules they import are
      // the plugin's dependencies or peers that Strapi's admin provides.
      expect(
        createRequire(path.join(host, 'package.json')).resolve('strapi-plugin-nastavnik/strapi-admin'),
      ).toBe(path.join(installed, 'dist', 'admin', 'index.js'));
      const adminImports = new Set<string>();
      for (const entry of readdirSync(path.join(installed, 'dist', 'admin'), {
        recursive: true,
        withFileTypes: true,
      })) {
        if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
        const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        for (const [, spec = ''] of text.matchAll(/\bfrom ["']([^"'.][^"']*)["']/g)) {
          const parts = spec.split('/');
          adminImports.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec));
        }
      }
      expect([...adminImports].filter((name) => !declared.has(name))).toEqual([]);
      // The plugin tells expected errors from unexpected ones by instanceof, against Strapi's error classes
      // and GraphQL's: that works only if it loads the very copies Strapi and its GraphQL plugin load.
      const via = (...chain: string[]) =>
        chain.reduce((from, name) => createRequire(from).resolve(name), path.join(host, 'package.json'));
      expect(requireFromPlugin.resolve('@strapi/utils')).toBe(
        via('@strapi/strapi', '@strapi/core', '@strapi/utils'),
      );
      expect(requireFromPlugin.resolve('graphql')).toBe(
        via('@strapi/plugin-graphql/package.json', 'graphql'),
      );

      const port = 20000 + Math.floor(Math.random() * 20000);
      const server = spawn(
        'node',
        [
          '-e',
          `require('@strapi/strapi').createStrapi({ appDir: process.cwd(), distDir: process.cwd() }).start()`,
        ],
        {
          cwd: host,
          env: {
            ...process.env,
            PORT: String(port),
            NODE_ENV: 'development',
            DATABASE_URL: '',
            DATABASE_CLIENT: '',
          },
          stdio: 'pipe',
        },
      );
      let log = '';
      const serverState = { exited: false };
      server.on('exit', () => (serverState.exited = true));
      server.stdout.on('data', (d: Buffer) => (log += d.toString()));
      server.stderr.on('data', (d: Buffer) => (log += d.toString()));
      try {
        let body: GraphqlAnswer | undefined;
        for (let i = 0; i < 120 && !body && !serverState.exited; i++) {
          await new Promise((r) => setTimeout(r, 1000));
          try {
            const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                query:
                  '{ nastavnikOrganisations { name } __type(name: "NastavnikRoadmapActivity") { fields { name } } }',
              }),
            });
            body = (await res.json()) as GraphqlAnswer;
          } catch {
            /* not up yet */
          }
        }
        if (!body) throw new Error(`the host did not answer GraphQL:\n${log.slice(-3000)}`);
        expect(body.errors).toBeUndefined();
        expect(body.data.nastavnikOrganisations).toEqual([]);
        expect(body.data.__type.fields.map((f) => f.name)).toEqual(
          expect.arrayContaining(['code', 'deadlineText', 'activityStatus']),
        );
        const persons = await fetch(`http://127.0.0.1:${port}/api/nastavnik/persons`);
        expect(persons.status).toBe(403);
      } finally {
        server.kill('SIGTERM');
      }
    },
  );
});

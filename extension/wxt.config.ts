import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

const sharedSrc = fileURLToPath(new URL('../shared/src', import.meta.url));
// Browser tests build a variant that may read the local fixture and CMS servers without a permission
// prompt (headless Chromium cannot click «Allow»). Otherwise identical to the production build.
const e2e = process.env['NASTAVNIK_E2E'] === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a reader (and a search) sees where `browser`, `storage` and helpers come from.
  imports: false,
  // Firefox too: sidebar_action, scripting and storage.session all exist in Firefox MV3.
  manifestVersion: 3,
  // The extension compiles shared/ from source, so building it needs no `npm run build -w @nastavnik/shared`,
  // and importing a subpath (`@nastavnik/shared/capture`) keeps the CMS-only parts out of the bundle.
  alias: { '@nastavnik/shared': sharedSrc },
  ...(e2e ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' } : {}),
  manifest: ({ browser }) => ({
    name: 'Наставник',
    description:
      'Боковая панель «Наставника»: перенос списков классов, оценок и посещаемости из электронных журналов, дорожных карт и кейсов со страниц сайтов в систему наставничества.',
    // unlimitedStorage: a queued school-wide list must not be lost to the 10 MB quota while offline.
    // No host access by default: the current tab is reached through activeTab + scripting, other
    // sites (e-journals, the Nastavnik server) are asked for one by one when the user needs them.
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: e2e ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    action: { default_title: 'Открыть панель «Наставник»' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nastavnik@nastavnik.example',
              strict_min_version: '128.0',
              // Captured class lists hold pupils' names; they go only to the user's own Nastavnik server.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  zip: {
    name: 'nastavnik',
    // AMO reviewers rebuild from sources: shared/ is part of the extension's source.
    sourcesRoot: fileURLToPath(new URL('..', import.meta.url)),
    includeSources: [
      'extension/**',
      'shared/src/**',
      'shared/package.json',
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
    ],
    excludeSources: ['**/__tests__/**', '**/__fixtures__/**', 'extension/.output/**'],
  },
});

import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const sharedSrc = fileURLToPath(new URL('./shared/src/', import.meta.url));

// Tests import @nastavnik/shared from source, so a unit run needs no build step.
const alias = [
  { find: /^@nastavnik\/shared$/, replacement: `${sharedSrc}index.ts` },
  { find: /^@nastavnik\/shared\/(.*)$/, replacement: `${sharedSrc}$1.ts` },
];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'cms/plugin/server/src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
          ],
          environment: 'node',
          // CPU-bound tests (fuzzing, DOCX generation) share two cores with the rest of CI.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/security/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.test.ts'],
          environment: 'node',
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
        },
      },
      // The extension's own config (WxtVitest: its aliases and the fake browser), under the same name.
      { extends: './extension/vitest.config.mts', test: { name: 'extension' } },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Run from the repository root too (the root config lists this file as a project), so every path
// is anchored here rather than at the working directory.
const root = fileURLToPath(new URL('.', import.meta.url));

// WxtVitest applies wxt.config.ts (aliases, React) and swaps `wxt/browser` for an in-memory fake browser.
export default defineConfig({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    name: 'extension',
    root,
    include: ['**/__tests__/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '.output/**'],
    environment: 'happy-dom',
  },
});

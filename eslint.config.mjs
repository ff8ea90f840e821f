// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs'];
// Tool configs are read by their tool, not compiled by any package's tsconfig: linted without types.
const configFiles = ['*.config.*', '**/*.config.*'];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'extension/.output/**',
      'extension/.wxt/**',
      'cms/.strapi/**',
      'cms/.tmp/**',
      'cms/types/generated/**',
      'test-results/**',
      'coverage/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each package's own tsconfig (shared, cms/plugin, cms, tests, extension) is found next to the file.
        projectService: {
          // Strapi's admin entry is left out of cms/tsconfig.json on purpose (Strapi bundles it itself).
          allowDefaultProject: ['cms/src/admin/*.tsx'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `T[]` for simple element types, `Array<{ ... }>` for object and union types: the codebase's
      // existing habit, and easier to read than `{ ... }[]`.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // `env['KEY']`, `dataset['x']`, `result['key']`: brackets mark a key from an index signature,
      // which may be absent.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // `onClick={() => setTab(name)}`: an arrow returning a void call is the idiom for handlers and callbacks.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `${count}` is how messages and URLs are built here; numbers print unambiguously.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // For text an empty string means "not given" (a blank env variable, an organisation without a short
      // name), and `a || b` says exactly that; `??` stays required for numbers, booleans and objects.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // `_`-prefixed names mark a parameter kept for its position or a value deliberately dropped.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Plain JavaScript (scripts, benches, the plugin's CommonJS entry) and tool configs: no type information.
  {
    files: [...jsFiles, ...configFiles],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: jsFiles,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', 'cms/plugin/strapi-server.js'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS on purpose (Strapi loads a plugin's entry with require): `require` is its import.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    files: [
      'extension/**/*.ts',
      'extension/**/*.tsx',
      'cms/plugin/admin/**/*.ts',
      'cms/plugin/admin/**/*.tsx',
    ],
    // Hooks live in .ts files too (panel/hooks), so the rules of hooks cover both.
    extends: [reactHooks.configs.flat.recommended],
  },
);

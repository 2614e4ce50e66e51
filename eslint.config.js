import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettierConfig from 'eslint-config-prettier';

const forgePlatformImports = {
  patterns: [
    {
      group: ['@forge/*'],
      message: 'Only src/platform (adapters) and src/handlers may import @forge/*; domain and app code stay pure.',
    },
  ],
};

/** Only handlers speak the wire: use cases and adapters work in domain types and read models. */
const noContracts = {
  group: ['**/contracts', '**/contracts/**', '@contracts/*'],
  message: 'Only src/handlers (and the UI) import src/contracts; map to and from domain types in the handler.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'static/*/dist',
      'static/dist',
      'static/dist-glance',
      '.local-data',
      'coverage',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**', 'src/contracts/**'],
    rules: { 'no-restricted-imports': ['error', forgePlatformImports] },
  },
  {
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...forgePlatformImports.patterns, noContracts] }] },
  },
  {
    files: ['src/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noContracts] }] },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forgePlatformImports.patterns,
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto'], message: 'src/domain is pure: no I/O.' },
            {
              group: ['**/app/**', '**/platform/**', '**/handlers/**'],
              message: 'src/domain depends on nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The reference model of the model-based suite shares no beliefs with the code it checks.
    files: ['test/model/reference/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '**/local/**'],
              allowTypeImports: true,
              message: 'the reference model imports only types',
            },
          ],
        },
      ],
    },
  },
  {
    // A function a reader can hold at once: about one screen (issue 13). Lines as written, comments
    // and blank lines included, the same count as scripts/structure-report.ts prints.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }] },
  },
  {
    // The Custom UI: browser code that may import src/contracts and pure src/domain helpers only.
    files: ['static/src/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['static/src/**/*.{ts,tsx}'],
    // The glance's entry is its own bundle's host adapter (no Host object: it only invokes).
    ignores: ['static/src/host/forge-host.ts', 'static/src/glance/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forge/*'],
              message: 'Only static/src/host/forge-host.ts talks to @forge/bridge; components use the Host.',
            },
            {
              group: ['**/src/app/**', '**/src/platform/**', '**/src/handlers/**'],
              message: 'static/ may import src/contracts and src/domain only (DESIGN.md).',
            },
            {
              group: ['**/src/contracts/**', '**/src/domain/**'],
              message: 'Name them by alias: @contracts/… and @domain/… (static/aliases.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  // Layout belongs to Prettier (its check runs in `npm run lint`); no stylistic lint rules.
  prettierConfig,
);

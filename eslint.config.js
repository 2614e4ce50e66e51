import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forgePlatformImports = {
  patterns: [
    {
      group: ['@forge/*'],
      message: 'Only src/platform (adapters) and src/handlers may import @forge/*; domain and app code stay pure.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'static/*/dist', 'static/dist', '.local-data', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**', 'src/app/**', 'src/contracts/**'],
    rules: { 'no-restricted-imports': ['error', forgePlatformImports] },
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
            { group: ['**/app/**', '**/platform/**', '**/handlers/**'], message: 'src/domain depends on nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Prints the reliability suite's figures (cases, faults injected, losses) after the run.
    globalSetup: ['test/reliability/support/figures-summary.ts'],
  },
});

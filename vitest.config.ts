import { defineConfig } from 'vitest/config';
import { sourceAliases } from './static/aliases';

export default defineConfig({
  // test/ui imports the UI's modules, which name contracts and domain by alias.
  resolve: { alias: sourceAliases },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    // Caps against hangs, not speed budgets: tests wait on conditions, and the suite must pass on a
    // loaded machine (two `npm test` at once on 2 cores). Timing lives in `npm run bench`.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Prints the reliability suite's figures (cases, faults injected, losses) after the run.
    globalSetup: ['test/reliability/support/figures-summary.ts'],
  },
});

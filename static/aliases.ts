/// <reference types="node" />
import { fileURLToPath } from 'node:url';

/**
 * The two parts of `src` the Custom UI may import (DESIGN.md), by name instead of by
 * `../../../../src/…`. One definition for Vite (both resources) and vitest; static/tsconfig.json
 * declares the same `paths` for the type checker.
 */
export const sourceAliases = [
  { find: /^@contracts\//, replacement: fileURLToPath(new URL('../src/contracts/', import.meta.url)) },
  { find: /^@domain\//, replacement: fileURLToPath(new URL('../src/domain/', import.meta.url)) },
];

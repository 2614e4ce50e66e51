/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sourceAliases } from './aliases';
import { zodWithoutJsonSchema } from './zod-without-json-schema';

/**
 * The issue glance (jira:issueContext) as its own Custom UI resource, `glance` → static/dist-glance:
 * plain DOM, `@forge/bridge` and the one contract it calls. In Jira it loads beside the issue panel
 * on every issue view, and the two frames share one renderer thread, so it does not evaluate
 * React, Atlaskit and the app shell a second time. `npm run build:ui` builds both resources.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./glance', import.meta.url)),
  base: './',
  plugins: [zodWithoutJsonSchema()],
  resolve: { alias: sourceAliases },
  build: {
    outDir: fileURLToPath(new URL('./dist-glance', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One small file: the bridge, zod and the contract load together, nothing on demand.
    modulePreload: false,
    // scripts/ui-bundle-size.ts reads it.
    manifest: true,
  },
  server: { port: 5174, strictPort: true },
});

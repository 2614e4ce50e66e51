/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { sourceAliases } from './aliases';
import { zodWithoutJsonSchema } from './zod-without-json-schema';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Where a Custom UI resource's translations index is: `@forge/bridge` (`i18n`, out/i18n/index.js)
 * fetches `./${I18N_BUNDLE_FOLDER_NAME}/${I18N_INFO_FILE_NAME}` of `@forge/i18n`'s constants, relative
 * to the resource (the docs, mirror/apis-reference/ui-api-bridge/i18n/index.md, do not name the
 * path; the local host serves the same, local/i18n.ts). A wrong path would cost one unused request.
 */
const FORGE_I18N_INFO = '__LOCALES__/i18n-info.json';

/**
 * The entry loads the app shell (src/app/start.tsx: React, the client, the router) with import(),
 * so that it can ask Jira for the context before evaluating all that. Without a hint the shell
 * would only start downloading once the entry has run; these modulepreload links fetch it in
 * parallel with the entry (downloaded and parsed, evaluated only when imported).
 */
function preloadShell(): Plugin {
  return {
    name: 'sentio-preload-shell',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const shell = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (shell === undefined) return html;
        const files = new Set<string>();
        const visit = (file: string): void => {
          if (files.has(file)) return;
          files.add(file);
          const chunk = chunks.find((c) => c.fileName === file);
          for (const dep of chunk?.imports ?? []) visit(dep);
        };
        visit(shell.fileName);
        const tags = [
          // The bridge's i18n fetches this file only once it has the context (to know the locale),
          // and the locale's file only after it: asked for here, it is on its way with the entry.
          // `crossorigin` gives the preload the credentials mode of the bridge's `fetch()`, so the
          // fetch takes the preloaded answer.
          `<link rel="preload" href="./${FORGE_I18N_INFO}" as="fetch" crossorigin>`,
          ...[...files]
            .filter((f) => !html.includes(`/${f}"`))
            .map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
        ];
        return html.replace(/\n?\s*<\/head>/, `\n    ${tags.join('\n    ')}\n  </head>`);
      },
    },
  };
}

export default defineConfig({
  root: here,
  // Forge serves a Custom UI resource from a sub-path of its own CDN, so every asset URL is relative.
  base: './',
  plugins: [react(), preloadShell(), zodWithoutJsonSchema()],
  resolve: {
    alias: [
      ...sourceAliases,
      // See src/host/feature-gates-stub.ts: the gate client is never initialised in a Forge app.
      {
        find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/,
        replacement: fileURLToPath(new URL('./src/host/feature-gates-stub.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The budget is checked by scripts/ui-bundle-size.ts per view; this only keeps Vite quiet.
    chunkSizeWarningLimit: 600,
    sourcemap: false,
    // scripts/ui-bundle-size.ts reads it to add up what each view loads first.
    manifest: true,
  },
  server: { port: 5173, strictPort: true },
});

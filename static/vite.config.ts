/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Forge serves a Custom UI resource from a sub-path of its own CDN, so every asset URL is relative.
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // See src/host/feature-gates-stub.ts: the gate client is never initialised in a Forge app.
      { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: fileURLToPath(new URL('./src/host/feature-gates-stub.ts', import.meta.url)) },
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

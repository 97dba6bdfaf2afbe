/**
 * Build of the web app into dashboard/dist, served by the server at `/`. Preact's JSX is
 * compiled by Vite's own transform (oxc), so no Babel-based preset is needed for a build.
 * `npm run dev:dashboard` serves it with the API proxied to a Dash on port 3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 300 },
  server: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
});

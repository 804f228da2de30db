import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const API = process.env.CONSOLE_API_URL ?? 'http://localhost:3000';

/** Prints the gzipped size of the JavaScript the first screen loads (budget: 350 KB). */
function firstScreenBudget(): Plugin {
  let outDir = 'dist';
  return {
    name: 'first-screen-budget',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
      const bytes = scripts.reduce(
        (sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length,
        0,
      );
      const kb = (bytes / 1024).toFixed(1);
      const all = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')).length;
      console.log(
        `console: first screen JavaScript ${kb} KB gzipped (${scripts.length} of ${all} chunks)`,
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), firstScreenBudget()],
  // The domain's labels and types are shared with the API, never copied.
  resolve: { alias: { '@cchc/domain': resolve(__dirname, '../../libs/domain/index.ts') } },
  server: { proxy: { '/api': { target: API, rewrite: (path) => path.replace(/^\/api/, '') } } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  test: { environment: 'jsdom', globals: true, include: ['src/**/*.test.{ts,tsx}'] },
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspDirectives } from './src-main/platform/csp';

// The page's CSP comes from the one list in src-main/platform/csp.ts (file:// pages in Electron get
// no HTTP header, so the meta tag is what protects them). frame-ancestors is header-only.
const cspMeta = (): Plugin => ({
  name: 'monps-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: cspDirectives
          .filter(([k]) => k !== 'frame-ancestors')
          .map(([k, v]) => `${k} ${v}`)
          .join('; '),
      },
      injectTo: 'head-prepend',
    },
  ],
});

// main: the Electron entry and the worker thread (out/main/index.js, out/main/worker.js);
// preload: one bundled CommonJS file, as a sandboxed preload must be;
// renderer: the React app, also served by the headless server.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          worker: resolve(__dirname, 'src-main/app/worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});

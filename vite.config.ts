/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { wasmThreadsPlugin } from './scripts/wasmThreadsPlugin.mjs';
import { ISOLATION_HEADERS } from './src/offline/policy.js';

// base './' so `npm run build` output works from any static host and any sub-path.
export default defineConfig({
  base: './',
  // Cross-origin isolation (SharedArrayBuffer, so tfjs-wasm's threaded build) in `npm start`
  // and `npm run preview`; static hosts that send no headers get them from the service worker
  // (src/offline/sw.ts).
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // The threaded wasm factory made self-contained (scripts/wasmThreadsPlugin.mjs) in the dev
  // server's pre-bundled dependencies too.
  optimizeDeps: { rolldownOptions: { plugins: [wasmThreadsPlugin()] } },
  plugins: [
    wasmThreadsPlugin(),
    react(),
    // The offline service worker (src/offline/sw.ts): vite-plugin-pwa (Workbox) supports Vite 8
    // and writes the precache list of the build into it. Build only; registered by
    // src/offline/registerServiceWorker.ts (no web app manifest, no injected register script).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        // The app shell, hashed JS/CSS, tfjs .wasm files, fonts and MNIST (public/data, ~11 MB).
        globPatterns: ['**/*.{html,js,css,wasm,woff2,woff,ttf,svg,png,ico,json,gz}'],
        // train-images.idx.gz is ~9.6 MB; Workbox's default limit (2 MiB) would drop it.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      },
    }),
  ],
  // tfjs runs in the workers, which Vite bundles with their own plugin list.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

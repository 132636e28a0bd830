import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cspMetaPlugin } from './scripts/build/contentSecurityPolicy';

/**
 * `base` is the sub-path the site is served under (GitHub Pages serves `https://<user>.github.io/<repo>/`).
 * Relative `./` works under any sub-path; set CNN_PLAYGROUND_BASE to pin an absolute one.
 */
export default defineConfig({
  base: process.env.CNN_PLAYGROUND_BASE ?? './',
  plugins: [
    react(),
    cspMetaPlugin(),
    // Offline after the first visit: the service worker precaches the app shell, the training worker,
    // the WebAssembly files, the bundled datasets and the pretrained bases (about 20 MB, fetched in the
    // background once; a later deploy updates only what changed). Relative URLs, so any sub-path works.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'CNN Playground',
        short_name: 'CNN Playground',
        description: 'Build, train and look inside the classic convolutional networks in your browser.',
        theme_color: '#13233a',
        background_color: '#f7f7f4',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,webmanifest}', 'data/**/*.{json,gz}', 'models/**/*.{json,bin}'],
        // The training worker bundle (tfjs) is ~2.2 MB and dataset shards ~1.3 MB.
        maximumFileSizeToCacheInBytes: 8 * 2 ** 20,
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});

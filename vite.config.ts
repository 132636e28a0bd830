import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cspMetaPlugin } from './scripts/build/contentSecurityPolicy';
import { wasmThreadsPlugin } from './scripts/build/wasmThreads';
import { keepOnDemandSizes } from './scripts/build/onDemandManifest';
import { buildIdPlugin } from './scripts/build/buildId';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './src/sw/isolation';

/**
 * `base` is the sub-path the site is served under (GitHub Pages serves `https://<user>.github.io/<repo>/`).
 * Relative `./` works under any sub-path; set CNN_PLAYGROUND_BASE to pin an absolute one.
 */
export default defineConfig({
  base: process.env.CNN_PLAYGROUND_BASE ?? './',
  plugins: [
    react(),
    cspMetaPlugin(),
    buildIdPlugin(),
    // Offline after the first visit, one download per byte: the service worker (src/sw/sw.ts) precaches
    // the app shell only; datasets and pretrained models are cached on first use (cache-first by
    // revision) or by the "make available offline" action. It also adds COOP/COEP, so that GitHub
    // Pages serves a cross-origin-isolated page (threads for WASM). Relative URLs: any sub-path works.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // src/ui/serviceWorker.ts registers it through `virtual:pwa-register` (and reloads once into
      // isolation on a first visit). 'prompt': a new deployment waits until the page's Reload (src/ui/update/).
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'CNN Playground',
        short_name: 'CNN Playground',
        description: 'Build, train and look inside the classic convolutional networks in your browser.',
        theme_color: '#13233a',
        background_color: '#f7f7f4',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        // Data and models are listed (with revision and size) but not precached: see src/sw/offlineProtocol.ts.
        globPatterns: ['**/*.{js,css,html,wasm,svg,webmanifest}', 'data/**/*.{json,gz}', 'models/**/*.{json,bin}'],
        // The training worker bundle (tfjs) is ~2.3 MB and dataset shards ~1.3 MB.
        maximumFileSizeToCacheInBytes: 8 * 2 ** 20,
        manifestTransforms: [keepOnDemandSizes],
      },
    }),
  ],
  // Worker bundles have their own plugin list: the training worker holds tfjs' threaded WASM backend.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // Cross-origin isolated (SharedArrayBuffer, WASM threads) in development and preview as on the deployed site.
  server: { headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS } },
  preview: { port: 4173, strictPort: true, headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A deadline for hangs, not a speed check: engine.test's LeNet-5 round trip takes ~30 s on the CPU backend
    // alone and passed 60 s with two forks, other work and CI's background venv install on 2 cores.
    testTimeout: 180_000,
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: on a 2-core CI machine that is a single fork, and the
    // suite (tfjs on Node's CPU backend, single-threaded) ran on one core while the other idled.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { wasmThreadsPlugin } from '../build/wasmThreads';

/**
 * The bench page (scripts/bench/page/), built by `npm run bench` only, never by the app's build. It
 * imports the engine from src/ and is served next to the app build, whose data shards it reads.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // As the app's build: the engine and bench workers hold tfjs' threaded WASM backend.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../bench-results/site/bench', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});

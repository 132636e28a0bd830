import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * `base` is the sub-path the site is served under (GitHub Pages serves `https://<user>.github.io/<repo>/`).
 * Relative `./` works under any sub-path; set CNN_PLAYGROUND_BASE to pin an absolute one.
 */
export default defineConfig({
  base: process.env.CNN_PLAYGROUND_BASE ?? './',
  plugins: [react()],
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

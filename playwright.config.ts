import { cpus } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/chromium';

/** Parallel local runs (several engineers on one machine) each pick their own port and build folder. */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUTDIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: true,
  fullyParallel: false,
  // Two spec files side by side on a machine with ≥ 2 cores: measured on this 2-core machine, the whole
  // suite took 13.8 min with two workers against 18.7 with one (most tests wait on one WASM thread or on
  // the page); E2E_WORKERS=1 runs one file at a time.
  workers: Number(process.env.E2E_WORKERS ?? Math.min(2, Math.max(1, cpus().length))),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    // The service worker precaches the app shell (~4 MB) in the background of every fresh page; only
    // e2e/deploy.spec.ts and e2e/bytesOnce.spec.ts, which test offline use and the bytes sent, let it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumExecutable,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../scripts/bench/staticServer';

/**
 * WASM threads in the minified production build: the preview server sends COOP/COEP (as the service
 * worker does on GitHub Pages, e2e/bytesOnce.spec.ts), so the page is cross-origin isolated and tfjs'
 * threaded SIMD build runs XNNPACK's pool with a thread per core; without isolation: one thread, said.
 */
const outDir = process.env.E2E_OUTDIR ?? 'dist';

test('an isolated page trains LeNet-5 on the threaded WASM build, one thread per core', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || /worker sent an error/i.test(m.text())) errors.push(m.text());
  });
  // `cores=threads`: XNNPACK's pool (the default trains data-parallel on workers, tested below).
  await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=1280&cores=threads');
  const { isolated, cores } = await page.evaluate(() => ({ isolated: globalThis.crossOriginIsolated, cores: navigator.hardwareConcurrency }));
  expect(isolated).toBe(true);
  const threads = Math.min(8, cores);
  await expect(page.getByTestId('backend-status')).toContainText(threads > 1 ? `; ${threads} threads` : 'one thread', { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  expect(parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? '0')).toBeGreaterThan(30);
  // The pthreads load the verbatim Emscripten glue: no "e is not defined" from a minified factory.
  expect(errors).toEqual([]);
});

test('an isolated page trains ResNet-20 data-parallel on a worker per core, and says so', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || /worker sent an error|data-parallel training unavailable/i.test(m.text())) problems.push(m.text());
  });
  await page.goto('./?arch=resnet20&dataset=shapes&epochs=1&limit=384&valsplit=0');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  test.skip(cores < 2, 'data-parallel training needs two cores');
  const workers = Math.min(4, cores);
  await expect(page.getByTestId('backend-status')).toContainText(`; ${workers} workers, one thread each`, { timeout: 60_000 });
  // The replica worker is a worker of the training worker: Playwright lists every dedicated worker.
  const replica = page.waitForEvent('worker', { predicate: (w) => /replica\.worker/.test(w.url()), timeout: 120_000 });
  await page.getByTestId('train-button').click();
  await replica;
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
  expect(problems).toEqual([]);
});

test.describe('without cross-origin isolation', () => {
  let server: StaticServer;
  test.beforeAll(async () => {
    if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html is missing: the Playwright web server builds it`);
    server = await serveStatic(outDir); // no COOP/COEP, and the service worker is blocked (playwright.config.ts)
  });
  test.afterAll(async () => server?.close());

  test('falls back to one thread, says why in the backend status, and still trains', async ({ page }) => {
    await page.goto(`${server.url}?arch=lenet5&dataset=mnist&epochs=1&limit=640`);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
    await expect(page.getByTestId('backend-status')).toContainText('one thread: this page is not cross-origin isolated', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../scripts/bench/staticServer';
import { waitForIsolation } from './support/isolation';
import { shellFiles, siteFiles } from './support/siteFiles';

/**
 * A classroom on Wi-Fi: the bytes that cross the network, counted by the server (GitHub Pages' caching:
 * max-age 600, ETags), from the first visit until LeNet-5 has trained on MNIST with limit=2000.
 */
const RUN = '?arch=lenet5&dataset=mnist&epochs=1&limit=2000';
const outDir = process.env.E2E_OUTDIR ?? 'dist';

test.use({ serviceWorkers: 'allow' });

interface Manifest { train: { images: { file: string }[]; labels: { file: string } }; test: { images: { file: string }[]; labels: { file: string } } }

test.describe('each byte once', () => {
  let server: StaticServer;
  test.beforeAll(async () => {
    if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html is missing: the Playwright web server builds it`);
    server = await serveStatic(outDir, { prefix: '/class/', caching: 'github-pages' });
  });
  test.afterAll(async () => server?.close());

  test('first visit: the app shell once, then only the shards a limit=2000 run needs; a second run downloads nothing', async ({ page }) => {
    test.setTimeout(240_000);
    const files = siteFiles(outDir);
    const shell = shellFiles(outDir);
    const shellBytes = [...shell.values()].reduce((a, b) => a + b, 0);
    const m = JSON.parse(readFileSync(join(outDir, 'data', 'mnist', 'manifest.json'), 'utf8')) as Manifest;
    const shards = ['manifest.json', m.train.images[0].file, m.train.labels.file, m.test.images[0].file, m.test.labels.file].map((f) => `data/mnist/${f}`);
    // What a run uses beyond the shell: those MNIST files, and the list of pretrained bases the transfer panel shows.
    const used = [...shards, 'models/index.json'];
    const usedBytes = used.reduce((s, p) => s + (files.get(p) ?? 0), 0);
    // Before any service worker exists the browser fetches the page itself, its icon and web manifest; the
    // worker's precache fetches these three (unhashed) files once more, and the worker script comes on its own.
    const firstPage = ['index.html', 'favicon.svg', 'manifest.webmanifest', 'sw.js'];
    const firstPageBytes = firstPage.reduce((s, p) => s + (files.get(p) ?? 0), 0);

    await page.goto(`${server.url}${RUN}`);
    expect(await waitForIsolation(page)).toBe(true);
    await expect(page.getByTestId('backend-status')).toContainText(/Backend: wasm .*threads?/, { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('metric-loss')).not.toHaveText('–', { timeout: 120_000 });
    const untilTraining = server.transfers.reduce((s, t) => s + t.bytes, 0);
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });

    const transferred = server.transfers.filter((t) => t.bytes > 0);
    const sent = (path: string) => transferred.filter((t) => t.path === path).length;
    console.log(`bytes until training: ${untilTraining} (shell ${shellBytes} + run's files ${usedBytes} + first page ${firstPageBytes})`);
    expect(untilTraining).toBeLessThanOrEqual(shellBytes + usedBytes + firstPageBytes);
    // Each file at most once (the first page's unhashed files at most twice); no other dataset shard at all.
    for (const t of transferred) expect(sent(t.path), t.path).toBeLessThanOrEqual(firstPage.includes(t.path) ? 2 : 1);
    const data = transferred.filter((t) => t.path.startsWith('data/')).map((t) => t.path).sort();
    expect(data).toEqual([...shards].sort());
    expect(transferred.filter((t) => t.path.startsWith('models/')).map((t) => t.path)).toEqual(['models/index.json']);

    // A second run (a reload, as a student would) sends no file again.
    const before = server.transfers.length;
    await page.reload();
    await expect(page.getByTestId('backend-status')).toContainText('Backend: wasm', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
    expect(server.transfers.slice(before).filter((t) => t.bytes > 0 && t.path !== 'sw.js')).toEqual([]);
  });

  test('"make available offline" stores the lesson with a progress bar and its size; then it trains offline', async ({ page, context }) => {
    test.setTimeout(240_000);
    await page.goto(`${server.url}?lesson=lenet-then-and-now&arch=lenet5&dataset=mnist&epochs=1&limit=2000`);
    expect(await waitForIsolation(page)).toBe(true);
    const files = siteFiles(outDir);
    const mnistBytes = [...files].filter(([p]) => p.startsWith('data/mnist/')).reduce((s, [, n]) => s + n, 0);
    const button = page.getByTestId('offline-this');
    await expect(button).toContainText(`(${(Math.round(mnistBytes / 1e5) / 10).toFixed(1)} MB)`);
    await button.click();
    await expect(page.getByTestId('offline-progress')).toBeVisible();
    await expect(page.getByTestId('offline-status')).toContainText('Available offline', { timeout: 120_000 });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expect(cached.filter((u) => u.includes('/data/mnist/')).length).toBe([...files.keys()].filter((p) => p.startsWith('data/mnist/')).length);

    await context.setOffline(true);
    await page.goto(`${server.url}?arch=lenet5&dataset=mnist&epochs=1&limit=6000`); // a bigger run than the first: other shards
    await expect(page.getByTestId('backend-status')).toContainText('Backend: wasm', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
    await context.setOffline(false);
  });
});

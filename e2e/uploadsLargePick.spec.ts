/**
 * A measurement, not a check (it is skipped unless UPLOADS_MEASURE=1): 2,000 picked PNGs through the
 * real page, with the main thread's long tasks (PerformanceObserver 'longtask', > 50 ms) after the pick
 * and the storage estimate's growth per image. Run:
 *   UPLOADS_MEASURE=1 E2E_PORT=… E2E_OUTDIR=… npx playwright test e2e/uploadsLargePick.spec.ts
 */
import { expect, test } from '@playwright/test';
import { pngBytes } from '../src/data/uploads/testing/imageBytes';
import { DRAW, rng } from './support/classImages';

const COUNT = 2000;

interface Probe {
  longTasks: [number, number][];
  changeAt: number;
}

test('measure: 2,000 picked files — main-thread long tasks after the pick, bytes per stored image', async ({ page }) => {
  test.skip(!process.env.UPLOADS_MEASURE, 'a measurement: set UPLOADS_MEASURE=1 to run it');
  test.setTimeout(600_000);
  await page.goto('./');
  await page.getByTestId('new-class-name').fill('many');
  await page.getByTestId('create-class').click();
  await page.evaluate(() => {
    const w = window as unknown as { probe: Probe };
    w.probe = { longTasks: [], changeAt: Infinity };
    document.addEventListener('change', () => (w.probe.changeAt = performance.now()), true);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.probe.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
  });
  const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const before = await usage();
  // Each picture carries its index in a bar of black/yellow cells, so none is an exact duplicate of another.
  const files = Array.from({ length: COUNT }, (_, i) => {
    const paint = DRAW[['circles', 'squares', 'stripes', 'leaves'][i % 4]](rng(i + 1));
    const color = (x: number, y: number): [number, number, number] => (y >= 18 && y < 22 && x >= 8 && x < 40 ? ((i >> ((x - 8) >> 1)) & 1 ? [0, 0, 0] : [255, 255, 0]) : paint(x, y));
    return { name: `p-${i}.png`, mimeType: 'image/png', buffer: Buffer.from(pngBytes({ width: 48, height: 40, color })) };
  });
  const t0 = Date.now();
  await page.getByTestId('upload-input').setInputFiles(files);
  await expect(page.getByTestId('upload-added')).toHaveText(`Added ${COUNT} images.`, { timeout: 500_000 });
  const seconds = (Date.now() - t0) / 1000;
  const probe = await page.evaluate(() => (window as unknown as { probe: Probe }).probe);
  // Each long task as [ms after the pick's change event, duration ms].
  const after = probe.longTasks.filter(([start]) => start >= probe.changeAt).map(([start, d]) => [Math.round(start - probe.changeAt), Math.round(d)]);
  const report = { images: COUNT, seconds, imagesPerSecond: Math.round(COUNT / seconds), longTasksAfterPick: after, bytesPerImageInEstimate: Math.round(((await usage()) - before) / COUNT) };
  console.log(JSON.stringify(report));
  test.info().annotations.push({ type: 'measurement', description: JSON.stringify(report) });
});

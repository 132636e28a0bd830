import { expect, test, type Page } from '@playwright/test';

/**
 * The training store (src/ui/trainingContext.tsx): a batch re-renders only the components that show
 * batch data. `?rendercount=1` makes every counted component tally its committed renders in
 * `window.__renderCounts` (src/ui/renderCount.ts); the test reads the tallies twice in the middle of an
 * epoch and compares.
 */

/** Show batch data: the progress and metrics, the curves; and the live feature maps (inspector and panel). */
const BATCH_VIEWS = ['TrainingProgress', 'TrainingCurves'];
const LIVE_VIEWS = ['LayerInspector', 'FeatureMapsPanel'];
/** Show nothing a batch changes. */
const STILL_VIEWS = ['ArchPanel', 'WorkspaceGraph', 'SummaryPanel', 'TrainingSection', 'TrainSettings', 'PredictPanel', 'KerasPanel', 'UploadsSection', 'DepthExperimentPanel'];

async function counts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...((window as Window & { __renderCounts?: Record<string, number> }).__renderCounts ?? {}) }));
}

async function batchDone(page: Page): Promise<number> {
  return Number(await page.getByTestId('batch-progress').getAttribute('value'));
}

test('during training a batch re-renders the progress and the curves, not the graph, summary, settings or data panels', async ({ page }) => {
  test.setTimeout(180_000);
  // 6,000 images in batches of 8: 750 batches in the one epoch, so both readings fall inside it.
  await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=6000&batch=8&rendercount=1');
  await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
  for (const id of ['arch-graph', 'layer-inspector', 'summary-table', 'inspect-panel', 'training-curves']) await expect(page.getByTestId(id).first()).toBeVisible();
  await page.getByTestId('train-button').click();
  await expect.poll(() => batchDone(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(20);

  const before = await counts(page);
  const fromBatch = await batchDone(page);
  await expect.poll(() => batchDone(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(fromBatch + 40);
  const after = await counts(page);
  const toBatch = await batchDone(page);
  const stillTraining = await page.getByTestId('stop-button').isEnabled();
  await page.getByTestId('stop-button').click();

  expect(stillTraining).toBe(true); // both readings inside the run, before the epoch's end
  expect(toBatch).toBeLessThan(750);
  const grew = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  const report = Object.fromEntries([...BATCH_VIEWS, ...LIVE_VIEWS, ...STILL_VIEWS].map((n) => [n, grew(n)]));
  console.log(`batches ${fromBatch} → ${toBatch}; renders in between: ${JSON.stringify(report)}`);
  for (const name of STILL_VIEWS) {
    expect(before[name] ?? 0, `${name} was rendered at all`).toBeGreaterThan(0);
    expect(grew(name), `${name} re-rendered during training`).toBe(0);
  }
  for (const name of BATCH_VIEWS) {
    expect(grew(name), `${name} followed the batches`).toBeGreaterThan(0);
    // Batch events are coalesced to the frame rate: never more renders than batches.
    expect(grew(name)).toBeLessThanOrEqual(toBatch - fromBatch + 1);
  }
  // The live feature maps follow the batches too, and also render each map the worker sends back
  // (useThrottledFetch, at most every 0.5 s): no bound here beyond that they are counted.
  for (const name of LIVE_VIEWS) expect(before[name] ?? 0, `${name} was rendered at all`).toBeGreaterThan(0);
});

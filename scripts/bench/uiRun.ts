/**
 * The real app, production build, trained through its UI (LeNet-5 on MNIST) with the layer inspector
 * open on C1: how long its main thread is blocked while the worker trains and the page draws the live
 * curves, feature maps and layer statistics. Long tasks and timer gaps are
 * recorded from before the app's first script; only those inside the training window count.
 */
import type { Page } from '@playwright/test';
import type { MainThreadStats, UiRunResult } from './schema';

/**
 * Installed before any app script: records long tasks and setTimeout(0) gaps over 8 ms with their
 * times. A string, because tsx's transpiler may wrap named inner functions in helpers the page lacks.
 */
const PROBE_SCRIPT = `(() => {
  const probe = { tasks: [], gaps: [] };
  globalThis.__benchProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let last = performance.now();
  const tick = () => {
    const t = performance.now();
    if (t - last > 8) probe.gaps.push({ at: t, gap: t - last });
    last = t;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
})();`;

/** Main-thread figures inside [from, to] (page clock, ms). */
async function statsBetween(page: Page, from: number, to: number): Promise<MainThreadStats> {
  return page.evaluate(([a, b]) => {
    const probe = (globalThis as unknown as { __benchProbe: { tasks: { start: number; duration: number }[]; gaps: { at: number; gap: number }[] } }).__benchProbe;
    const tasks = probe.tasks.filter((t) => t.start + t.duration >= a && t.start <= b);
    const gaps = probe.gaps.filter((g) => g.at >= a && g.at - g.gap <= b);
    return {
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      longTasks: tasks.length,
      maxTimerGapMs: Math.round(Math.max(0, ...gaps.map((g) => g.gap)) * 10) / 10,
    };
  }, [from, to] as const);
}

/**
 * Opens the app with the experiment in its URL, clicks Train, waits for the epoch to finish (or
 * presses Stop after `timeBoxSec`), and reports the main thread during training.
 * @param appUrl the app build's URL, ending in `/`
 */
export async function runUi(page: Page, appUrl: string, backend: string, trainExamples: number, timeBoxSec: number): Promise<UiRunResult> {
  await page.addInitScript({ content: PROBE_SCRIPT });
  const query = new URLSearchParams({
    arch: 'lenet5', dataset: 'mnist', epochs: '1', limit: String(trainExamples), batch: '64', optimizer: 'adam', lr: '0.001',
    valsplit: '0', backend,
  });
  await page.goto(`${appUrl}?${query}`);
  const status = page.getByTestId('backend-status');
  await page.waitForFunction(() => /\b(webgpu|webgl|wasm|cpu)\b/.test(document.querySelector('[data-testid="backend-status"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const train = page.getByTestId('train-button');
  await train.waitFor({ state: 'visible' });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
  // The layer inspector open on C1, as a learner watches it: its feature maps and live statistics
  // (activations, gradient norm, filters) refresh while the network trains.
  await page.getByTestId('arch-graph').locator('[data-layer="c1_conv"]').click();
  await page.getByTestId('inspector-layer').waitFor({ timeout: 10_000 });
  const from = await page.evaluate(() => performance.now());
  await train.click();
  const done = page.waitForFunction(
    () => document.querySelector('[data-testid="epoch-progress"]')?.getAttribute('value') === '1' || document.querySelector('[data-testid="training-error"]') !== null,
    undefined, { timeout: timeBoxSec * 1000, polling: 250 },
  );
  let stopped = false;
  try {
    await done;
  } catch {
    stopped = true;
    await page.getByTestId('stop-button').click();
  }
  const to = await page.evaluate(() => performance.now());
  // The inspector did draw C1's maps during the run (they follow the weights).
  await page.getByTestId('inspector-feature-maps').waitFor({ timeout: 10_000 });
  const error = await page.getByTestId('training-error').textContent({ timeout: 500 }).catch(() => null);
  if (error) throw new Error(`the app reported: ${error}`);
  const shown = Number(await page.getByTestId('examples-per-sec').textContent());
  return {
    requestedBackend: backend, status: 'ok', error: null,
    backendStatus: ((await status.textContent()) ?? '').replace(/\s+/g, ' ').trim() + (stopped ? ` (stopped after ${timeBoxSec} s)` : ''),
    trainExamples, shownExamplesPerSec: Number.isFinite(shown) ? shown : null, trainSec: (to - from) / 1000,
    mainThread: await statsBetween(page, from, to),
  };
}

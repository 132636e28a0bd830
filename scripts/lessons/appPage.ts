/**
 * Drives the real app (production build) the way a student does: opens a link, presses the buttons, and
 * reads what the page shows (data-testids; numbers from their `data-value` attributes). Shared by
 * `npm run lessons` and the short subset in e2e/lessons.spec.ts.
 */
import type { Page } from '@playwright/test';

const BACKEND = /Backend: (webgpu|webgl|wasm|cpu)\b/;

/** Opens `query` (with or without `?`) under the app's URL and waits until Train can be pressed. */
export async function openApp(page: Page, appUrl: string, query: string): Promise<void> {
  await page.goto(`${appUrl}${query.startsWith('?') ? query : `?${query}`}`);
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="backend-status"]')?.textContent ?? ''), BACKEND.source, { timeout: 90_000 });
  await page.getByTestId('train-button').waitFor({ state: 'visible' });
  await page.waitForFunction(() => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 30_000 });
}

/** The active backend's name as the page shows it. */
export async function backendName(page: Page): Promise<string> {
  const text = (await page.getByTestId('backend-status').textContent()) ?? '';
  return BACKEND.exec(text)?.[1] ?? 'unknown';
}

/** A number from an element's `data-value` (null when the element or value is missing). */
export async function valueOf(page: Page, testId: string, attribute = 'data-value'): Promise<number | null> {
  const el = page.getByTestId(testId).first();
  if ((await el.count()) === 0) return null;
  const v = await el.getAttribute(attribute);
  return v === null || v === '' ? null : Number(v);
}

/** What one press of Train produced: test accuracy after the automatic evaluation, and the time it took. */
export interface TrainOutcome {
  testAccuracy: number;
  valAccuracy: number | null;
  seconds: number;
}

/** Presses Train and waits for the test accuracy (fit, then evaluate). @throws after `timeoutSec` or on a training error. */
export async function trainAndEvaluate(page: Page, timeoutSec: number): Promise<TrainOutcome> {
  const t0 = Date.now();
  await page.getByTestId('train-button').click();
  const done = page.locator('[data-testid="test-accuracy"][data-value], [data-testid="training-error"]').first();
  await done.waitFor({ state: 'visible', timeout: timeoutSec * 1000 });
  const seconds = (Date.now() - t0) / 1000;
  if ((await page.getByTestId('training-error').count()) > 0) throw new Error(`training error: ${(await page.getByTestId('training-error').textContent()) ?? ''}`);
  const testAccuracy = (await valueOf(page, 'test-accuracy')) ?? NaN;
  return { testAccuracy, valAccuracy: await valueOf(page, 'metric-val-accuracy'), seconds };
}

/** Waits until Train can be pressed again (after a run and its evaluation). */
export async function idle(page: Page, timeoutSec = 60): Promise<void> {
  await page.waitForFunction(() => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: timeoutSec * 1000 });
}

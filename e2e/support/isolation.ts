import type { Page } from '@playwright/test';

/**
 * Waits until the page is cross-origin isolated: on a first visit the service worker takes control and
 * the page reloads itself once (src/ui/serviceWorker.ts), which a plain wait would see as a crash.
 * @returns whether it became isolated within `timeoutMs`
 */
export async function waitForIsolation(page: Page, timeoutMs = 60_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(() => globalThis.crossOriginIsolated)) {
        await page.waitForLoadState('load');
        return true;
      }
    } catch {
      // The page is reloading.
    }
    await page.waitForTimeout(250);
  }
  return false;
}

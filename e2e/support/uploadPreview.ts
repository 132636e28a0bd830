/**
 * The uploads preview in e2e specs: a folder or zip batch shows the classes it would fill before
 * anything is stored; `addThroughPreview` checks it appeared and adds with the recommended reading.
 */
import { expect, type Page } from '@playwright/test';

/** Waits for the preview of the batch just picked and confirms it; returns its summary line. */
export async function confirmUploadPreview(page: Page): Promise<string> {
  const preview = page.getByTestId('upload-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  const summary = (await preview.getByTestId('upload-preview-summary').textContent()) ?? '';
  await preview.getByTestId('upload-preview-confirm').click();
  return summary;
}

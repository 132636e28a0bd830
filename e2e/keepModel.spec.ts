import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';

/** Keras' model.save for every model: a LeNet-5 trained from scratch is kept and comes back with the same test accuracy. */
const testAccuracy = async (page: Page) => Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));

async function evaluateAgain(page: Page): Promise<number> {
  await expect(page.getByTestId('evaluate-button')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('evaluate-button').click();
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
  return testAccuracy(page);
}

test('a scratch-trained LeNet-5 is saved in the browser, reloaded after a page reload, downloaded and re-imported with the same test accuracy', async ({ page }, info) => {
  test.setTimeout(300_000);
  const url = './?arch=lenet5&dataset=mnist&epochs=1&limit=2000';
  await page.goto(url);
  await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
  // Nothing to keep before training.
  await expect(page.getByTestId('save-browser')).toBeDisabled();
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-value', /\d/, { timeout: 180_000 });
  const trained = await testAccuracy(page);
  expect(trained).toBeGreaterThan(0.5);

  // Save without transfer mode.
  await expect(page.getByTestId('keep-scratch')).toBeVisible();
  await page.getByTestId('transfer-model-name').fill('scratch-lenet');
  await page.getByTestId('save-browser').click();
  await expect(page.getByTestId('saved-model').filter({ hasText: 'scratch-lenet' })).toHaveCount(1, { timeout: 30_000 });
  // Download model.json + weights.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('export-model').click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const files = await Promise.all(downloads.map(async (d) => {
    const path = info.outputPath('model', d.suggestedFilename());
    await d.saveAs(path);
    return path;
  }));
  const json = JSON.parse(readFileSync(files.find((f) => f.endsWith('.json')) ?? '').toString());
  expect(json.userDefinedMetadata.cnnPlayground.kind).toBe('scratch');
  expect(json.userDefinedMetadata.cnnPlayground.training.epochs).toHaveLength(1);

  // After a reload: load it from the browser; the same accuracy, its settings and curves come back.
  await page.goto(url);
  await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
  await page.getByTestId('saved-model').filter({ hasText: 'scratch-lenet' }).getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('transfer-notice')).toContainText('Imported scratch-lenet: 10 classes', { timeout: 60_000 });
  await expect(page.getByTestId('kept-record')).toContainText(/lenet5.*epochs=1&limit=2000; test accuracy then \d/);
  await expect(page.getByTestId('epoch-progress')).toBeVisible();
  expect(await evaluateAgain(page)).toBe(trained);

  // After another reload: import the downloaded files; the same accuracy again.
  await page.goto(url);
  await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
  await page.getByTestId('import-model').setInputFiles(files);
  await expect(page.getByTestId('transfer-notice')).toContainText('Imported', { timeout: 60_000 });
  expect(await evaluateAgain(page)).toBe(trained);
});

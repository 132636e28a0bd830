import { expect, test, type Page } from '@playwright/test';

/** y of the smoothed training-loss curve at its start and end (SVG y grows downwards). */
async function firstAndLastLossY(page: Page): Promise<[number, number]> {
  const d = (await page.getByTestId('chart-loss').locator('path[data-series="train-smooth"]').getAttribute('d')) ?? '';
  const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
  expect(ys.length).toBeGreaterThan(2);
  return [ys[0], ys[ys.length - 1]];
}

test.describe('LeNet-5 as LeCun et al. built it (1998)', () => {
  test('the picker offers it; the summary shows the paper\'s parameters and connections, and the source', async ({ page }) => {
    await page.goto('./?arch=lenet5');
    await page.getByTestId('variant-select').selectOption('1998');
    await expect(page).toHaveURL(/variant=1998/);
    await expect(page.getByTestId('model-name')).toHaveText('lenet5-1998');
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('60,000');
    await expect(page.getByTestId('non-trainable-params')).toHaveText('840');
    await expect(page.getByTestId('total-connections')).toHaveText('340,908');
    await expect(page.getByTestId('model-source')).toContainText('LeCun et al. 1998, §II.B');
    const row = (name: string) => page.getByTestId('summary-table').locator('tbody tr', { hasText: name });
    await expect(row('c1_conv')).toContainText('156');
    await expect(row('c1_conv')).toContainText('122,304');
    await expect(row('s2_subsample')).toContainText('5,880');
    await expect(row('c3_conv')).toContainText('1,516');
    await expect(row('c3_conv')).toContainText('151,600');
    await expect(row('s4_subsample')).toContainText('2,000');
    await expect(row('c5_conv')).toContainText('48,120');
    await expect(row('f6_dense')).toContainText('10,164');
    // C3's connection table drawn on its block: 16 maps × 6 inputs, 60 connections.
    const table = page.locator('[data-layer="c3_conv"] [data-testid="connection-table"]');
    await expect(table).toHaveAttribute('data-rows', '16');
    await expect(table).toHaveAttribute('data-cols', '6');
    await expect(table.locator('rect[data-connected="true"]')).toHaveCount(60);
    await page.locator('[data-layer="c3_conv"]').focus();
    await expect(page.getByTestId('graph-details')).toContainText('TableConv2D — output 10×10×16 — 1,516 parameters');
    await expect(page.getByTestId('graph-details')).toContainText('60 of 96 map pairs connected');
  });

  test('trains on WASM for a short epoch: the loss falls and the test accuracy is well above chance', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('./?arch=lenet5&variant=1998&dataset=mnist&epochs=1&limit=1500&batch=32&optimizer=adam&lr=0.001&valsplit=0');
    await expect(page.getByTestId('backend-status')).toContainText('Backend: wasm', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
    const [firstY, lastY] = await firstAndLastLossY(page);
    expect(lastY).toBeGreaterThan(firstY + 5);
    expect(parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? '0')).toBeGreaterThan(30);
    await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10);
    await expect(page.getByTestId('training-error')).toHaveCount(0);
  });

  test('AlexNet (torchvision) opens on torchvision\'s documented 224×224×3 and says which source it follows', async ({ page }) => {
    await page.goto('./?arch=alexnet&variant=torchvision');
    await expect(page.getByTestId('input-shape')).toHaveAttribute('placeholder', '224,224,3');
    await expect(page.getByTestId('total-macs')).toHaveText('714,188,480');
    await expect(page.getByTestId('model-source')).toContainText('torchvision.models.alexnet');
    await page.getByTestId('variant-select').selectOption('paper');
    await expect(page.getByTestId('input-shape')).toHaveAttribute('placeholder', '227,227,3');
    await expect(page.getByTestId('model-source')).toContainText('Krizhevsky');
  });
});

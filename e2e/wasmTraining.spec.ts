import { expect, test } from '@playwright/test';

/** On this GPU-less machine the automatic choice must be WASM, and both LeNet-5 and ResNet-20 must train there. */
test.describe('automatic backend on a machine without a hardware GPU', () => {
  test('picks WASM and says why; LeNet-5 trains and the loss falls', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=1280');
    await expect(page.getByTestId('backend-status')).toContainText(/Backend: wasm — No hardware GPU/, { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
    // 18 Adam steps: far above the 10% of chance, far below a trained LeNet-5.
    expect(parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? '0')).toBeGreaterThan(30);
    const d = (await page.getByTestId('chart-loss').locator('path[data-series="train-smooth"]').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[ys.length - 1]).toBeGreaterThan(ys[0] + 5);
    expect(Number(await page.getByTestId('examples-per-sec').textContent())).toBeGreaterThan(100);
  });

  test('ResNet-20 (reduced width) trains on WASM on the colour shapes', async ({ page }) => {
    test.setTimeout(240_000); // its own wait below is 180 s; threads on a loaded 2-core machine need it
    await page.goto('./?arch=resnet20&width=0.5&dataset=shapes&epochs=2&limit=600&batch=32&lr=0.003');
    await expect(page.getByTestId('backend-status')).toContainText('Backend: wasm', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId('build-info')).toContainText('32×32×3');
    const d = (await page.getByTestId('chart-loss').locator('path[data-series="train-smooth"]').getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[ys.length - 1]).toBeGreaterThan(ys[0]); // drawn lower at the end: the loss fell
    await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(6);
  });
});

import { expect, test } from '@playwright/test';

test.describe('training recipes', () => {
  test('picking VGG-16 shows its recipe and the smaller copy it trains; the link keeps only what was changed', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('arch-select').selectOption('vgg16');
    const recipe = page.getByTestId('training-recipe');
    await expect(recipe).toContainText('Recipe for VGG-16 on MNIST');
    await expect(recipe).toContainText('×0.25');
    await expect(recipe).toContainText('32×32×1');
    await expect(recipe).toContainText('He-normal');
    await expect(recipe).toHaveAttribute('data-changed', '');
    // The summary still shows the reference network.
    await expect(page.getByTestId('total-params')).toHaveText('138,357,544');
    await expect(page.getByTestId('lr-input')).toHaveValue('0.0003');
    await expect(page.getByTestId('init-select')).toHaveValue('heNormal');
    await expect(page).toHaveURL(/\?v=1&arch=vgg16$/);
    await page.getByTestId('lr-input').fill('0.001');
    await expect(recipe).toHaveAttribute('data-changed', 'learningRate');
    await expect(page).toHaveURL(/\?v=1&arch=vgg16&lr=0\.001$/);
    await page.getByTestId('recipe-reset').click();
    await expect(page.getByTestId('lr-input')).toHaveValue('0.0003');
    await expect(page).toHaveURL(/\?v=1&arch=vgg16$/);
    // A reload of the link gives the same settings.
    await page.goto('./?arch=resnet50');
    await expect(page.getByTestId('bn-momentum-input')).toHaveValue('0.9');
    await expect(page.getByTestId('training-recipe')).toContainText('precise BN');
    await page.getByTestId('fullsize-check').check();
    await expect(page.getByTestId('training-recipe')).toHaveAttribute('data-scaled', 'false');
    await expect(page).toHaveURL(/fullsize=1/);
  });

  test('ResNet-20 after 2 short epochs on colour shapes evaluates to more than one class (precise BN), headline metrics are epoch means', async ({ page }) => {
    test.setTimeout(400_000);
    await page.goto('./?arch=resnet20&dataset=shapes&epochs=2&limit=640');
    await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 360_000 });
    await expect(page.getByTestId('batchnorm-note')).toContainText('recomputed over 512 training images after epoch 2');
    await expect(page.getByTestId('metric-accuracy').locator('xpath=..')).toContainText('epoch mean');
    const rows = await page.getByTestId('confusion-matrix').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, -1).map((td) => Number(td.textContent))));
    expect(rows).toHaveLength(6);
    const columns = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0));
    const total = columns.reduce((a, b) => a + b, 0);
    expect(total).toBe(1200);
    // Not one column: at least three classes are predicted and none takes 80 % of the test images.
    expect(columns.filter((c) => c > 0).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...columns) / total).toBeLessThan(0.8);
    expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-value'))).toBeGreaterThan(1 / 6);
  });

  test('GoogLeNet with auxiliary classifiers shows the main loss beside the weighted total', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto('./?arch=googlenet&aux=1&epochs=1&limit=320');
    await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    const main = page.getByTestId('metric-main-loss');
    await expect(main).toHaveText(/^\d+\.\d{4}$/, { timeout: 240_000 });
    const [mainLoss, total] = [Number(await main.textContent()), Number(await page.getByTestId('metric-loss').textContent())];
    // total = main + 0.3 × (aux1 + aux2), each cross-entropy positive.
    expect(total).toBeGreaterThan(mainLoss);
    await expect(page.getByTestId('metric-loss').locator('xpath=..')).toContainText('main + 0.3');
    await page.getByTestId('stop-button').click();
  });
});

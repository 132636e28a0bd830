import { expect, test, type Page } from '@playwright/test';

async function firstAndLastLoss(page: Page): Promise<[number, number]> {
  const d = await page.getByTestId('chart-loss').locator('path[data-series="train-smooth"]').getAttribute('d');
  expect(d).toBeTruthy();
  // SVG y grows downwards: a falling loss has a larger y at the start than at the end.
  const ys = [...(d ?? '').matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
  return [ys[0], ys[ys.length - 1]];
}

test.describe('training in the browser', () => {
  test('LeNet-5 on MNIST trains for one short epoch on WebGL: loss falls, accuracy and confusion matrix shown', async ({ page }) => {
    test.setTimeout(300_000); // WebGL here is SwiftShader: a CPU emulating a GPU.
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=640&batch=32&backend=webgl&valsplit=0.1');
    await expect(page.getByTestId('backend-status')).toContainText('webgl', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 240_000 });
    const loss = Number(await page.getByTestId('metric-loss').textContent());
    expect(loss).toBeGreaterThan(0);
    const [firstY, lastY] = await firstAndLastLoss(page);
    expect(lastY).toBeGreaterThan(firstY + 5); // the smoothed loss curve ends clearly lower than it starts
    const acc = parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? '0');
    expect(acc).toBeGreaterThan(40);
    await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10);
    await expect(page.getByTestId('epoch-progress')).toHaveAttribute('value', '1');
  });
});

test.describe('training guards and controls', () => {
  test('a learning rate of 1e3 trips the NaN/Inf guard with a clear message', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=2&limit=640&lr=1000');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-error')).toContainText(/loss became (NaN|Infinity).*lower learning rate/, { timeout: 120_000 });
    await expect(page.getByTestId('train-button')).toBeEnabled();
  });

  test('full VGG-16 at batch 64 is refused before it starts, with the estimate and a smaller size suggested', async ({ page }) => {
    // fullsize=1: the full network, not the quarter-width copy VGG-16's training recipe would train.
    await page.goto('./?arch=vgg16&dataset=shapes&batch=64&fullsize=1');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-error')).toContainText(/too large to train here: about [\d,]+ MiB.*width multiplier/, { timeout: 60_000 });
    await expect(page.getByTestId('summary-table')).toBeVisible();
  });

  test('stop keeps the trained weights; evaluate and predict then work; switching network disposes the model', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=5&limit=3000&batch=32');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('batch-progress')).not.toHaveAttribute('value', '0', { timeout: 60_000 });
    await page.getByTestId('stop-button').click();
    await expect(page.getByText(/Stopped at epoch 1, batch \d+; the trained weights are kept/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('random-test-image').click();
    await page.getByTestId('predict-button').click();
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
    const tensorsTrained = Number(await page.getByTestId('tensor-count').textContent());
    expect(tensorsTrained).toBeGreaterThan(0);
    await page.getByTestId('arch-select').selectOption('resnet20');
    await expect(page.getByTestId('build-info')).toHaveCount(0);
    await expect(page.getByTestId('tensor-count')).toHaveText('0', { timeout: 10_000 });
  });
});

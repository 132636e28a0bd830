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
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=640&batch=32&backend=webgl&valsplit=0.1');
    await expect(page.getByTestId('backend-status')).toContainText('webgl', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
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

import { expect, test } from '@playwright/test';

test.describe('architecture shell', () => {
  test('opens on LeNet-5 with its reference totals and summary', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('arch-select')).toHaveValue('lenet5');
    await expect(page.getByTestId('total-params')).toHaveText('61,706');
    await expect(page.getByTestId('total-macs')).toHaveText('416,520');
    await expect(page.getByTestId('summary-table').locator('tbody tr')).toHaveCount(9);
    await expect(page.getByTestId('network-note')).toContainText('LeNet-5');
  });

  test('switching architecture via the picker updates totals and the URL', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('arch-select').selectOption('vgg16');
    await expect(page.getByTestId('total-params')).toHaveText('138,357,544');
    await expect(page.getByTestId('total-macs')).toHaveText('15,470,264,320');
    await expect(page).toHaveURL(/arch=vgg16/);
    await page.getByTestId('arch-select').selectOption('resnet50');
    await expect(page.getByTestId('total-params')).toHaveText('25,636,712');
    await expect(page.getByTestId('non-trainable-params')).toHaveText('53,120');
    await page.getByTestId('convbias-check').uncheck();
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('25,557,032');
  });

  test('the URL reproduces a selection', async ({ page }) => {
    await page.goto('./?arch=resnet20&width=0.5');
    await expect(page.getByTestId('arch-select')).toHaveValue('resnet20');
    await expect(page.getByTestId('width-input')).toHaveValue('0.5');
    await page.goto('./?arch=googlenet');
    await expect(page.getByTestId('total-params')).toHaveText('6,998,552');
    await page.goto('./?arch=alexnet&variant=torchvision');
    await expect(page.getByTestId('total-params')).toHaveText('61,100,840');
    await page.goto('./?arch=resnet20');
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('269,722');
  });

  test('a garbled URL falls back to defaults with a visible notice', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('./?arch=<script>alert(1)</script>&width=NaN&epochs=1e99&zzz=1');
    await expect(page.getByTestId('url-notice')).toBeVisible();
    await expect(page.getByTestId('url-notice')).toContainText('arch');
    await expect(page.getByTestId('arch-select')).toHaveValue('lenet5');
    await expect(page.getByTestId('total-params')).toHaveText('61,706');
    expect(errors).toEqual([]);
  });

  test('an impossible configuration is a clear message, not a blank page', async ({ page }) => {
    await page.goto('./?arch=lenet5&variant=classic&input=20,20,1');
    await expect(page.getByTestId('arch-error')).toContainText('c5_conv');
    await expect(page.getByTestId('arch-select')).toBeVisible();
  });
});

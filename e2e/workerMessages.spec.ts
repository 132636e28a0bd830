import { expect, test } from '@playwright/test';
import { classPng } from './support/classImages';

// Messages made in the worker (backend choice, input adaptation, NaN stop, memory refusal) and in
// src/arch (impossible shapes) travel as codes + parameters and are said in the page's language.
test.describe('worker and architecture messages follow the UI language', () => {
  test('Japanese: backend reason, adaptation and the NaN stop; switching to English re-says them', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./?lang=ja&arch=lenet5&dataset=mnist&epochs=2&limit=640&lr=1000');
    // This machine has no hardware GPU, so the reason is the WASM one.
    await expect(page.getByTestId('backend-status')).toContainText('ハードウェア GPU がありません', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('build-info')).toContainText('28×28×1 → 32×32×1: ゼロパディング（各辺 2 px）', { timeout: 60_000 });
    await expect(page.getByTestId('training-error')).toContainText(/損失が (NaN|Infinity) になりました.*学習率を下げて/, { timeout: 120_000 });
    // Files picked on the page itself (predict upload) are refused in Japanese too, in the uploads list's words; a real PNG predicts.
    await page.getByTestId('predict-upload').setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
    await expect(page.getByText('empty.png: ファイルが空です（0 バイト）。')).toBeVisible();
    await page.getByTestId('predict-upload').setInputFiles({ name: 'circle.png', mimeType: 'image/png', buffer: classPng('circles', 1) });
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
    await expect(page.getByText('empty.png: ファイルが空です（0 バイト）。')).toHaveCount(0);
    await page.getByTestId('language-select').selectOption('en');
    await expect(page.getByTestId('training-error')).toContainText(/loss became (NaN|Infinity).*lower learning rate/);
    await expect(page.getByTestId('backend-status')).toContainText('No hardware GPU');
    await expect(page.getByTestId('build-info')).toContainText('28×28×1 → 32×32×1: zero-padded, 2 px on each side');
  });

  test('Japanese: the memory refusal and an impossible input size', async ({ page }) => {
    await page.goto('./?lang=ja&arch=vgg16&dataset=shapes&batch=64&fullsize=1');
    await expect(page.getByTestId('backend-status')).toContainText('WASM', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-error')).toContainText(/ここで訓練するには大きすぎます.*MiB.*幅の倍率/, { timeout: 60_000 });
    // A 2-channel input cannot take MNIST's 1-channel images: refused before anything is built, in Japanese.
    await page.goto('./?lang=ja&arch=lenet5&dataset=mnist&input=32,32,2');
    await expect(page.getByTestId('backend-status')).toContainText('WASM', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-error')).toContainText('データセットの画像は 1 チャネルですが、ネットワークの入力は 2 チャネルです', { timeout: 60_000 });
    await page.goto('./?lang=ja&arch=lenet5&variant=classic&input=20,20,1');
    await expect(page.getByTestId('arch-error')).toContainText(/入力 20×20×1 の .*"c5_conv".*スライドできません/);
  });
});

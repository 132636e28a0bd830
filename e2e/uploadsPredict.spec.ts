import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { decodeSimplePng } from '../src/data/uploads/testing/fakeDecoder';
import { pngBytes } from '../src/data/uploads/testing/imageBytes';
import { testZip } from '../src/data/uploads/testing/zipBytes';
import { DRAW, rng } from './support/classImages';
import { confirmUploadPreview } from './support/uploadPreview';

const picture = (kind: string, seed: number) => pngBytes({ width: 48, height: 40, color: DRAW[kind](rng(seed)) });

/**
 * A 600×150 RGBA PNG drawn by the browser: red left third, green middle with a transparent hole in its
 * centre, blue right third. Stretched it would show all three colours; centre-cropped over white it is
 * green around a white disc.
 */
async function widePhoto(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(600, 150);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#e00000';
    ctx.fillRect(0, 0, 225, 150);
    ctx.fillStyle = '#00b000';
    ctx.fillRect(225, 0, 150, 150);
    ctx.fillStyle = '#0000e0';
    ctx.fillRect(375, 0, 225, 150);
    ctx.globalCompositeOperation = 'destination-out';
    ctx.beginPath();
    ctx.arc(300, 75, 30, 0, Math.PI * 2);
    ctx.fill();
    return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test('Predict prepares a wide photo exactly as training stored it: centre crop, white background, the same pixels', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.goto('./?arch=lenet5&input=64,64,3&dataset=uploads&epochs=1&batch=8&valsplit=0');
  const wide = await widePhoto(page);
  const zip = testZip([
    { name: 'bananas/wide.png', data: wide },
    ...Array.from({ length: 4 }, (_, i) => ({ name: `bananas/leaf-${i}.png`, data: picture('leaves', i + 1) })),
    ...Array.from({ length: 5 }, (_, i) => ({ name: `grapes/dot-${i}.png`, data: picture('circles', i + 10) })),
  ]);
  await page.getByTestId('upload-input').setInputFiles({ name: 'fruit.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText('Added 10 images.');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });

  await page.getByTestId('predict-upload').setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: wide });
  await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(2);
  const input = page.getByTestId('predict-input');
  const seen = await input.evaluate((c: HTMLCanvasElement) => ({ size: `${c.width}x${c.height}`, rgba: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data) }));
  expect(seen.size).toBe('64x64');
  const at = (x: number, y: number) => seen.rgba.slice((y * 64 + x) * 4, (y * 64 + x) * 4 + 3);
  expect(at(32, 32)).toEqual([255, 255, 255]); // the transparent hole, on white (not black)
  expect(at(2, 32)[1]).toBeGreaterThan(150); // the crop's left edge is the green middle, not the red left third
  expect(at(2, 32)[0]).toBeLessThan(40);
  expect(at(61, 32)[2]).toBeLessThan(40);

  // Byte for byte what training stored for that file: the export holds the stored 64×64 pixels.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dataset').click()]);
  await download.saveAs(info.outputPath('fruit.zip'));
  const stored = decodeSimplePng(unzipSync(readFileSync(info.outputPath('fruit.zip')))['bananas/wide.png']);
  const rgb = seen.rgba.filter((_, i) => i % 4 !== 3);
  expect(rgb).toEqual(Array.from(stored.rgb));

  // The same checks and messages as uploads, not a generic "could not be decoded".
  await page.getByTestId('predict-upload').setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><html><body>not a photo</body></html>\n') });
  await expect(page.getByTestId('predict-upload-error')).toHaveText('page.png: this is a text file, not an image (it was only named like one).');
  const heic = Buffer.from([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]);
  await page.getByTestId('predict-upload').setInputFiles({ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: heic });
  await expect(page.getByTestId('predict-upload-error')).toHaveText('IMG_0001.HEIC: the HEIC format is not supported: use PNG, JPEG, GIF, WebP or BMP.');

  // A class deleted after training: the results below are marked out of date.
  await expect(page.getByTestId('dataset-changed')).toHaveCount(0);
  const grapes = page.locator('[data-class-name="grapes"]');
  await grapes.getByRole('button', { name: 'Delete class' }).click();
  await grapes.getByRole('alert').getByRole('button', { name: 'Delete class' }).click();
  await expect(page.getByTestId('dataset-changed')).toHaveText('Your images changed after this model was trained (class "grapes" was deleted or renamed): the evaluation and predictions below still use the old classes. Train again to update them.');
});

test('the augmentation preview is what a greyscale network sees: its size and channels, colour operations "not applied", settings kept in range', async ({ page }) => {
  await page.goto('./?arch=lenet5&input=32,32,1&dataset=uploads');
  const zip = testZip(['circles', 'squares'].flatMap((kind, k) => Array.from({ length: 4 }, (_, i) => ({ name: `${kind}/${i}.png`, data: picture(kind, k * 10 + i) }))));
  await page.getByTestId('upload-input').setInputFiles({ name: 'pets.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await confirmUploadPreview(page);
  await page.getByTestId('augment-summary').click();
  await page.getByTestId('aug-recipe-photos').click(); // crop, mirror and PCA colour
  await expect(page.getByTestId('augment-preview-shape')).toHaveAttribute('data-shape', '32x32x1', { timeout: 60_000 });
  const variant = page.getByTestId('augment-variant').first();
  await expect.poll(() => variant.evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`)).toBe('32x32');
  await expect(page.getByTestId('aug-not-applied')).toHaveText(["not applied: the network's input is greyscale"]);
  await expect(page.getByTestId('aug-not-applied')).toHaveAttribute('data-op', 'pcaColor');
  await expect(page.getByTestId('pca-grey-network')).toBeVisible();

  // 500° is kept at 180° and the field says why, in words (never "rotate.maxDegrees must be in [0, 180]").
  await page.getByTestId('aug-rotate-maxDegrees').fill('500');
  await expect(page.getByTestId('aug-rotate-maxDegrees')).toHaveValue('180');
  await expect(page.getByTestId('augment-clamped')).toHaveText('Rotation: max angle (°) is kept within 0 to 180.');
  await expect(page.getByTestId('augment-panel')).not.toContainText('rotate.maxDegrees');

  await page.getByTestId('language-select').selectOption('ja');
  await expect(page.getByTestId('aug-not-applied')).toHaveText(['適用されません: ネットワークの入力がグレースケールです']);
});

import { expect, test, type Page } from '@playwright/test';

/** A canvas' red channel (the grey value of a grey image), row by row. */
async function greyOf(page: Page, testId: string): Promise<number[]> {
  return page.getByTestId(testId).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    return Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]);
  });
}

/** The sample canvas, dark on light (255 − v), as a PNG file: a digit drawn in ink on white paper. */
async function darkOnLightPng(page: Page): Promise<Buffer> {
  const url = await page.getByTestId('sample-canvas').evaluate((c) => {
    const source = c as HTMLCanvasElement;
    const image = source.getContext('2d')?.getImageData(0, 0, source.width, source.height);
    if (!image) throw new Error('no sample painted');
    for (let i = 0; i < image.data.length; i += 4) for (let k = 0; k < 3; k++) image.data[i + k] = 255 - image.data[i + k];
    const out = document.createElement('canvas');
    out.width = source.width;
    out.height = source.height;
    out.getContext('2d')?.putImageData(image, 0, 0);
    return out.toDataURL('image/png');
  });
  return Buffer.from(url.split(',')[1], 'base64');
}

const top = async (page: Page) => (await page.getByTestId('predict-result').locator('li').first().locator('span').first().textContent())?.trim() ?? '';
const maxDiff = (a: number[], b: number[]) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test('invert: a dark-on-light digit is fed and shown inverted, and is recognised only with invert on', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=2000&batch=32');
  await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 240_000 });
  const invert = page.getByTestId('predict-invert');
  await expect(invert).not.toBeChecked();

  const rounds: { label: string; test: string; off: string; on: string }[] = [];
  for (let round = 0; round < 8; round++) {
    const before = await page.getByTestId('sample-canvas').getAttribute('aria-label');
    await page.getByTestId('random-test-image').click();
    await expect(page.getByTestId('sample-canvas')).not.toHaveAttribute('aria-label', before ?? '');
    const label = /label (.+)$/.exec((await page.getByTestId('sample-canvas').getAttribute('aria-label')) ?? '')?.[1] ?? '?';
    const sample = await greyOf(page, 'sample-canvas');

    // The test image itself (light on black, as trained).
    await page.getByTestId('predict-button').click();
    await expect(page.getByTestId('predict-shown')).toHaveAttribute('data-source', 'test');
    const onTest = await top(page);

    // The same digit in ink on paper, invert off: the network gets it as it is.
    await page.getByTestId('predict-upload').setInputFiles({ name: `ink-${round}.png`, mimeType: 'image/png', buffer: await darkOnLightPng(page) });
    await expect(page.getByTestId('predict-shown')).toHaveAttribute('data-source', 'upload');
    await expect(page.getByTestId('predict-inverted')).toHaveCount(0);
    expect(maxDiff(await greyOf(page, 'predict-input'), sample.map((v) => 255 - v))).toBeLessThanOrEqual(2);
    const off = await top(page);

    // Invert on: the shown upload is predicted again on its negative, which is the test image again.
    await invert.check();
    await expect(page.getByTestId('predict-inverted')).toBeVisible();
    expect(maxDiff(await greyOf(page, 'predict-input'), sample)).toBeLessThanOrEqual(2);
    const on = await top(page);
    rounds.push({ label, test: onTest, off, on });

    await invert.uncheck();
    await expect(page.getByTestId('predict-shown')).toHaveAttribute('data-source', 'upload');
    await expect(page.getByTestId('predict-inverted')).toHaveCount(0);
  }
  const right = (k: 'test' | 'off' | 'on') => rounds.filter((r) => r[k] === r.label).length;
  console.log(`8 test digits in ink on paper: ${right('on')} recognised with invert on, ${right('off')} with it off (test images ${right('test')}); ${JSON.stringify(rounds)}`);
  // Inverted back, the upload is the test image: the same answer every time.
  for (const r of rounds) expect(r.on).toBe(r.test);
  // The short training run reads 4–6 of 8 random test digits right (measured in three runs); invert on
  // recognises exactly those, invert off at most 3, and at least half of them only with invert on.
  expect(right('test')).toBeGreaterThanOrEqual(3);
  expect(right('on')).toBe(right('test'));
  expect(right('off')).toBeLessThanOrEqual(3);
  expect(rounds.filter((r) => r.on === r.label && r.off !== r.label).length).toBeGreaterThanOrEqual(Math.ceil(right('test') / 2));
});

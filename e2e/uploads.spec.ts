import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { zipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SVG_TEXT, corruptPngBytes, gifBytes, pngBytes } from '../src/data/uploads/testing/imageBytes';
import { DRAW, classCounts, classPng, rng } from './support/classImages';
import { confirmUploadPreview } from './support/uploadPreview';

/** JPEGs drawn and encoded by the browser's own canvas (an encoder Node does not have). */
async function classJpegs(page: Page, kind: string, count: number): Promise<Buffer[]> {
  const colour = { circles: '#dc1e1e', squares: '#1e3cdc', stripes: '#1ea03c' }[kind] ?? '#888';
  const arrays = await page.evaluate(async ({ kind, colour, count }) => {
    const out: number[][] = [];
    for (let i = 0; i < count; i++) {
      const canvas = new OffscreenCanvas(60, 80);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#f5f5f0';
      ctx.fillRect(0, 0, 60, 80);
      ctx.fillStyle = colour;
      if (kind === 'circles') {
        ctx.beginPath();
        ctx.arc(30, 40 + i * 4, 16, 0, Math.PI * 2);
        ctx.fill();
      } else if (kind === 'squares') ctx.fillRect(12 + i * 3, 24, 30, 30);
      else for (let y = i; y < 80; y += 8) ctx.fillRect(0, y, 60, 4);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      out.push(Array.from(new Uint8Array(await blob.arrayBuffer())));
    }
    return out;
  }, { kind, colour, count });
  return arrays.map((a) => Buffer.from(a));
}

/** pets/<class>/*.png|jpg on disk, for the folder picker. */
async function writeClassFolder(page: Page, info: TestInfo): Promise<string> {
  const root = info.outputPath('pets');
  for (const kind of ['circles', 'squares', 'stripes']) {
    mkdirSync(join(root, kind), { recursive: true });
    for (let i = 0; i < 8; i++) writeFileSync(join(root, kind, `${kind}-${i}.png`), classPng(kind, i * 31 + kind.length));
    (await classJpegs(page, kind, 2)).forEach((b, i) => writeFileSync(join(root, kind, `photo-${i}.jpg`), b));
  }
  writeFileSync(join(root, '.DS_Store'), 'junk'); // skipped silently, not an error
  return root;
}

/** Every broken file the spec expects to be refused, with the words its message must contain. */
function brokenFiles(): { name: string; mimeType: string; buffer: Buffer; reason: RegExp }[] {
  const png = pngBytes({ width: 32, height: 32 });
  return [
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0), reason: /empty\.png: the file is empty \(0 bytes\)/ },
    { name: 'truncated.png', mimeType: 'image/png', buffer: Buffer.from(png.subarray(0, png.length >> 1)), reason: /truncated\.png: the PNG file is truncated/ },
    { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('These are my notes, not a picture.\n'), reason: /notes\.png: this is a text file, not an image/ },
    { name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG_TEXT), reason: /drawing\.svg: SVG is a vector drawing/ },
    { name: 'anim.gif', mimeType: 'image/gif', buffer: Buffer.from(gifBytes(3)), reason: /anim\.gif: animated GIF/ },
    { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.from(pngBytes({ width: 30_000, height: 30_000, fakeSize: true })), reason: /huge\.png: the header says 30000×30000 pixels.*not decoded/ },
    { name: 'corrupt.png', mimeType: 'image/png', buffer: Buffer.from(corruptPngBytes()), reason: /corrupt\.png: the image data is corrupt/ },
  ];
}

test('uploads: folder, broken files, zip, persistence, training, augmentation preview and experiment, all in the browser', async ({ page }, info) => {
  test.setTimeout(300_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  page.context().on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto('./?arch=lenet5&input=32,32,3&dataset=uploads&epochs=4&batch=8&lr=0.003&valsplit=0.1');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await expect(page.getByTestId('class-list')).toContainText('No classes yet');

  // A folder of class folders: sub-folder name = class.
  const folder = await writeClassFolder(page, info);
  await page.getByTestId('upload-folder-input').setInputFiles(folder);
  expect(await confirmUploadPreview(page)).toBe('3 classes: circles 10, squares 10, stripes 10');
  await expect(page.getByTestId('upload-added')).toHaveText('Added 30 images.', { timeout: 60_000 });
  expect(await classCounts(page)).toEqual({ circles: 10, squares: 10, stripes: 10 });
  await expect(page.getByTestId('upload-error')).toHaveCount(0);

  // Broken files in one batch with two good ones: each refused with its reason, the good ones kept.
  const broken = brokenFiles();
  await page.getByTestId('upload-target').selectOption({ label: 'squares' });
  await page.getByTestId('upload-input').setInputFiles([
    ...broken.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })),
    { name: 'good-1.png', mimeType: 'image/png', buffer: classPng('squares', 101) },
    { name: 'good-2.png', mimeType: 'image/png', buffer: classPng('squares', 102) },
  ]);
  await expect(page.getByTestId('upload-added')).toHaveText('Added 2 images.', { timeout: 60_000 });
  const errors = page.getByTestId('upload-error');
  await expect(errors).toHaveCount(broken.length);
  for (const [i, b] of broken.entries()) await expect(errors.nth(i)).toHaveText(b.reason);
  expect(await classCounts(page)).toEqual({ circles: 10, squares: 12, stripes: 10 });

  // A .zip of class folders: a new class and one more image for an existing one.
  const zip = zipSync({
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`leaves/leaf-${i}.png`, pngBytes({ width: 48, height: 40, color: DRAW.leaves(rng(500 + i)) })])),
    'circles/extra.png': pngBytes({ width: 48, height: 40, color: DRAW.circles(rng(77)) }),
  });
  await page.getByTestId('upload-input').setInputFiles({ name: 'more.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  expect(await confirmUploadPreview(page)).toBe('2 classes: circles 1 (adds to the existing class), leaves 6');
  await expect(page.getByTestId('upload-added')).toHaveText('Added 7 images.', { timeout: 60_000 });
  const counts = { circles: 11, squares: 12, stripes: 10, leaves: 6 };
  expect(await classCounts(page)).toEqual(counts);
  // Thumbnails are real decoded previews (blob: URLs), keeping the 48×40 aspect.
  const thumb = page.locator('[data-class-name="leaves"]').getByTestId('upload-thumb').first();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => (img.complete ? `${img.naturalWidth}x${img.naturalHeight}` : ''))).toBe('48x40');

  // Persistence: the dataset survives a reload; a corrupt record is reported and skipped.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('cnn-playground-uploads');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('images', 'readwrite');
      tx.objectStore('images').put({ v: 1, id: 'broken-record', pixels: 'not pixels' }, 'broken-record');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
    };
  }));
  await page.reload();
  await expect(page.getByTestId('class-row')).toHaveCount(4, { timeout: 30_000 });
  expect(await classCounts(page)).toEqual(counts);
  await expect(page.getByTestId('damaged-record')).toHaveText(['an image record with no readable name (key broken-record): some of its details are missing or invalid (saving was cut short, or it was edited)']);

  // Train on the uploaded classes with the normal Train button.
  await expect(page.getByTestId('dataset-select')).toHaveValue('uploads');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  expect(Number(await page.getByTestId('metric-loss').textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId('metric-accuracy')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(page.getByTestId('build-info')).toContainText('4 classes');
  await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(4);

  // Augmentation preview: 12 variants of an uploaded image as the 32×32×3 network sees it, drawn, different from the source; PCA shown.
  await page.getByTestId('augment-summary').click();
  await page.getByTestId('aug-recipe-photos').click();
  const variants = page.getByTestId('augment-variant');
  await expect(variants).toHaveCount(12, { timeout: 60_000 });
  await expect(page.getByTestId('augment-preview-caption')).toContainText('Your images');
  await expect(page.getByTestId('pca-eigenvalue')).toHaveCount(3);
  const drawn = async () => page.getByTestId('augment-preview').evaluate((el) => {
    const pixels = (c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
    const source = pixels(el.querySelector<HTMLCanvasElement>('[data-testid="augment-source"]')!);
    return Array.from(el.querySelectorAll<HTMLCanvasElement>('[data-testid="augment-variant"]')).map((c) => {
      const p = pixels(c);
      return { size: `${c.width}x${c.height}`, distinct: new Set(p).size, differs: p.some((v, i) => v !== source[i]) };
    });
  });
  await expect.poll(async () => (await drawn()).filter((v) => v.size === '32x32' && v.distinct > 4 && v.differs).length, { timeout: 30_000 }).toBe(12);

  // It works for a bundled dataset too (the generated colour shapes).
  await page.getByTestId('dataset-select').selectOption('shapes');
  await expect(page.getByTestId('augment-preview-caption')).not.toContainText('Your images', { timeout: 60_000 });
  await expect.poll(async () => (await drawn()).filter((v) => v.size === '32x32' && v.differs).length, { timeout: 30_000 }).toBe(12);

  // The experiment: same network with and without augmentation, both validation curves drawn.
  await page.getByTestId('dataset-select').selectOption('uploads');
  await page.getByTestId('augment-experiment').locator('summary').click();
  await page.getByTestId('compare-examples').fill('40');
  await page.getByTestId('compare-epochs').fill('3');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-row-augmented').locator('td').nth(1)).toHaveText(/^\d+(\.\d)?%$/, { timeout: 120_000 });
  await expect(page.getByTestId('compare-row-plain').locator('td').nth(1)).toHaveText(/^\d+(\.\d)?%$/);
  for (const run of ['plain', 'augmented']) await expect(page.getByTestId(`compare-chart-${run}`).locator('path[data-series="val"]')).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){2}$/);
  // The sizes it really used (the 256 validation images asked for do not exist), and how little 9 images prove.
  const sizes = page.getByTestId('compare-sizes');
  await expect(sizes).toHaveAttribute('data-validation', /^\d$/);
  await expect(sizes).toContainText(/^Used \d+ training and \d validation images\. You asked for 40 \+ 256; the dataset has no more\.$/);
  await expect(page.getByTestId('compare-confidence')).toContainText(/^With \d validation images, one image is [\d.]+ points of accuracy/);

  // Nothing left the browser: every request went to this origin (or data:/blob:), and none sent a body.
  const origin = new URL(page.url()).origin;
  const foreign = requests.filter((r) => {
    const url = r.slice(r.indexOf(' ') + 1);
    return !(url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:'));
  });
  expect(foreign).toEqual([]);
  expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
});

test('drag-and-drop: dropped files are checked in the worker and join the selected class', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('new-class-name').fill('dropped');
  await page.getByTestId('create-class').click();
  await expect(page.locator('[data-class-name="dropped"]')).toBeVisible();
  // Two different pictures (the same file twice would be skipped as an exact duplicate).
  const pngs = [Array.from(classPng('circles', 3)), Array.from(classPng('circles', 4))];
  const dataTransfer = await page.evaluateHandle(([one, two]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(one)], 'drop-1.png', { type: 'image/png' }));
    dt.items.add(new File([new Uint8Array(two)], 'drop-2.png', { type: 'image/png' }));
    dt.items.add(new File(['just text'], 'readme.png', { type: 'image/png' }));
    return dt;
  }, pngs);
  await page.getByTestId('upload-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('[data-class-name="dropped"]').getByTestId('class-count')).toHaveAttribute('data-count', '2', { timeout: 30_000 });
  await expect(page.getByTestId('upload-error')).toHaveText([/readme\.png: this is a text file/]);
  // The panels, filled and opened, pass axe (WCAG 2.1 AA): labels, contrast, roles.
  await page.locator('[data-class-name="dropped"]').getByTestId('upload-thumb').first().click();
  await page.getByTestId('augment-summary').click();
  await page.getByTestId('augment-experiment').locator('summary').click();
  const axe = await new AxeBuilder({ page }).include('[data-testid="uploads-panel"]').include('[data-testid="augment-panel"]').include('[data-testid="augment-experiment"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Move, rename, delete an image, delete a class.
  const count = (name: string) => page.locator(`[data-class-name="${name}"]`).getByTestId('class-count');
  await page.getByTestId('new-class-name').fill('other');
  await page.getByTestId('create-class').click();
  await page.getByTestId('selected-image').getByRole('combobox').selectOption({ label: 'other' });
  await expect(count('other')).toHaveAttribute('data-count', '1');
  await expect(count('dropped')).toHaveAttribute('data-count', '1');
  await page.locator('[data-class-name="dropped"]').getByRole('button', { name: 'Rename' }).click();
  await page.locator('[data-class-name="dropped"]').getByRole('textbox').fill('renamed');
  await page.locator('[data-class-name="dropped"]').getByRole('button', { name: 'Save' }).click();
  await expect(count('renamed')).toHaveAttribute('data-count', '1');
  await page.getByTestId('selected-image').getByRole('button', { name: 'Delete image' }).click();
  await expect(count('other')).toHaveAttribute('data-count', '0');
  await page.locator('[data-class-name="renamed"]').getByRole('button', { name: 'Delete class' }).click();
  await page.locator('[data-class-name="renamed"]').getByRole('alert').getByRole('button', { name: 'Delete class' }).click();
  await expect(page.getByTestId('class-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('class-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(count('other')).toHaveAttribute('data-count', '0');
});

test.describe('webcam', () => {
  test('without camera permission the panel says why, and the rest keeps working', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('webcam-start').click();
    await expect(page.getByTestId('webcam-message')).toHaveText(/Camera permission was denied|No camera was found on this device/);
    await expect(page.getByTestId('upload-input')).toBeEnabled();
  });

});

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCp437 } from '../src/data/uploads/cp437';
import { testZip } from '../src/data/uploads/testing/zipBytes';
import { DRAW, classCounts, classPng, rng } from './support/classImages';
import { confirmUploadPreview } from './support/uploadPreview';
import { pngBytes } from '../src/data/uploads/testing/imageBytes';

/** Shift_JIS (CP932) bytes of the few characters used here: Node has a decoder but no encoder. */
const SJIS: Record<string, number[]> = { い: [0x82, 0xa2], ぬ: [0x82, 0xca], 写: [0x8e, 0xca], 真: [0x90, 0x5e] };
const sjis = (text: string) => Uint8Array.from([...text].flatMap((c) => SJIS[c] ?? [c.charCodeAt(0)]));

const picture = (kind: string, seed: number) => pngBytes({ width: 48, height: 40, color: DRAW[kind](rng(seed)) });
const zipFile = (name: string, zip: Uint8Array) => ({ name, mimeType: 'application/zip', buffer: Buffer.from(zip) });

/** A distinct JPEG per call, encoded by the browser (Node has no JPEG encoder). */
async function jpeg(page: Page, seed: number): Promise<Buffer> {
  const bytes = await page.evaluate(async (s) => {
    const canvas = new OffscreenCanvas(40, 30);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = `rgb(${(s * 37) % 256}, ${(s * 91) % 256}, ${(s * 53) % 256})`;
    ctx.fillRect(0, 0, 40, 30);
    ctx.fillStyle = '#fff';
    ctx.fillRect(s % 30, 5, 8, 8);
    return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer()));
  }, seed);
  return Buffer.from(bytes);
}

test('the stuck-panel race: a batch whose last file is refused settles every time (20 repetitions), and a pick while busy is refused with a reason', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await page.getByTestId('new-class-name').fill('race');
  await page.getByTestId('create-class').click();
  const count = page.locator('[data-class-name="race"]').getByTestId('class-count');
  await expect(count).toHaveAttribute('data-count', '0');
  for (let i = 0; i < 20; i++) {
    await page.getByTestId('upload-input').setInputFiles([
      { name: `valid-${i}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(page, i + 1) },
      { name: `empty-${i}.png`, mimeType: 'image/png', buffer: Buffer.alloc(0) },
    ]);
    await expect(count).toHaveAttribute('data-count', String(i + 1), { timeout: 30_000 });
    // Settled: the status says so, no progress bar is left, both pickers work again.
    await expect(page.getByTestId('upload-added')).toHaveText('Added 1 images.');
    await expect(page.getByTestId('upload-progress')).toHaveCount(0);
    await expect(page.getByTestId('upload-input')).toBeEnabled();
    await expect(page.getByTestId('upload-folder-input')).toBeEnabled();
  }
  await expect(page.getByTestId('upload-error').filter({ hasText: /empty-\d+\.png: the file is empty/ })).toHaveCount(20);

  // While a preview waits for its answer, a drop is refused with a reason, not raced.
  await page.getByTestId('upload-input').setInputFiles(zipFile('pets.zip', testZip([{ name: 'dots/1.png', data: picture('circles', 1) }])));
  await expect(page.getByTestId('upload-preview')).toBeVisible();
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'late.png', { type: 'image/png' }));
    return dt;
  });
  await page.getByTestId('upload-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('upload-busy')).toContainText('Still busy with the previous images');
  await page.getByTestId('upload-preview-cancel').click();
  await expect(page.getByTestId('upload-preview')).toHaveCount(0);
  await expect(page.getByTestId('upload-input')).toBeEnabled();
});

test('zip names: Info-ZIP (UTF-8, no flag), Japanese Windows (Shift_JIS), DOS (CP437) and Python (flagged) zips give the right class names', async ({ page }) => {
  await page.goto('./');
  const infoZip = testZip([
    { name: 'Café/1.png', data: picture('circles', 1), utf8Flag: false },
    { name: 'Cafe\u0301/2.png', data: picture('circles', 2), utf8Flag: false }, // macOS NFD: the same class
    { name: 'ねこ/3.png', data: picture('squares', 3), utf8Flag: false },
  ]);
  const windowsJa = testZip([{ name: sjis('いぬ/4.png'), data: picture('stripes', 4) }, { name: sjis('写真/5.png'), data: picture('leaves', 5) }]);
  const dos = testZip([{ name: encodeCp437('Crème/6.png'), data: picture('squares', 6) }]);
  const python = testZip([{ name: 'Ünïcode ✓/7.png', data: picture('leaves', 7) }]);
  for (const [name, zip] of [['info-zip.zip', infoZip], ['windows-ja.zip', windowsJa], ['dos.zip', dos], ['python.zip', python]] as const) {
    await page.getByTestId('upload-input').setInputFiles(zipFile(name, zip));
    await confirmUploadPreview(page);
    await expect(page.getByTestId('upload-added')).toHaveText(/^Added \d+ images\.$/);
  }
  expect(await classCounts(page)).toEqual({ Café: 2, ねこ: 1, いぬ: 1, 写真: 1, Crème: 1, 'Ünïcode ✓': 1 });
  await expect(page.getByTestId('upload-error')).toHaveCount(0);
});

test('a class/student/subfolder layout: the preview names the top-level classes before anything is stored; a name clash waits for the user', async ({ page }, info) => {
  await page.goto('./');
  const root = info.outputPath('fruit');
  for (const [k, fruit] of ['apples', 'bananas', 'grapes'].entries()) {
    for (const [j, student] of ['alice', 'bob'].entries()) {
      mkdirSync(join(root, fruit, student), { recursive: true });
      for (let i = 0; i < 2; i++) writeFileSync(join(root, fruit, student, `${i}.png`), classPng(['circles', 'squares', 'stripes'][k], k * 100 + j * 10 + i));
    }
  }
  await page.getByTestId('upload-folder-input').setInputFiles(root);
  const preview = page.getByTestId('upload-preview');
  await expect(preview.getByTestId('upload-preview-summary')).toHaveText('3 classes: apples 4, bananas 4, grapes 4 — from 6 subfolders');
  // Ambiguous: sub-folders inside the class folders. The other readings are offered, the rule is chosen.
  await expect(preview.getByTestId('upload-layout-top')).toBeChecked();
  await expect(preview.getByText('The folders one level deeper: 2 classes: alice 6, bob 6')).toBeVisible();
  await expect(preview.getByText('One class per folder or zip you added: 1 class: fruit 12')).toBeVisible();
  // Nothing is stored before the answer.
  await expect(page.getByTestId('class-list')).toContainText('No classes yet');
  await preview.getByTestId('upload-preview-confirm').click();
  await expect(page.getByTestId('upload-added')).toHaveText('Added 12 images.');
  expect(await classCounts(page)).toEqual({ apples: 4, bananas: 4, grapes: 4 });

  // "Apples" beside the existing "apples": neither merged nor dropped until the user says which.
  await page.getByTestId('upload-input').setInputFiles(zipFile('more.zip', testZip([{ name: 'Apples/9.png', data: picture('circles', 900) }])));
  await expect(preview.getByTestId('upload-collision')).toContainText('"Apples" differs from the existing class "apples" only in upper/lower case or spaces.');
  await expect(preview.getByTestId('upload-preview-confirm')).toBeDisabled();
  await preview.getByTestId('collision-merge').check();
  await preview.getByTestId('upload-preview-confirm').click();
  await expect(page.getByTestId('upload-added')).toHaveText('Added 1 images.');
  expect(await classCounts(page)).toEqual({ apples: 5, bananas: 4, grapes: 4 });
});

test('exact duplicates are skipped and counted: the same zip twice adds nothing the second time', async ({ page }) => {
  await page.goto('./');
  const zip = testZip(['circles', 'squares'].flatMap((kind, k) => Array.from({ length: 6 }, (_, i) => ({ name: `${kind}/${i}.png`, data: picture(kind, k * 20 + i) }))));
  await page.getByTestId('upload-input').setInputFiles(zipFile('pets.zip', zip));
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText('Added 12 images.');
  await page.getByTestId('upload-input').setInputFiles(zipFile('pets (copy).zip', zip));
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText('Added 0 images.');
  const duplicates = page.getByTestId('upload-duplicates');
  await expect(duplicates).toHaveAttribute('data-count', '12');
  await expect(duplicates.locator('summary')).toHaveText('Skipped 12 exact duplicates (the same picture is already in your images):');
  await duplicates.locator('summary').click();
  await expect(duplicates.getByText('pets (copy).zip/circles/0.png (same as pets.zip/circles/0.png)')).toBeVisible();
  expect(await classCounts(page)).toEqual({ circles: 6, squares: 6 });
});

test('zip edge cases, each with its own reason: password-protected, bzip2 beside good entries, cut short, empty, a zip inside', async ({ page }) => {
  await page.goto('./');
  const good = (i: number) => ({ name: `k/${i}.png`, data: picture('circles', 40 + i), method: 0 });
  const whole = testZip([good(1), good(2), good(3)]);
  await page.getByTestId('upload-input').setInputFiles([
    zipFile('secret.zip', testZip([{ name: 'a/1.png', data: picture('circles', 1), encrypted: true }])),
    zipFile('mixed.zip', testZip([{ name: 'k/bz.png', data: picture('circles', 2), method: 12 }, { name: 'k/ok.png', data: picture('circles', 3) }, { name: 'k/inner.zip', data: testZip([]) }])),
    // Cut inside its third entry (the directory at the end, about 180 bytes, and 70 bytes of that entry are gone).
    zipFile('cut.zip', whole.subarray(0, whole.length - 250)),
    zipFile('empty.zip', testZip([])),
  ]);
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText('Added 3 images.');
  const reasons = await page.getByTestId('upload-error').allTextContents();
  expect(reasons.sort()).toEqual([
    'cut.zip: the zip is cut short (an interrupted download or copy?): the 2 complete files up to "k/2.png" were read; the rest is missing.',
    'empty.zip: the zip is empty: it holds no files.',
    'mixed.zip/k/bz.png: compressed with bzip2, which this page cannot unpack: re-zip it with ordinary (Deflate) compression.',
    'mixed.zip/k/inner.zip: this is a zip inside the zip: unzip it and add it on its own.',
    'secret.zip: the zip is password-protected: unzip it with its password, then add the folder.',
  ]);
});

import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { pngBytes } from '../src/data/uploads/testing/imageBytes';
import { DRAW, classCounts, rng } from './support/classImages';
import { confirmUploadPreview } from './support/uploadPreview';

/** A .zip of class folders, `count` seeded pictures per class. */
function classZip(kinds: readonly string[], count: number, seed = 0): Buffer {
  const entries = kinds.flatMap((kind) => Array.from({ length: count }, (_, i) => [`${kind}/${kind}-${i}.png`, pngBytes({ width: 48, height: 40, color: DRAW[kind](rng(seed + i * 31 + kind.length)) })] as const));
  return Buffer.from(zipSync(Object.fromEntries(entries)));
}

async function addZip(page: Page, name: string, zip: Buffer, added: number) {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'application/zip', buffer: zip });
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText(`Added ${added} images.`, { timeout: 60_000 });
}

test('the augmentation preview of "Your images" follows the images: an import, a deleted source, a renamed and a deleted class', async ({ page }) => {
  // An RGB network: its training applies the PCA colour shift the preview is expected to redraw.
  await page.goto('./?dataset=uploads&input=32,32,3');
  await addZip(page, 'pets.zip', classZip(['circles', 'squares'], 5), 10);
  await page.getByTestId('augment-summary').click();
  await page.getByTestId('aug-recipe-photos').click(); // crop, mirror and PCA colour
  const caption = page.getByTestId('augment-preview-caption');
  await expect(caption).toContainText('Your images', { timeout: 60_000 });
  await expect(page.getByTestId('augment-variant')).toHaveCount(12);
  /** What the user sees: the source and variant canvases as data URLs, the caption, the PCA eigenvalues. */
  const look = async () => ({
    ...(await page.getByTestId('augment-preview').evaluate((el) => ({
      source: el.querySelector<HTMLCanvasElement>('[data-testid="augment-source"]')!.toDataURL(),
      variants: Array.from(el.querySelectorAll<HTMLCanvasElement>('[data-testid="augment-variant"]'), (c) => c.toDataURL()).join('|'),
    }))),
    caption: (await caption.textContent()) ?? '',
    name: (await caption.getAttribute('data-image-name')) ?? '',
    eigenvalues: (await page.getByTestId('pca-eigenvalue').allTextContents()).join(' '),
  });
  await expect.poll(async () => (await look()).source.length).toBeGreaterThan(200);
  const first = await look();
  expect(first.name).toMatch(/^pets\.zip\/(circles|squares)\/\1-\d\.png$/);
  expect(first.caption).toContain(first.name);

  // A fresh import of green stripes: the training set's colours change, so the PCA components and the
  // colour-shifted variants are redrawn; the source image is still the same picture.
  await addZip(page, 'more.zip', classZip(['stripes'], 5, 7), 5);
  await expect.poll(async () => (await look()).eigenvalues).not.toBe(first.eigenvalues);
  await expect.poll(async () => (await look()).variants).not.toBe(first.variants);
  const imported = await look();
  expect([imported.source, imported.name]).toEqual([first.source, first.name]);

  // The source image deleted: the preview shows another image that still exists.
  await page.getByAltText(first.name, { exact: true }).click();
  await page.getByTestId('selected-image').getByRole('button', { name: 'Delete image' }).click();
  await expect(caption).not.toHaveAttribute('data-image-name', first.name);
  await expect.poll(async () => (await look()).source).not.toBe(first.source);
  const replaced = await look();
  await expect(page.getByAltText(replaced.name, { exact: true })).toHaveCount(1);

  // Its class renamed: same picture, the new label in the caption.
  const label = /\/(circles|squares|stripes)\//.exec(replaced.name)?.[1] ?? '';
  const row = page.locator(`[data-class-name="${label}"]`);
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByRole('textbox').fill('renamed class');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(caption).toContainText('(renamed class)');
  expect((await look()).source).toBe(replaced.source);

  // That class deleted: the preview moves to an image of a class that is left.
  const renamed = page.locator('[data-class-name="renamed class"]');
  await renamed.getByRole('button', { name: 'Delete class' }).click();
  await renamed.getByRole('alert').getByRole('button', { name: 'Delete class' }).click();
  await expect(caption).not.toContainText('renamed class');
  await expect.poll(async () => (await look()).source).not.toBe(replaced.source);
  const left = await look();
  expect(left.name).not.toContain(`/${label}/`);
  await expect(page.getByAltText(left.name, { exact: true })).toHaveCount(1);
});

test('damaged saved records are named, "Remove damaged records" cleans the store for good, and no valid image is lost', async ({ page }) => {
  await page.goto('./');
  await addZip(page, 'pets.zip', classZip(['circles', 'squares'], 3), 6);
  // Damage the store the way a crash, an old version or a hand edit would: the page's own database.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('cnn-playground-uploads');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['classes', 'images'], 'readwrite');
      const classes = tx.objectStore('classes');
      const images = tx.objectStore('images');
      classes.getAll().onsuccess = (e) => {
        const circles = ((e.target as IDBRequest<{ id: string; name: string }[]>).result).find((c) => c.name === 'circles')!;
        images.getAll().onsuccess = (ev) => {
          const valid = (ev.target as IDBRequest<Record<string, unknown>[]>).result.find((i) => i.classId === circles.id)!;
          images.put({ v: 1, id: 'broken-record', pixels: 'not pixels' }, 'broken-record');
          images.put({ ...valid, id: 'ruined', name: 'ruined.png', pixels: new Uint8Array(3) }, 'ruined');
          // A class record cut short, and a perfectly good image that belongs to it.
          classes.put({ v: 1, id: 'lost-class', name: 'lost leaves', createdAt: 'yesterday' }, 'lost-class');
          images.put({ ...valid, id: 'leaf', classId: 'lost-class', name: 'leaf.png' }, 'leaf');
        };
      };
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  }));

  await page.reload();
  await expect(page.getByTestId('damaged-records')).toContainText('4 saved records are damaged and were left out', { timeout: 30_000 });
  await expect(page.getByTestId('damaged-record')).toHaveText([
    'class "lost leaves": some of its details are missing or invalid (saving was cut short, or it was edited)',
    'an image record with no readable name (key broken-record): some of its details are missing or invalid (saving was cut short, or it was edited)',
    'image "leaf.png" (class "lost leaves"): its class record is damaged or missing, but the image itself is fine',
    'image "ruined.png" (class "circles"): its pixel data is missing or the wrong size',
  ]);
  expect(await classCounts(page)).toEqual({ circles: 3, squares: 3 });

  await page.getByTestId('remove-damaged').click();
  await expect(page.getByTestId('damaged-removed')).toHaveText('Removed 2 damaged records. Kept 1 images by restoring their class: "lost leaves".');
  await expect(page.getByTestId('damaged-records')).toHaveCount(0);
  expect(await classCounts(page)).toEqual({ circles: 3, squares: 3, 'lost leaves': 1 });

  await page.reload();
  await expect(page.getByTestId('class-row')).toHaveCount(3, { timeout: 30_000 });
  expect(await classCounts(page)).toEqual({ circles: 3, squares: 3, 'lost leaves': 1 });
  await expect(page.getByTestId('damaged-records')).toHaveCount(0);
  await expect(page.getByTestId('upload-warning').filter({ hasText: /damaged|could not be read/ })).toHaveCount(0);
  // The kept image is a real picture again: its thumbnail decodes.
  const leaf = page.getByAltText('leaf.png', { exact: true });
  await expect.poll(() => leaf.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(48);
});

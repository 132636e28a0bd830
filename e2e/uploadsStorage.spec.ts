import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { testZip } from '../src/data/uploads/testing/zipBytes';
import { pngBytes } from '../src/data/uploads/testing/imageBytes';
import { DRAW, classCounts, rng } from './support/classImages';
import { confirmUploadPreview } from './support/uploadPreview';

const picture = (kind: string, seed: number) => pngBytes({ width: 48, height: 40, color: DRAW[kind](rng(seed)) });
const classZip = (classes: Record<string, string>, count: number, seed = 0) =>
  Buffer.from(testZip(Object.entries(classes).flatMap(([name, kind], k) => Array.from({ length: count }, (_, i) => ({ name: `${name}/${kind}-${i}.png`, data: picture(kind, seed + k * 100 + i) })))));

async function addZip(page: Page, name: string, zip: Buffer, added: number) {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'application/zip', buffer: zip });
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText(`Added ${added} images.`, { timeout: 60_000 });
}

/** How many image records the page's database holds (read through IndexedDB itself). */
const storedImages = (page: Page) => page.evaluate(() => new Promise<number>((resolve, reject) => {
  const open = indexedDB.open('cnn-playground-uploads');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('images')) {
      db.close();
      resolve(0);
      return;
    }
    const req = db.transaction('images').objectStore('images').count();
    req.onsuccess = () => {
      db.close();
      resolve(req.result);
    };
  };
}));

/** Clears the site's IndexedDB as "Clear site data" does, with the page open. */
async function clearSiteData(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
  await cdp.detach();
}

test('a batch the storage estimate says will not fit is refused before anything is written', async ({ page }) => {
  // A nearly full disk: 400 KB of quota, 100 KB used.
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 100_000, quota: 400_000 }) });
  });
  await page.goto('./');
  await expect(page.getByTestId('storage-usage')).toContainText('Saved in this browser: 97.7 KB of 390.6 KB available.');
  await page.getByTestId('upload-input').setInputFiles({ name: 'pets.zip', mimeType: 'application/zip', buffer: classZip({ cats: 'circles', dogs: 'squares' }, 15) });
  await confirmUploadPreview(page);
  const refused = page.getByTestId('upload-error').and(page.locator('[data-reason="storage-full"]'));
  await expect(refused).toHaveText(/Not enough room in this browser's storage: 30 images need about 2\.7 MB and 0\.3 MB is free\. Nothing was added/);
  await expect(page.getByTestId('class-list')).toContainText('No classes yet');
  expect(await storedImages(page)).toBe(0);
});

test('site data cleared while the page is open: a notice at once, the images stay on the page, and can be stored again', async ({ page }) => {
  await page.goto('./');
  await addZip(page, 'pets.zip', classZip({ cats: 'circles', dogs: 'squares' }, 4), 8);
  expect(await storedImages(page)).toBe(8);
  await clearSiteData(page);
  const lost = page.getByTestId('storage-lost');
  await expect(lost).toContainText('Your images are no longer saved in this browser: its storage for this site was cleared or closed. The 8 images on this page are still here');
  expect(await classCounts(page)).toEqual({ cats: 4, dogs: 4 });
  // A change still works (on the page) and says nothing in the browser's own words.
  const row = page.locator('[data-class-name="dogs"]');
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByRole('textbox').fill('puppies');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-class-name="puppies"]')).toBeVisible();
  await expect(page.getByTestId('uploads-failure')).toHaveCount(0);
  await expect(page.getByTestId('uploads-panel')).not.toContainText(/database connection|transaction|InvalidStateError/i);
  await page.getByTestId('store-again').click();
  await expect(lost).toHaveCount(0);
  expect(await storedImages(page)).toBe(8);
  await page.reload();
  await expect(page.getByTestId('class-row')).toHaveCount(2, { timeout: 30_000 });
  expect(await classCounts(page)).toEqual({ cats: 4, puppies: 4 });
});

test('export → clear → import restores every image byte for byte, class names and split included', async ({ page }, info) => {
  await page.goto('./');
  await addZip(page, 'pets.zip', classZip({ 'Café': 'circles', 'ねこ 子猫': 'squares', leaves: 'leaves' }, 5), 15);
  const save = async (file: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dataset').click()]);
    expect(download.suggestedFilename()).toMatch(/^cnn-playground-images-\d{4}-\d\d-\d\d\.zip$/);
    await download.saveAs(info.outputPath(file));
    return unzipSync(readFileSync(info.outputPath(file)));
  };
  const before = await save('before.zip');
  const splitBefore = await page.getByTestId('class-row').allTextContents();
  expect(Object.keys(before).filter((p) => !p.startsWith('.') && p.endsWith('.png')).length).toBe(15);

  await clearSiteData(page);
  await page.reload();
  await expect(page.getByTestId('class-list')).toContainText('No classes yet', { timeout: 30_000 });

  await page.getByTestId('import-dataset').setInputFiles(info.outputPath('before.zip'));
  await expect(page.getByTestId('upload-preview-import')).toContainText('A dataset saved from this page: 3 classes, 15 images.');
  await page.getByTestId('upload-preview-confirm').click();
  await expect(page.getByTestId('upload-added')).toHaveText('Added 15 images.');
  expect(await classCounts(page)).toEqual({ 'Café': 5, 'ねこ 子猫': 5, leaves: 5 });
  expect(await page.getByTestId('class-row').allTextContents()).toEqual(splitBefore);

  const after = await save('after.zip');
  const manifest = (files: Record<string, Uint8Array>) => {
    const m = JSON.parse(new TextDecoder().decode(files['cnn-playground-dataset.json'])) as { exportedAt: string };
    return { ...m, exportedAt: '' };
  };
  expect(manifest(after)).toEqual(manifest(before));
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const path of Object.keys(before)) if (path !== 'cnn-playground-dataset.json') expect(Buffer.from(after[path]).equals(Buffer.from(before[path])), path).toBe(true);
});

test('two tabs converge: an add in one appears in the other, a delete in the other disappears in the first, one class for the same folder', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('./');
  await b.goto('./');
  await expect(a.getByTestId('class-list')).toContainText('No classes yet');
  await expect(b.getByTestId('class-list')).toContainText('No classes yet');

  await addZip(a, 'fruit.zip', classZip({ apples: 'circles', bananas: 'leaves' }, 3), 6);
  await expect.poll(() => classCounts(b), { timeout: 30_000 }).toEqual({ apples: 3, bananas: 3 });
  // The other tab adds its own photos of the same folder names: they join the same classes.
  await addZip(b, 'fruit.zip', classZip({ apples: 'circles', bananas: 'leaves' }, 3, 50), 6);
  await expect.poll(() => classCounts(a), { timeout: 30_000 }).toEqual({ apples: 6, bananas: 6 });

  const bananas = b.locator('[data-class-name="bananas"]');
  await bananas.getByRole('button', { name: 'Delete class' }).click();
  await bananas.getByRole('alert').getByRole('button', { name: 'Delete class' }).click();
  await expect.poll(() => classCounts(a), { timeout: 30_000 }).toEqual({ apples: 6 });

  await a.reload();
  await b.reload();
  await expect(a.getByTestId('class-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(b.getByTestId('class-row')).toHaveCount(1, { timeout: 30_000 });
  expect(await classCounts(a)).toEqual({ apples: 6 });
  expect(await classCounts(b)).toEqual({ apples: 6 });
});

test("another connection's deleteDatabase is not blocked: the page closes its own at once and says the saved images are gone", async ({ page }) => {
  await page.goto('./');
  await addZip(page, 'pets.zip', classZip({ cats: 'circles', dogs: 'squares' }, 2), 4);
  const outcome = await page.evaluate(() => new Promise<string>((resolve) => {
    const req = indexedDB.deleteDatabase('cnn-playground-uploads');
    req.onblocked = () => resolve('blocked');
    req.onsuccess = () => resolve('deleted');
    req.onerror = () => resolve('error');
  }));
  expect(outcome).toBe('deleted');
  await expect(page.getByTestId('storage-lost')).toContainText('Another tab deleted the saved images. The 4 images on this page are still here');
  expect(await classCounts(page)).toEqual({ cats: 2, dogs: 2 });
});

test('once the first images are stored the page asks the browser to keep them (once), and the button asks again', async ({ page }) => {
  // A browser that has not made the storage persistent and declines to.
  await page.addInitScript(() => {
    const w = window as unknown as { persistAsked: number };
    w.persistAsked = 0;
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => false });
    Object.defineProperty(navigator.storage, 'persist', { value: async () => ((w.persistAsked += 1), false) });
  });
  const asked = () => page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked);
  await page.goto('./');
  const usage = page.getByTestId('storage-usage');
  await expect(usage).toContainText('The browser may clear them when the disk runs low.');
  expect(await asked()).toBe(0);
  await addZip(page, 'pets.zip', classZip({ cats: 'circles', dogs: 'squares' }, 2), 4);
  await expect.poll(asked).toBe(1);
  await addZip(page, 'more.zip', classZip({ cats: 'circles' }, 2, 70), 2);
  expect(await asked()).toBe(1);
  await usage.getByRole('button', { name: 'Ask the browser to keep them' }).click();
  await expect(usage).toContainText('The browser did not promise to keep them: save a zip now and then.');
  expect(await asked()).toBe(2);
});

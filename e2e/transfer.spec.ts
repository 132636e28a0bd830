import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pngBytes } from '../src/data/uploads/testing/imageBytes';
import { confirmUploadPreview } from './support/uploadPreview';
import { TINY_MOBILENET_CUT, tinyMobilenetFiles } from '../src/engine/transfer/testing/mobilenetFormat';

type Rgb = [number, number, number];

/** Three picture classes a LeNet base can tell apart once grey: a dark disc, a dark bar, a light frame. */
const DRAW: Record<string, (i: number) => (x: number, y: number) => Rgb> = {
  discs: (i) => (x, y) => ((x - 20 - (i % 4)) ** 2 + (y - 20 - (i % 3)) ** 2 < 120 ? [20, 20, 20] : [240, 240, 240]),
  bars: (i) => (x) => (Math.abs(x - 18 - (i % 5)) < 4 ? [20, 20, 20] : [240, 240, 240]),
  frames: (i) => (x, y) => (x < 6 + (i % 3) || y < 6 || x > 33 || y > 33 ? [240, 240, 240] : [30, 30, 30]),
};

/** A folder of class folders (8 PNGs each) for the uploads folder picker. */
function writeClasses(root: string): string {
  for (const [kind, draw] of Object.entries(DRAW)) {
    mkdirSync(join(root, kind), { recursive: true });
    // The corner pixel carries i: the patterns repeat (bars every 5, frames every 3), and exact duplicates are skipped.
    for (let i = 0; i < 10; i++) writeFileSync(join(root, kind, `${kind}-${i}.png`), Buffer.from(pngBytes({ width: 40, height: 40, color: (x, y) => (x === 0 && y === 0 ? [i * 25, 0, 0] : draw(i)(x, y)) })));
  }
  return root;
}

async function predictionTexts(page: Page): Promise<string[]> {
  await page.getByTestId('predict-button').click();
  const items = page.getByTestId('predict-result').locator('li');
  await expect(items.first()).toBeVisible();
  return items.allTextContents();
}

async function save(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/**
 * A local stand-in for tfjs' model host: a tiny network in ImageNet MobileNet v1's file format (Keras
 * model_config, relu6, conv_dw/conv_pw blocks, sharded weights), on another origin with CORS, like
 * storage.googleapis.com. No test touches the internet.
 */
async function serveTinyMobilenet(): Promise<{ url: string; close: () => Promise<void> }> {
  const files = tinyMobilenetFiles();
  const server = createServer((req, res) => {
    const name = (req.url ?? '').split('/').pop() ?? '';
    const shard = files.shards.find((s) => s.name === name)?.data;
    const body = name === 'model.json' ? Buffer.from(files.json) : shard && Buffer.from(new Uint8Array(shard));
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': name === 'model.json' ? 'application/json' : 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/mobilenet_v1_tiny/model.json`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

test('transfer: shipped LeNet base, new head for 3 uploaded classes, head-only training on cached features, predict, download and re-import, invalid import refused', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.goto('./?dataset=uploads&epochs=4&batch=8&lr=0.01&valsplit=0');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await page.getByTestId('upload-folder-input').setInputFiles(writeClasses(info.outputPath('classes')));
  await confirmUploadPreview(page);
  await expect(page.getByTestId('upload-added')).toHaveText('Added 30 images.', { timeout: 60_000 });

  // The shipped base, as scripts/pretrain.ts recorded it.
  await page.getByTestId('base-select').selectOption('lenet5-mnist');
  await page.getByTestId('load-base').click();
  await expect(page.getByTestId('base-info')).toContainText('61,706 parameters, input 32×32×1', { timeout: 30_000 });
  await expect(page.getByTestId('base-info')).toContainText(/Test accuracy 9\d\.\d% on mnist/);

  // A new softmax for the 3 uploaded classes on the conv features (5×5×16 = 400, flattened).
  await expect(page.getByTestId('class-choice')).toHaveCount(3, { timeout: 30_000 });
  await page.getByTestId('transfer-per-class').fill('0');
  await page.getByTestId('apply-head').click();
  await expect(page.getByTestId('transfer-installed')).toContainText('3 classes, 24 training and 6 test images', { timeout: 30_000 });
  await expect(page.getByTestId('freeze-control')).toHaveValue('head');
  await expect(page.getByTestId('trainable-params')).toHaveText('1,203');
  await expect(page.getByTestId('transfer-layers').locator('tr[data-frozen="true"]')).toHaveCount(4);
  await expect(page.getByTestId('feature-cache-note')).toContainText('Feature cache on');
  await expect(page.getByTestId('build-info')).toContainText('3 classes');

  // Train the head only (the training panel's Train), then predict a test image.
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('feature-cache-note')).toContainText(/base ran once over 24 images/);
  await expect(page.getByTestId('trainable-params')).toHaveText('1,203');
  await page.getByTestId('random-test-image').click();
  const before = await predictionTexts(page);
  expect(before).toHaveLength(3);
  expect(before.join(' ')).toMatch(/discs|bars|frames/);

  // History CSV and curves PNG.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-history').click()]);
  const rows = readFileSync(await save(csv, info.outputPath())).toString().trim().split('\n');
  expect(rows[0]).toBe('step,epoch,loss,accuracy,val_loss,val_accuracy');
  expect(rows).toHaveLength(1 + 4 * 3); // 4 epochs × 3 batches of 8
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-curves').click()]);
  const pngBuffer = readFileSync(await save(png, info.outputPath()));
  expect(pngBuffer.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBuffer.length).toBeGreaterThan(3000);

  // Download model.json + weights.bin, import them back: the same prediction.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('export-model').click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const files = await Promise.all(downloads.map((d) => save(d, info.outputPath('model'))));
  expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['my-transfer-model.json', 'my-transfer-model.weights.bin']);
  const modelJson = JSON.parse(readFileSync(files.find((f) => f.endsWith('.json')) ?? '').toString());
  expect(modelJson.format).toBe('layers-model');
  expect(modelJson.userDefinedMetadata.cnnPlayground.classNames).toEqual(['bars', 'discs', 'frames']);
  await page.getByTestId('import-model').setInputFiles(files);
  await expect(page.getByTestId('transfer-notice')).toContainText('Imported', { timeout: 30_000 });
  expect(await predictionTexts(page)).toEqual(before);

  // A malformed model.json is refused with a message; the current model stays.
  await page.getByTestId('import-model').setInputFiles([{ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {') }]);
  await expect(page.getByTestId('transfer-error')).toContainText('model.json is not valid JSON');
  expect(await predictionTexts(page)).toEqual(before);
  // So is a model.json without its weights.
  await page.getByTestId('import-model').setInputFiles(files.filter((f) => f.endsWith('.json')));
  await expect(page.getByTestId('transfer-error')).toContainText('needs the weight file "my-transfer-model.weights.bin"');
  expect(await predictionTexts(page)).toEqual(before);
});

test('transfer: freeze control and trainable count, the graph greys frozen layers, comparison run, IndexedDB, loading a model by URL', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await page.goto('./?dataset=mnist');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await page.getByTestId('base-select').selectOption('lenet5-mnist-0to4');
  await page.getByTestId('load-base').click();
  await expect(page.getByTestId('base-info')).toContainText('61,281 parameters', { timeout: 30_000 });
  // Digits the base never saw: 5, 6, 7.
  await expect(page.getByTestId('class-choice')).toHaveCount(10, { timeout: 60_000 });
  for (const digit of ['5', '6', '7']) await page.locator(`[data-testid="class-choice"][value="${digit}"]`).check();
  await page.getByTestId('transfer-per-class').fill('20');
  await page.getByTestId('apply-head').click();
  await expect(page.getByTestId('transfer-installed')).toContainText(/3 classes, 60 training and \d+ test images/, { timeout: 30_000 });

  // Trainable parameters as tfjs counts them: head 400·3+3; + conv c3 (5·5·6·16+16); everything (+ c1 5·5·1·6+6).
  await expect(page.getByTestId('trainable-params')).toHaveText('1,203');
  await page.getByTestId('freeze-control').selectOption('last:1');
  await expect(page.getByTestId('trainable-params')).toHaveText('3,619');
  await expect(page.getByTestId('transfer-layers').locator('tr[data-frozen="true"]')).toHaveCount(2);
  await expect(page.getByTestId('feature-cache-note')).toHaveCount(0);
  const frozenOnGraph = page.getByTestId('transfer-panel').locator('[data-testid="graph-node"][data-frozen="true"]');
  await expect(frozenOnGraph.first()).toBeVisible();
  await page.getByTestId('freeze-control').selectOption('all');
  await expect(page.getByTestId('trainable-params')).toHaveText('3,775');
  await expect(frozenOnGraph).toHaveCount(0);
  await page.getByTestId('freeze-control').selectOption('head');
  await expect(page.getByTestId('trainable-params')).toHaveText('1,203');
  await expect(frozenOnGraph.first()).toBeVisible();

  // From scratch vs transfer, same 60 images and budget: both curves drawn, both tested.
  await page.getByTestId('transfer-compare-epochs').fill('10');
  await page.getByTestId('transfer-compare-button').click();
  await expect(page.getByTestId('transfer-compare-result')).toBeVisible({ timeout: 120_000 });
  const pct = async (id: string) => parseFloat(((await page.getByTestId(id).textContent()) ?? '').replace(/^.*?([\d.]+)% test accuracy.*$/, '$1'));
  const [scratch, transfer] = [await pct('transfer-compare-scratch'), await pct('transfer-compare-transfer')];
  expect(transfer).toBeGreaterThan(scratch);
  for (const arm of ['scratch', 'transfer']) await expect(page.getByTestId('transfer-compare-chart-accuracy').locator(`path[data-series="${arm}"]`)).toHaveAttribute('d', /^M.+L/);

  // Save in IndexedDB, load it back.
  await page.getByTestId('transfer-model-name').fill('digits-567');
  await page.getByTestId('save-browser').click();
  await expect(page.getByTestId('saved-model').filter({ hasText: 'digits-567' })).toHaveCount(1);
  await page.getByTestId('saved-model').filter({ hasText: 'digits-567' }).getByRole('button', { name: 'Load' }).click();
  await expect(page.getByTestId('transfer-notice')).toContainText('Imported digits-567: 3 classes');

  // Any tfjs layers model by URL (here a shipped base from this server); unreachable hosts fail fast with a message.
  await page.getByTestId('base-select').selectOption('__online__');
  await page.getByTestId('base-url').fill(`${baseURL}models/lenet5-mnist/model.json`);
  await page.getByTestId('base-url-range').selectOption('0,1'); // our LeNet takes [0, 1] itself: no Rescaling
  await page.getByTestId('base-url-cut').fill('s4_pool');
  await page.getByTestId('load-base').click();
  await expect(page.getByTestId('base-info')).toContainText('61,706 parameters', { timeout: 30_000 });
  await expect(page.getByTestId('base-input-range')).toHaveCount(0);
  await page.getByTestId('base-url').fill('http://127.0.0.1:9/model.json');
  await page.getByTestId('load-base').click();
  await expect(page.getByTestId('transfer-error')).toContainText(/Could not reach 127\.0\.0\.1:9|Gave up loading/, { timeout: 40_000 });
});

test('transfer: a MobileNet-format model by URL that expects [−1, 1] gets a Rescaling layer; a head trains, predicts and downloads with it', async ({ page }, info) => {
  test.setTimeout(180_000);
  const host = await serveTinyMobilenet();
  try {
    await page.goto('./?dataset=shapes&epochs=3&batch=16&lr=0.01&valsplit=0');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('base-select').selectOption('__online__');
    // MobileNet's own settings are the defaults; only the address and the cut differ for the tiny copy.
    await expect(page.getByTestId('base-url-range')).toHaveValue('-1,1');
    await page.getByTestId('base-url').fill(host.url);
    await page.getByTestId('base-url-cut').fill(TINY_MOBILENET_CUT);
    await page.getByTestId('load-base').click();
    await expect(page.getByTestId('base-info')).toContainText('mobilenet_v1_tiny', { timeout: 30_000 });
    await expect(page.getByTestId('base-info')).toContainText('input 32×32×3');
    await expect(page.getByTestId('base-input-range')).toContainText('Inputs scaled from [0, 1] to [−1, 1] as mobilenet_v1_tiny expects');

    await expect(page.getByTestId('class-choice')).toHaveCount(6, { timeout: 30_000 });
    for (const c of ['0', '1', '2']) await page.locator(`[data-testid="class-choice"][value="${c}"]`).check();
    await page.getByTestId('transfer-per-class').fill('20');
    await page.getByTestId('apply-head').click();
    await expect(page.getByTestId('transfer-installed')).toContainText(/3 classes, 60 training and \d+ test images/, { timeout: 30_000 });
    const rescaling = page.getByTestId('transfer-layers').locator('tr', { hasText: 'input_rescaling' });
    await expect(rescaling).toHaveCount(1);
    await expect(rescaling.locator('td').nth(1)).toHaveText('rescale');
    await expect(rescaling.locator('td').nth(2)).toHaveText('32×32×3');
    await expect(page.getByTestId('trainable-params')).toHaveText('99'); // 32 features × 3 + 3

    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('feature-cache-note')).toContainText(/base ran once over 60 images/);
    await page.getByTestId('random-test-image').click();
    expect(await predictionTexts(page)).toHaveLength(3);

    // The downloaded model.json carries the Rescaling: it takes [0, 1] pixels like every model here.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('export-model').click();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
    const files = await Promise.all(downloads.map((d) => save(d, info.outputPath('model'))));
    const modelJson = JSON.parse(readFileSync(files.find((f) => f.endsWith('.json')) ?? '').toString());
    expect(modelJson.modelTopology.config.layers[1]).toMatchObject({ class_name: 'Rescaling', config: { name: 'input_rescaling', scale: 2, offset: -1 } });
  } finally {
    await host.close();
  }
});

test('transfer: worker errors are said in the UI language, and again after switching it', async ({ page }) => {
  await page.goto('./?lang=ja');
  // The worker is up once the shipped bases are listed.
  await expect(page.getByTestId('base-select').locator('option')).not.toHaveCount(2, { timeout: 60_000 });
  await page.getByTestId('import-model').setInputFiles([{ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {') }]);
  await expect(page.getByTestId('transfer-error')).toContainText('model.json が正しい JSON ではありません', { timeout: 30_000 });
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('transfer-error')).toContainText('model.json is not valid JSON');
});

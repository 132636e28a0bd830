import { expect, test, type Locator, type Page } from '@playwright/test';
import { classPng } from './support/classImages';

/** The element's box lies wholly inside the first viewport (no scrolling). */
async function inFirstViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, 'element is rendered').not.toBeNull();
  if (!box || !size) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
  await expect(page.getByTestId('arch-graph').getByTestId('graph-node').first()).toBeVisible();
}

test.describe('one workspace', () => {
  test('at 1280×800 Train, the graph, the curves and the layer inspector are all in the first viewport', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const url of ['./', './?lang=ja']) {
      await page.goto(url);
      await ready(page);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const id of ['train-button', 'arch-graph', 'training-curves', 'layer-inspector']) await inFirstViewport(page, page.getByTestId(id));
    }
  });

  test('no horizontal scroll at 1024×768, in the normal and the presentation layout, in both languages', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const url of ['./', './?present=1', './?lang=ja&present=1', './?arch=googlenet&present=1']) {
      await page.goto(url);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(1024);
    }
  });

  test('no horizontal scroll on a 390-px phone, in both languages', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ['./', './?lang=ja', './?arch=resnet20&panel=depth-experiment']) {
      await page.goto(url);
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
  });

  test('the graph is one tab stop: arrows move along the layers, a skip link passes it', async ({ page }) => {
    await page.goto('./?arch=resnet20');
    await ready(page);
    const graph = page.getByTestId('arch-graph');
    await expect(graph.locator('[tabindex="0"]')).toHaveCount(1);
    await expect(graph.getByTestId('graph-node')).not.toHaveCount(1);
    // Tab from the Fit/Export toolbar: the skip link, then one block, then out of the graph.
    await page.getByTestId('export-png').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('graph-skip-link')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(graph.locator('[data-layer="input"]')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(graph.locator('[data-layer="conv1_conv"]')).toBeFocused();
    await expect(page.getByTestId('graph-details')).toContainText('conv1_conv — Conv2D — output 32×32×16 — 432 parameters');
    // The tab stop moved with the focus: still exactly one.
    await expect(graph.locator('[tabindex="0"]')).toHaveCount(1);
    await expect(graph.locator('[data-layer="conv1_conv"]')).toHaveAttribute('tabindex', '0');
    await page.keyboard.press('End');
    await expect(graph.locator('[data-layer="predictions"]')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="arch-graph"]') === null)).toBe(true);
    // The skip link jumps past the graph.
    await page.getByTestId('graph-skip-link').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('graph-details')).toBeFocused();
  });

  test('clicking a conv layer fills the inspector; a cell explains its value with the real weights', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=256');
    await ready(page);
    const inspector = page.getByTestId('layer-inspector');
    await page.getByTestId('arch-graph').locator('[data-layer="c3_conv"]').click();
    await expect(inspector.getByTestId('inspector-layer')).toHaveText('c3_conv — conv2d');
    await expect(inspector.getByTestId('inspector-shape')).toHaveText('10×10×16');
    await expect(inspector.getByTestId('inspector-params')).toHaveText('2,416');
    await expect(inspector.getByTestId('inspector-macs')).toHaveText('240,000');
    await expect(inspector.getByTestId('inspector-need-model')).toBeVisible();
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
    // The curves drew the run.
    await expect(page.getByTestId('training-curves').locator('path[data-series="train-smooth"]').first()).toHaveAttribute('d', /^M.+L/);

    const maps = inspector.getByTestId('inspector-feature-maps');
    await expect(maps).toHaveAttribute('data-layer', 'c3_conv', { timeout: 30_000 });
    await expect(maps).toHaveAttribute('data-tiles', '16');
    await page.getByTestId('arch-graph').locator('[data-layer="c1_conv"]').click();
    await expect(maps).toHaveAttribute('data-layer', 'c1_conv');
    await expect(maps).toHaveAttribute('data-tiles', '6');

    // The centre cell (12, 14) of each map in turn, until one is active (ReLU of 0 would prove little).
    const geometry = await maps.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const r = c.getBoundingClientRect();
      return { k: r.width / c.width, tw: Number(c.dataset.tileWidth), th: Number(c.dataset.tileHeight), gap: Number(c.dataset.tileGap), columns: Number(c.dataset.columns), scale: Number(c.dataset.tileWidth) / 28 };
    });
    const arithmetic = inspector.getByTestId('cell-arithmetic');
    let channel = -1;
    for (let c = 0; c < 6 && channel < 0; c++) {
      const px = ((c % geometry.columns) * (geometry.tw + geometry.gap) + 14.5 * geometry.scale) * geometry.k;
      const py = (Math.floor(c / geometry.columns) * (geometry.th + geometry.gap) + 12.5 * geometry.scale) * geometry.k;
      await maps.click({ position: { x: px, y: py } });
      await expect(inspector).toContainText(`c1_conv[12, 14, ${c}]`);
      await expect(arithmetic).toBeVisible({ timeout: 30_000 });
      await expect(arithmetic.getByTestId('cell-result')).toContainText(`relu(`);
      if (Number(await arithmetic.getAttribute('data-cell-value')) > 1e-3) channel = c;
    }
    expect(channel).toBeGreaterThanOrEqual(0);
    const result = Number(await arithmetic.getAttribute('data-result'));
    const shown = Number(await arithmetic.getAttribute('data-cell-value'));
    const sum = Number(await arithmetic.getAttribute('data-sum'));
    const bias = Number(await arithmetic.getAttribute('data-bias'));
    expect(Number.isFinite(result) && Number.isFinite(shown)).toBe(true);
    expect(Math.abs(result - shown)).toBeLessThan(1e-4);
    // ReLU(Σ + b): the sum and bias on screen give the shown value.
    expect(Math.abs(Math.max(0, sum + bias) - shown)).toBeLessThan(1e-4);
    await expect(arithmetic.getByTestId('cell-value')).toContainText(shown.toFixed(6));
    // c1 is 5×5 valid on the 32×32 input: the cell at (12, 14) reads rows 12–16, columns 14–18.
    const field = inspector.getByTestId('receptive-field');
    await expect(field).toHaveAttribute('data-y0', '12');
    await expect(field).toHaveAttribute('data-y1', '16');
    await expect(field).toHaveAttribute('data-x0', '14');
    await expect(field).toHaveAttribute('data-x1', '18');
    // The same from the keyboard: the cursor starts on the clicked cell; ArrowDown then Enter explains the one below.
    await maps.focus();
    await page.keyboard.press('ArrowDown');
    await expect(maps).toHaveAttribute('data-cursor', `13,14,${channel}`);
    await page.keyboard.press('Enter');
    await expect(inspector).toContainText(`c1_conv[13, 14, ${channel}]`);
    await expect(field).toHaveAttribute('data-y0', '13');
    await page.keyboard.press(channel < 5 ? 'PageDown' : 'PageUp');
    await expect(maps).toHaveAttribute('data-cursor', `13,14,${channel < 5 ? channel + 1 : channel - 1}`);

    // The softmax, the same way: logits, e^(z − max), their sum and p for the ten digits, with the real weights.
    await page.getByTestId('arch-graph').locator('[data-layer="predictions"]').click();
    const softmax = inspector.getByTestId('softmax-arithmetic');
    await expect(softmax).toHaveAttribute('data-total', /\d/, { timeout: 30_000 });
    await expect(softmax.getByTestId('softmax-row')).toHaveCount(10);
    expect(Math.abs(Number(await softmax.getAttribute('data-total')) - 1)).toBeLessThan(1e-4);
    expect(Number(await softmax.getAttribute('data-max-diff'))).toBeLessThan(1e-4);
    const rows = await softmax.getByTestId('softmax-row').evaluateAll((rs) => rs.map((r) => [Number(r.getAttribute('data-p')), Number(r.getAttribute('data-forward'))]));
    for (const [p, forward] of rows) expect(Math.abs(p - forward)).toBeLessThan(1e-4);
  });

  test('the inspector shows a layer’s live statistics during training: activations, its gradient norm, its filters', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=12000');
    await ready(page);
    const inspector = page.getByTestId('layer-inspector');
    await page.getByTestId('arch-graph').locator('[data-layer="c1_conv"]').click();
    await expect(inspector.getByTestId('inspector-stats')).toHaveCount(0); // nothing to measure before a build
    await page.getByTestId('train-button').click();
    const norm = inspector.getByTestId('inspector-gradient-norm');
    await expect(norm).toHaveAttribute('data-norm', /\d/, { timeout: 60_000 });
    const first = Number(await norm.getAttribute('data-norm'));
    const duringTraining = await page.getByTestId('stop-button').isEnabled();
    expect(first).toBeGreaterThan(0);
    // Measured again while the weights move: a later reading differs.
    await expect.poll(async () => Number(await norm.getAttribute('data-norm')), { timeout: 60_000 }).not.toBe(first);
    expect(duringTraining).toBe(true);
    await expect(inspector.getByTestId('inspector-filters')).toHaveAttribute('data-tiles', '6');
    const stats = inspector.getByTestId('inspector-activation-stats');
    await expect(stats).toBeVisible();
    const zeros = Number(await stats.getAttribute('data-zeros'));
    expect(zeros).toBeGreaterThanOrEqual(0);
    expect(zeros).toBeLessThanOrEqual(1);
    expect(Number(await stats.getAttribute('data-std'))).toBeGreaterThan(0);
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
    // A dense layer has a kernel too (no feature maps); a pool has no weights of its own.
    await page.getByTestId('arch-graph').locator('[data-layer="f6_dense"]').click();
    await expect(norm).toHaveAttribute('data-norm', /\d/);
    expect(Number(await norm.getAttribute('data-norm'))).toBeGreaterThan(0);
    await expect(inspector.getByTestId('inspector-filters')).toHaveCount(0);
    await page.getByTestId('arch-graph').locator('[data-layer="s2_pool"]').click();
    await expect(norm).toHaveAttribute('data-norm', '');
  });

  test('Predict shows the image it predicted on and its source; a refused upload clears the old result', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=256');
    await ready(page);
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
    await page.getByTestId('random-test-image').click();
    await page.getByTestId('predict-button').click();
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
    await expect(page.getByTestId('predict-shown')).toHaveAttribute('data-source', 'test');
    await expect(page.getByTestId('predict-source')).toContainText(/Predicted on: test image \d+ \(label “\d”\)/);
    // The image drawn beside the bars is the digit (not blank).
    const lit = await page.getByTestId('predict-input').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 128) n++;
      return n;
    });
    expect(lit).toBeGreaterThan(20);
    await page.getByTestId('predict-upload').setInputFiles({ name: 'circle.png', mimeType: 'image/png', buffer: classPng('circles', 1) });
    await expect(page.getByTestId('predict-source')).toContainText('Predicted on: uploaded file “circle.png”');
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
    await page.getByTestId('predict-upload').setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
    await expect(page.getByTestId('predict-upload-error')).toContainText('empty.png');
    await expect(page.getByTestId('predict-result')).toHaveCount(0);
    await expect(page.getByTestId('predict-shown')).toHaveCount(0);
  });

  test('teacher mode: the switches come back with ?teacher=1; hidden settings hold against lessons; the form keeps to what links accept', async ({ page }) => {
    await page.goto('./?share_hide=1');
    await ready(page);
    await expect(page.getByTestId('share-panel')).toHaveCount(0);
    await page.goto('./?share_hide=1&teacher=1');
    await ready(page);
    await expect(page.getByTestId('teacher-options')).toBeVisible();
    await expect(page.getByTestId('url-notice')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('teacher')).toBe('1');

    // A lesson link sets epochs=2; the teacher fixed (and hid) 3.
    await page.goto('./?epochs=3&epochs_hide=1');
    await ready(page);
    await page.getByTestId('lesson-link-keras-workflow').click();
    await expect(page.getByTestId('lesson-card')).toBeVisible();
    await expect.poll(() => new URL(page.url()).searchParams.get('epochs')).toBe('3');
    expect(new URL(page.url()).searchParams.get('limit')).toBe('6000');

    // Values past what a share link accepts are clamped by the form, so the link stays valid.
    await page.goto('./');
    await ready(page);
    await page.getByTestId('epochs-input').fill('300');
    await expect(page.getByTestId('epochs-input')).toHaveValue('200');
    await page.getByTestId('lr-input').fill('0');
    await expect.poll(() => new URL(page.url()).searchParams.get('lr')).toBe('1e-7');
    await page.goto(`./?${new URL(page.url()).searchParams.toString()}`);
    await ready(page);
    await expect(page.getByTestId('url-notice')).toHaveCount(0);
    await expect(page.getByTestId('epochs-input')).toHaveValue('200');
  });

  test('views have their own links (?view=); a click switches in place and keeps each panel\'s state; ?panel= links still open their panel', async ({ page }) => {
    await page.goto('./?view=depth');
    await ready(page);
    await expect(page.getByTestId('depth-experiment')).toBeVisible();
    for (const id of ['transfer-panel', 'cost-explorer', 'uploads-panel', 'total-params']) await expect(page.getByTestId(id)).toBeHidden();
    await expect(page.getByTestId('view-depth')).toHaveAttribute('aria-current', 'page');
    // The workspace itself stays: Train and the graph are there in every view.
    await expect(page.getByTestId('train-button')).toBeVisible();
    await page.getByTestId('view-cost').click();
    await expect(page).toHaveURL(/[?&]view=cost(&|$)/);
    await expect(page.getByTestId('cost-explorer')).toBeVisible();
    await expect(page.getByTestId('depth-experiment')).toBeHidden();
    // A view's link is a real link: it carries the rest of the experiment.
    await expect(page.getByTestId('view-transfer')).toHaveAttribute('href', /view=transfer/);
    await page.getByTestId('view-all').click();
    await expect(page).not.toHaveURL(/view=/);
    for (const id of ['transfer-panel', 'cost-explorer', 'uploads-panel', 'depth-experiment']) await expect(page.getByTestId(id)).toBeVisible();
    // An older link that names a panel of another view opens that panel's view.
    await page.goto('./?view=depth&panel=transfer-panel');
    await ready(page);
    await expect(page.getByTestId('transfer-panel')).toBeVisible();
    await expect(page.getByTestId('view-transfer')).toHaveAttribute('aria-current', 'page');
    await page.goto('./?panel=augment-experiment');
    await ready(page);
    await expect(page.getByTestId('augment-experiment')).toBeInViewport();
  });
});

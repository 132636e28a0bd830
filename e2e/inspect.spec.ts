import { expect, test, type Locator } from '@playwright/test';

/** Per tile of the feature-map canvas: how many distinct colours it has (1 = blank/uniform). */
async function tileColourCounts(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const n = Number(c.dataset.tiles);
    const columns = Number(c.dataset.columns);
    const tw = Number(c.dataset.tileWidth);
    const th = Number(c.dataset.tileHeight);
    const gap = Number(c.dataset.tileGap);
    const ctx = c.getContext('2d');
    if (!ctx) return [];
    return Array.from({ length: n }, (_, i) => {
      const x = (i % columns) * (tw + gap);
      const y = Math.floor(i / columns) * (th + gap);
      const data = ctx.getImageData(x, y, tw, th).data;
      const colours = new Set<number>();
      for (let p = 0; p < data.length; p += 4) colours.add((data[p] << 16) | (data[p + 1] << 8) | data[p + 2]);
      return colours.size;
    });
  });
}

test.describe('inside the network', () => {
  test('LeNet-5 after a short run: 6 non-blank c1 feature maps, its filters, and a Grad-CAM overlay with the top-5', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=320');
    await expect(page.getByTestId('inspect-need-model')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });

    const maps = page.getByTestId('feature-maps');
    await expect(maps).toHaveAttribute('data-layer', 'c1_conv', { timeout: 30_000 });
    await expect(maps).toHaveAttribute('data-tiles', '6');
    await expect(page.getByTestId('inspect-layer')).toHaveValue('c1_conv');
    await expect.poll(() => tileColourCounts(maps), { timeout: 10_000 }).toHaveLength(6);
    for (const colours of await tileColourCounts(maps)) expect(colours).toBeGreaterThan(1);
    const [min, max] = [Number(await maps.getAttribute('data-min')), Number(await maps.getAttribute('data-max'))];
    expect(Number.isFinite(min) && Number.isFinite(max) && max > min).toBe(true);
    await expect(page.getByTestId('feature-maps-legend')).toContainText(max.toFixed(3));

    await expect(page.getByTestId('first-layer-filters')).toHaveAttribute('data-tiles', '6');

    // Another layer: s4_pool has 16 channels of 5×5.
    await page.getByTestId('inspect-layer').selectOption('s4_pool');
    await expect(maps).toHaveAttribute('data-tiles', '16');

    const overlay = page.getByTestId('gradcam-overlay');
    await expect(overlay).toHaveAttribute('data-layer', 'c3_conv', { timeout: 30_000 });
    await expect(overlay).toHaveAttribute('data-heat-shape', '10x10');
    // MNIST is grey: coloured pixels on the canvas can only come from the heat map drawn over it.
    const coloured = await overlay.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let p = 0; p < data.length; p += 4) if (Math.abs(data[p] - data[p + 2]) > 30) n++;
      return n / (data.length / 4);
    });
    expect(coloured).toBeGreaterThan(0.02);
    const topk = page.getByTestId('inspect-topk').locator('li');
    await expect(topk).toHaveCount(5);
    const probabilities = (await page.getByTestId('topk-probability').allTextContents()).map((s) => parseFloat(s));
    expect(probabilities.every((p) => Number.isFinite(p) && p >= 0 && p <= 100)).toBe(true);
    expect(probabilities[0]).toBeGreaterThanOrEqual(probabilities[4]);
    // Explaining the second class redraws the map for it. Find its button by name afterwards: the list is
    // re-sorted when the map refreshes, so the class need not stay second.
    const second = (await topk.nth(1).getByRole('button').textContent()) ?? '';
    expect(second).toBeTruthy();
    await topk.nth(1).getByRole('button').click();
    await expect(page.getByTestId('inspect-topk').getByRole('button', { name: second, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('gradcam-overlay')).toHaveAttribute('data-class', /\d+/);
  });

  test('feature maps refresh during training while batches keep coming', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=4000&batch=32');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    const maps = page.getByTestId('feature-maps');
    await expect(maps).toBeVisible({ timeout: 60_000 });
    const seen = new Set<string>();
    const batches = new Set<string>();
    while (!(await page.getByTestId('test-accuracy').isVisible()) && seen.size < 4) {
      if ((await page.getByTestId('pause-button').isEnabled().catch(() => false)) === false) break;
      seen.add(`${await maps.getAttribute('data-min')}|${await maps.getAttribute('data-max')}`);
      batches.add((await page.getByTestId('batch-progress').getAttribute('value')) ?? '');
      await page.waitForTimeout(250);
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect(batches.size).toBeGreaterThanOrEqual(3);
  });

  test('the depth experiment’s quick preset trains plain and residual nets and draws both curves and the gradient norms', async ({ page }) => {
    test.setTimeout(420_000);
    await page.goto('./?arch=lenet5&dataset=mnist');
    await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
    const panel = page.getByTestId('depth-experiment');
    // The lecture preset is the default now (it shows the effect in ≤ 5 min); this test checks the one-minute plumbing run.
    await panel.getByTestId('depth-preset').selectOption('quick');
    const started = Date.now();
    await panel.getByTestId('depth-run').click();
    await expect(panel.getByTestId('depth-progress')).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByTestId('depth-result')).toBeVisible({ timeout: 400_000 });
    const wall = (Date.now() - started) / 1000;

    for (const family of ['plain', 'residual']) {
      const curve = panel.getByTestId(`depth-curve-${family}`);
      await expect(curve).toHaveAttribute('data-points', '2');
      await expect(curve.locator('circle')).toHaveCount(2);
      const errors = await curve.locator('circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-error'))));
      expect(errors.every((e) => Number.isFinite(e) && e >= 0 && e <= 1)).toBe(true);
      expect(await curve.locator('path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
      // plain20 and resnet20: 19 convolutions each (the option-A shortcuts have no weights).
      const norms = panel.getByTestId(`gradient-norms-${family}`);
      await expect(norms).toHaveAttribute('data-points', '19');
      const values = await norms.locator('circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-norm'))));
      expect(values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    }
    await expect(panel.getByTestId('gradient-norms')).toBeVisible();
    const rows = panel.getByTestId('depth-table').locator('tbody tr');
    await expect(rows).toHaveCount(4);
    const shown = (await panel.getByTestId('depth-train-error').allTextContents()).map((s) => parseFloat(s));
    expect(shown.every((e) => Number.isFinite(e) && e >= 0 && e <= 100)).toBe(true);
    const settings = (await panel.getByTestId('depth-settings').textContent()) ?? '';
    expect(settings).toMatch(/512 colour-shapes images.*2 epochs.*batch 32.*width ×0\.25.*seed 7/);
    const table = await rows.evaluateAll((rs) => rs.map((r) => Array.from(r.children, (c) => c.textContent?.trim()).join(' | ')));
    console.log(`depth experiment (quick) in ${wall.toFixed(1)} s wall:\n${table.join('\n')}\n${settings}`);
  });

  test('the precomputed full-length depth run is shown beside the live one, labelled as computed offline, and shows the effect', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist');
    const reference = page.getByTestId('depth-experiment').getByTestId('depth-reference');
    await expect(reference).toBeVisible({ timeout: 60_000 });
    await expect(reference).toContainText('Computed offline with scripts/depthReference.ts (not in this browser)');
    await expect(reference).toContainText('MNIST digits');
    const final = async (arch: string) => Number(await reference.getByTestId(`depth-reference-${arch}`).getAttribute('data-final'));
    const [plain20, plain56, resnet20, resnet56] = [await final('plain20'), await final('plain56'), await final('resnet20'), await final('resnet56')];
    // He et al.'s degradation: the deeper plain net trains worse; the deeper residual net does not.
    expect(plain56 - plain20).toBeGreaterThan(0.1);
    expect(resnet56 - resnet20).toBeLessThanOrEqual(0.02);
  });
});

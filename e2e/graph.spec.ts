import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

const skipEdges = (page: Page, kind?: string) =>
  page.getByTestId('arch-graph').locator(kind ? `[data-testid="skip-edge"][data-kind="${kind}"]` : '[data-testid="skip-edge"]');

async function viewportScale(page: Page): Promise<number> {
  const transform = (await page.locator('[data-viewport]').getAttribute('transform')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

test.describe('architecture graph', () => {
  test('ResNet-20: 9 skip arcs, the 2 at the stage changes zero-padded, the rest identity', async ({ page }) => {
    await page.goto('./?arch=resnet20');
    await expect(skipEdges(page)).toHaveCount(9);
    await expect(skipEdges(page, 'zero-pad')).toHaveCount(2);
    await expect(skipEdges(page, 'identity')).toHaveCount(7);
    const padded = await skipEdges(page, 'zero-pad').evaluateAll((els) => els.map((e) => e.getAttribute('data-block')));
    expect(padded).toEqual(['stage2_block1', 'stage3_block1']);
    await expect(page.locator('[data-testid="graph-node"][data-kind="add"]')).toHaveCount(9);
    // Shape and parameters on keyboard focus, as on hover.
    await page.locator('[data-layer="stage2_block1_1_conv"]').focus();
    await expect(page.getByTestId('graph-details')).toContainText('stage2_block1_1_conv — Conv2D — output 16×16×32 — 4,608 parameters');
    await page.locator('[data-layer="conv1_conv"]').hover();
    await expect(page.getByTestId('graph-details')).toContainText('conv1_conv — Conv2D — output 32×32×16 — 432 parameters');
  });

  test("ResNet-50: the 4 stage-opening shortcuts are projections, the other 12 identity; ResNet-152 draws all 50", async ({ page }) => {
    await page.goto('./?arch=resnet50');
    await expect(skipEdges(page)).toHaveCount(16);
    await expect(skipEdges(page, 'projection')).toHaveCount(4);
    await expect(skipEdges(page, 'identity')).toHaveCount(12);
    const projections = await skipEdges(page, 'projection').evaluateAll((els) => els.map((e) => e.getAttribute('data-block')));
    expect(projections).toEqual(['conv2_block1', 'conv3_block1', 'conv4_block1', 'conv5_block1']);
    // W_s sits on the arc, above the main path.
    await expect(page.locator('[data-layer="conv3_block1_0_conv"]')).toHaveCount(1);
    await page.getByTestId('arch-select').selectOption('resnet152');
    await expect(skipEdges(page)).toHaveCount(50);
    await expect(page.getByTestId('arch-graph').getByTestId('graph-node')).toHaveCount(517);
  });

  test("GoogLeNet: modules collapsed by default; 3a expands (keyboard) into 4 branches joining at one concat", async ({ page }) => {
    await page.goto('./?arch=googlenet');
    await expect(page.locator('[data-testid="graph-node"][data-kind="inception"]')).toHaveCount(9);
    await expect(page.getByTestId('inception-branch')).toHaveCount(0);
    const toggle = page.locator('[data-module-toggle="inception_3a"]');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const branches = page.getByTestId('inception-branch');
    await expect(branches).toHaveCount(4);
    await expect(branches.nth(0)).toContainText('1×1 · 64 ch');
    await expect(branches.nth(1)).toContainText('1×1→3×3 · 128 ch');
    await expect(branches.nth(2)).toContainText('1×1→5×5 · 32 ch');
    await expect(branches.nth(3)).toContainText('3×3 pool→1×1 · 32 ch');
    await expect(page.locator('[data-layer="inception_3a_concat"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="graph-node"][data-kind="inception"]')).toHaveCount(8);
    await page.locator('[data-layer="inception_3a_5x5"]').focus();
    await expect(page.getByTestId('graph-details')).toContainText('output 28×28×32');
    await toggle.click();
    await expect(page.getByTestId('inception-branch')).toHaveCount(0);
    // Auxiliary classifiers hang off 4a and 4d.
    await page.goto('./?arch=googlenet&aux=1');
    await expect(page.locator('[data-layer="aux1_avgpool"]')).toHaveCount(1);
    await expect(page.locator('[data-layer="aux2_avgpool"]')).toHaveCount(1);
  });

  test('zooms and pans from the keyboard and the toolbar', async ({ page }) => {
    await page.goto('./?arch=resnet20');
    const svg = page.getByTestId('arch-graph');
    await expect(skipEdges(page)).toHaveCount(9);
    const k0 = await viewportScale(page);
    await svg.focus();
    await page.keyboard.press('+');
    expect(await viewportScale(page)).toBeCloseTo(k0 * 1.25, 3);
    const before = await page.locator('[data-viewport]').getAttribute('transform');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('[data-viewport]').getAttribute('transform')).not.toBe(before);
    await page.getByTestId('graph-fit').click();
    expect(await viewportScale(page)).toBeCloseTo(k0, 3);
  });

  test('Export SVG and Export PNG download the whole graph', async ({ page }) => {
    await page.goto('./?arch=resnet20');
    await expect(skipEdges(page)).toHaveCount(9);
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svgDownload.suggestedFilename()).toBe('resnet20-graph.svg');
    const svgText = await readFile(await svgDownload.path(), 'utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText.match(/data-testid="skip-edge"/g)).toHaveLength(9);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(pngDownload.suggestedFilename()).toBe('resnet20-graph.png');
    const png = await readFile(await pngDownload.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width/height: the whole graph at 2 px per unit, not the visible window.
    expect(png.readUInt32BE(16)).toBeGreaterThan(2000);
    expect(png.length).toBeGreaterThan(5000);
  });
});

test.describe('the graph at Fit', () => {
  test('at 1280×800 Fit shows every zoo network whole, with readable labels (name, kind, output shape) that never overlap', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./?arch=lenet5');
    const ids = await page.getByTestId('arch-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) {
      await page.getByTestId('arch-select').selectOption(id);
      await expect(page.getByTestId('arch-graph-panel').first().locator('h2')).toContainText(id);
      await page.getByTestId('graph-fit').first().click();
      const report = await page.getByTestId('arch-graph').first().evaluate((svg) => {
        const view = svg.getBoundingClientRect();
        const inside = (r: DOMRect) => r.left >= view.left - 1 && r.right <= view.right + 1 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
        const nodes = [...svg.querySelectorAll('[data-testid="graph-node"]')].map((n) => n.getBoundingClientRect());
        const labels = [...svg.querySelectorAll('[data-testid="graph-label"][data-shown]')].map((l) => ({
          box: l.getBoundingClientRect(),
          sizes: [...l.querySelectorAll('tspan')].map((s) => parseFloat(getComputedStyle(s).fontSize)),
          text: l.textContent ?? '',
        }));
        const clash = labels.some((a, i) => labels.slice(i + 1).some((b) => a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom));
        return {
          nodes: nodes.length,
          outside: nodes.filter((r) => !inside(r)).length,
          labels: labels.length,
          labelsOutside: labels.filter((l) => !inside(l.box)).length,
          smallest: Math.min(...labels.flatMap((l) => l.sizes)),
          withShape: labels.filter((l) => /\d+(×\d+)*$/.test(l.text)).length,
          clash,
        };
      });
      expect(report.nodes, id).toBeGreaterThan(5);
      expect(report.outside, `${id}: blocks outside the view at Fit`).toBe(0);
      expect(report.labels, `${id}: labels shown`).toBeGreaterThanOrEqual(3);
      expect(report.labelsOutside, id).toBe(0);
      expect(report.smallest, `${id}: label size`).toBeGreaterThanOrEqual(10);
      expect(report.withShape, `${id}: labels carry the output shape`).toBe(report.labels);
      expect(report.clash, `${id}: labels overlap`).toBe(false);
    }
  });
});

test.describe('1×1 cost explorer', () => {
  test("shows the course's example by default and updates when an input changes", async ({ page }) => {
    await page.goto('./');
    const explorer = page.getByTestId('cost-explorer');
    await expect(explorer.getByTestId('cost-direct')).toHaveText('120,422,400');
    await expect(explorer.getByTestId('cost-with')).toHaveText('12,443,648');
    await expect(explorer.getByTestId('cost-saving')).toHaveText('9.7×');
    await expect(explorer.getByTestId('cost-breakdown')).toContainText('2,408,448');
    const directBar = explorer.locator('[data-testid="cost-bar-direct"] rect').first();
    const directWidth = Number(await directBar.getAttribute('width'));
    const withWidth = await explorer.locator('[data-testid="cost-bar-with"] rect').evaluateAll((rs) => rs.reduce((a, r) => a + Number(r.getAttribute('width')), 0));
    expect(directWidth / withWidth).toBeCloseTo(120_422_400 / 12_443_648, 1);
    // 28·28·192·32 + 28·28·32·5·5·32 with a 32-channel bottleneck.
    await explorer.getByTestId('cost-bottleneck').fill('32');
    await expect(explorer.getByTestId('cost-with')).toHaveText('24,887,296');
    await expect(explorer.getByTestId('cost-direct')).toHaveText('120,422,400');
    await explorer.getByTestId('cost-kernel').fill('3');
    await expect(explorer.getByTestId('cost-direct')).toHaveText('43,352,064');
    await explorer.getByTestId('cost-height').fill('');
    await expect(explorer.getByTestId('cost-invalid')).toBeVisible();
  });
});

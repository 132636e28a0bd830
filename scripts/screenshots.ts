/**
 * `npx tsx scripts/screenshots.ts`: the README's layout screenshots. Builds the app, serves it on
 * 127.0.0.1 and photographs the workspace with LeNet-5 after a short training run, at a projector's
 * 1024×768, a laptop's 1280×800, a 1920×1080 screen in the presentation layout and a 1024×1366 tablet,
 * and the ResNet-152 graph at Fit, into docs/screenshots/. Needs Chromium (Debian's `chromium`, or Playwright's).
 */
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';
import { serveStatic } from './bench/staticServer';

const SHOTS = [
  { file: 'projector-1024x768.png', width: 1024, height: 768, query: '' },
  { file: 'laptop-1280x800.png', width: 1280, height: 800, query: '' },
  { file: 'present-1920x1080.png', width: 1920, height: 1080, query: '&present=1' },
  { file: 'tablet-1024x1366.png', width: 1024, height: 1366, query: '' },
] as const;

const out = 'docs/screenshots';
const site = '.cache/screenshots-site';
await build({ logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
const server = await serveStatic(site);
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...CHROMIUM_ARGS] });
await mkdir(out, { recursive: true });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(`${server.url}?arch=lenet5&dataset=mnist&epochs=1&limit=3000${shot.query}`);
    await page.getByTestId('backend-status').filter({ hasText: /wasm|webgl|webgpu|cpu/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('arch-graph').locator('[data-layer="c1_conv"]').click();
    await page.getByTestId('train-button').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 180_000 });
    await page.getByTestId('inspector-filters').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${out}/${shot.file}` });
    process.stdout.write(`${out}/${shot.file}\n`);
    await page.close();
  }
  // The graph at Fit for the longest zoo network: wrapped into rows, labels at their on-screen size.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}?arch=resnet152`);
  await page.getByTestId('arch-graph').locator('[data-testid="graph-node"]').first().waitFor();
  await page.getByTestId('graph-fit').click();
  await page.getByTestId('arch-graph').screenshot({ path: `${out}/graph-resnet152-fit.png` });
  process.stdout.write(`${out}/graph-resnet152-fit.png\n`);
  await page.close();
} finally {
  await browser.close();
  await server.close();
}

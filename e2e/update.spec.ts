import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic } from '../scripts/bench/staticServer';
import { waitForIsolation } from './support/isolation';

const outDir = process.env.E2E_OUTDIR ?? 'dist';

// The deployed site as visitors get it: with its service worker (blocked for other specs in playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Deploys "build B" over the build in `site`: its index.html carries another build id, and the service
 * worker's precache list names index.html's new revision — what a rebuild of changed sources changes in
 * the two files that decide an update (the hashed bundles a real rebuild also renames play no part in
 * how the update is found, waits and takes over). A second `vite build` would cost the suite a minute
 * and a half on two cores for no more coverage.
 * @returns the id build A had
 */
function deployBuildB(site: string, id: string): string {
  const htmlPath = join(site, 'index.html');
  const swPath = join(site, 'sw.js');
  const html = readFileSync(htmlPath, 'utf8');
  const meta = /<meta name="cnn-build" content="([^"]+)">/.exec(html);
  if (!meta) throw new Error('index.html has no cnn-build meta (scripts/build/buildId.ts)');
  const next = html.replace(meta[0], `<meta name="cnn-build" content="${id}">`);
  const sw = readFileSync(swPath, 'utf8');
  // workbox-build's revision is the MD5 of the file.
  if (!sw.includes(md5(html))) throw new Error('sw.js does not list index.html by its MD5 revision');
  writeFileSync(htmlPath, next);
  writeFileSync(swPath, sw.replace(md5(html), md5(next)));
  return meta[1];
}

test('a new deployment is announced on the open page; Reload shows the new version', async ({ page }) => {
  test.setTimeout(240_000);
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html is missing: the Playwright web server builds it`);
  const site = `${outDir}-update`;
  rmSync(site, { recursive: true, force: true });
  cpSync(outDir, site, { recursive: true });
  const server = await serveStatic(site);
  try {
    // Build A: the first visit installs its worker, which takes the page over (one reload into isolation).
    await page.goto(server.url);
    expect(await waitForIsolation(page, 120_000)).toBe(true);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    const buildA = await page.getByTestId('build-id').getAttribute('data-build');
    expect(buildA).toMatch(/^[0-9a-f]{12}$/);
    await expect(page.getByTestId('update-available')).toHaveCount(0);

    expect(deployBuildB(site, 'build-b-000')).toBe(buildA);
    // The visitor reloads: build A is served from the cache at once, build B installs behind it and waits.
    await page.reload();
    await expect(page.getByTestId('build-id')).toHaveAttribute('data-build', buildA ?? '');
    await expect(page.getByTestId('update-available')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('update-available')).toContainText('A new version of CNN Playground is available.');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // Reload: the waiting worker takes over and the page reloads into build B.
    await page.getByTestId('update-reload').click();
    await expect(page.getByTestId('build-id')).toHaveAttribute('data-build', 'build-b-000', { timeout: 60_000 });
    await expect(page.getByTestId('update-available')).toHaveCount(0);
    await expect(page.getByTestId('arch-select')).toBeVisible();
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

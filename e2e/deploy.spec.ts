import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../scripts/bench/staticServer';
import { waitForIsolation } from './support/isolation';

/** The short run the issue asks for: LeNet-5, one epoch on 256 MNIST images. */
const SHORT_RUN = '?arch=lenet5&dataset=mnist&epochs=1&limit=256';
const outDir = process.env.E2E_OUTDIR ?? 'dist';

// The deployed site as visitors get it: with its service worker (blocked for other specs in playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

async function trainShortRun(page: Page): Promise<number> {
  await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  return parseFloat((await page.getByTestId('test-accuracy').textContent()) ?? '0');
}

/** Every request of the context (pages, their workers, the service worker). */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

test.describe('static deployment under a sub-path', () => {
  let absolute: StaticServer;
  let relative: StaticServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // The GitHub Pages build: an absolute base, the repository's name.
    const site = `${outDir}-subpath`;
    execFileSync('npx', ['vite', 'build', '--outDir', site, '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, CNN_PLAYGROUND_BASE: '/cnn-playground/' },
      stdio: 'inherit',
    });
    absolute = await serveStatic(site, { prefix: '/cnn-playground/' });
    // The default build (relative base) mounted under an arbitrary deeper path.
    if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html is missing: the Playwright web server builds it`);
    relative = await serveStatic(outDir, { prefix: '/teachers/class-3b/cnn/' });
  });

  test.afterAll(async () => {
    await absolute?.close();
    await relative?.close();
  });

  test('the GitHub Pages build (base /cnn-playground/) loads and trains; nothing is fetched outside the sub-path', async ({ page }) => {
    await page.goto(`${absolute.url}${SHORT_RUN}`);
    await expect(page.getByTestId('total-params')).toHaveText('61,706');
    const accuracy = await trainShortRun(page);
    expect(accuracy).toBeGreaterThan(20);
    expect(absolute.outside).toEqual([]);
  });

  test('the default build (relative base) works under any deeper path', async ({ page }) => {
    await page.goto(`${relative.url}${SHORT_RUN}`);
    const accuracy = await trainShortRun(page);
    expect(accuracy).toBeGreaterThan(20);
    expect(relative.outside).toEqual([]);
  });
});

test.describe('offline after the first visit', () => {
  test('the service worker caches app, worker, wasm and datasets; a reload with the network off trains', async ({ page, context }) => {
    test.setTimeout(240_000);
    await page.goto(`./${SHORT_RUN}`);
    // A first visit has no worker to wait for: it activates and claims the page once its precache (the app shell) is complete,
    // and the page reloads itself once into cross-origin isolation.
    expect(await waitForIsolation(page, 120_000)).toBe(true);
    await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    // Datasets are cached when used, or all at once by the "make available offline" action.
    await page.getByTestId('offline-all').click();
    await expect(page.getByTestId('offline-status')).toContainText('Available offline', { timeout: 120_000 });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached.some((u) => /\/assets\/engine\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    expect(cached.some((u) => /\/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/.test(u))).toBe(true);
    expect(cached.filter((u) => u.includes('/data/mnist/')).length).toBeGreaterThanOrEqual(20);
    expect(cached.filter((u) => u.includes('/data/fashion-mnist/')).length).toBeGreaterThanOrEqual(5);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('total-params')).toHaveText('61,706');
    const accuracy = await trainShortRun(page);
    expect(accuracy).toBeGreaterThan(20);
    await context.setOffline(false);
  });
});

test.describe('privacy and Content-Security-Policy', () => {
  test('a strict CSP meta is present; loading and training make no request to another origin and no CSP violation', async ({ page, context }) => {
    const requests = recordRequests(context);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`./${SHORT_RUN}`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';"); // no inline or eval'd script
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toMatch(/connect-src 'self'( https:\/\/[\w.-]+)*;/);
    const accuracy = await trainShortRun(page);
    expect(accuracy).toBeGreaterThan(20);
    // The WebGL backend starts under the same policy too.
    await page.getByTestId('backend-select').selectOption('webgl');
    await expect(page.getByTestId('backend-status')).toContainText('webgl', { timeout: 60_000 });

    const origin = new URL(page.url()).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.includes('/data/mnist/'))).toBe(true);
    expect(violations).toEqual([]);
  });
});

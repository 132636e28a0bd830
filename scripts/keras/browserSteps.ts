/**
 * The browser side of `npm run check:keras`: the production build in headless Chromium, driven
 * through its UI as a user would — train a model, download its .keras file, its test predictions and
 * its generated .py (and, for LeNet-5, the data and the notebook); import a Keras-made .keras file and
 * download what the playground predicts with it.
 */
import { chromium, type Download, type Page } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium';

/** One model trained in the app and exported. */
export interface BrowserCase {
  id: string;
  /** The experiment's URL query. */
  query: string;
  /** Also download the notebook (the notebook step needs it, and the data). */
  withNotebook?: boolean;
  /** Also download the data .npz (the script step needs it). */
  withData?: boolean;
}

/** What the page gave for one case: files in the output folder. */
export interface Exported {
  id: string;
  keras: string;
  predictions: string;
  module: string | null;
  data?: string;
  notebook?: string;
  testAccuracy: string;
  seconds: number;
}

async function save(page: Page, testId: string, dir: string, name?: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(testId).click({ timeout: 120_000 })]);
  const file = name ?? download.suggestedFilename();
  await download.saveAs(join(dir, file));
  return file;
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => /\b(webgpu|webgl|wasm|cpu)\b/.test(document.querySelector('[data-testid="backend-status"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
}

async function trainAndExport(page: Page, appUrl: string, c: BrowserCase, dir: string): Promise<Exported> {
  const start = Date.now();
  await page.goto(`${appUrl}?${c.query}`);
  await ready(page);
  await page.getByTestId('train-button').click();
  const done = await Promise.race([
    page.getByTestId('test-accuracy').waitFor({ timeout: 600_000 }).then(() => 'ok'),
    page.getByTestId('training-error').waitFor({ timeout: 600_000 }).then(() => 'error'),
  ]);
  if (done === 'error') throw new Error(`${c.id}: the app reported ${await page.getByTestId('training-error').textContent()}`);
  const testAccuracy = (await page.getByTestId('test-accuracy').textContent()) ?? '';
  const out: Exported = {
    id: c.id,
    keras: await save(page, 'export-keras-model', dir, `${c.id}.keras`),
    predictions: await save(page, 'export-keras-predictions', dir, `${c.id}-predictions.npz`),
    module: await save(page, 'export-keras-py', dir, `${c.id}.py`),
    testAccuracy,
    seconds: 0,
  };
  if (c.withNotebook || c.withData) out.data = await save(page, 'export-keras-data', dir, `${c.id}.npz`);
  if (c.withNotebook) out.notebook = await save(page, 'export-keras-notebook', dir, `${c.id}.ipynb`);
  out.seconds = Math.round((Date.now() - start) / 100) / 10;
  return out;
}

/** Imports `kerasFile` through the transfer panel and downloads the playground's predictions with it. */
async function importAndPredict(page: Page, appUrl: string, kerasFile: string, dir: string): Promise<string> {
  await page.goto(appUrl);
  await ready(page);
  await page.getByTestId('import-keras-model').setInputFiles(kerasFile);
  const notice = page.getByTestId('transfer-notice');
  await notice.waitFor({ timeout: 120_000 });
  const text = (await notice.textContent()) ?? '';
  if (!/Imported .* from Keras: it is the installed model/.test(text)) throw new Error(`import: ${text} ${await page.getByTestId('transfer-error').textContent().catch(() => '')}`);
  return save(page, 'export-keras-predictions', dir, 'roundtrip-predictions.npz');
}

/**
 * Runs the cases and the import in one headless Chromium against the app at `appUrl`; writes the files
 * into `dir`. @throws Error naming the case when the app reports an error or a download does not come.
 */
export async function browserSteps(
  appUrl: string, cases: readonly BrowserCase[], kerasFile: string, dir: string, log: (line: string) => void, options: { skipImport?: boolean } = {},
): Promise<{ exported: Exported[]; roundtrip: string }> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const exported: Exported[] = [];
    for (const c of cases) {
      const e = await trainAndExport(page, appUrl, c, dir);
      log(`${c.id}: trained in the browser (test accuracy ${e.testAccuracy}), exported ${[e.keras, e.predictions, e.module, e.data, e.notebook].filter(Boolean).join(', ')} (${e.seconds} s)`);
      exported.push(e);
    }
    if (options.skipImport) return { exported, roundtrip: '' };
    const roundtrip = await importAndPredict(page, appUrl, kerasFile, dir);
    log(`imported ${kerasFile.split('/').pop()} into the app, exported ${roundtrip}`);
    return { exported, roundtrip };
  } finally {
    await browser.close();
  }
}

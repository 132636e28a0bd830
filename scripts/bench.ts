/**
 * `npm run bench`: builds the app and the bench page, serves both on 127.0.0.1, and drives headless
 * Chromium through every measurement of scripts/bench/plan.ts: LeNet-5 on MNIST with our engine and a
 * bare tfjs loop on each backend and in ConvNetJS (main thread and worker), ResNet-20 and a
 * quarter-width VGG-11 on 32×32×3, with and without augmentation, and the real app's UI once. Prints
 * tables and writes bench-results/bench.json (schema: scripts/bench/schema.ts, docs/bench.md).
 * A measurement that fails is reported with its error; only a broken build or browser stops the run.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { bundleReport } from './bench/bundleSize';
import { BENCH_USAGE, CONVNETJS_BUDGET, deadlineSec, parseBenchArgs, planAugment, planCases, planPeaks, planThreads, TRAIN_DEFAULTS, type BenchOptions, type Budget } from './bench/plan';
import { deriveAugment, derivePeaks, deriveRuns, deriveThreads, formatReport, uiError, type RawAugment, type RawPeak, type RawRun, type RawThreads } from './bench/report';
import { CONVNETJS_TRAINER, type AugmentSpec, type BenchReport, type BundleReport, type CaseSpec, type PeakSpec, type ThreadsSpec, type UiRunResult } from './bench/schema';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../src/sw/isolation';
import { serveStatic } from './bench/staticServer';
import { runUi } from './bench/uiRun';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(repo, 'bench-results', 'site');

/** The app's UI run: the whole bundled MNIST training split (one epoch), stopped after 90 s if slower. */
const UI_TRAIN_EXAMPLES = 12_000;
const UI_TIME_BOX_SEC = 90;


const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0];

async function buildAll(): Promise<BundleReport> {
  await rm(site, { recursive: true, force: true });
  const appDir = join(site, 'app');
  process.stdout.write('building the app… ');
  await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
  process.stdout.write('the bench page… ');
  await build({ configFile: join(repo, 'scripts', 'bench', 'vite.config.ts'), logLevel: 'error' });
  process.stdout.write('done\n');
  return bundleReport(appDir);
}

/** Runs `fn` with a deadline (the caller then drops the page, which ends its workers). */
async function withDeadline<T>(seconds: number, fn: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([fn(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The browser and the bench page. After any failure the whole browser is closed and relaunched for
 * the next case: a timed-out case's GPU work would otherwise go on in the GPU process and slow the next.
 */
class BenchBrowser {
  private browser: Browser | null = null;
  private page: Page | null = null;
  private consoleErrors: string[] = [];

  constructor(private readonly pageUrl: string) {}

  async getBrowser(): Promise<Browser> {
    if (this.browser?.isConnected()) return this.browser;
    this.browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...CHROMIUM_ARGS] });
    return this.browser;
  }

  async getPage(): Promise<Page> {
    if (this.page && !this.page.isClosed() && this.browser?.isConnected()) return this.page;
    const page = await (await this.getBrowser()).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(e.message));
    await page.goto(this.pageUrl);
    await page.waitForFunction(() => window.cnnBench !== undefined, undefined, { timeout: 30_000 });
    this.page = page;
    return page;
  }

  /** Closes the browser; the next call launches a fresh one. */
  async reset(): Promise<void> {
    const browser = this.browser;
    this.page = null;
    this.browser = null;
    await browser?.close().catch(() => undefined);
  }

  takeConsoleErrors(): string[] {
    const e = this.consoleErrors;
    this.consoleErrors = [];
    return e;
  }
}

function describe(spec: CaseSpec | AugmentSpec | ThreadsSpec): string {
  if ('trainer' in spec) return `${spec.model} ${spec.trainer} ${spec.backend}`;
  return 'recipe' in spec ? `${spec.model} augmentation (${spec.recipe}) ${spec.backend}` : `${spec.model} wasm threads vs one thread`;
}

async function runCases(
  bench: BenchBrowser, cases: readonly CaseSpec[], augment: readonly AugmentSpec[], threadSpecs: readonly ThreadsSpec[], peakSpecs: readonly PeakSpec[],
): Promise<{ runs: RawRun[]; aug: RawAugment[]; threads: RawThreads[]; peaks: RawPeak[] }> {
  const runs: RawRun[] = [];
  const aug: RawAugment[] = [];
  const threads: RawThreads[] = [];
  const peaks: RawPeak[] = [];
  const total = cases.length + augment.length + threadSpecs.length + peakSpecs.length;
  let index = 0;
  const attempt = async <R>(spec: CaseSpec | AugmentSpec | ThreadsSpec, call: (page: Page) => Promise<R>): Promise<{ outcome: R | null; error: string | null; wallSec: number }> => {
    index++;
    process.stdout.write(`[${index}/${total}] ${describe(spec)} … `);
    const t0 = performance.now();
    try {
      const page = await bench.getPage();
      bench.takeConsoleErrors();
      const outcome = await withDeadline(deadlineSec(spec), () => call(page));
      return { outcome, error: null, wallSec: (performance.now() - t0) / 1000 };
    } catch (e) {
      const extra = bench.takeConsoleErrors().slice(0, 3).map((s) => s.split('\n')[0]);
      await bench.reset();
      const error = [message(e), ...extra].join(' | ');
      process.stdout.write(`error: ${error}\n`);
      return { outcome: null, error, wallSec: (performance.now() - t0) / 1000 };
    }
  };
  for (const spec of cases) {
    const r = await attempt(spec, (page) => page.evaluate((s) => window.cnnBench!.runCase(s), spec));
    runs.push({ spec, ...r });
    const o = r.outcome;
    if (o) {
      const inf = o.inference ? `, inference ${o.inference.examplesPerSec.toFixed(0)} ex/s` : '';
      process.stdout.write(`${o.train.examplesPerSec.toFixed(1)} ex/s (${o.train.examples} in ${o.train.seconds.toFixed(1)} s, ${o.stoppedBy})${inf} [${r.wallSec.toFixed(0)} s]\n`);
    }
  }
  for (const spec of augment) {
    const r = await attempt(spec, (page) => page.evaluate((s) => window.cnnBench!.runAugment(s), spec));
    aug.push({ spec, ...r });
    const o = r.outcome;
    if (o) process.stdout.write(`${o.without.examplesPerSec.toFixed(1)} → ${o.with.examplesPerSec.toFixed(1)} ex/s (${((o.with.examplesPerSec / o.without.examplesPerSec) * 100).toFixed(0)}%) [${r.wallSec.toFixed(0)} s]\n`);
  }
  for (const spec of threadSpecs) {
    const r = await attempt(spec, (page) => page.evaluate((s) => window.cnnBench!.runThreads(s), spec));
    threads.push({ spec, ...r });
    const o = r.outcome;
    if (o) {
      const pool = o.xnnpack ? `; XNNPACK ${o.xnnpack.threads} threads ${o.xnnpack.train.examplesPerSec.toFixed(1)} ex/s (${(o.xnnpack.train.examplesPerSec / o.single.examplesPerSec).toFixed(2)}×)` : '';
      process.stdout.write(`one thread ${o.single.examplesPerSec.toFixed(1)} → ${o.threads} workers ${o.threaded.examplesPerSec.toFixed(1)} ex/s (${(o.threaded.examplesPerSec / o.single.examplesPerSec).toFixed(2)}×)${pool} [${r.wallSec.toFixed(0)} s]\n`);
    }
  }
  for (const spec of peakSpecs) {
    index++;
    process.stdout.write(`[${index}/${total}] matmul peak ${spec.backend}${spec.threads === false ? ' (one thread)' : ''} n=${spec.n} … `);
    try {
      const page = await bench.getPage();
      const outcome = await withDeadline(120, () => page.evaluate((s) => window.cnnBench!.runPeak(s), spec));
      peaks.push({ spec, outcome, error: null });
      process.stdout.write(`${(outcome.flops / 1e9).toFixed(2)} GFLOP/s\n`);
    } catch (e) {
      await bench.reset();
      peaks.push({ spec, outcome: null, error: message(e) });
      process.stdout.write(`error: ${message(e)}\n`);
    }
  }
  return { runs, aug, threads, peaks };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`bench: ${message(e)}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const startedAt = new Date();
  const t0 = performance.now();
  const loadAtStart = loadavg()[0];
  const bundle = await buildAll();
  // Cross-origin isolated, as the deployed site is (its service worker adds these): WASM gets threads.
  const server = await serveStatic(site, { headers: CROSS_ORIGIN_ISOLATION_HEADERS });
  const bench = new BenchBrowser(`${server.url}bench/index.html`);
  try {
    const env = await (await bench.getPage()).evaluate(() => window.cnnBench!.environment());
    const browserVersion = (await bench.getBrowser()).version();
    process.stdout.write(`Chromium ${browserVersion} · WebGL: ${env.webglRenderer} · WebGPU: ${env.webgpuAdapter}\n`);
    const { cases, skipped } = planCases(options);
    const augment = planAugment(options);
    for (const k of skipped) process.stdout.write(`skipped: ${k.model} on ${k.backend} (${k.reason})\n`);
    const threadSpecs = planThreads(options);
    const peakSpecs = planPeaks(options);
    const { runs, aug, threads, peaks } = await runCases(bench, cases, augment, threadSpecs, peakSpecs);

    const ui: UiRunResult[] = [];
    if (options.ui && options.models.includes('lenet5')) {
      const examples = options.quick ? CONVNETJS_BUDGET.trainExamples : UI_TRAIN_EXAMPLES;
      process.stdout.write(`the app's UI, LeNet-5, backend auto … `);
      await bench.reset();
      // No service worker: its background precache of ~20 MB is not what this run measures.
      const context = await (await bench.getBrowser()).newContext({ serviceWorkers: 'block' });
      try {
        const r = await runUi(await context.newPage(), `${server.url}app/`, 'auto', examples, options.quick ? UI_TIME_BOX_SEC / 4 : UI_TIME_BOX_SEC);
        ui.push(r);
        process.stdout.write(`longest task ${r.mainThread?.longestTaskMs ?? '–'} ms\n`);
      } catch (e) {
        ui.push(uiError('auto', examples, e));
        process.stdout.write(`error: ${message(e)}\n`);
      } finally {
        await context.close();
      }
    }

    const budgets: Record<string, Budget> = {};
    for (const c of cases) budgets[`${c.model}/${c.trainer}/${c.backend}`] = { trainExamples: c.trainExamples, timeBoxSec: c.timeBoxSec, inferenceExamples: c.inferenceExamples };
    for (const a of augment) budgets[`${a.model}/augment/${a.backend}`] = { trainExamples: a.trainExamples, timeBoxSec: a.timeBoxSec, inferenceExamples: 0 };
    for (const t of threadSpecs) budgets[`${t.model}/threads/wasm`] = { trainExamples: t.trainExamples, timeBoxSec: t.timeBoxSec, inferenceExamples: 0 };
    const report: BenchReport = {
      schema: 'cnn-playground/bench@1',
      startedAt: startedAt.toISOString(),
      durationSec: (performance.now() - t0) / 1000,
      environment: {
        node: process.version, browser: `Chromium ${browserVersion}`, userAgent: env.userAgent, hardwareConcurrency: env.hardwareConcurrency,
        webglRenderer: env.webglRenderer, webgpuAdapter: env.webgpuAdapter, os: `${platform()} ${release()}`, cpu: cpus()[0]?.model ?? 'unknown',
        loadAverage: { start: loadAtStart, end: loadavg()[0] },
      },
      settings: {
        train: TRAIN_DEFAULTS, optimizer: 'Adam (tfjs), categorical cross-entropy',
        convnetjsTrainer: `${CONVNETJS_TRAINER.method}, batch_size ${TRAIN_DEFAULTS.batchSize} (ConvNetJS 0.3 has no Adam)`,
        budgets,
      },
      bundle,
      runs: deriveRuns(runs, skipped),
      augmentation: deriveAugment(aug),
      ui,
      threads: deriveThreads(threads),
      peaks: derivePeaks(peaks),
    };
    const out = resolve(repo, options.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\n${formatReport(report)}\n\nwrote ${out}\n`);
    return 0;
  } finally {
    await bench.reset();
    await server.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * `npm run lessons`: the outcome suite. Builds the app, serves it on 127.0.0.1 and drives headless Chromium
 * through every case of scripts/lessons/cases.ts — every zoo network at the preset the picker gives it, and
 * each lesson's experiment over three seeds — the way a student would, reading what the page shows. Prints
 * a table (case, claim, measured, pass) and writes bench-results/lessons.json (schema:
 * scripts/lessons/schema.ts). Exit code 1 when a case fails.
 *
 *   npm run lessons                      # everything, two cases side by side on a machine with ≥ 2 cores
 *   npm run lessons -- --parallel 1      # one case at a time, on a thread per core (cross-origin isolated)
 *   npm run lessons -- --only why-resnet # cases whose id contains a text
 *   npm run lessons -- --seeds 1 --list  # one seed per lesson; list the cases without running them
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';
import { serveStatic } from './bench/staticServer';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../src/sw/isolation';
import { backendName } from './lessons/appPage';
import { fullSuite, type LessonCase } from './lessons/cases';
import { formatTable } from './lessons/report';
import type { LessonCaseResult, LessonsReport } from './lessons/schema';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run lessons -- [--only TEXT[,TEXT…]] [--seeds N] [--parallel N] [--list] [--out FILE] [--no-build]';

interface Options {
  only: string[];
  seeds: number;
  /** Cases run side by side, each page on one WASM thread (1: one at a time, on a thread per core). */
  parallel: number;
  list: boolean;
  out: string;
  build: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  // Two lanes by default: one page's WASM threads gain ~1.0× over one thread on 2 cores (README, issue
  // 17), two single-threaded pages side by side ~1.4× — each case then runs no faster than alone.
  const o: Options = { only: [], seeds: 3, parallel: Math.min(2, Math.max(1, cpus().length)), list: false, out: 'bench-results/lessons.json', build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only') o.only = next().split(',').filter(Boolean);
    else if (a === '--seeds') {
      o.seeds = Number(next());
      if (!Number.isInteger(o.seeds) || o.seeds < 1 || o.seeds > 10) throw new Error('--seeds must be 1…10');
    } else if (a === '--parallel') {
      o.parallel = Number(next());
      if (!Number.isInteger(o.parallel) || o.parallel < 1 || o.parallel > 8) throw new Error('--parallel must be 1…8');
    } else if (a === '--list') o.list = true;
    else if (a === '--out') o.out = next();
    else if (a === '--no-build') o.build = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

async function runCase(browser: Browser, appUrl: string, c: LessonCase): Promise<{ result: LessonCaseResult; backend: string }> {
  // A fresh context per case: no state (IndexedDB, memory) carries over; no service worker precaching.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result after ${c.timeoutSec} s`)), c.timeoutSec * 1000);
    });
    const outcome = await Promise.race([c.run({ page, appUrl }), deadline]);
    return { result: { id: c.id, claim: c.claim, ...outcome }, backend: await backendName(page) };
  } catch (e) {
    const error = [firstLine(e), ...errors.slice(0, 2).map((s) => s.split('\n')[0])].join(' | ');
    return { result: { id: c.id, claim: c.claim, measured: `did not finish: ${error}`, pass: false, seconds: (performance.now() - t0) / 1000, values: {}, error }, backend: 'unknown' };
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`lessons: ${firstLine(e)}\n${USAGE}\n`);
    return 2;
  }
  const seeds = Array.from({ length: options.seeds }, (_, i) => i + 1);
  const cases = fullSuite(seeds).filter((c) => options.only.length === 0 || options.only.some((t) => c.id.includes(t)));
  if (options.list) {
    for (const c of cases) process.stdout.write(`${c.id}\t${c.claim}\n`);
    return 0;
  }
  if (cases.length === 0) {
    process.stderr.write(`lessons: no case matches ${options.only.join(', ')}\n`);
    return 2;
  }
  const startedAt = new Date();
  const t0 = performance.now();
  const loadStart = loadavg()[0];
  const site = join(repo, 'bench-results', 'lessons-site');
  if (options.build) {
    process.stdout.write('building the app… ');
    await rm(site, { recursive: true, force: true });
    await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'error', build: { outDir: site, emptyOutDir: true } });
    process.stdout.write('done\n');
  }
  // One case at a time: served cross-origin isolated, as the deployed site is (its service worker adds the
  // headers; this suite blocks service workers), so WASM trains on a thread per core. Side by side
  // (--parallel 2): not isolated, so each page's WASM backend has one thread and
  // the pages share the cores instead of spinning on each other's thread pools. Each case's seconds are
  // then those of a single-threaded page beside another case — no faster than a student's laptop alone.
  const server = await serveStatic(site, options.parallel > 1 ? {} : { headers: CROSS_ORIGIN_ISOLATION_HEADERS });
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...CHROMIUM_ARGS] });
  const results: (LessonCaseResult | undefined)[] = new Array<LessonCaseResult | undefined>(cases.length);
  let backend = 'unknown';
  const probe = await browser.newPage();
  const hardwareConcurrency = await probe.evaluate(() => navigator.hardwareConcurrency);
  await probe.close();
  try {
    // A pool of `parallel` lanes takes the cases in order; results keep the suite's order.
    let nextCase = 0;
    let finished = 0;
    const lane = async () => {
      for (let i = nextCase++; i < cases.length; i = nextCase++) {
        const c = cases[i];
        const { result, backend: b } = await runCase(browser, server.url, c);
        if (b !== 'unknown') backend = b;
        results[i] = result;
        process.stdout.write(`[${++finished}/${cases.length}] ${c.id} … ${result.pass ? 'pass' : 'FAIL'}: ${result.measured}\n`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.parallel, cases.length) }, lane));
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  const report: LessonsReport = {
    schema: 'cnn-playground/lessons@1',
    startedAt: startedAt.toISOString(),
    durationSec: (performance.now() - t0) / 1000,
    environment: { node: process.version, browser: `Chromium ${browser.version()}`, hardwareConcurrency, cpu: cpus()[0]?.model ?? 'unknown', loadAverage: { start: loadStart, end: loadavg()[0] }, backend, parallel: options.parallel },
    cases: results.filter((r): r is LessonCaseResult => r !== undefined),
  };
  const out = resolve(repo, options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(report)}\n\nwrote ${out}\n`);
  return report.cases.length === cases.length && report.cases.every((r) => r.pass) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lessons: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * `npm run bench:kernels`: where a wasm training step's time goes, kernel by kernel, one thread
 * beside a thread per core, in headless Chromium on the bench page (cross-origin isolated, as the
 * deployed site is). Shows which kernels scale with threads and which are serial.
 *
 *   npm run bench:kernels [-- --models lenet5,resnet20] [--steps N] [--top 25] [--shapes] [--no-build]
 *
 * `--shapes` splits each kernel by its inputs' shapes and attributes. Each configuration runs twice,
 * alternating (one thread, threaded, one thread, threaded), in a fresh worker each time; the faster
 * run of each counts, since other work on the machine only ever slows a run. Needs the app's data
 * next to the bench page: it builds both unless `--no-build` (then `npm run bench` must have run).
 */
import { chromium } from '@playwright/test';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../src/sw/isolation';
import { BENCH_MODELS, type BenchModelId, type KernelProfileOutcome } from './bench/schema';
import { serveStatic } from './bench/staticServer';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(repo, 'bench-results', 'site');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The kernel rows of one model: one thread beside threaded, sorted by one-thread time. */
function table(model: string, one: KernelProfileOutcome, many: KernelProfileOutcome, top: number): string {
  const inKernels = (o: KernelProfileOutcome): number => o.kernels.reduce((s, k) => s + k.ms, 0);
  const lines = [
    `${BENCH_MODELS[model as BenchModelId].title}: one thread ${one.stepMs.toFixed(1)} ms a step, threaded ${many.stepMs.toFixed(1)} ms (×${(one.stepMs / many.stepMs).toFixed(2)})`,
    `  outside kernels (engine, tape, layers): ${(one.stepMs - inKernels(one)).toFixed(1)} / ${(many.stepMs - inKernels(many)).toFixed(1)} ms`,
  ];
  const width = Math.max(24, ...one.kernels.slice(0, top).map((k) => k.name.length));
  lines.push(`  ${'kernel'.padEnd(width)}  one thread  threaded  ratio  calls`);
  for (const k of one.kernels.slice(0, top)) {
    const t = many.kernels.find((x) => x.name === k.name);
    const ratio = t && t.ms > 0 ? `×${(k.ms / t.ms).toFixed(2)}` : '–';
    lines.push(`  ${k.name.padEnd(width)}  ${k.ms.toFixed(2).padStart(7)} ms  ${(t?.ms ?? 0).toFixed(2).padStart(6)} ms  ${ratio.padStart(5)}  ${k.calls.toFixed(0).padStart(5)}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const models = (option('models') ?? 'lenet5,resnet20').split(',') as BenchModelId[];
  for (const m of models) if (!(m in BENCH_MODELS)) throw new Error(`unknown model '${m}' (one of ${Object.keys(BENCH_MODELS).join(', ')})`);
  const top = Number(option('top') ?? 25);
  if (!process.argv.includes('--no-build')) {
    process.stdout.write('building the app and the bench page… ');
    await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'error', build: { outDir: join(site, 'app'), emptyOutDir: true } });
    await build({ configFile: join(repo, 'scripts', 'bench', 'vite.config.ts'), logLevel: 'error' });
    process.stdout.write('done\n');
  }
  const server = await serveStatic(site, { headers: CROSS_ORIGIN_ISOLATION_HEADERS });
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}bench/index.html`);
    await page.waitForFunction(() => window.cnnBench !== undefined);
    for (const model of models) {
      const steps = Number(option('steps') ?? (model === 'lenet5' ? 40 : 3));
      const best: Partial<Record<'one' | 'many', KernelProfileOutcome>> = {};
      for (const threads of [false, true, false, true]) {
        const spec = { model, threads, steps, batchSize: 64, byShape: process.argv.includes('--shapes') };
        const r = await page.evaluate((s) => window.cnnBench!.runProfile(s), spec);
        const key = threads ? 'many' : 'one';
        if (!best[key] || best[key].stepMs > r.stepMs) best[key] = r;
      }
      process.stdout.write(`\n${table(model, best.one!, best.many!, top)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:kernels: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

/**
 * From raw measurements to the report: the derived ratios (vs ConvNetJS, engine over bare loop,
 * augmentation), tensor leaks per epoch, and the plain-text tables `npm run bench` prints.
 */
import { buildArch, inferGraph } from '../../src/arch/index';
import type { SkippedCase } from './plan';
import {
  BENCH_MODELS, type AugmentOutcome, type AugmentResult, type AugmentSpec, type BenchModelId, type BenchReport, type BundleReport, type CaseOutcome,
  type CaseSpec, type PeakOutcome, type PeakResult, type PeakSpec, type RunResult, type ThreadsOutcome, type ThreadsResult, type ThreadsSpec, type UiRunResult,
} from './schema';

/** A threads comparison as the driver saw it. */
export interface RawThreads {
  readonly spec: ThreadsSpec;
  readonly outcome: ThreadsOutcome | null;
  readonly error: string | null;
  readonly wallSec: number;
}

/** A peak measurement as the driver saw it. */
export interface RawPeak {
  readonly spec: PeakSpec;
  readonly outcome: PeakOutcome | null;
  readonly error: string | null;
}

/** The issue's target on the 2-core machine: WASM threaded at least this many times single-threaded. */
export const THREADS_TARGET = 1.6;

/** Multiply-accumulates per example of a bench network, from our shape inference (src/arch). */
export function benchMacs(model: BenchModelId): number {
  const def = BENCH_MODELS[model];
  return inferGraph(buildArch(def.arch, { input: [...def.input] as [number, number, number], classes: def.classes, width: def.width })).macs;
}

/** Training FLOP/s: forward (1×) plus backward (2×) multiply-adds of 2 FLOP each, per example. */
export const trainFlops = (model: BenchModelId, examplesPerSec: number): number => 3 * 2 * benchMacs(model) * examplesPerSec;

/** A case as the driver saw it, before the derived figures. */
export interface RawRun {
  readonly spec: CaseSpec;
  readonly outcome: CaseOutcome | null;
  readonly error: string | null;
  readonly wallSec: number;
}

/** An augmentation case as the driver saw it. */
export interface RawAugment {
  readonly spec: AugmentSpec;
  readonly outcome: AugmentOutcome | null;
  readonly error: string | null;
  readonly wallSec: number;
}

/** The issue's target: training with augmentation keeps at least this fraction of the examples/s. */
export const AUGMENT_TARGET = 0.8;

const rate = (r: RawRun | undefined): number | null => (r?.outcome ? r.outcome.train.examplesPerSec : null);
const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? a / b : null);

/** Adds the derived figures to every run, and a row for each skipped pair. */
export function deriveRuns(raw: readonly RawRun[], skipped: readonly SkippedCase[] = []): RunResult[] {
  const find = (model: string, trainer: string, backend: string): RawRun | undefined =>
    raw.find((r) => r.spec.model === model && r.spec.trainer === trainer && r.spec.backend === backend && r.outcome);
  return raw.map((r): RunResult => {
    const { model, trainer, backend } = r.spec;
    const own = rate(r);
    const t = r.outcome?.tensors;
    const lenet = model === 'lenet5';
    return {
      model, trainer, backend,
      status: r.outcome ? 'ok' : 'error',
      error: r.outcome ? null : (r.error ?? 'unknown error'),
      outcome: r.outcome,
      tensorsLeakedPerEpoch: t ? (t.afterLeakCheck - t.afterTimed) / t.leakCheckEpochs : null,
      vsConvnetjsMain: lenet ? ratio(own, rate(find(model, 'convnetjs-main', 'js'))) : null,
      vsConvnetjsWorker: lenet ? ratio(own, rate(find(model, 'convnetjs-worker', 'js'))) : null,
      engineOverBare: trainer === 'engine' ? ratio(own, rate(find(model, 'tfjs-bare', backend))) : null,
      wallSec: r.wallSec,
      trainFlops: own === null ? null : trainFlops(model, own),
    };
  }).concat(skipped.map((k): RunResult => ({
    model: k.model, trainer: 'engine', backend: k.backend, status: 'skipped', error: k.reason, outcome: null,
    tensorsLeakedPerEpoch: null, vsConvnetjsMain: null, vsConvnetjsWorker: null, engineOverBare: null, wallSec: 0,
  })));
}

/** Adds the with/without ratio and the target check. */
export function deriveAugment(raw: readonly RawAugment[]): AugmentResult[] {
  return raw.map((r) => {
    const o = r.outcome;
    const q = o ? ratio(o.with.examplesPerSec, o.without.examplesPerSec) : null;
    return {
      model: r.spec.model, backend: r.spec.backend, recipe: r.spec.recipe,
      status: o ? 'ok' : 'error', error: o ? null : (r.error ?? 'unknown error'), outcome: o,
      ratio: q, target: AUGMENT_TARGET, meetsTarget: q === null ? null : q >= AUGMENT_TARGET, wallSec: r.wallSec,
    };
  });
}

/** Adds the threaded ÷ single ratio and the target check. */
export function deriveThreads(raw: readonly RawThreads[]): ThreadsResult[] {
  return raw.map((r) => {
    const o = r.outcome;
    const q = o ? ratio(o.threaded.examplesPerSec, o.single.examplesPerSec) : null;
    return {
      model: r.spec.model, status: o ? 'ok' : 'error', error: o ? null : (r.error ?? 'unknown error'), outcome: o,
      ratio: q, target: THREADS_TARGET, meetsTarget: q === null ? null : q >= THREADS_TARGET, wallSec: r.wallSec,
    };
  });
}

/** Peak rows from the raw measurements. */
export function derivePeaks(raw: readonly RawPeak[]): PeakResult[] {
  return raw.map((r) => ({ backend: r.spec.backend, threads: r.spec.threads ?? true, status: r.outcome ? 'ok' : 'error', error: r.outcome ? null : (r.error ?? 'unknown error'), outcome: r.outcome }));
}

/**
 * Our engine's training examples/s to set beside a peak: for WASM both builds from the side-by-side
 * threads comparison when it ran (the two epochs a few seconds apart see the same machine), otherwise
 * the engine's run on that backend; null when neither has a figure.
 */
export function peakTrainRate(report: Pick<BenchReport, 'runs' | 'threads'>, model: BenchModelId, peak: Pick<PeakResult, 'backend' | 'threads'>): number | null {
  const side = peak.backend === 'wasm' ? report.threads?.find((t) => t.model === model)?.outcome : undefined;
  if (side) return peak.threads ? side.threaded.examplesPerSec : side.single.examplesPerSec;
  if (peak.backend === 'wasm' && !peak.threads) return null;
  return report.runs.find((r) => r.model === model && r.trainer === 'engine' && r.backend === peak.backend)?.outcome?.train.examplesPerSec ?? null;
}

/** Pads a table of strings into aligned columns (first column left, the rest right). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const num = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const times = (x: number | null): string => (x === null ? '–' : `${x.toFixed(2)}×`);

function trainerLabel(r: RunResult): string {
  return r.trainer === 'engine' ? 'engine (ours)' : r.trainer === 'tfjs-bare' ? 'bare tfjs loop' : r.trainer === 'convnetjs-main' ? 'ConvNetJS, main thread' : 'ConvNetJS, worker';
}

/** The printed report: one table per model, the augmentation table, the UI run and the bundle size. */
export function formatReport(report: BenchReport): string {
  const out: string[] = [];
  const env = report.environment;
  out.push(`CNN Playground benchmark, ${report.startedAt} (${report.durationSec.toFixed(0)} s)`);
  out.push(`${env.browser}; ${env.hardwareConcurrency} logical cores (${env.cpu}), load average ${env.loadAverage.start.toFixed(1)} → ${env.loadAverage.end.toFixed(1)}`);
  out.push(`WebGL: ${env.webglRenderer}; WebGPU: ${env.webgpuAdapter}`);
  out.push(`batch ${report.settings.train.batchSize}, ${report.settings.optimizer}; ConvNetJS: ${report.settings.convnetjsTrainer}. Each run trains one untimed warm-up batch first.`);
  for (const model of Object.values(BENCH_MODELS)) {
    const rows = report.runs.filter((r) => r.model === model.id);
    if (rows.length === 0) continue;
    out.push('', model.title);
    const lenet = model.id === 'lenet5';
    const header = ['trainer', 'backend', 'train ex/s', 'timed', 'infer ex/s', ...(lenet ? ['÷ CNJS main', '÷ CNJS worker'] : []), 'engine/bare', 'leak/epoch', 'longest task', 'stop'];
    out.push(formatTable(header, rows.map((r) => {
      const o = r.outcome;
      if (!o) return [trainerLabel(r), r.backend, r.status, '', '', ...(lenet ? ['', ''] : []), '', '', '', ''];
      const main = o.mainThread;
      return [
        trainerLabel(r), r.backend, num(o.train.examplesPerSec), `${o.train.examples} in ${num(o.train.seconds)} s`,
        num(o.inference?.examplesPerSec ?? null, 0),
        ...(lenet ? [times(r.vsConvnetjsMain), times(r.vsConvnetjsWorker)] : []),
        times(r.engineOverBare), num(r.tensorsLeakedPerEpoch, 0),
        main ? (main.longestTaskMs > 0 ? `${main.longestTaskMs} ms` : `<50 ms (gap ${num(main.maxTimerGapMs, 0)} ms)`) : '–',
        o.stoppedBy,
      ];
    })));
    for (const r of rows.filter((x) => x.error)) out.push(`  ${r.status === 'skipped' ? r.backend : `${trainerLabel(r)} on ${r.backend}`}: ${r.error}`);
  }
  if (report.augmentation.length) {
    out.push('', `Augmentation (our engine, FitSettings.augment; target: with ≥ ${AUGMENT_TARGET * 100}% of without)`);
    out.push(formatTable(['model', 'backend', 'recipe', 'without ex/s', 'with ex/s', 'with/without', '+ms/batch', 'target'],
      report.augmentation.map((a) => {
        const o = a.outcome;
        return [a.model, a.backend, a.recipe, num(o?.without.examplesPerSec), num(o?.with.examplesPerSec), a.ratio === null ? 'error' : `${(a.ratio * 100).toFixed(0)}%`, num(o?.augmentMsPerBatch), a.meetsTarget === null ? '–' : a.meetsTarget ? 'met' : 'MISSED'];
      })));
    for (const a of report.augmentation.filter((x) => x.error)) out.push(`  ${a.model} on ${a.backend}: ${a.error}`);
  }
  if (report.threads?.length) {
    out.push('', `WASM, every core ÷ one thread (our engine, one at a time, alternating, best of two epochs each; target ≥ ${THREADS_TARGET}× on 2 cores).`,
      'Every core = data-parallel workers, one thread each (the app\'s default); XNNPACK = one worker with a thread per core (?cores=threads).');
    out.push(formatTable(['model', 'cores', 'one thread ex/s', 'every core ex/s', 'ratio', 'target', 'XNNPACK threads ex/s', 'ratio'], report.threads.map((t) => {
      const o = t.outcome;
      const pool = o?.xnnpack?.train.examplesPerSec ?? null;
      return [t.model, o ? String(o.threads) : '–', num(o?.single.examplesPerSec), num(o?.threaded.examplesPerSec), t.ratio === null ? 'error' : times(t.ratio), t.meetsTarget === null ? '–' : t.meetsTarget ? 'met' : 'MISSED',
        num(pool), pool === null || !o ? '–' : times(pool / o.single.examplesPerSec)];
    })));
    for (const t of report.threads.filter((x) => x.error)) out.push(`  ${t.model}: ${t.error}`);
  }
  if (report.peaks?.length) {
    const gf = (f: number | null | undefined): string => num(f === null || f === undefined ? null : f / 1e9, 2);
    out.push('', 'Training FLOP/s (3 × 2 × MACs per example × examples/s, our engine) against each backend\'s matmul peak (GFLOP/s)');
    const models = Object.values(BENCH_MODELS).filter((m) => report.runs.some((r) => r.model === m.id));
    out.push(formatTable(['backend', 'peak (n)', ...models.flatMap((m) => [m.id, '% peak'])], report.peaks.map((p) => {
      const label = p.backend === 'wasm' ? (p.threads ? 'wasm (threads)' : 'wasm (one thread)') : p.backend;
      const peak = p.outcome?.flops ?? null;
      const cells = models.flatMap((m) => {
        const train = peakTrainRate(report, m.id, p);
        const flops = train === null ? null : trainFlops(m.id, train);
        return [gf(flops), flops !== null && peak ? `${((100 * flops) / peak).toFixed(0)}%` : '–'];
      });
      return [label, p.outcome ? `${gf(peak)} (${p.outcome.n})` : 'error', ...cells];
    })));
    for (const p of report.peaks.filter((x) => x.error)) out.push(`  ${p.backend}: ${p.error}`);
  }
  for (const u of report.ui) {
    out.push('', `The app's UI training LeNet-5 (backend=${u.requestedBackend}, ${u.trainExamples} examples):`);
    if (u.status === 'error' || !u.mainThread) out.push(`  error: ${u.error}`);
    else {
      const m = u.mainThread;
      out.push(`  ${u.backendStatus}`);
      out.push(`  shown ${num(u.shownExamplesPerSec, 0)} examples/s; training took ${num(u.trainSec)} s; longest main-thread task ${m.longestTaskMs > 0 ? `${m.longestTaskMs} ms` : 'under 50 ms'} (${m.longTasks} long tasks); longest timer gap ${num(m.maxTimerGapMs, 0)} ms`);
    }
  }
  if (report.bundle) out.push('', bundleLine(report.bundle));
  return out.join('\n');
}

/** One line on the app's initial JS. */
export function bundleLine(b: BundleReport): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const worker = b.workerJs.map((w) => `${w.file} ${kb(w.gzipBytes)} gzip`).join(', ') || 'none';
  return `App initial main-thread JS: ${kb(b.initialJsGzipBytes)} gzip (${kb(b.initialJsBytes)} raw, ${b.initialJs.length} file(s)); CSS ${kb(b.initialCssGzipBytes)} gzip; worker, loaded later: ${worker}`;
}

/** A UI run that could not run. */
export function uiError(requestedBackend: string, trainExamples: number, error: unknown): UiRunResult {
  return {
    requestedBackend, status: 'error', error: error instanceof Error ? error.message : String(error), backendStatus: '', trainExamples,
    shownExamplesPerSec: null, trainSec: null, mainThread: null,
  };
}

/**
 * What `npm run bench` measures, in which order and within which budgets, and its command line.
 * Budgets keep the whole run near ten minutes on a 2-core, GPU-less machine: every run stops at its
 * example cap or time box, whichever comes first, and reports what it did. Pairs too slow for that
 * (ResNet-20 on tfjs-cpu: minutes per batch) are listed as skipped, with the reason; `--all` runs them.
 */
import {
  BENCH_BACKENDS, BENCH_MODELS, type AugmentRecipe, type AugmentSpec, type BenchBackend, type BenchModelId, type CaseSpec, type PeakSpec,
  type ThreadsSpec, type TrainSpec,
} from './schema';

/** Shared by every trainer: the issue's batch 64, Adam at Keras' default rate, one seed. */
export const TRAIN_DEFAULTS = { batchSize: 64, learningRate: 1e-3, seed: 1 } as const;

/** Budget of one run: examples cap, time box, and inference examples. */
export type Budget = Pick<TrainSpec, 'trainExamples' | 'timeBoxSec' | 'inferenceExamples'>;

/** How one model runs on one backend by default: a budget, or skipped with the reason. */
export type PlanEntry = { readonly budget: Budget } | { readonly skip: string };

/** The least that still times something: one warm-up batch, one timed batch, one inference batch. */
export const MIN_BUDGET: Budget = { trainExamples: 64, timeBoxSec: 30, inferenceExamples: 64 };

const run = (trainExamples: number, timeBoxSec: number, inferenceExamples: number): PlanEntry => ({ budget: { trainExamples, timeBoxSec, inferenceExamples } });

/**
 * The default plan, from speeds measured on the 2-core machine (SwiftShader WebGL, WebGPU's fallback
 * adapter): LeNet-5 runs the 2,000 examples everywhere but on WebGPU (~15 examples/s: 256);
 * the 32×32×3 networks run where a batch of 64 takes seconds, not most of a minute.
 */
export const PLAN: Readonly<Record<BenchModelId, Readonly<Record<BenchBackend, PlanEntry>>>> = {
  lenet5: {
    webgl: run(2000, 90, 2000),
    webgpu: run(256, 45, 256),
    wasm: run(2000, 90, 2000),
    cpu: run(2000, 90, 2000),
  },
  resnet20: {
    webgl: { skip: 'WebGL on SwiftShader: ~1.5 examples/s here (a batch of 64 takes ~40 s)' },
    webgpu: { skip: 'WebGPU fallback adapter: it trains the 4×-lighter VGG-11 ×0.25 at ~1.3 examples/s here' },
    wasm: run(512, 30, 256),
    cpu: { skip: 'tfjs-cpu: it trains the 4×-lighter VGG-11 ×0.25 at ~1.3 examples/s here' },
  },
  'vgg11-w0.25': {
    webgl: run(128, 30, 128),
    webgpu: { skip: 'WebGPU fallback adapter: ~1.3 examples/s here (a batch of 64 takes ~50 s)' },
    wasm: run(1024, 30, 512),
    cpu: { skip: 'tfjs-cpu: about 1.3 examples/s here (a batch of 64 takes ~50 s)' },
  },
};

/** ConvNetJS (LeNet-5 only): the 2,000 examples. */
export const CONVNETJS_BUDGET: Budget = { trainExamples: 2000, timeBoxSec: 90, inferenceExamples: 2000 };

/** With and without augmentation: a shorter epoch each way. */
export const AUGMENT_BUDGETS: Readonly<Record<BenchModelId, Budget>> = {
  lenet5: { trainExamples: 1024, timeBoxSec: 30, inferenceExamples: 0 },
  resnet20: { trainExamples: 192, timeBoxSec: 30, inferenceExamples: 0 },
  'vgg11-w0.25': { trainExamples: 512, timeBoxSec: 30, inferenceExamples: 0 },
};

/** WASM threaded against single-threaded (the LeNet-5 and ResNet-20): per engine, per epoch. */
export const THREADS_BUDGETS: Partial<Record<BenchModelId, Budget>> = {
  // Epochs of a few seconds each: a LeNet-5 epoch of 2,000 lasted under a second, and the ratio
  // moved by ±20 % from run to run on a shared machine.
  lenet5: { trainExamples: 8000, timeBoxSec: 30, inferenceExamples: 0 },
  resnet20: { trainExamples: 512, timeBoxSec: 30, inferenceExamples: 0 },
};

/** Matmul sizes for each backend's peak: large enough to be compute-bound, small enough for tfjs-cpu. */
export const PEAK_N: Readonly<Record<BenchBackend, number>> = { webgl: 1024, webgpu: 1024, wasm: 1024, cpu: 256 };

/** Seconds a case may take in all before it is abandoned: warm-up, leak check and inference included. */
export function deadlineSec(b: Budget): number {
  return 4 * b.timeBoxSec + 180;
}

/** The command line of `npm run bench`. */
export interface BenchOptions {
  models: BenchModelId[];
  backends: BenchBackend[];
  /** Skip the ConvNetJS reference runs. */
  convnetjs: boolean;
  /** Skip the bare tfjs loop (and with it the engine/bare ratio). */
  bare: boolean;
  /** Also run the pairs the plan skips, with {@link MIN_BUDGET}. */
  all: boolean;
  /** Which backends the with/without-augmentation runs use (LeNet-5 digits on each; ResNet-20 natural on the first). */
  augmentBackends: BenchBackend[];
  /** WASM with a thread per core against one thread, side by side (needs wasm in `backends`). */
  threads: boolean;
  /** Each backend's matmul peak, for the FLOP/s ratios. */
  peaks: boolean;
  /** Run the real app's UI once (LeNet-5, auto backend) to time its main thread. */
  ui: boolean;
  /** Divide every example cap and time box by 4: a smoke test of the whole pipeline. */
  quick: boolean;
  out: string;
}

/** Usage text. */
export const BENCH_USAGE = `npm run bench -- [options]
  --models lenet5,resnet20,vgg11-w0.25   networks to train (default: all)
  --backends webgl,webgpu,wasm,cpu       tfjs backends (default: all)
  --augment-backends wasm,webgl          backends for the with/without-augmentation runs (default: wasm,webgl; 'none' for none)
  --all                                  also run the pairs the plan skips as too slow (one timed batch each)
  --no-convnetjs  --no-bare  --no-ui     skip the ConvNetJS reference / bare tfjs loop / app UI run
  --no-threads  --no-peaks               skip WASM threaded vs one thread / the backends' matmul peaks
  --quick                                quarter budgets (a smoke test)
  --out bench-results/bench.json         where to write the JSON`;

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length) throw new Error(`${flag}: unknown ${bad.join(', ')} (known: ${allowed.join(', ')})`);
  return items as T[];
}

/** Parses `argv` (after the script name). @throws Error with a one-line message on a bad flag */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = {
    models: Object.keys(BENCH_MODELS) as BenchModelId[], backends: [...BENCH_BACKENDS], convnetjs: true, bare: true, all: false,
    augmentBackends: ['wasm', 'webgl'], ui: true, quick: false, out: 'bench-results/bench.json', threads: true, peaks: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--models') o.models = list(value(), Object.keys(BENCH_MODELS) as BenchModelId[], flag);
    else if (flag === '--backends') o.backends = list(value(), BENCH_BACKENDS, flag);
    else if (flag === '--augment-backends') o.augmentBackends = list(value(), BENCH_BACKENDS, flag);
    else if (flag === '--all') o.all = true;
    else if (flag === '--no-convnetjs') o.convnetjs = false;
    else if (flag === '--no-bare') o.bare = false;
    else if (flag === '--no-ui') o.ui = false;
    else if (flag === '--no-threads') o.threads = false;
    else if (flag === '--no-peaks') o.peaks = false;
    else if (flag === '--quick') o.quick = true;
    else if (flag === '--out') o.out = value();
    else throw new Error(`unknown option ${flag}`);
  }
  return o;
}

/** `b` quartered for `--quick`, never below {@link MIN_BUDGET}'s one timed batch. */
export function scaled(b: Budget, options: Pick<BenchOptions, 'quick'>): Budget {
  if (!options.quick) return b;
  return {
    trainExamples: Math.min(b.trainExamples, Math.max(MIN_BUDGET.trainExamples, Math.round(b.trainExamples / 4))),
    timeBoxSec: Math.max(5, b.timeBoxSec / 4),
    inferenceExamples: Math.min(b.inferenceExamples, 256),
  };
}

/** A pair the plan skips, with why. */
export interface SkippedCase {
  readonly model: BenchModelId;
  readonly backend: BenchBackend;
  readonly reason: string;
}

/**
 * The training cases in run order: per model, ConvNetJS first (LeNet-5 only), then per backend the
 * bare loop and the engine back to back, so each pair sees the machine in the same state.
 */
export function planCases(o: BenchOptions): { cases: CaseSpec[]; skipped: SkippedCase[] } {
  const cases: CaseSpec[] = [];
  const skipped: SkippedCase[] = [];
  for (const model of o.models) {
    if (model === 'lenet5' && o.convnetjs) {
      for (const trainer of ['convnetjs-main', 'convnetjs-worker'] as const) {
        cases.push({ model, trainer, backend: 'js', ...TRAIN_DEFAULTS, ...scaled(CONVNETJS_BUDGET, o) });
      }
    }
    for (const backend of o.backends) {
      const entry = PLAN[model][backend];
      if ('skip' in entry && !o.all) {
        skipped.push({ model, backend, reason: `${entry.skip}; --all runs it` });
        continue;
      }
      const budget = scaled('skip' in entry ? MIN_BUDGET : entry.budget, o);
      if (o.bare) cases.push({ model, trainer: 'tfjs-bare', backend, ...TRAIN_DEFAULTS, ...budget });
      cases.push({ model, trainer: 'engine', backend, ...TRAIN_DEFAULTS, ...budget });
    }
  }
  return { cases, skipped };
}

/** The with/without-augmentation cases: LeNet-5 (digit recipe) per augment backend, ResNet-20 (natural recipe) on the first. */
export function planAugment(o: BenchOptions): AugmentSpec[] {
  const out: AugmentSpec[] = [];
  const add = (model: BenchModelId, backend: BenchBackend, recipe: AugmentRecipe): void => {
    out.push({ model, backend, recipe, ...TRAIN_DEFAULTS, ...scaled(AUGMENT_BUDGETS[model], o) });
  };
  const backends = o.augmentBackends.filter((b) => o.backends.includes(b));
  if (o.models.includes('lenet5')) for (const b of backends) add('lenet5', b, 'digits');
  if (o.models.includes('resnet20') && backends[0]) add('resnet20', backends[0], 'natural');
  return out;
}

/** The threaded-against-single-threaded WASM comparisons: LeNet-5 and ResNet-20, when wasm runs. */
export function planThreads(o: BenchOptions): ThreadsSpec[] {
  if (!o.threads || !o.backends.includes('wasm')) return [];
  return o.models.flatMap((model) => {
    const b = THREADS_BUDGETS[model];
    return b ? [{ model, ...TRAIN_DEFAULTS, ...scaled(b, o) }] : [];
  });
}

/** One peak per backend, and WASM's single-threaded build beside its threaded one. */
export function planPeaks(o: BenchOptions): PeakSpec[] {
  if (!o.peaks) return [];
  const minSec = o.quick ? 0.5 : 2;
  return o.backends.flatMap((backend): PeakSpec[] => {
    const base = { backend, n: PEAK_N[backend], minSec };
    return backend === 'wasm' ? [base, { ...base, threads: false }] : [base];
  });
}

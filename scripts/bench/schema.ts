/**
 * The benchmark's vocabulary, shared by the Node driver (scripts/bench.ts) and the bench page that runs
 * in Chromium (scripts/bench/page/): what one measurement asks for, what it returns, and the shape of
 * `bench-results/bench.json` (documented field by field in docs/bench.md). Pure TypeScript.
 */

/** The tfjs backends the benchmark tries, in the order it runs them. */
export type BenchBackend = 'webgl' | 'webgpu' | 'wasm' | 'cpu';

/** Every tfjs backend, in run order. */
export const BENCH_BACKENDS: readonly BenchBackend[] = ['webgl', 'webgpu', 'wasm', 'cpu'];

/** Who trains: our engine (real worker, Comlink), a bare tfjs loop, or ConvNetJS. */
export type Trainer = 'engine' | 'tfjs-bare' | 'convnetjs-main' | 'convnetjs-worker';

/** The benchmark's networks. */
export type BenchModelId = 'lenet5' | 'resnet20' | 'vgg11-w0.25';

/** A benchmark network: a zoo id with options, and the dataset it trains on. */
export interface BenchModel {
  readonly id: BenchModelId;
  /** Zoo id for `buildArch`. */
  readonly arch: string;
  readonly width: number;
  readonly input: readonly [number, number, number];
  readonly classes: number;
  /** `mnist`: the bundled shards (28×28×1, zero-padded to 32×32×1); `shapes`: generated 32×32×3 colour shapes. */
  readonly dataset: 'mnist' | 'shapes';
  /** One line for the table. */
  readonly title: string;
}

/** The three networks: LeNet-5 on MNIST, ResNet-20 and a quarter-width VGG-11 on 32×32×3 colour shapes. */
export const BENCH_MODELS: Readonly<Record<BenchModelId, BenchModel>> = {
  lenet5: { id: 'lenet5', arch: 'lenet5', width: 1, input: [32, 32, 1], classes: 10, dataset: 'mnist', title: 'LeNet-5 · MNIST 32×32×1' },
  resnet20: { id: 'resnet20', arch: 'resnet20', width: 1, input: [32, 32, 3], classes: 6, dataset: 'shapes', title: 'ResNet-20 · shapes 32×32×3' },
  'vgg11-w0.25': { id: 'vgg11-w0.25', arch: 'vgg11', width: 0.25, input: [32, 32, 3], classes: 6, dataset: 'shapes', title: 'VGG-11 ×0.25 · shapes 32×32×3' },
};

/** ConvNetJS's trainer settings: 0.3 (the npm release) has no Adam; Adadelta is what its MNIST demo uses. */
export const CONVNETJS_TRAINER = { method: 'adadelta', batch_size: 64, l2_decay: 0 } as const;

/** Batch of the leak-check epochs: small, because on the slow backends a ResNet-20 batch of 64 takes most of a minute. */
export const LEAK_CHECK_BATCH = 8;

/** Training hyper-parameters every trainer shares. */
export interface TrainSpec {
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Train on the first N examples of the training split (one epoch, shuffled with `seed`). */
  readonly trainExamples: number;
  /** Stop at the first batch boundary after this many seconds (the run reports what it did). */
  readonly timeBoxSec: number;
  /** Test examples to time inference on (0 = skip). */
  readonly inferenceExamples: number;
}

/** One training measurement the page runs. */
export interface CaseSpec extends TrainSpec {
  readonly model: BenchModelId;
  readonly trainer: Trainer;
  /** The tfjs backend; `js` for ConvNetJS. */
  readonly backend: BenchBackend | 'js';
}

/** Examples over seconds, warm-up excluded. */
export interface Throughput {
  /** Examples in the timed part (every run trains one untimed warm-up batch first). */
  readonly examples: number;
  readonly seconds: number;
  readonly examplesPerSec: number;
}

/** Tensor counts (`tf.memory().numTensors`) around the training calls, for the leak check. */
export interface TensorCounts {
  /** After the warm-up batch (the optimizer's slots exist by then). */
  readonly afterWarmup: number;
  /** After the timed epoch. */
  readonly afterTimed: number;
  /** After a further `leakCheckEpochs` tiny epochs (batch LEAK_CHECK_BATCH; the engine's with validation). */
  readonly afterLeakCheck: number;
  readonly leakCheckEpochs: number;
}

/** The main thread of the page while a worker trained. */
export interface MainThreadStats {
  /** Longest `longtask` entry (≥ 50 ms by definition) during training; 0 when there was none. */
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** Longest gap between two runs of a `setTimeout(0)` probe: catches tasks under 50 ms too (≈ task + 4 ms clamp). */
  readonly maxTimerGapMs: number;
}

/** What one case returns from the page. */
export interface CaseOutcome {
  /** `tf.getBackend()` after activation (tfjs may fall back silently), or `js`. */
  readonly actualBackend: string;
  /** Why the engine chose / what it reported. */
  readonly backendNote: string;
  /** Examples trained in all, warm-up included. */
  readonly trainedExamples: number;
  /** Why training stopped: it did all examples, or it hit the time box. */
  readonly stoppedBy: 'examples' | 'time';
  readonly train: Throughput;
  readonly inference: Throughput | null;
  /** Mean loss of the last timed batch (a sanity check that it trained). */
  readonly lastLoss: number;
  readonly tensors: TensorCounts | null;
  readonly mainThread: MainThreadStats | null;
}

/** One row of the results: a case and how it went. */
export interface RunResult {
  readonly model: BenchModelId;
  readonly trainer: Trainer;
  readonly backend: BenchBackend | 'js';
  /** `skipped`: the default plan leaves this pair out as too slow on the machine (`error` says why). */
  readonly status: 'ok' | 'error' | 'skipped';
  /** The error message when `status` is `error`, the reason when `skipped`. */
  readonly error: string | null;
  readonly outcome: CaseOutcome | null;
  /** (tensorsAfterLeakCheck − tensorsAfterTimed) / leakCheckEpochs; null for ConvNetJS or on error. */
  readonly tensorsLeakedPerEpoch: number | null;
  /** Training examples/s over ConvNetJS's on the main thread (LeNet-5 only). */
  readonly vsConvnetjsMain: number | null;
  /** Training examples/s over ConvNetJS's in a worker (LeNet-5 only). */
  readonly vsConvnetjsWorker: number | null;
  /** Engine rows: engine examples/s over the bare tfjs loop's on the same backend (1 = no pipeline overhead). */
  readonly engineOverBare: number | null;
  /** Wall-clock seconds the case took, setup included. */
  readonly wallSec: number;
  /** Achieved training FLOP/s ≈ 3 × 2 × MACs per example (our shape inference) × training examples/s. */
  readonly trainFlops?: number | null;
}

/** WASM on a thread per core against WASM on one thread: our engine, the same model and data. */
export interface ThreadsSpec extends TrainSpec {
  readonly model: BenchModelId;
}

/** What a threads comparison returns. */
export interface ThreadsOutcome {
  /** Cores the every-core engine used: its data-parallel workers (or, without them, XNNPACK pool threads). */
  readonly threads: number;
  readonly threadedNote: string;
  readonly singleNote: string;
  /** The faster of two timed epochs each; they alternate single / every core / XNNPACK threads, twice. */
  readonly single: Throughput;
  /** Every core as the app uses them: data-parallel workers, one thread each (src/engine/parallel/). */
  readonly threaded: Throughput;
  /** One worker whose XNNPACK pool has a thread per core (`?cores=threads`), for comparison. */
  readonly xnnpack?: { readonly threads: number; readonly note: string; readonly train: Throughput };
}

/** One row of the threads table. */
export interface ThreadsResult {
  readonly model: BenchModelId;
  readonly status: 'ok' | 'error';
  readonly error: string | null;
  readonly outcome: ThreadsOutcome | null;
  /** threaded ÷ single examples/s. */
  readonly ratio: number | null;
  /** The target for `ratio` on a 2-core machine. */
  readonly target: number;
  readonly meetsTarget: boolean | null;
  readonly wallSec: number;
}

/** A backend's peak: float32 matmuls of n × n by n × n, back to back. */
export interface PeakSpec {
  readonly backend: BenchBackend;
  /** WASM only: false for the single-threaded build (default true). */
  readonly threads?: boolean;
  readonly n: number;
  readonly minSec: number;
}

/** What a peak measurement returns. */
export interface PeakOutcome {
  readonly actualBackend: string;
  readonly n: number;
  readonly matmuls: number;
  readonly seconds: number;
  /** 2 n³ × matmuls / seconds. */
  readonly flops: number;
}

/** One row of the peaks table. */
export interface PeakResult {
  readonly backend: BenchBackend;
  readonly threads: boolean;
  readonly status: 'ok' | 'error';
  readonly error: string | null;
  readonly outcome: PeakOutcome | null;
}

/** Which augmentation recipe a measurement used. */
export type AugmentRecipe = 'digits' | 'natural';

/** One with/without-augmentation measurement: our engine's fit with and without `FitSettings.augment`. */
export interface AugmentSpec extends TrainSpec {
  readonly model: BenchModelId;
  readonly backend: BenchBackend;
  readonly recipe: AugmentRecipe;
}

/** What an augmentation measurement returns. */
export interface AugmentOutcome {
  readonly actualBackend: string;
  /** The faster of two timed epochs without augmentation (they alternate with the two with). */
  readonly without: Throughput;
  /** The faster of two timed epochs with augmentation. */
  readonly with: Throughput;
  /** Extra milliseconds per batch with augmentation: batchSize × (1 / with − 1 / without) × 1000. */
  readonly augmentMsPerBatch: number;
}

/** One row of the augmentation table. */
export interface AugmentResult {
  readonly model: BenchModelId;
  readonly backend: BenchBackend;
  readonly recipe: AugmentRecipe;
  readonly status: 'ok' | 'error';
  readonly error: string | null;
  readonly outcome: AugmentOutcome | null;
  /** with / without examples/s. */
  readonly ratio: number | null;
  /** The target for `ratio`. */
  readonly target: number;
  readonly meetsTarget: boolean | null;
  readonly wallSec: number;
}

/** The real app (production build, its UI) training LeNet-5, to see its main thread. */
export interface UiRunResult {
  /** The `backend=` URL parameter. */
  readonly requestedBackend: string;
  readonly status: 'ok' | 'error';
  readonly error: string | null;
  /** The backend status line the app showed. */
  readonly backendStatus: string;
  readonly trainExamples: number;
  /** The examples/s figure the app showed at the end. */
  readonly shownExamplesPerSec: number | null;
  readonly trainSec: number | null;
  readonly mainThread: MainThreadStats | null;
}

/** One file of the initial main-thread JS. */
export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Sizes of the app build. */
export interface BundleReport {
  /** Every <script src> and modulepreload of index.html (gzip level 9 each, summed), as scripts/mainBundleSize.ts counts it. */
  readonly initialJsGzipBytes: number;
  readonly initialJsBytes: number;
  readonly initialJs: readonly BundleFile[];
  readonly initialCssGzipBytes: number;
  /** The engine worker chunk, loaded after the page starts (not in the initial figure). */
  readonly workerJs: readonly BundleFile[];
}

/** `bench-results/bench.json`. */
export interface BenchReport {
  readonly schema: 'cnn-playground/bench@1';
  readonly startedAt: string;
  readonly durationSec: number;
  readonly environment: {
    readonly node: string;
    readonly browser: string;
    readonly userAgent: string;
    readonly hardwareConcurrency: number;
    readonly webglRenderer: string;
    readonly webgpuAdapter: string;
    readonly os: string;
    readonly cpu: string;
    /** 1-minute load average at the start and the end: other work on the machine slows every figure. */
    readonly loadAverage: { readonly start: number; readonly end: number };
  };
  readonly settings: {
    readonly train: Omit<TrainSpec, 'timeBoxSec' | 'trainExamples' | 'inferenceExamples'>;
    readonly optimizer: string;
    readonly convnetjsTrainer: string;
    /** Per model and trainer kind: examples, time box and inference examples actually asked for. */
    readonly budgets: Readonly<Record<string, Pick<TrainSpec, 'trainExamples' | 'timeBoxSec' | 'inferenceExamples'>>>;
  };
  readonly bundle: BundleReport | null;
  readonly runs: readonly RunResult[];
  readonly augmentation: readonly AugmentResult[];
  readonly ui: readonly UiRunResult[];
  /** WASM threaded against single-threaded, side by side (absent in reports written before threads). */
  readonly threads?: readonly ThreadsResult[];
  /** Each backend's matmul peak, beside which trainFlops of the runs is read. */
  readonly peaks?: readonly PeakResult[];
}

/** The page's API, on `window.cnnBench`, called by the driver through `page.evaluate`. */
/** A kernel profile of the bare loop's training step on wasm (scripts/bench/page/kernelProfile.ts). */
export interface KernelProfileSpec {
  model: BenchModelId;
  threads: boolean;
  steps: number;
  batchSize: number;
  /** Split each kernel by its inputs' shapes and attributes. */
  byShape?: boolean;
  /** Time the steps only, without the per-kernel wrappers. */
  timingOnly?: boolean;
}

/** Per step: wall ms, and each kernel's self ms and calls. */
export interface KernelProfileOutcome {
  stepMs: number;
  kernels: { name: string; ms: number; calls: number }[];
}

export interface BenchPageApi {
  runCase(spec: CaseSpec): Promise<CaseOutcome>;
  runAugment(spec: AugmentSpec): Promise<AugmentOutcome>;
  runThreads(spec: ThreadsSpec): Promise<ThreadsOutcome>;
  runPeak(spec: PeakSpec): Promise<PeakOutcome>;
  runProfile(spec: KernelProfileSpec): Promise<KernelProfileOutcome>;
  environment(): Promise<{ userAgent: string; hardwareConcurrency: number; webglRenderer: string; webgpuAdapter: string }>;
}

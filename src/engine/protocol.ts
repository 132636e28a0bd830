/**
 * The typed contract between the UI and the training worker. Everything that crosses it is plain data
 * (numbers, strings, typed arrays): no tensors ever leave the worker. Calls go through Comlink; events
 * stream back through one callback.
 */
import type { ArchGraph } from '../arch/index';
import type { AugmentConfig } from '../augment/config';
import type { UserMessage } from '../messages/index';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | BackendName;
export type EngineDatasetId = 'mnist' | 'fashion-mnist' | 'shapes' | 'uploads';

/** Which backend runs, and why it was chosen (shown to the user). */
export interface BackendStatus {
  name: BackendName;
  /** Why this backend, as a message the UI says in its language. */
  reason: UserMessage;
  /** Backends that work here, for the manual override. */
  available: BackendName[];
  /** WASM only: threads in XNNPACK's pool (1 when the page is not cross-origin isolated; the reason says why). */
  threads?: number;
  /** WASM only, when more than one: workers training data-parallel, one thread each (src/engine/parallel/). */
  workers?: number;
}

/** Options of {@link EngineApi.init}. */
export interface InitOptions {
  /**
   * Let the WASM backend use a thread per core when the page is cross-origin isolated (default true).
   * Decided at the first WASM start of a worker (tfjs builds its module once); the bench turns it off
   * to time the single-threaded build beside the threaded one.
   */
  wasmThreads?: boolean;
  /**
   * How WASM uses the cores where it may (see WasmCores in wasm/wasmThreads.ts): 'workers' (default),
   * data-parallel over a worker per core; 'threads', XNNPACK's thread pool; 'one'. `wasmThreads: false`
   * means 'one'. Decided at the first WASM start of a worker, as threads are.
   */
  wasmCores?: 'workers' | 'threads' | 'one';
}

export interface DatasetInfo {
  id: EngineDatasetId;
  name: string;
  imageShape: [number, number, number];
  classNames: string[];
  trainCount: number;
  testCount: number;
}

/** How the learning rate moves over a run: constant, or cosine decay to 0 after a short warm-up. */
export type LrSchedule = 'constant' | 'cosine';

export interface CompileSettings {
  optimizer: 'adam' | 'sgd' | 'rmsprop';
  /** The base learning rate (the schedule's peak). */
  learningRate: number;
  /** SGD/RMSprop momentum. */
  momentum: number;
  /** Categorical cross-entropy on softmax outputs (the only loss our classifiers use). */
  loss: 'categoricalCrossentropy';
  /** Absent: constant. */
  schedule?: LrSchedule;
}

export interface FitSettings {
  epochs: number;
  batchSize: number;
  /** Fraction of the training split held out for validation (its last examples, as Keras does). */
  validationSplit: number;
  shuffle: boolean;
  seed: number;
  /** Use only the first N training examples (0 = all). */
  trainLimit: number;
  /**
   * Augmentation of training batches only (never validation or test), for this fit alone; omitted: the
   * augmentation installed in the session (`setAugmentation`), if any; all off = none.
   */
  augment?: AugmentConfig;
  /** Seeds the augmentation draws (step s uses a seed derived from it and s); defaults to `seed`. */
  augmentSeed?: number;
  /**
   * Before each validation (and at the end of the run) set every batch norm's moving statistics to
   * their exact values over up to this many training images ("precise BN"); 0 = keep the moving averages.
   * Defaults to {@link PRECISE_BN_EXAMPLES}. Ignored by models without batch norm.
   */
  preciseBatchNorm?: number;
}

/** Training images the batch-norm statistics are recomputed over by default (see FitSettings.preciseBatchNorm). */
export const PRECISE_BN_EXAMPLES = 512;

/** Settings the memory check needs at build time. */
export interface BuildPlan {
  batchSize: number;
  optimizer: CompileSettings['optimizer'];
}

/** What the model was built as, for the UI. */
export interface BuildResult {
  name: string;
  inputShape: [number, number, number];
  classes: number;
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** How dataset images are adapted to the input (e.g. "28×28×1 → 32×32×1: zero-padded, 2 px on each side"). */
  adaptation: UserMessage;
  /** Estimated training memory and the backend's budget, in bytes. */
  memoryEstimate: number;
  memoryBudget: number;
}

export type TrainEvent =
  | { type: 'epochStart'; epoch: number; epochs: number; batches: number }
  | {
      type: 'batchEnd'; epoch: number; batch: number; batches: number;
      /** This batch's loss (for GoogLeNet+aux: the total, main + 0.3 × each auxiliary) and accuracy. */
      loss: number; accuracy: number;
      /** Running means over the epoch's batches so far, weighted by batch size (what Keras' progress bar shows). */
      meanLoss: number; meanAccuracy: number;
      /** Networks with auxiliary classifiers: the main classifier's own loss, this batch and its running mean. */
      mainLoss?: number; meanMainLoss?: number;
      /** The learning rate this batch was trained with (it moves under a schedule). */
      learningRate: number;
      examplesPerSec: number;
    }
  | {
      type: 'epochEnd'; epoch: number; loss: number; accuracy: number; valLoss: number | null; valAccuracy: number | null; examplesPerSec: number;
      /** Networks with auxiliary classifiers: the epoch's mean main-classifier loss. */
      mainLoss?: number;
    }
  /** The batch norms' moving statistics were set to their exact values over `examples` training images. */
  | { type: 'batchNormRecomputed'; epoch: number; examples: number; layers: number }
  | { type: 'paused' }
  | { type: 'resumed' };

export type FitEnd = 'completed' | 'stopped' | 'nan' | 'device-lost' | 'error';

export interface FitResult {
  end: FitEnd;
  /** A user-facing explanation when `end` is not `completed`, in English (logs, scripts). */
  message: string | null;
  /** The same explanation as data, which the UI says in its language. */
  detail: UserMessage | null;
  epochsCompleted: number;
  tensorsAfter: number;
}

export interface EvaluateResult {
  loss: number;
  accuracy: number;
  count: number;
  perClassAccuracy: number[];
  /** confusion[actual][predicted] counts. */
  confusion: number[][];
  classNames: string[];
}

export interface Prediction {
  /** Top-k classes with probabilities, most likely first. */
  top: { index: number; name: string; probability: number }[];
  label: number | null;
}

/** A test-set image, as the UI draws it (uint8, the dataset's shape). */
export interface SampleImage {
  index: number;
  label: number;
  shape: [number, number, number];
  pixels: Uint8Array;
}

/** The worker's API, called through Comlink. Every method may reject with a user-facing Error. */
export interface EngineApi {
  init(backend: BackendRequest, options?: InitOptions): Promise<BackendStatus>;
  /**
   * Loads (or reuses) a dataset. With `trainLimit` > 0 a bundled dataset downloads only the training
   * shards that hold the first `trainLimit` examples (more are fetched when a later call needs them).
   */
  loadDataset(id: EngineDatasetId, baseUrl: string, onProgress: (loaded: number, total: number) => void, trainLimit?: number): Promise<DatasetInfo>;
  /** Refuses (rejects) before allocating when training at `plan` would not fit the backend's memory. */
  build(graph: ArchGraph, seed: number, plan?: BuildPlan): Promise<BuildResult>;
  compile(settings: CompileSettings): Promise<void>;
  /**
   * Installs the augmentation every later fit of the session's model applies to its training batches
   * (a fit of a model built here or of a transfer model), seeded by `seed`; null or all off: none.
   */
  setAugmentation(config: AugmentConfig | null, seed: number): Promise<void>;
  fit(settings: FitSettings, onEvent: (e: TrainEvent) => void): Promise<FitResult>;
  /** Pauses the job that trains the session's model (its fit, or an installed transfer model's fit) after the batch. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the session model's running job (fit, transfer fit or evaluation) at its next batch. */
  stop(): Promise<void>;
  /** Evaluates the first `limit` test images (0 = all); `stop()` cancels it (rejects with `engine.evaluationCancelled`). */
  evaluate(limit: number, onProgress?: (done: number, total: number) => void): Promise<EvaluateResult>;
  predict(image: { pixels: Uint8Array | Float32Array; shape: [number, number, number]; label?: number }, k: number): Promise<Prediction>;
  sample(index: number): Promise<SampleImage>;
  numTensors(): Promise<number>;
  disposeModel(): Promise<void>;
  /** The backend in use (e.g. the one a lost GPU device was replaced with); unlike `init` it keeps the model. */
  currentBackend(): Promise<BackendStatus | null>;
}

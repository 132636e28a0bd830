/**
 * The depth experiment's settings, presets, progress and result (He et al. 2015, §4.2: plain nets get
 * worse with depth, residual nets do not). Plain data, no tfjs: the UI imports this file.
 */

import { inspectError } from '../../messages/index';

/** Depths 6n + 2 the zoo builds as `plainD` / `resnetD`. */
export type ExperimentDepth = 8 | 20 | 32 | 44 | 56;
export const EXPERIMENT_DEPTHS: readonly ExperimentDepth[] = [8, 20, 32, 44, 56];

export type DepthPresetId = 'lecture' | 'quick' | 'reference';
export type NetFamily = 'plain' | 'residual';

/** The same budget for every network of the run. */
export interface DepthExperimentSettings {
  preset: DepthPresetId;
  /** Depths to train, ascending; each as a plain and a residual net. */
  depths: ExperimentDepth[];
  /** Width multiplier on 16/32/64 channels. */
  width: number;
  /** The data: generated colour shapes (32×32×3, 6 classes; the default) or MNIST digits (padded to 32×32×1). */
  dataset?: 'shapes' | 'mnist';
  /** Training examples of the dataset. */
  examples: number;
  epochs: number;
  batchSize: number;
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  /** SGD momentum (ignored by Adam). */
  momentum: number;
  /** Seeds the data, the initial weights and the batch order. */
  seed: number;
  /** Learning-rate schedule (default constant). */
  schedule?: 'constant' | 'cosine';
  /**
   * Epochs at a tenth of the learning rate before it (He et al. 2015, §4.2: 0.01 "to warm up the training"
   * of their deepest nets, then 0.1): a 56-layer net at 0.1 from the first step can diverge. Default 0.
   */
  warmupEpochs?: number;
  /**
   * Residual nets start with γ = 0 on each block's last batch norm, so every block starts as the identity
   * and a 56-layer ResNet starts as a shallow one (Goyal et al. 2017). Plain nets have no such block.
   */
  zeroInitResidual?: boolean;
  /**
   * Side of the square input the nets see (default 32, CIFAR's). 16 resizes the data to 16×16: a quarter of
   * the work per image, the same depth — what the lesson is about.
   */
  inputSize?: 16 | 32;
  /** After every epoch, measure the training error on this many training images (0 / absent: only at the end). */
  measureEachEpoch?: number;
}

/**
 * `lecture` (the default) shows the effect within a lesson on a CPU-only laptop: Plain-20/56 and
 * ResNet-20/56 at a quarter width learn the same 128 MNIST digits, shrunk to 16×16 (a quarter of the work
 * per image; the depth is what matters), for 20 epochs with Adam 1e-3. Measured in Node on WASM
 * (2026-12-02), training error from 20 to 56 layers: plain 4.7 → 82.8 % and 26.6 → 80.5 %, residual
 * 7.0 → 0.0 % and 0.0 → 0.0 % (seeds 1, 3); ~125 s of one core. He et al.'s SGD 0.1 was fragile at this
 * budget: at 32×32 (256 digits, 10 epochs, 310 s) ResNet-56 learned too slowly on seed 3; at 16×16
 * it diverged unless its residual blocks started as the identity (`zeroInitResidual`), and with that the
 * residual pair's order flipped with the seed (browser, seeds 1–3: +1.6, −7.8, +7.0 points).
 * What is measured is training error — the optimisation difficulty He et al. describe, not overfitting
 * (npm run lessons checks it over three seeds; README). `quick` is a one-minute plumbing check, too short
 * for any net to learn. The full-length runs (`reference`, scripts/depthReference.ts) are computed
 * offline and shipped as data.
 */
export const DEPTH_PRESETS: Readonly<Record<Exclude<DepthPresetId, 'reference'>, DepthExperimentSettings>> = {
  lecture: {
    preset: 'lecture', dataset: 'mnist', depths: [20, 56], width: 0.25, examples: 128, epochs: 20, batchSize: 32, optimizer: 'adam', learningRate: 0.001, momentum: 0.9, seed: 7,
    inputSize: 16,
  },
  quick: { preset: 'quick', depths: [8, 20], width: 0.25, examples: 512, epochs: 2, batchSize: 32, optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, seed: 7 },
};

/** The full-length run behind the precomputed results (scripts/depthReference.ts; hours on a CPU). */
export const DEPTH_REFERENCE_SETTINGS: DepthExperimentSettings = {
  preset: 'reference', dataset: 'mnist', depths: [20, 56], width: 0.25, examples: 512, epochs: 16, batchSize: 32, optimizer: 'sgd', learningRate: 0.1, momentum: 0.9, seed: 7,
  schedule: 'cosine', measureEachEpoch: 256,
};

/** What a run reports after every batch. */
export interface DepthProgress {
  /** 0-based index of the network being trained, of `runs`. */
  run: number;
  runs: number;
  family: NetFamily;
  depth: number;
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  elapsedSeconds: number;
}

/** One network's outcome. */
export interface DepthRun {
  family: NetFamily;
  depth: number;
  /** Zoo id, e.g. `plain20`. */
  arch: string;
  params: number;
  /** 1 − accuracy on the training subset, in inference mode after the last step. */
  trainError: number;
  /** Cross-entropy on the training subset, in inference mode. */
  trainLoss: number;
  /** Mean training-mode loss over the last epoch's batches. */
  lastEpochLoss: number;
  /** True when the loss became NaN/Infinity (the net is then reported with its error at that point). */
  diverged: boolean;
  seconds: number;
  /** With `measureEachEpoch`: the training error after each epoch (inference mode, precise BN). */
  epochErrors?: number[];
}

export interface LayerGradientNorm {
  layer: string;
  /** ‖∂L/∂W‖₂ of the layer's kernel. */
  norm: number;
}

export interface DepthExperimentResult {
  settings: DepthExperimentSettings;
  backend: string;
  runs: DepthRun[];
  /**
   * At the first training step of the deepest pair: one norm per conv layer, in layer order. With
   * `zeroInitResidual` the trained residual net's branches get exactly no gradient at that step (γ = 0),
   * so its norms are measured on the same net with Keras' γ = 1 (same seed, same first batch), and
   * `residualAtKerasInit` says so.
   */
  gradientNorms: { depth: number; plain: LayerGradientNorm[]; residual: LayerGradientNorm[]; residualAtKerasInit?: boolean };
  seconds: number;
}

/** Checks settings from the UI (or a caller) before any tensor is made. @throws Error naming the bad value. */
export function validateDepthSettings(s: DepthExperimentSettings): void {
  if (s.depths.length < 1 || s.depths.some((d) => !EXPERIMENT_DEPTHS.includes(d))) throw inspectError('inspect.badDepths', { allowed: EXPERIMENT_DEPTHS.join(', '), got: s.depths.join(', ') });
  if (s.inputSize !== undefined && s.inputSize !== 16 && s.inputSize !== 32) throw inspectError('inspect.badInputSize', { got: s.inputSize });
  if (!(s.width > 0 && s.width <= 1)) throw inspectError('inspect.badWidth', { got: s.width });
  if (!Number.isInteger(s.examples) || s.examples < s.batchSize || s.examples > 20000) throw inspectError('inspect.badExamples', { got: s.examples });
  if (!Number.isInteger(s.epochs) || s.epochs < 1 || s.epochs > 50) throw inspectError('inspect.badEpochs', { got: s.epochs });
  if (!Number.isInteger(s.batchSize) || s.batchSize < 2) throw inspectError('inspect.badBatch', { got: s.batchSize });
  if (s.warmupEpochs !== undefined && (!Number.isInteger(s.warmupEpochs) || s.warmupEpochs < 0 || s.warmupEpochs >= s.epochs)) throw inspectError('inspect.badWarmup', { got: s.warmupEpochs, epochs: s.epochs });
  if (!(s.learningRate > 0 && s.learningRate < 10)) throw inspectError('inspect.badLearningRate', { got: s.learningRate });
}

/** The precomputed full-length results (scripts/depthReference.ts writes them as depthReference.json). */
export interface DepthReference {
  /** When and where they were computed. */
  computedAt: string;
  machine: string;
  backend: string;
  result: Omit<DepthExperimentResult, 'backend'>;
}

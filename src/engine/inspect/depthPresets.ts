/**
 * The depth experiment's settings, presets, progress and result (He et al. 2015, §4.2: plain nets get
 * worse with depth, residual nets do not). Plain data, no tfjs: the UI imports this file.
 */

import { inspectError } from '../../messages/index';

/** Depths 6n + 2 the zoo builds as `plainD` / `resnetD`. */
export type ExperimentDepth = 8 | 20 | 32 | 44 | 56;
export const EXPERIMENT_DEPTHS: readonly ExperimentDepth[] = [8, 20, 32, 44, 56];

export type DepthPresetId = 'quick' | 'classroom';
export type NetFamily = 'plain' | 'residual';

/** The same budget for every network of the run. */
export interface DepthExperimentSettings {
  preset: DepthPresetId;
  /** Depths to train, ascending; each as a plain and a residual net. */
  depths: ExperimentDepth[];
  /** Width multiplier on 16/32/64 channels. */
  width: number;
  /** Training examples of the generated colour-shapes dataset (32×32×3, 6 classes). */
  examples: number;
  epochs: number;
  batchSize: number;
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  /** SGD momentum (ignored by Adam). */
  momentum: number;
  /** Seeds the data, the initial weights and the batch order. */
  seed: number;
}

/**
 * `quick` finishes in about 45–65 s on WASM on this project's 2-core CI-class machine (the e2e smoke test)
 * and is too short for the nets to learn much. `classroom` shows the effect: measured on WASM, plain-32
 * stayed at 82% training error while ResNet-32 reached 24% (plain/residual 8: 45/43%, 20: 39/9%), in
 * about 25 min on a busy 2-core CPU (not yet timed on a GPU).
 */
export const DEPTH_PRESETS: Readonly<Record<DepthPresetId, DepthExperimentSettings>> = {
  quick: { preset: 'quick', depths: [8, 20], width: 0.25, examples: 512, epochs: 2, batchSize: 32, optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, seed: 7 },
  classroom: { preset: 'classroom', depths: [8, 20, 32], width: 0.25, examples: 2000, epochs: 4, batchSize: 32, optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, seed: 7 },
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
  /** At the first training step of the deepest pair: one norm per conv layer, in layer order. */
  gradientNorms: { depth: number; plain: LayerGradientNorm[]; residual: LayerGradientNorm[] };
  seconds: number;
}

/** Checks settings from the UI (or a caller) before any tensor is made. @throws Error naming the bad value. */
export function validateDepthSettings(s: DepthExperimentSettings): void {
  if (s.depths.length < 1 || s.depths.some((d) => !EXPERIMENT_DEPTHS.includes(d))) throw inspectError('inspect.badDepths', { allowed: EXPERIMENT_DEPTHS.join(', '), got: s.depths.join(', ') });
  if (!(s.width > 0 && s.width <= 1)) throw inspectError('inspect.badWidth', { got: s.width });
  if (!Number.isInteger(s.examples) || s.examples < s.batchSize || s.examples > 20000) throw inspectError('inspect.badExamples', { got: s.examples });
  if (!Number.isInteger(s.epochs) || s.epochs < 1 || s.epochs > 50) throw inspectError('inspect.badEpochs', { got: s.epochs });
  if (!Number.isInteger(s.batchSize) || s.batchSize < 2) throw inspectError('inspect.badBatch', { got: s.batchSize });
  if (!(s.learningRate > 0 && s.learningRate < 10)) throw inspectError('inspect.badLearningRate', { got: s.learningRate });
}

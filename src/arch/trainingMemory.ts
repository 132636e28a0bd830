import type { GraphInfo } from './types';

/** Optimizer state slots per trainable weight: Adam keeps m and v, momentum SGD a velocity, RMSprop two. */
export const OPTIMIZER_SLOTS = { adam: 2, sgd: 1, rmsprop: 2 } as const;

export type OptimizerKind = keyof typeof OPTIMIZER_SLOTS;

/** Bytes needed to train one network at one batch size (float32 everywhere). */
export interface TrainingMemory {
  weights: number;
  gradients: number;
  optimizerState: number;
  /** Forward activations kept for backprop plus their gradients, for the whole batch. */
  activations: number;
  total: number;
}

/**
 * Estimates training memory: weights + gradients + optimizer state + activations at `batchSize`
 * (each layer's output kept for the backward pass, plus an equal amount for its gradient).
 */
export function estimateTrainingMemory(info: GraphInfo, batchSize: number, optimizer: OptimizerKind): TrainingMemory {
  const weights = info.totalParams * 4;
  const gradients = info.trainableParams * 4;
  const optimizerState = info.trainableParams * 4 * OPTIMIZER_SLOTS[optimizer];
  const activations = info.activations * batchSize * 4 * 2;
  return { weights, gradients, optimizerState, activations, total: weights + gradients + optimizerState + activations };
}

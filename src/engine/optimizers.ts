/**
 * The one place optimizers are made, re-rated and disposed (as Keras' `optimizers.get`): the Train
 * button's fit, the transfer comparison, the augmentation comparison and the depth experiment all use it,
 * so a leak or a schedule is fixed once.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CompileSettings, LrSchedule } from './protocol';
import { FusedAdamOptimizer } from './wasm/fusedAdam';

/** What an optimizer is made from (a subset of {@link CompileSettings}). */
export type OptimizerSettings = Pick<CompileSettings, 'optimizer' | 'learningRate' | 'momentum'>;

/**
 * Adam (β 0.9/0.999), SGD with momentum, or RMSprop (decay 0.9, with momentum) at `learningRate`.
 * Adam is tfjs' own, with its step fused into one kernel per variable on wasm (wasm/fusedAdam.ts).
 */
export function makeOptimizer(s: OptimizerSettings): tf.Optimizer {
  if (s.optimizer === 'adam') return new FusedAdamOptimizer(s.learningRate, 0.9, 0.999);
  if (s.optimizer === 'sgd') return tf.train.momentum(s.learningRate, s.momentum);
  return tf.train.rmsprop(s.learningRate, 0.9, s.momentum);
}

/**
 * Disposes an optimizer completely: tfjs 4.22's MomentumOptimizer.dispose forgets the −learning-rate
 * scalar its SGD parent keeps (`c`), leaking one tensor per optimizer.
 */
export function disposeOptimizer(optimizer: tf.Optimizer | null | undefined): void {
  if (!optimizer) return;
  optimizer.dispose();
  const rate = (optimizer as unknown as { c?: tf.Tensor }).c;
  if (rate && !rate.isDisposed) rate.dispose();
}

/**
 * Sets the learning rate of a made optimizer for its next steps. Adam and RMSprop read their
 * `learningRate` field at each step; SGD/momentum keeps −rate as a scalar, which `setLearningRate` replaces.
 */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (r: number) => void };
  if (o.learningRate === rate) return;
  if (typeof o.setLearningRate === 'function') o.setLearningRate(rate);
  else o.learningRate = rate;
}

/** Steps of linear warm-up at the start of a cosine schedule: 5 % of the run, at most 100. */
export function warmupSteps(totalSteps: number): number {
  return Math.min(100, Math.floor(totalSteps * 0.05));
}

/**
 * The learning rate at `step` (0-based) of a run of `totalSteps`: constant, or cosine decay from `base`
 * to 0 after a short linear warm-up (Loshchilov & Hutter 2017; what a short run wants: big steps early,
 * small ones at the end so the last weights are not the noisiest).
 */
export function scheduledRate(schedule: LrSchedule, base: number, step: number, totalSteps: number): number {
  if (schedule === 'constant' || totalSteps <= 1) return base;
  const warm = warmupSteps(totalSteps);
  if (step < warm) return (base * (step + 1)) / (warm + 1);
  const t = Math.min(1, (step - warm) / Math.max(1, totalSteps - warm));
  return base * 0.5 * (1 + Math.cos(Math.PI * t));
}

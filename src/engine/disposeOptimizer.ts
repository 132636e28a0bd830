import type * as tf from '@tensorflow/tfjs-core';

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

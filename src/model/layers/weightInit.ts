import * as tf from '@tensorflow/tfjs-core';
import type { KernelInit } from '../../arch';

/** Narrows a deserialised config value to a {@link KernelInit} (absent or unknown: Glorot uniform). */
export function toKernelInit(value: unknown): KernelInit {
  return value === 'lecun98' ? 'lecun98' : 'glorotUniform';
}

/**
 * Weights U(−limit[k], limit[k]) of `shape`, whose last axis k has its own limit (one per connection or
 * map); seeded when `seed` is a number. Returns a new tensor the caller disposes (or writes and disposes).
 */
export function uniformPerLastAxis(shape: readonly number[], limits: readonly number[], seed: number | null): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.randomUniform([...shape], -1, 1, 'float32', seed ?? undefined), tf.tensor1d([...limits])));
}

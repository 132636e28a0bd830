import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { KernelInit } from '../../arch';

/** Narrows a deserialised config value to a {@link KernelInit} (absent or unknown: Glorot uniform). */
export function toKernelInit(value: unknown): KernelInit {
  return value === 'lecun98' || value === 'heNormal' ? value : 'glorotUniform';
}

/**
 * A layer's kernel initialiser: Glorot uniform (absent), He normal, or `lecun98` U(±2.4/F) for a unit of
 * fan-in F (LeCun et al. 1998, Appendix A), which needs the fan-in (Glorot's when it is unknown).
 */
export function kernelInitializer(seed: number | undefined | null, init: KernelInit | undefined, fanIn: number | null): ReturnType<typeof tfl.initializers.glorotUniform> {
  const seeded = seed == null ? {} : { seed };
  if (init === 'lecun98' && fanIn != null && fanIn > 0) return tfl.initializers.randomUniform({ minval: -2.4 / fanIn, maxval: 2.4 / fanIn, ...seeded });
  if (init === 'heNormal') return tfl.initializers.heNormal(seeded);
  return tfl.initializers.glorotUniform(seeded);
}

/**
 * Weights U(−limit[k], limit[k]) of `shape`, whose last axis k has its own limit (one per connection or
 * map); seeded when `seed` is a number. Returns a new tensor the caller disposes (or writes and disposes).
 */
export function uniformPerLastAxis(shape: readonly number[], limits: readonly number[], seed: number | null): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.randomUniform([...shape], -1, 1, 'float32', seed ?? undefined), tf.tensor1d([...limits])));
}

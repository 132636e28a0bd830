/**
 * Photometric (colour) augmentations with explicit per-image parameters. Ops: Mean, Sub, Mul, Add,
 * Reshape, BatchMatMul — registered by every tfjs backend, wasm included.
 */
import * as tf from '@tensorflow/tfjs-core';
import { perImage, type PerImage } from './perImage';
import type { PcaColorStats } from './pcaStats';
import { mulberry32, normal } from './random';

/**
 * Brightness and contrast: out = (x − μ) · contrast[i] + μ + brightness[i], with μ the per-image,
 * per-channel mean. Works for any channel count. [N, H, W, C] → [N, H, W, C] (not clipped).
 */
export function adjustBrightnessContrast(batch: tf.Tensor4D, brightness: PerImage, contrast: PerImage = 1): tf.Tensor4D {
  const n = batch.shape[0];
  return tf.tidy(() => {
    const k = tf.tensor4d(perImage(contrast, n), [n, 1, 1, 1]);
    const delta = tf.tensor4d(perImage(brightness, n), [n, 1, 1, 1]);
    const mean = tf.mean(batch, [1, 2], true);
    return tf.add(tf.add(tf.mul(tf.sub(batch, mean), k), mean), delta);
  });
}

/**
 * Adds a per-image, per-channel offset: out[i, y, x, c] = x + shifts[i][c]. The RGB shift uses it with
 * C = 3. [N, H, W, C] → [N, H, W, C] (not clipped).
 * @param shifts [N][C].
 */
export function channelShift(batch: tf.Tensor4D, shifts: readonly (readonly number[])[]): tf.Tensor4D {
  const [n, , , c] = batch.shape;
  if (shifts.length !== n || shifts.some((s) => s.length !== c)) {
    throw new Error(`channelShift: expected shifts of shape [${n}][${c}]`);
  }
  return tf.tidy(() => tf.add(batch, tf.tensor4d(shifts.flat(), [n, 1, 1, c])));
}

/** How `pcaColorShift` draws α when no explicit values are given: α ~ N(0, sigma²), seeded. */
export interface PcaAlphaDraw {
  seed: number;
  /** Standard deviation of α; AlexNet used 0.1. */
  sigma?: number;
}

/**
 * AlexNet PCA colour augmentation: adds [p1 p2 p3] · [α1λ1, α2λ2, α3λ3]ᵀ to every pixel of each image,
 * one α triple per image. λ are variances in [0, 1] pixel units (some implementations use √λ instead).
 * @param batch [N, H, W, 3].
 * @param alpha [N, 3] tensor, or a seed (and σ, default 0.1) to draw α ~ N(0, σ²) with mulberry32.
 * @returns [N, H, W, 3] (not clipped).
 */
export function pcaColorShift(batch: tf.Tensor4D, stats: PcaColorStats, alpha: tf.Tensor2D | PcaAlphaDraw): tf.Tensor4D {
  const [n, , , c] = batch.shape;
  if (c !== 3) throw new Error(`pcaColorShift: needs RGB input, got ${c} channels`);
  return tf.tidy(() => {
    const a = alpha instanceof tf.Tensor ? alpha : tf.tensor2d(drawAlpha(n, alpha), [n, 3]);
    const scaled = tf.mul(a, tf.tensor2d([...stats.eigenvalues], [1, 3]));
    // offset[i] = P · (α_i ∘ λ)  ⇔  offsets = (α ∘ λ) · Pᵀ
    const offsets = tf.matMul(scaled, tf.tensor2d(stats.eigenvectors.flat(), [3, 3]), false, true);
    return tf.add(batch, tf.reshape(offsets, [n, 1, 1, 3]));
  });
}

function drawAlpha(n: number, { seed, sigma = 0.1 }: PcaAlphaDraw): number[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n * 3 }, () => normal(rng, 0, sigma));
}

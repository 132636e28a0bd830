/**
 * The on-the-fly augmentation pipeline for one training batch, and the live preview grid.
 * Per-image parameters are drawn in pure TypeScript (`drawAugmentParams`); the pixels never leave the
 * backend. Geometry is composed into one inverse map per image and resampled once; photometry is one
 * fused affine colour transform; the result is clipped to [0, 1].
 */
import * as tf from '@tensorflow/tfjs-core';
import { IDENTITY_AFFINE, type Affine2D } from './affine';
import { assertAugmentConfig, withCertainProbability, type AugmentConfig } from './config';
import { drawAugmentParams, type AugmentDraws } from './draws';
import type { PcaColorStats } from './pcaStats';
import { warpAffine } from './sampler';

/**
 * Augments a batch, each op applied to each image with its probability p, deterministically for a seed.
 * Colour ops (RGB shift, PCA) are skipped unless C = 3; brightness/contrast apply to any C.
 * @param batch [N, H, W, C], values in [0, 1]; not disposed.
 * @param stats needed when `config.pcaColor` is enabled and C = 3 (throws otherwise).
 * @returns a new [N, H, W, C] float32 tensor in [0, 1], owned by the caller.
 */
export function augmentBatch(
  batch: tf.Tensor4D,
  config: AugmentConfig,
  seed: number,
  stats?: PcaColorStats,
): tf.Tensor4D {
  assertAugmentConfig(config);
  const draws = drawAugmentParams(config, batch.shape, seed, stats);
  return applyDraws(batch, draws, config);
}

/**
 * Applies already-drawn parameters (see `drawAugmentParams`) to a batch.
 * @param batch [N, H, W, C] matching `draws.shape`.
 * @returns a new [N, H, W, C] float32 tensor clipped to [0, 1].
 */
export function applyDraws(batch: tf.Tensor4D, draws: AugmentDraws, config: Pick<AugmentConfig, 'fill'>): tf.Tensor4D {
  const [n, , , c] = batch.shape;
  if (draws.shape.some((d, i) => d !== batch.shape[i])) {
    throw new Error(`applyDraws: draws for [${draws.shape.join(', ')}], batch is [${batch.shape.join(', ')}]`);
  }
  return tf.tidy(() => {
    let x: tf.Tensor4D = tf.cast(batch, 'float32');
    if (draws.affine !== null || draws.elastic !== null) {
      x = warpAffine(x, draws.affine ?? new Array<Affine2D>(n).fill(IDENTITY_AFFINE), config.fill, draws.elastic ?? undefined);
    }
    if (draws.contrast !== null) {
      const mean = tf.mean(x, [1, 2], true);
      x = tf.add(tf.mul(tf.sub(x, mean), tf.tensor4d(draws.contrast, [n, 1, 1, 1])), mean);
    }
    if (draws.offset !== null) {
      x = tf.add(x, tf.tensor4d(draws.offset, [n, 1, 1, c]));
    }
    return tf.clipByValue(x, 0, 1);
  });
}

/** Options of `augmentPreview`. */
export interface PreviewOptions {
  /** Needed when PCA colour is enabled and the image is RGB. */
  stats?: PcaColorStats;
  /**
   * false (default): every enabled op is applied to every variant (p forced to 1) so the grid shows
   * what each op does. true: p is honoured, so the grid shows what training batches really look like.
   */
  honourProbability?: boolean;
}

/**
 * `count` augmented variants of one image for the live preview grid; variant i is image i of a batch
 * of copies augmented with `seed`.
 * @param image [H, W, C] in [0, 1]; not disposed.
 * @returns [count, H, W, C] in [0, 1], owned by the caller.
 */
export function augmentPreview(
  image: tf.Tensor3D,
  config: AugmentConfig,
  seed: number,
  count = 12,
  options: PreviewOptions = {},
): tf.Tensor4D {
  const effective = options.honourProbability === true ? config : withCertainProbability(config);
  return tf.tidy(() => {
    const copies = tf.tile(tf.expandDims(image, 0), [count, 1, 1, 1]) as tf.Tensor4D;
    return augmentBatch(copies, effective, seed, options.stats);
  });
}

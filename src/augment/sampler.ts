/**
 * Bilinear resampling of a batch at arbitrary per-pixel source positions. The positions, corners and
 * weights are computed in plain TypeScript (`warpPlan.ts`) and uploaded once; the pixels stay on the
 * backend and go through ops every tfjs backend registers (cpu, webgl, webgpu, wasm): Reshape,
 * GatherV2, Multiply, Sum, Concat. It replaces `tf.image.transform`, whose cpu kernel in tfjs 4.22 only
 * transforms the first image of a batch, and `tf.image.cropAndResize`, which can drop a crop's last
 * in-image row to its extrapolation value through rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Affine2D } from './affine';
import type { GeometryFill } from './config';
import { bilinearPlan, freshPlanBuffers, reusedPlanBuffers, warpPlan, type BilinearPlan, type ElasticLattice } from './warpPlan';

/**
 * Plan arrays reused from batch to batch on wasm, whose uploads copy into its heap at once (a test in
 * backends.test.ts holds it to that); cpu and webgl keep a reference to the uploaded array.
 */
const wasmPlanBuffers = reusedPlanBuffers();

/**
 * Reads `images` [N, H, W, C] as `plan` says: per output pixel, the weighted sum of its corner pixels.
 * One flat gather over the [N·H·W, C] rows: GatherV2 with batchDims 0 avoids the wasm batchDims = 1 bug
 * of tfjs 4.22, and a row index stays far below 2^24 (exact even as a WebGL float).
 * @returns [N, Ho, Wo, C] float32.
 */
export function gatherBilinear(images: tf.Tensor4D, plan: BilinearPlan): tf.Tensor4D {
  const [n, h, w, c] = images.shape;
  const [pn, ho, wo] = plan.shape;
  if (pn !== n) throw new Error(`gatherBilinear: a plan for ${pn} images, a batch of ${n}`);
  const size = n * ho * wo;
  return tf.tidy(() => {
    let rows: tf.Tensor2D = tf.reshape(tf.cast(images, 'float32'), [n * h * w, c]);
    if (plan.corners === 1) {
      // Whole pixels: a pure gather, exact; 'zeros' outside the image reads an appended zero row.
      if (plan.readsZeroRow) rows = tf.concat([rows, tf.zeros([1, c])]);
      return tf.reshape(tf.gather(rows, tf.tensor1d(plan.index, 'int32'), 0), [n, ho, wo, c]);
    }
    const picked = tf.gather(rows, tf.tensor1d(plan.index, 'int32'), 0); // [size · 4, C]
    // Corners on the innermost axis, so the sum needs no transpose for one channel.
    const out = c === 1
      ? tf.sum(tf.mul(tf.reshape(picked, [size, 4]), tf.tensor2d(plan.weight, [size, 4])), 1)
      : tf.sum(tf.mul(tf.reshape(picked, [size, 4, c]), tf.tensor3d(plan.weight, [size, 4, 1])), 1);
    return tf.reshape(out, [n, ho, wo, c]);
  });
}

/**
 * Samples float32 `images` [N, H, W, C] at source positions `srcX`, `srcY` [N, Ho, Wo] (x = column, y = row,
 * pixel centres on integers) with bilinear weights. Outside the image, `'zeros'` reads 0 (so edges fade
 * over one pixel, as `tf.image.transform`'s constant fill does) and `'edge'` repeats the border pixel.
 * Whole-number positions reproduce the source exactly. Reads the positions back synchronously (tests
 * and tools; the training path builds its positions in TypeScript, see `warpAffine`).
 * @returns [N, Ho, Wo, C] float32.
 */
export function sampleBilinear(
  images: tf.Tensor4D,
  srcX: tf.Tensor3D,
  srcY: tf.Tensor3D,
  fill: GeometryFill,
): tf.Tensor4D {
  const [, h, w] = images.shape;
  return gatherBilinear(images, bilinearPlan({ x: srcX.dataSync(), y: srcY.dataSync() }, srcX.shape, h, w, fill));
}

/**
 * Warps each image of `batch` [N, H, W, C] by its inverse affine map, after the optional elastic
 * displacement `lattice` ([N, G, G, 2] control points), with one bilinear resample:
 * src = M · (p + d(p)).
 * @returns [N, H, W, C] float32.
 */
export function warpAffine(
  batch: tf.Tensor4D,
  maps: readonly Affine2D[],
  fill: GeometryFill,
  lattice?: ElasticLattice,
): tf.Tensor4D {
  const [n, h, w] = batch.shape;
  if (maps.length !== n) throw new Error(`warpAffine: ${maps.length} maps for a batch of ${n}`);
  const buffers = tf.getBackend() === 'wasm' ? wasmPlanBuffers : freshPlanBuffers;
  return gatherBilinear(batch, warpPlan(maps, h, w, fill, lattice, buffers));
}

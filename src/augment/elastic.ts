/**
 * Local (elastic) warping: a coarse lattice of random control-point displacements, upsampled to a
 * smooth dense field (align-corners bilinear, as ResizeBilinear does) and applied with the shared
 * bilinear sampler.
 */
import * as tf from '@tensorflow/tfjs-core';
import { IDENTITY_AFFINE, type Affine2D } from './affine';
import type { GeometryFill } from './config';
import { mulberry32, uniform } from './random';
import { warpAffine } from './sampler';

/**
 * Random control-point displacements, uniform in ±magnitude pixels.
 * @returns [n, gridSize, gridSize, 2] flattened, (dx, dy) per control point.
 */
export function drawElasticGrid(n: number, gridSize: number, magnitude: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  const out = new Float32Array(n * gridSize * gridSize * 2);
  for (let i = 0; i < out.length; i++) out[i] = uniform(rng, -magnitude, magnitude);
  return out;
}

/**
 * Upsamples control-point displacements [N, G, G, 2] to a dense field [N, H, W, 2]; the lattice's
 * corner points sit on the image's corner pixels (align corners). The warp itself upsamples in
 * TypeScript (`upsampleLattice`), with the same numbers.
 */
export function elasticField(grid: tf.Tensor4D, h: number, w: number): tf.Tensor4D {
  return tf.image.resizeBilinear(grid, [h, w], true);
}

/**
 * Warps image i by its displacement lattice `grid[i]` [N, G, G, 2] (pixels), optionally after the
 * inverse affine map `maps[i]`, in one resample: src = M · (p + d(p)). [N, H, W, C] → [N, H, W, C].
 * Reads the (small) lattice back synchronously; the pipeline passes its drawn lattice to `warpAffine`.
 */
export function elasticWarp(
  batch: tf.Tensor4D,
  grid: tf.Tensor4D,
  fill: GeometryFill = 'zeros',
  maps?: readonly Affine2D[],
): tf.Tensor4D {
  const n = batch.shape[0];
  if (grid.shape[0] !== n || grid.shape[2] !== grid.shape[1] || grid.shape[3] !== 2) {
    throw new Error(`elasticWarp: expected a lattice [${n}, G, G, 2], got [${grid.shape.join(', ')}]`);
  }
  const lattice = { gridSize: grid.shape[1], displacement: Float32Array.from(grid.dataSync()) };
  return warpAffine(batch, maps ?? new Array<Affine2D>(n).fill(IDENTITY_AFFINE), fill, lattice);
}

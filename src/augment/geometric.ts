/**
 * Geometric augmentations with explicit per-image parameters (the pipeline draws them; the preview and
 * tests can pass them directly). All warps go through one bilinear sampler, see `sampler.ts`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { cropMap, rotationShearMap, type CropBox } from './affine';
import type { GeometryFill } from './config';
import { perImage, type PerImage } from './perImage';
import { warpAffine } from './sampler';

/** Mirrors every image left–right (Reverse on the width axis; exact). [N, H, W, C] → [N, H, W, C]. */
export function flipHorizontal(batch: tf.Tensor4D): tf.Tensor4D {
  return tf.reverse(batch, 2);
}

/** Mirrors every image top–bottom (Reverse on the height axis; exact). [N, H, W, C] → [N, H, W, C]. */
export function flipVertical(batch: tf.Tensor4D): tf.Tensor4D {
  return tf.reverse(batch, 1);
}

/**
 * Cuts window `boxes[i]` (source pixels; may reach into the padding, which reads per `fill`) out of
 * image i and resizes it bilinearly back to H × W. [N, H, W, C] → [N, H, W, C].
 */
export function cropResize(batch: tf.Tensor4D, boxes: readonly CropBox[], fill: GeometryFill = 'zeros'): tf.Tensor4D {
  const [, h, w] = batch.shape;
  return warpAffine(batch, boxes.map((box) => cropMap(h, w, box)), fill);
}

/** Rotates image i about its centre by `degrees[i]` (counter-clockwise on screen). [N, H, W, C] → [N, H, W, C]. */
export function rotate(batch: tf.Tensor4D, degrees: PerImage, fill: GeometryFill = 'zeros'): tf.Tensor4D {
  const [n, h, w] = batch.shape;
  return warpAffine(batch, perImage(degrees, n).map((deg) => rotationShearMap(h, w, deg)), fill);
}

/** Shears image i about its centre: x += tan(xDegrees[i])·y, then y += tan(yDegrees[i])·x. [N, H, W, C] → [N, H, W, C]. */
export function shear(batch: tf.Tensor4D, xDegrees: PerImage, yDegrees: PerImage = 0, fill: GeometryFill = 'zeros'): tf.Tensor4D {
  const [n, h, w] = batch.shape;
  const sy = perImage(yDegrees, n);
  return warpAffine(batch, perImage(xDegrees, n).map((sx, i) => rotationShearMap(h, w, 0, sx, sy[i])), fill);
}

/**
 * Bilinear resampling of a batch at arbitrary per-pixel source positions, built from ops every tfjs
 * backend registers (cpu, webgl, webgpu, wasm): Range, Floor, Sub, Mul, Add, ClipByValue, Equal,
 * Cast, Reshape, GatherV2, ExpandDims, AddN. It replaces `tf.image.transform`, whose cpu kernel in
 * tfjs 4.22 only transforms the first image of a batch, and `tf.image.cropAndResize`, which can drop a
 * crop's last in-image row to its extrapolation value through rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Affine2D } from './affine';
import type { GeometryFill } from './config';

/**
 * Samples float32 `images` [N, H, W, C] at source positions `srcX`, `srcY` [N, Ho, Wo] (x = column, y = row,
 * pixel centres on integers) with bilinear weights. Outside the image, `'zeros'` reads 0 (so edges fade
 * over one pixel, as `tf.image.transform`'s constant fill does) and `'edge'` repeats the border pixel.
 * Whole-number positions reproduce the source exactly.
 * @returns [N, Ho, Wo, C] float32.
 */
export function sampleBilinear(
  images: tf.Tensor4D,
  srcX: tf.Tensor3D,
  srcY: tf.Tensor3D,
  fill: GeometryFill,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w] = images.shape;
    const [, ho, wo] = srcX.shape;
    const x = fill === 'edge' ? tf.clipByValue(srcX, 0, w - 1) : srcX;
    const y = fill === 'edge' ? tf.clipByValue(srcY, 0, h - 1) : srcY;
    const x0 = tf.floor(x);
    const y0 = tf.floor(y);
    const fx = tf.sub(x, x0);
    const fy = tf.sub(y, y0);
    const x1 = tf.add(x0, 1);
    const y1 = tf.add(y0, 1);
    const x0c = tf.clipByValue(x0, 0, w - 1);
    const x1c = tf.clipByValue(x1, 0, w - 1);
    const y0c = tf.clipByValue(y0, 0, h - 1);
    const y1c = tf.clipByValue(y1, 0, h - 1);
    // A neighbour outside the image contributes 0 ('zeros'); with 'edge' the clamp above keeps all inside.
    const inside = (v: tf.Tensor, vc: tf.Tensor, weight: tf.Tensor): tf.Tensor =>
      fill === 'zeros' ? tf.mul(weight, tf.cast(tf.equal(v, vc), 'float32')) : weight;
    const wx0 = inside(x0, x0c, tf.sub(1, fx));
    const wx1 = inside(x1, x1c, fx);
    const wy0 = inside(y0, y0c, tf.sub(1, fy));
    const wy1 = inside(y1, y1c, fy);

    // One flat gather over [N·H·W, C] rows: the index (n·H + y)·W + x stays far below 2^24 (exact even
    // as a WebGL float), and GatherV2 with batchDims 0 avoids the wasm batchDims = 1 bug of tfjs 4.22.
    // (Building (n, y, x) triples with tf.stack cost 3/4 of the augmentation time on wasm.)
    const c = images.shape[3];
    const rows = tf.reshape(images, [n * h * w, c]);
    const base = tf.reshape(tf.mul(tf.range(0, n, 1, 'float32'), h * w), [n, 1, 1]);
    const corner = (yc: tf.Tensor, xc: tf.Tensor, weight: tf.Tensor): tf.Tensor => {
      const index = tf.cast(tf.add(base, tf.add(tf.mul(yc, w), xc)), 'int32'); // whole numbers: exact
      const picked = tf.reshape(tf.gather(rows, tf.reshape(index, [-1]), 0), [n, ho, wo, c]);
      return tf.mul(picked, tf.expandDims(weight, 3));
    };
    return tf.addN([
      corner(y0c, x0c, tf.mul(wy0, wx0)),
      corner(y0c, x1c, tf.mul(wy0, wx1)),
      corner(y1c, x0c, tf.mul(wy1, wx0)),
      corner(y1c, x1c, tf.mul(wy1, wx1)),
    ]) as tf.Tensor4D;
  });
}

/**
 * Source positions for an `h` × `w` output under one inverse affine map per image, optionally after a
 * dense displacement: src = M · (p + d(p)).
 * @param maps length N.
 * @param displacement optional [N, h, w, 2] (dx, dy) in output pixels.
 * @returns srcX, srcY, each [N, h, w].
 */
export function affineGrid(
  maps: readonly Affine2D[],
  h: number,
  w: number,
  displacement?: tf.Tensor4D,
): { srcX: tf.Tensor3D; srcY: tf.Tensor3D } {
  return tf.tidy(() => {
    const n = maps.length;
    // Each coefficient straight from the maps (a split of one [N, 6] tensor costs a SplitV per call).
    const [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5].map((k) => tf.tensor3d(maps.map((m) => m[k]), [n, 1, 1], 'float32'));
    let gx: tf.Tensor = tf.reshape(tf.range(0, w, 1, 'float32'), [1, 1, w]);
    let gy: tf.Tensor = tf.reshape(tf.range(0, h, 1, 'float32'), [1, h, 1]);
    if (displacement !== undefined) {
      // Gather, not split: wasm's SplitV copies a strided last axis slowly (5 ms a batch here).
      const [dx, dy] = [0, 1].map((k) => tf.reshape(tf.gather(displacement, tf.tensor1d([k], 'int32'), 3), [n, h, w]));
      gx = tf.add(gx, dx);
      gy = tf.add(gy, dy);
    }
    // [N,1,1]·[1,1,W] + [N,1,1]·[N|1,H,1] + [N,1,1] broadcasts to [N, H, W].
    const srcX = tf.add(tf.add(tf.mul(a, gx), tf.mul(b, gy)), c) as tf.Tensor3D;
    const srcY = tf.add(tf.add(tf.mul(d, gx), tf.mul(e, gy)), f) as tf.Tensor3D;
    return { srcX, srcY };
  });
}

/**
 * Warps each image of `batch` [N, H, W, C] by its inverse affine map (and optional displacement
 * [N, H, W, 2]) with one bilinear resample.
 * @returns [N, H, W, C] float32.
 */
export function warpAffine(
  batch: tf.Tensor4D,
  maps: readonly Affine2D[],
  fill: GeometryFill,
  displacement?: tf.Tensor4D,
): tf.Tensor4D {
  const [n, h, w] = batch.shape;
  if (maps.length !== n) throw new Error(`warpAffine: ${maps.length} maps for a batch of ${n}`);
  return tf.tidy(() => {
    const { srcX, srcY } = affineGrid(maps, h, w, displacement);
    return sampleBilinear(tf.cast(batch, 'float32'), srcX, srcY, fill);
  });
}

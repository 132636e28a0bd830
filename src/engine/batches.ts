import * as tf from '@tensorflow/tfjs-core';
import { planAdaptation } from '../data/adaptInput';
import type { ImageSplit } from '../data/datasetTypes';

type Shape3 = readonly [number, number, number];

/**
 * Adapts a batch [N, fh, fw, fc] in [0, 1] to [N, th, tw, tc]: zero padding or bilinear resize, then
 * grey → RGB (tile) or RGB → grey (luminance). Returns a new tensor; the input is not disposed.
 */
export function adaptBatch(x: tf.Tensor4D, to: Shape3): tf.Tensor4D {
  return tf.tidy(() => {
    // The same plan (and words) as src/data/adaptInput.ts, done on the backend for a whole batch.
    const plan = planAdaptation([x.shape[1], x.shape[2], x.shape[3]], to);
    let y: tf.Tensor4D = x;
    if (plan.spatial === 'pad') {
      const p = plan.pad;
      y = tf.pad(y, [[0, 0], [p.top, p.bottom], [p.left, p.right], [0, 0]]);
    } else if (plan.spatial === 'resize') {
      y = tf.image.resizeBilinear(y, [to[0], to[1]], false, true);
    }
    if (plan.channels === 'grey-to-rgb') y = tf.tile(y, [1, 1, 1, 3]);
    else if (plan.channels === 'rgb-to-grey') y = tf.sum(tf.mul(y, tf.tensor1d([0.299, 0.587, 0.114])), -1, true);
    return y;
  });
}

/**
 * Gathers the images at `indices` into a float batch: x [N, H, W, C] in [0, 1] adapted to `input`,
 * y [N, classes] one-hot. The caller owns (and disposes) both tensors.
 */
export function makeBatch(
  split: ImageSplit,
  imageShape: Shape3,
  indices: ArrayLike<number>,
  input: Shape3,
  classes: number,
): { x: tf.Tensor4D; y: tf.Tensor2D; labels: Int32Array } {
  const size = imageShape[0] * imageShape[1] * imageShape[2];
  const n = indices.length;
  const pixels = new Float32Array(n * size);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const offset = indices[i] * size;
    const src = split.images.subarray(offset, offset + size);
    for (let j = 0; j < size; j++) pixels[i * size + j] = src[j] / 255;
    labels[i] = split.labels[indices[i]];
  }
  return tf.tidy(() => {
    const raw = tf.tensor4d(pixels, [n, imageShape[0], imageShape[1], imageShape[2]]);
    const x = adaptBatch(raw, input);
    const y = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32') as tf.Tensor2D;
    return { x, y, labels };
  }) as { x: tf.Tensor4D; y: tf.Tensor2D; labels: Int32Array };
}

export { seededPermutation } from '../data/random';

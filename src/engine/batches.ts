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
 * y [N, classes] one-hot. The caller owns (and disposes) both tensors. Zero padding and grey → RGB are
 * done while gathering, on the CPU, so such a batch reaches the backend as two uploads and no kernels
 * (on a GPU each small kernel costs a dispatch every batch); a resize or RGB → grey runs on the backend.
 */
export function makeBatch(
  split: ImageSplit,
  imageShape: Shape3,
  indices: ArrayLike<number>,
  input: Shape3,
  classes: number,
): { x: tf.Tensor4D; y: tf.Tensor2D; labels: Int32Array } {
  const [fh, fw, fc] = imageShape;
  const size = fh * fw * fc;
  const n = indices.length;
  const labels = new Int32Array(n);
  const oneHot = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) {
    labels[i] = split.labels[indices[i]];
    if (labels[i] >= 0 && labels[i] < classes) oneHot[i * classes + labels[i]] = 1;
  }
  const plan = planAdaptation(imageShape, input);
  if (plan.channels !== 'rgb-to-grey' && plan.spatial !== 'resize') {
    // Straight into the network's layout: a zero border, and each grey value copied to every channel.
    const [th, tw, tc] = input;
    const { top, left } = plan.pad;
    const reps = plan.channels === 'grey-to-rgb' ? tc : 1;
    const out = new Float32Array(n * th * tw * tc);
    for (let i = 0; i < n; i++) {
      const src = indices[i] * size;
      const dst = i * th * tw * tc;
      for (let y = 0; y < fh; y++) {
        for (let x = 0; x < fw; x++) {
          const from = src + (y * fw + x) * fc;
          let to = dst + ((y + top) * tw + (x + left)) * tc;
          for (let c = 0; c < fc; c++) {
            const v = split.images[from + c] / 255;
            for (let r = 0; r < reps; r++) out[to++] = v;
          }
        }
      }
    }
    return { x: tf.tensor4d(out, [n, th, tw, tc]), y: tf.tensor2d(oneHot, [n, classes]), labels };
  }
  const pixels = new Float32Array(n * size);
  for (let i = 0; i < n; i++) {
    const offset = indices[i] * size;
    const src = split.images.subarray(offset, offset + size);
    for (let j = 0; j < size; j++) pixels[i * size + j] = src[j] / 255;
  }
  return tf.tidy(() => {
    const raw = tf.tensor4d(pixels, [n, fh, fw, fc]);
    return { x: adaptBatch(raw, input), y: tf.tensor2d(oneHot, [n, classes]), labels };
  }) as { x: tf.Tensor4D; y: tf.Tensor2D; labels: Int32Array };
}

export { seededPermutation } from '../data/random';

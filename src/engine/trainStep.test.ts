import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../model/testing/cpuBackend';
import { categoricalCrossentropy, unclippedCrossentropy } from './trainStep';

beforeAll(useCpuBackend);

describe('the monitored (unclipped) cross-entropy', () => {
  const y = () => tf.tensor2d([[1, 0, 0], [0, 1, 0]]);

  it('stays finite when a wrong class has probability exactly 0 (a confident net, not a diverged one)', () => {
    tf.tidy(() => {
      const p = tf.tensor2d([[0.5, 0.5, 0], [0, 1, 0]]);
      expect(unclippedCrossentropy(y(), p).dataSync()[0]).toBeCloseTo(Math.log(2) / 2, 6);
      expect(categoricalCrossentropy(y(), p).dataSync()[0]).toBeCloseTo(Math.log(2) / 2, 5);
    });
  });

  it('is +Infinity when the true class has probability 0 (a diverged net), which the clipped loss hides', () => {
    tf.tidy(() => {
      const p = tf.tensor2d([[0, 1, 0], [0, 1, 0]]);
      expect(unclippedCrossentropy(y(), p).dataSync()[0]).toBe(Infinity);
      expect(categoricalCrossentropy(y(), p).dataSync()[0]).toBeCloseTo(-Math.log(1e-7) / 2, 3);
    });
  });

  it('equals −mean Σ y·log p for ordinary probabilities', () => {
    tf.tidy(() => {
      const p = tf.tensor2d([[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]]);
      expect(unclippedCrossentropy(y(), p).dataSync()[0]).toBeCloseTo(-(Math.log(0.7) + Math.log(0.5)) / 2, 6);
    });
  });
});

describe('cross-entropy on a FlooredSoftmax output (the 1998 LeNet-5\'s softmax over RBF penalties)', () => {
  // Scores 0, −150, −300: a plain float32 softmax gives the last two classes exactly 0.
  const logits = () => tf.tensor2d([[0, -150, -300], [-3, 0, -1]]);
  const y2 = () => tf.tensor2d([[0, 0, 1], [0, 1, 0]]);

  it('stays finite and keeps the exact gradient (softmax − target) of a confidently wrong example', async () => {
    const { FlooredSoftmax } = await import('../model/index');
    const layer = new FlooredSoftmax({ name: 'p' });
    tf.tidy(() => {
      const p = layer.apply(logits()) as tf.Tensor;
      expect(p.dataSync()[2]).toBeCloseTo(2e-7, 12);
      expect(Number.isFinite(unclippedCrossentropy(y2(), p).dataSync()[0])).toBe(true);
      const grad = tf.grad((z: tf.Tensor) => categoricalCrossentropy(y2(), layer.apply(z) as tf.Tensor))(logits()).arraySync() as number[][];
      const s = (tf.softmax(logits()).arraySync() as number[][]);
      // Mean over the batch of 2: (s − y) / 2, row by row.
      expect(grad[0][0]).toBeCloseTo(0.5, 5);
      expect(grad[0][2]).toBeCloseTo(-0.5, 5);
      grad[1].forEach((g, k) => expect(g).toBeCloseTo((s[1][k] - (k === 1 ? 1 : 0)) / 2, 5));
      // A plain softmax there: the clip leaves the wrong example no gradient at all.
      const flat = tf.grad((z: tf.Tensor) => categoricalCrossentropy(y2(), tf.softmax(z)))(logits()).arraySync() as number[][];
      expect(flat[0].every((g) => Math.abs(g) < 1e-6)).toBe(true);
    });
  });
});

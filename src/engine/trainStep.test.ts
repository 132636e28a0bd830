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

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/cpuBackend';
import { LocalResponseNorm } from './localResponseNorm';

beforeAll(useCpuBackend);

describe('LocalResponseNorm', () => {
  it('matches b_c = a_c / (k + α Σ_{|c′−c|≤r} a_c′²)^β by hand', () => {
    const layer = new LocalResponseNorm({ depthRadius: 1, bias: 2, alpha: 0.1, beta: 0.75 });
    const a = [1, 2, 3, 4];
    // Windows clipped at the ends: {1,2}, {1,2,3}, {2,3,4}, {3,4}.
    const sums = [1 + 4, 1 + 4 + 9, 4 + 9 + 16, 9 + 16];
    const expected = a.map((v, c) => v / (2 + 0.1 * sums[c]) ** 0.75);
    tf.tidy(() => {
      const y = layer.apply(tf.tensor4d(a, [1, 1, 1, 4])) as tf.Tensor;
      Array.from(y.dataSync()).forEach((v, c) => expect(v).toBeCloseTo(expected[c], 6));
    });
  });

  it('normalises each pixel over its own channels and has a gradient', () => {
    const layer = new LocalResponseNorm({ depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 });
    tf.tidy(() => {
      const x = tf.randomUniform([2, 3, 3, 8], 0, 5, 'float32', 1);
      const y = layer.apply(x) as tf.Tensor;
      expect(y.shape).toEqual([2, 3, 3, 8]);
      const g = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor))(x);
      expect(g.shape).toEqual([2, 3, 3, 8]);
      expect(Number.isFinite(tf.sum(g).dataSync()[0])).toBe(true);
    });
    expect(layer.getConfig()).toMatchObject({ depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 });
  });
});

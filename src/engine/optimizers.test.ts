import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeOptimizer, makeOptimizer, scheduledRate, setLearningRate, warmupSteps } from './optimizers';

describe('optimizers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('cosine: warms up linearly, peaks at the base rate, ends near 0; constant stays put', () => {
    const total = 1000;
    const warm = warmupSteps(total);
    expect(warm).toBe(50);
    expect(scheduledRate('cosine', 0.1, 0, total)).toBeCloseTo(0.1 / 51, 10);
    expect(scheduledRate('cosine', 0.1, warm, total)).toBeCloseTo(0.1, 10);
    expect(scheduledRate('cosine', 0.1, warm + (total - warm) / 2, total)).toBeCloseTo(0.05, 10);
    expect(scheduledRate('cosine', 0.1, total - 1, total)).toBeLessThan(1e-5);
    for (let s = warm; s < total - 1; s++) expect(scheduledRate('cosine', 0.1, s + 1, total)).toBeLessThanOrEqual(scheduledRate('cosine', 0.1, s, total));
    expect(scheduledRate('constant', 0.1, 500, total)).toBe(0.1);
  });

  it('sets the rate every optimizer uses at its next step, and leaks nothing', () => {
    const baseline = tf.memory().numTensors;
    for (const optimizer of ['adam', 'sgd', 'rmsprop'] as const) {
      const o = makeOptimizer({ optimizer, learningRate: 0.1, momentum: 0.9 });
      const w = tf.tidy(() => tf.variable(tf.scalar(1)));
      // One step of f(w) = w (gradient 1) at rate 0.01: every optimizer moves w by about 0.01 at its first step.
      setLearningRate(o, 0.01);
      o.minimize(() => tf.mul(w, 1) as tf.Scalar, false, [w]);
      const moved = 1 - w.dataSync()[0];
      expect(moved, optimizer).toBeGreaterThan(0.005);
      expect(moved, optimizer).toBeLessThan(0.05);
      w.dispose();
      disposeOptimizer(o);
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeferredMetrics } from './deferredMetrics';

describe('DeferredMetrics', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('reads every pending batch at once, in order, and disposes the scalars', async () => {
    const baseline = tf.memory().numTensors;
    const m = new DeferredMetrics<number>(1e9);
    m.push(tf.scalar(1.5), tf.scalar(0.25), null, 0);
    m.push(tf.scalar(2.5), tf.scalar(0.5), tf.scalar(2), 1);
    expect(m.due()).toBe(false);
    expect(m.size).toBe(2);
    const read = await m.read();
    expect(read).toEqual([
      { meta: 0, loss: 1.5, accuracy: 0.25, mainLoss: null },
      { meta: 1, loss: 2.5, accuracy: 0.5, mainLoss: 2 },
    ]);
    expect(tf.memory().numTensors).toBe(baseline);
    m.push(tf.scalar(NaN), tf.scalar(0), null, 2);
    m.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

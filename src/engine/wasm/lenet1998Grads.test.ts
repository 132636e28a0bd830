/**
 * The 1998 LeNet-5 trains on wasm: the gradient of its loss (softmax(−y) cross-entropy over the RBF
 * penalties, as the engine's training step computes it) with respect to every trainable weight — C1,
 * the subsampling coefficients, C3's table kernel (conv2d of a matMul-scattered kernel), C5, F6 — and
 * to the input agrees between wasm and the cpu reference. Every op the 1998 layers use (avgPool, mul,
 * add, tanh, conv2d, matMul, reshape, sub with broadcast, square, sum, softmax, clip, log) is covered.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch';
import { buildModel, flooredSoftmax } from '../../model';
import { categoricalCrossentropy } from '../trainStep';
import { randomValues, runOn, setUpBackends, wasmVersusCpu } from './backendParity';

const graph = buildArch('lenet5', { variant: '1998' });

/** Gradients of the training loss on a fixed batch of 4, for seeded weights (the same on both backends). */
function lossGradients(): tf.Tensor[] {
  const model = buildModel(graph, { seed: 11 });
  try {
    const x = tf.tensor4d(randomValues(4 * 32 * 32, 5, 0.5).map((v) => Math.min(1, Math.max(0, v))), [4, 32, 32, 1]);
    const y = tf.cast(tf.oneHot(tf.tensor1d([3, 0, 7, 3], 'int32'), 10), 'float32') as tf.Tensor2D;
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const loss = () => categoricalCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor);
    const { grads } = tf.variableGrads(loss, variables);
    const dx = tf.grad((t: tf.Tensor) => categoricalCrossentropy(y, model.apply(t, { training: true }) as tf.Tensor))(x);
    return [...variables.map((v) => grads[v.name]), dx];
  } finally {
    model.dispose();
  }
}

describe('the 1998 LeNet-5 on wasm', () => {
  beforeAll(setUpBackends);

  it('has the cpu backend\'s gradients for every trainable weight and the input', async () => {
    // Twelve weight tensors (kernel + bias or coefficient + bias of C1, S2, C3, S4, C5, F6) and the input; none all zero.
    const reference = await runOn('cpu', lossGradients);
    expect(reference).toHaveLength(13);
    reference.forEach((g) => expect(g.some((v) => v !== 0)).toBe(true));
    expect(await wasmVersusCpu(lossGradients)).toBeLessThan(1e-3);
  });

  it('has the cpu backend\'s gradient for the floored softmax over penalties far apart', async () => {
    const f = () => {
      const z = tf.mul(tf.tensor2d(randomValues(6 * 10, 9), [6, 10]), 150);
      const y = tf.cast(tf.oneHot(tf.tensor1d([0, 3, 9, 2, 2, 5], 'int32'), 10), 'float32') as tf.Tensor2D;
      return tf.grad((t: tf.Tensor) => categoricalCrossentropy(y, flooredSoftmax(t)))(z);
    };
    expect(await wasmVersusCpu(f)).toBeLessThan(1e-4);
  });
});

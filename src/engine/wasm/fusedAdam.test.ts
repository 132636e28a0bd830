/** The fused Adam step against tfjs' own AdamOptimizer: same values bit for bit, same state, no leaks. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, setUpBackends } from './backendParity';
import { FusedAdamOptimizer } from './fusedAdam';

/** Runs `steps` updates of `make()`'s optimizer on two variables with fixed gradients; returns values and slots. */
async function train(backend: 'wasm' | 'cpu', make: () => tf.Optimizer, steps: number): Promise<{ values: Float32Array[]; weights: Float32Array[]; leaked: number }> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const a = tf.variable(tf.tensor(randomValues(60, 1), [3, 4, 5]), true, `a${backend}${steps}`);
  const b = tf.variable(tf.tensor(randomValues(7, 2), [7]), true, `b${backend}${steps}`);
  const optimizer = make();
  for (let s = 0; s < steps; s++) {
    const grads = [
      { name: a.name, tensor: tf.tensor(randomValues(60, 10 + s, 0.1 * s), [3, 4, 5]) },
      { name: b.name, tensor: tf.tensor(randomValues(7, 20 + s), [7]) },
    ];
    optimizer.applyGradients(grads);
    tf.dispose(grads.map((g) => g.tensor));
  }
  const weights = await optimizer.getWeights();
  const out = {
    values: [Float32Array.from(a.dataSync()), Float32Array.from(b.dataSync())],
    weights: weights.map((w) => Float32Array.from(w.tensor.dataSync())),
  };
  tf.dispose(weights.map((w) => w.tensor));
  optimizer.dispose();
  tf.dispose([a, b]);
  return { ...out, leaked: tf.memory().numTensors - before };
}

describe('FusedAdamOptimizer', () => {
  beforeAll(setUpBackends);

  it('gives tfjs Adam\'s values and slots bit for bit on wasm, and keeps no more tensors', async () => {
    const stock = await train('wasm', () => tf.train.adam(0.01), 6);
    const fused = await train('wasm', () => new FusedAdamOptimizer(0.01, 0.9, 0.999), 6);
    expect(fused.values).toEqual(stock.values);
    expect(fused.weights).toEqual(stock.weights); // iterations, then m and v of each variable
    expect(fused.leaked).toBe(stock.leaked); // whatever tfjs itself keeps (its cached scalars), nothing more
    expect(stock.values[0]).not.toEqual(Float32Array.from(randomValues(60, 1)));
  });

  it('uses one kernel per variable on wasm', async () => {
    await tf.setBackend('wasm');
    const x = tf.variable(tf.ones([4]), true, 'fusedKernelCount');
    const optimizer = new FusedAdamOptimizer(0.1, 0.9, 0.999);
    const g = tf.ones([4]);
    optimizer.applyGradients([{ name: x.name, tensor: g }]); // creates the slots
    const profile = await tf.profile(() => optimizer.applyGradients([{ name: x.name, tensor: g }]));
    expect(profile.kernelNames.filter((k) => k === 'CnnPlaygroundAdamStep')).toHaveLength(1);
    expect(profile.kernelNames).not.toContain('Sqrt');
    tf.dispose([x, g]);
    optimizer.dispose();
  });

  it('is the stock Adam on other backends', async () => {
    const stock = await train('cpu', () => tf.train.adam(0.01), 3);
    const fused = await train('cpu', () => new FusedAdamOptimizer(0.01, 0.9, 0.999), 3);
    expect(fused.values).toEqual(stock.values);
    expect(new FusedAdamOptimizer(0.01, 0.9, 0.999).getClassName()).toBe('Adam');
  });
});

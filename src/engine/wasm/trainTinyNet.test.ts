/**
 * End to end: a tiny conv net with every layer kind of our zoo's classic nets trains with
 * tfjs-layers' `model.fit` on wasm, and its first losses agree with the cpu backend's.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, setUpBackends } from './backendParity';

/** AlexNet-style local response normalisation (the real layer lives in src/model). */
class LocalResponseNorm extends tfl.layers.Layer {
  static readonly className = 'LocalResponseNormForTest';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.localResponseNormalization(x as tf.Tensor4D, 2, 2, 1e-4, 0.75);
    });
  }
}

function tinyNet(optimizer: tf.Optimizer): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [12, 12, 3], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tfl.layers.batchNormalization(),
      new LocalResponseNorm({}),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 6, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tfl.layers.averagePooling2d({ poolSize: 2, strides: 1 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 5, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  return model;
}

const batch = 8;
const inputs = randomValues(batch * 12 * 12 * 3, 21);
const labels = Array.from({ length: batch }, (_, i) => (i * 3) % 5);

interface Run {
  losses: number[];
  weights: Float32Array[];
  leakedTensors: number;
}

/** Trains on one fixed batch for `steps` steps; `initial` weights make both backends start alike. */
async function train(backend: 'cpu' | 'wasm', steps: number, initial?: Float32Array[]): Promise<Run> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const optimizer = tf.train.adam(0.01);
  const model = tinyNet(optimizer);
  if (initial !== undefined) {
    const shapes = model.getWeights().map((w) => w.shape);
    const tensors = initial.map((w, i) => tf.tensor(w, shapes[i]));
    model.setWeights(tensors);
    tf.dispose(tensors);
  }
  const weights = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
  const xs = tf.tensor4d(inputs, [batch, 12, 12, 3]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 5));
  const history = await model.fit(xs, ys, { batchSize: batch, epochs: steps, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
  model.dispose();
  optimizer.dispose();
  return { losses: history.history.loss.map(Number), weights, leakedTensors: tf.memory().numTensors - before };
}

describe('training a tiny conv net on wasm', () => {
  beforeAll(setUpBackends);

  it('gives the cpu backend’s losses for the first steps', async () => {
    const cpu = await train('cpu', 3);
    const wasm = await train('wasm', 3, cpu.weights);
    expect(Math.abs(wasm.losses[0] - cpu.losses[0]) / cpu.losses[0]).toBeLessThan(1e-4);
    for (let step = 1; step < 3; step++) {
      expect(Math.abs(wasm.losses[step] - cpu.losses[step]) / cpu.losses[step]).toBeLessThan(1e-3);
    }
    expect(wasm.leakedTensors).toBe(0);
  });

  it('drives the loss down with model.fit', async () => {
    const { losses } = await train('wasm', 25);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(0.5 * losses[0]);
  });
});

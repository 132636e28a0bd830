import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { makeOptimizer } from '../optimizers';
import { trainStep } from '../trainStep';
import { batchShares, DataParallel, MIN_SHARE, type ReplicaEndpoint } from './dataParallel';
import { ReplicaCore } from './replicaCore';

beforeAll(useCpuBackend);

/** A replica in this process (same tfjs engine), as a worker would be reached. */
function inProcess(core = new ReplicaCore()): ReplicaEndpoint {
  return { api: core, gradients: (r) => core.gradients(r), terminate: () => void core.detach() };
}

const weightsOf = (m: tfl.LayersModel): Float32Array[] => m.trainableWeights.map((w) => w.read().dataSync() as Float32Array);

function batch(n: number, seed: number, size = 32): { x: tf.Tensor4D; y: tf.Tensor2D } {
  return tf.tidy(() => ({
    x: tf.randomUniform([n, size, size, 1], 0, 1, 'float32', seed) as tf.Tensor4D,
    y: tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => (i * 7 + seed) % 10), 'int32'), 10) as tf.Tensor2D,
  }));
}

describe('batchShares', () => {
  it('gives the training worker the largest share and never one under MIN_SHARE', () => {
    expect(batchShares(64, 2)).toEqual([32, 32]);
    expect(batchShares(65, 2)).toEqual([33, 32]);
    expect(batchShares(64, 3)).toEqual([22, 21, 21]);
    expect(batchShares(2 * MIN_SHARE - 1, 2)).toEqual([2 * MIN_SHARE - 1]);
    expect(batchShares(5, 4)).toEqual([5]);
    expect(batchShares(64, 1)).toEqual([64]);
  });
  it('splits only batches whose shares carry enough work (ResNet-20 yes, LeNet-5 no)', () => {
    expect(batchShares(64, 2, 416_520)).toEqual([64]); // LeNet-5: 13M multiply-adds a share of 32
    expect(batchShares(64, 2, 40.8e6)).toEqual([32, 32]); // ResNet-20
    expect(batchShares(4, 2, 1e9)).toEqual([4]); // MIN_SHARE still holds
  });
});

describe('DataParallel', () => {
  it('takes the same Adam steps as one worker on the whole batch (a net without batch norm)', async () => {
    const graph = buildArch('lenet5', { classes: 10, width: 0.5 });
    const one = buildModel(graph, { seed: 3 });
    const two = buildModel(graph, { seed: 3 });
    const optOne = makeOptimizer({ optimizer: 'adam', learningRate: 0.01, momentum: 0 });
    const optTwo = makeOptimizer({ optimizer: 'adam', learningRate: 0.01, momentum: 0 });
    const dp = new DataParallel([inProcess()]);
    await dp.start();
    await dp.attach(two);
    try {
      for (let s = 0; s < 3; s++) {
        const { x, y } = batch(20, s);
        const a = trainStep(one, optOne, x, y, [1]);
        const b = await dp.step(two, optTwo, x, y, [1]);
        expect(b.loss.dataSync()[0]).toBeCloseTo(a.loss.dataSync()[0], 5);
        expect(b.accuracy.dataSync()[0]).toBeCloseTo(a.accuracy.dataSync()[0], 6);
        tf.dispose([x, y, a.loss, a.accuracy, b.loss, b.accuracy]);
      }
      const wa = weightsOf(one);
      const wb = weightsOf(two);
      let worst = 0;
      wa.forEach((w, i) => w.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - wb[i][j])))));
      expect(worst).toBeLessThan(1e-5);
      // The weights moved: three steps of lr 0.01 change them by far more than the tolerance.
      const freshModel = buildModel(graph, { seed: 3 });
      const fresh = weightsOf(freshModel);
      freshModel.dispose();
      expect(Math.max(...fresh[0].map((v, j) => Math.abs(v - wa[0][j])))).toBeGreaterThan(1e-3);
    } finally {
      dp.terminate();
      one.dispose();
      two.dispose();
      optOne.dispose();
      optTwo.dispose();
    }
  });

  it('splits over three workers, weighs the metrics by share, and leaves no tensor behind', async () => {
    const graph = buildArch('resnet20', { classes: 10, input: [16, 16, 1], width: 0.25 });
    const model = buildModel(graph, { seed: 1 });
    const opt = makeOptimizer({ optimizer: 'adam', learningRate: 0.001, momentum: 0 });
    const dp = new DataParallel([inProcess(), inProcess()]);
    await dp.start();
    await dp.attach(model);
    try {
      const { x, y } = batch(24, 9, 16);
      const warm = await dp.step(model, opt, x, y, [1]); // Adam's slots appear at the first step
      tf.dispose([warm.loss, warm.accuracy]);
      const before = tf.memory().numTensors;
      const r = await dp.step(model, opt, x, y, [1]);
      expect(Number.isFinite(r.loss.dataSync()[0])).toBe(true);
      const acc = r.accuracy.dataSync()[0];
      // 24 examples: an accuracy is a multiple of 1/24.
      expect(Math.abs(acc * 24 - Math.round(acc * 24))).toBeLessThan(1e-4);
      tf.dispose([r.loss, r.accuracy, x, y]);
      expect(tf.memory().numTensors).toBe(before - 2);
    } finally {
      dp.terminate();
      model.dispose();
      opt.dispose();
    }
  });

  it('trains alone when the batch is too small to split, or no model is attached', async () => {
    const graph = buildArch('lenet5', { classes: 10, width: 0.5 });
    const model = buildModel(graph, { seed: 2 });
    const opt = makeOptimizer({ optimizer: 'sgd', learningRate: 0.1, momentum: 0 });
    let asked = 0;
    const counting: ReplicaEndpoint = { ...inProcess(), gradients: () => { asked++; return Promise.reject(new Error('not expected')); } };
    const dp = new DataParallel([counting]);
    try {
      const { x, y } = batch(MIN_SHARE, 1);
      const r = await dp.step(model, opt, x, y, [1]); // not attached
      await dp.attach(model);
      const s = await dp.step(model, opt, x, y, [1]); // too small
      expect(asked).toBe(0);
      tf.dispose([x, y, r.loss, r.accuracy, s.loss, s.accuracy]);
    } finally {
      dp.terminate();
      model.dispose();
      opt.dispose();
    }
  });

  it('fails the step with the replica\'s error', async () => {
    const graph = buildArch('lenet5', { classes: 10, width: 0.5 });
    const model = buildModel(graph, { seed: 2 });
    const opt = makeOptimizer({ optimizer: 'adam', learningRate: 0.001, momentum: 0 });
    const failing: ReplicaEndpoint = { ...inProcess(), gradients: () => Promise.reject(new Error('out of memory in replica 1')) };
    const dp = new DataParallel([failing]);
    await dp.attach(model);
    const before = tf.memory().numTensors;
    const { x, y } = batch(32, 1);
    try {
      await expect(dp.step(model, opt, x, y, [1])).rejects.toThrow(/out of memory in replica 1/);
      tf.dispose([x, y]);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      dp.terminate();
      model.dispose();
      opt.dispose();
    }
  });
});

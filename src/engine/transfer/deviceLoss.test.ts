import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../../data/datasetTypes';
import { Engine } from '../engine';
import type { TrainEvent } from '../protocol';
import { diskFetch, toyDigits } from './testing/toyData';
import { TransferFeature } from './transferApi';
import type { FreezeMode, SubsetRequest } from './transferProtocol';

const toy = (): ImageDataset => toyDigits({ classNames: ['a', 'b', 'c'], train: 24, test: 9, salts: [3, 5] });

const subset: SubsetRequest = { datasetId: 'mnist', dataUrl: '', classes: [], perClass: 0, testPerClass: 0, seed: 2 };
const compile = { optimizer: 'adam' as const, learningRate: 0.05, momentum: 0.9, loss: 'categoricalCrossentropy' as const };
const fit = { epochs: 3, batchSize: 8, validationSplit: 0, shuffle: true, seed: 1, trainLimit: 0 };

const weightsOf = (m: { getWeights(): tf.Tensor[] }) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('a lost GPU device while a transfer model trains (simulated on the CPU backend)', () => {
  const core = new Engine();
  const transfer = new TransferFeature(core, diskFetch);
  beforeAll(async () => {
    await core.init('cpu');
    core.session.installDataset('mnist', toy());
    await transfer.loadBase({ kind: 'shipped', id: 'lenet5-mnist', modelsUrl: resolve('public/models') });
  });

  it.each([
    ['the full loop (last unit unfrozen)', { kind: 'last', k: 1 } as FreezeMode, false],
    ['the feature cache (head only)', { kind: 'head' } as FreezeMode, true],
  ])('through %s: the model is rebuilt with its frozen layers and the last epoch\'s weights, and stays installed', async (_, mode, cached) => {
    const baseline = tf.memory().numTensors;
    const st = await transfer.applyHead({ subset, cutAt: 's4_pool', pooling: 'flatten', seed: 5, mode, plan: { batchSize: 8, optimizer: 'adam' } });
    expect(st.cacheEligible).toBe(cached);
    const lostModel = core.session.model;
    if (!lostModel) throw new Error('no model installed');
    const flags = lostModel.layers.map((l) => [l.name, l.getClassName(), l.trainable]);
    let afterEpoch1: number[][] = [];
    let afterLoss: number[][] = [];
    // The device goes in the second epoch, after a training step has moved the weights past epoch 1's.
    const onEvent = (e: TrainEvent) => {
      if (e.type === 'epochEnd' && e.epoch === 0) afterEpoch1 = weightsOf(lostModel);
      if (e.type === 'batchEnd' && e.epoch === 1) {
        afterLoss = weightsOf(lostModel);
        throw new Error('GPUDevice was lost: the device was lost (simulated)');
      }
    };
    const result = await transfer.fit(compile, fit, onEvent);
    expect(result).toMatchObject({ end: 'device-lost', epochsCompleted: 1, detail: { code: 'fit.deviceLost', params: { epochs: 1 } } });
    expect(afterLoss).not.toEqual(afterEpoch1);

    const rebuilt = core.session.model;
    expect(rebuilt).not.toBe(lostModel);
    expect(rebuilt?.layers.map((l) => [l.name, l.getClassName(), l.trainable])).toEqual(flags);
    expect(rebuilt && weightsOf(rebuilt)).toEqual(afterEpoch1);
    // Still the installed transfer model: the panel's calls work, with the same counts, and it trains on.
    const again = await transfer.setFreeze(mode);
    expect(again.params).toEqual(st.params);
    expect((await core.evaluate(0)).count).toBe(9);
    const resumed = await transfer.fit(compile, { ...fit, epochs: 1 }, () => undefined);
    expect(resumed.end).toBe('completed');
    expect(resumed.cache !== null).toBe(cached);

    await transfer.release();
    await core.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

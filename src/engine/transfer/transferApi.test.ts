import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDataset } from '../../data/datasetTypes';
import { sayMessage } from '../../messages/index';
import { Engine } from '../engine';
import { diskFetch, toyDigits } from './testing/toyData';
import { TransferFeature } from './transferApi';
import type { SubsetRequest } from './transferProtocol';

const toyMnist = (): ImageDataset => toyDigits({ classNames: ['zero', 'one', 'two', 'three'], train: 40, test: 20, salts: [1, 7] });

const subset: SubsetRequest = { datasetId: 'mnist', dataUrl: '', classes: [0, 1, 2], perClass: 8, testPerClass: 4, seed: 1 };
const compile = { optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' as const };
const fit = { epochs: 2, batchSize: 8, validationSplit: 0, shuffle: true, seed: 1, trainLimit: 0 };

describe('TransferApi with the shipped LeNet-5 base (CPU backend)', () => {
  const core = new Engine();
  const transfer = new TransferFeature(core, diskFetch);
  const full = toyMnist();
  beforeAll(async () => {
    await core.init('cpu');
    core.session.installDataset('mnist', full);
  });

  it('lists and loads the shipped bases; their graphs match the saved layers', async () => {
    const bases = await transfer.listBases(resolve('public/models'));
    expect(bases.map((b) => b.id)).toEqual(expect.arrayContaining(['lenet5-mnist', 'lenet5-mnist-0to4', 'resnet8-shapes']));
    for (const b of bases) expect(b.testAccuracy).toBeGreaterThan(0.85);
    const info = await transfer.loadBase({ kind: 'shipped', id: 'lenet5-mnist', modelsUrl: resolve('public/models') });
    expect(info).toMatchObject({ inputShape: [32, 32, 1], classes: 10, totalParams: 61_706, defaultCut: 's4_pool', defaultPooling: 'flatten' });
  });

  it('replaces the head, freezes, trains on cached features, and round-trips through tfjs files', async () => {
    const baseline = tf.memory().numTensors;
    const st = await transfer.applyHead({ subset, cutAt: 's4_pool', pooling: 'flatten', seed: 3, mode: { kind: 'head' }, plan: { batchSize: 8, optimizer: 'adam' } });
    expect(st.build.classes).toBe(3);
    expect(st.dataset).toMatchObject({ classNames: ['zero', 'one', 'two'], trainCount: 24, testCount: 12 });
    expect(st.params.trainable).toBe(400 * 3 + 3);
    expect(st.cacheEligible).toBe(true);
    expect(core.session.data?.classNames).toEqual(['zero', 'one', 'two']);
    const last1 = await transfer.setFreeze({ kind: 'last', k: 1 });
    expect(last1.params.trainable).toBe(400 * 3 + 3 + 16 * 6 * 25 + 16);
    expect(last1.cacheEligible).toBe(false);
    await transfer.setFreeze({ kind: 'head' });

    const result = await transfer.fit(compile, fit, () => undefined);
    expect(result.end).toBe('completed');
    expect(result.cache).toMatchObject({ images: 24, featureSize: 400 });
    expect((await core.evaluate(0)).count).toBe(12);
    const sample = await core.sample(2);
    const before = await core.predict(sample, 3);

    const files = await transfer.exportModel('kept');
    const picked = { json: files.json, weights: [{ name: files.binName, data: files.weights.slice(0) }] };
    await expect(transfer.importModel({ json: '{ not json', weights: [] }, subset)).rejects.toThrow(/not valid JSON/);
    expect(await core.predict(sample, 3)).toEqual(before); // the refused import kept the model
    const imported = await transfer.importModel(picked, { ...subset, classes: [] });
    expect(imported.dataset.classNames).toEqual(['zero', 'one', 'two']); // from the model's metadata
    expect(imported.mode).toEqual({ kind: 'head' });
    expect(await core.predict(sample, 3)).toEqual(before);

    const compared = await transfer.compare(compile, fit, () => undefined);
    expect(compared.scratch.epochs).toHaveLength(2);
    // The test images are measured after every epoch; the last point is the final test accuracy.
    expect(compared.transfer.epochs[1].valAccuracy).toBeCloseTo(compared.transfer.testAccuracy, 5);
    expect(compared.trainImages).toBe(24);
    expect(compared.transfer.cached).toBe(true);
    expect(compared.scratch.trainableParams).toBeGreaterThan(compared.transfer.trainableParams);

    await transfer.release();
    expect(core.session.data).toBe(full);
    await core.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('puts a head on the shipped ResNet-8 with batch norm that stays put when frozen', async () => {
    const info = await transfer.loadBase({ kind: 'shipped', id: 'resnet8-shapes', modelsUrl: resolve('public/models') });
    expect(info).toMatchObject({ inputShape: [32, 32, 3], classes: 6, defaultCut: 'avg_pool' });
    const st = await transfer.applyHead({ subset, cutAt: info.defaultCut, pooling: 'avg', seed: 1, mode: { kind: 'last', k: 1 }, plan: { batchSize: 8, optimizer: 'adam' } });
    expect(st.units.map((u) => u.id)).toEqual(['conv1_conv', 'stage1_block1', 'stage2_block1', 'stage3_block1']);
    expect(sayMessage(st.build.adaptation, 'en')).toContain('32×32×3');
    const model = core.session.model;
    expect(model?.getLayer('conv1_bn').getClassName()).toBe('FreezableBatchNorm');
    expect(model?.getLayer('conv1_bn').trainable).toBe(false);
    expect(model?.getLayer('stage3_block1_1_bn').trainable).toBe(true);
    await transfer.release();
    await core.disposeModel();
  });
});

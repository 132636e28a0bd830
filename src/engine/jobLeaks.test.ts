/**
 * Every long job the worker runs leaves the tensor count where it found it, with every optimizer the UI
 * offers (each keeps its own slots: Adam two moments, SGD with momentum one accumulator, RMSprop one or
 * two): fit, a stopped fit, evaluate, a cancelled evaluate, the augmentation comparison (whole and
 * stopped), transfer's cached and full fits, a transfer fit stopped while its feature cache is built,
 * scratch vs transfer, and keeping a model (export and import). CPU backend, tiny data.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../arch/index';
import { defaultAugmentConfig } from '../augment/config';
import { toUserMessage } from '../messages/index';
import { Engine } from './engine';
import type { CompileSettings } from './protocol';
import { diskFetch, toyDigits } from './transfer/testing/toyData';
import { TransferFeature } from './transfer/transferApi';
import type { SubsetRequest } from './transfer/transferProtocol';
import { AugmentComparison } from './uploads/compareAugment';

const OPTIMIZERS: CompileSettings['optimizer'][] = ['adam', 'sgd', 'rmsprop'];
const compileWith = (optimizer: CompileSettings['optimizer']): CompileSettings => ({ optimizer, learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' });
const fit = { epochs: 2, batchSize: 8, validationSplit: 0.25, shuffle: true, seed: 1, trainLimit: 0 };
// 300 test images: two evaluation batches of 256, so a cancel after the first one takes effect.
const toy = () => toyDigits({ classNames: ['zero', 'one', 'two', 'three'], train: 32, test: 300, salts: [1, 7] });
const subset: SubsetRequest = { datasetId: 'mnist', dataUrl: '', classes: [0, 1, 2], perClass: 8, testPerClass: 4, seed: 1 };

describe.each(OPTIMIZERS)('no job leaks a tensor with %s', (optimizer) => {
  const core = new Engine();
  const transfer = new TransferFeature(core, diskFetch);
  beforeAll(async () => {
    await core.init('cpu');
    core.session.installDataset('mnist', toy());
  });

  it('fit, a fit stopped after its first batch, evaluate and a cancelled evaluate', async () => {
    const baseline = tf.memory().numTensors;
    await core.build(buildArch('lenet5', { classes: 4 }), 1, { batchSize: 8, optimizer });
    await core.compile(compileWith(optimizer));
    expect((await core.fit(fit, () => undefined)).end).toBe('completed');
    // The optimizer's slots exist now; everything else a fit or an evaluation makes must go.
    const trained = tf.memory().numTensors;
    await core.evaluate(0);
    expect(tf.memory().numTensors).toBe(trained);
    const stopped = await core.fit(fit, (e) => {
      if (e.type === 'batchEnd') void core.stop();
    });
    expect(stopped.end).toBe('stopped');
    expect(tf.memory().numTensors).toBe(trained);
    const cancelled = core.evaluate(0, () => void core.stop()).catch((e: unknown) => toUserMessage(e).code);
    expect(await cancelled).toBe('engine.evaluationCancelled');
    expect(tf.memory().numTensors).toBe(trained);
    await core.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('the augmentation comparison', async () => {
    const baseline = tf.memory().numTensors;
    const result = await new AugmentComparison(core).run({
      graph: buildArch('lenet5', { classes: 4 }), seed: 3, examples: 16, validation: 8, epochs: 1, batchSize: 8, compile: compileWith(optimizer),
      augment: { ...defaultAugmentConfig, mirror: { enabled: true, p: 1, horizontal: true, vertical: false } }, augmentSeed: 4,
    }, () => undefined);
    expect(result.runs.map((r) => r.end)).toEqual(['completed', 'completed']);
    expect(tf.memory().numTensors).toBe(baseline);
    const comparison = new AugmentComparison(core);
    const stopped = await comparison.run({
      graph: buildArch('lenet5', { classes: 4 }), seed: 3, examples: 16, validation: 8, epochs: 1, batchSize: 8, compile: compileWith(optimizer),
      augment: defaultAugmentConfig, augmentSeed: 4,
    }, (e) => {
      if (e.type === 'batchEnd') comparison.stop();
    });
    expect(stopped.runs.map((r) => r.end)).toEqual(['stopped']);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it("transfer: head-only fit on cached features, a fit through the base, scratch vs transfer, and keeping the model", async () => {
    const baseline = tf.memory().numTensors;
    await transfer.loadBase({ kind: 'shipped', id: 'lenet5-mnist', modelsUrl: resolve('public/models') });
    await transfer.applyHead({ subset, cutAt: 's4_pool', pooling: 'flatten', seed: 3, mode: { kind: 'head' }, plan: { batchSize: 8, optimizer } });
    const installed = tf.memory().numTensors;
    const caching = transfer.fit(compileWith(optimizer), { ...fit, validationSplit: 0 }, () => undefined);
    void transfer.stop();
    expect((await caching).detail?.code).toBe('fit.stoppedCaching');
    expect(tf.memory().numTensors).toBe(installed);
    expect((await transfer.fit(compileWith(optimizer), { ...fit, validationSplit: 0 }, () => undefined)).cache).not.toBeNull();
    await transfer.setFreeze({ kind: 'last', k: 1 });
    expect((await transfer.fit(compileWith(optimizer), { ...fit, validationSplit: 0 }, () => undefined)).cache).toBeNull();
    expect(tf.memory().numTensors).toBe(installed);
    await transfer.compare(compileWith(optimizer), { ...fit, validationSplit: 0 }, () => undefined);
    expect(tf.memory().numTensors).toBe(installed);
    const files = await transfer.exportModel('kept');
    await transfer.importModel({ json: files.json, weights: [{ name: files.binName, data: files.weights }] }, { ...subset, classes: [] });
    expect(tf.memory().numTensors).toBe(installed);
    await transfer.release();
    await core.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

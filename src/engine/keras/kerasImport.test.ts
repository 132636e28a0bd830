import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { buildModel } from '../../model/index';
import { Engine } from '../engine';
import { toyDigits } from '../transfer/testing/toyData';
import { TransferFeature } from '../transfer/transferApi';
import type { SubsetRequest } from '../transfer/transferProtocol';
import { KerasFeature } from './kerasApi';
import { writeKerasFile } from './kerasFile';

const subset: SubsetRequest = { datasetId: 'mnist', dataUrl: '', classes: [], perClass: 0, testPerClass: 0, seed: 1 };
const fit = { epochs: 1, batchSize: 8, validationSplit: 0, shuffle: true, seed: 1, trainLimit: 0 };
const compile = { optimizer: 'adam' as const, learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' as const };

/** A LeNet-5 for 4 classes as a .keras file, and its probabilities for the first test image. */
async function lenetFile(): Promise<Uint8Array> {
  const graph = buildArch('lenet5', { classes: 4 });
  const model = buildModel(graph, { seed: 5 });
  try {
    return await writeKerasFile(model, graph);
  } finally {
    model.dispose();
  }
}

const copy = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

describe('the Keras bridge in the worker (CPU backend)', () => {
  const core = new Engine();
  const transfer = new TransferFeature(core);
  const keras = new KerasFeature(core);
  beforeAll(async () => {
    await core.init('cpu');
    core.session.installDataset('mnist', toyDigits({ classNames: ['a', 'b', 'c', 'd'], train: 32, test: 40, salts: [1, 9] }));
  });

  it('imports a .keras file as the installed model and as a base; exports it back unchanged', async () => {
    const bytes = await lenetFile();
    const { base, state, reason } = await transfer.importKeras('lenet.keras', copy(bytes), subset);
    expect(reason).toBeNull();
    expect(base).toMatchObject({ title: 'lenet', inputShape: [32, 32, 1], totalParams: 61_706 - 850 + 340, defaultCut: 'f6_dense' });
    expect(state?.graph.nodes.map((n) => n.name)).toContain('c3_conv');
    expect(state?.params.total).toBe(base.totalParams);
    expect((await core.evaluate(0)).count).toBe(40);

    const predictions = unzipSync(new Uint8Array((await keras.exportPredictions('p', 32)).bytes));
    expect(Object.keys(predictions)).toEqual(['x.npy', 'probabilities.npy', 'labels.npy']);
    expect(strFromU8(predictions['x.npy'].slice(10, 80))).toContain("'shape': (32, 32, 32, 1)");
    const again = unzipSync(new Uint8Array((await keras.exportModel('again')).bytes));
    const original = unzipSync(bytes);
    expect(again['model.weights.h5'].length).toBe(original['model.weights.h5'].length);
    expect(JSON.parse(strFromU8(again['config.json']))).toEqual(JSON.parse(strFromU8(original['config.json'])));

    // Fine-tune it, then put a new head on the imported base.
    expect((await transfer.fit(compile, fit, () => undefined)).end).toBe('completed');
    const head = await transfer.applyHead({ subset: { ...subset, classes: [0, 1] }, cutAt: 'f6_dense', pooling: 'avg', seed: 2, mode: { kind: 'head' }, plan: { batchSize: 8, optimizer: 'adam' } });
    expect(head.build.classes).toBe(2);
    expect(head.params.trainable).toBe(84 * 2 + 2);
  });

  it('refuses an unsupported layer by name and keeps the installed model', async () => {
    const before = core.session.model;
    const tensors = tf.memory().numTensors;
    const config = { class_name: 'Sequential', config: { name: 'seq', layers: [{ class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 28, 28, 1] } }, { class_name: 'SeparableConv2D', config: { name: 'sep', filters: 4, kernel_size: [3, 3] } }] } };
    const file = zipSync({ 'config.json': strToU8(JSON.stringify(config)), 'model.weights.h5': new Uint8Array(8), 'metadata.json': strToU8('{}') });
    await expect(transfer.importKeras('sep.keras', copy(file), subset)).rejects.toThrow(/Layer "sep" is a SeparableConv2D/);
    expect(core.session.model).toBe(before);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('keeps the base but does not install a classifier for another number of classes', async () => {
    const graph = buildArch('lenet5', { classes: 7 });
    const model = buildModel(graph, { seed: 1 });
    const bytes = await writeKerasFile(model, graph);
    model.dispose();
    const { state, reason, base } = await transfer.importKeras('seven.keras', copy(bytes), subset);
    expect(state).toBeNull();
    expect(reason?.code).toBe('transfer.classCount');
    expect(base.classes).toBe(7);
  });

  it('exports the dataset in its own order', async () => {
    const files = unzipSync(new Uint8Array((await keras.exportData('toy')).bytes));
    expect(Object.keys(files)).toEqual(['x_train.npy', 'y_train.npy', 'x_test.npy', 'y_test.npy']);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, act, avgPool, batchNorm, buildArch, conv, dense, dropout, lrnSpec, maxPool, rescale, type ArchGraph } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { readKerasFile, writeKerasFile } from './kerasFile';

beforeAll(useCpuBackend);

/** Every kind the zoo uses, custom layers and explicit-padding helpers included. */
function allKindsGraph(): ArchGraph {
  const b = new GraphBuilder('all-kinds');
  const x = b.add('scale', rescale(2, -1), [b.input([9, 9, 4])]);
  let y = b.add('c1', conv(8, 3, { padding: { top: 1, bottom: 1, left: 1, right: 1 }, groups: 2, activation: 'relu' }), [x]);
  y = b.add('bn1', batchNorm(), [y]);
  y = b.add('lrn1', lrnSpec({ depthRadius: 1, alpha: 0.5 }), [y]);
  const p = b.add('p1', maxPool(2), [y]);
  const shortcut = b.add('sc', { kind: 'padShortcut', stride: 2, filters: 12 }, [p]);
  const c2 = b.add('c2', conv(12, 3, { strides: 2, padding: 'same' }), [p]);
  const sum = b.add('sum', { kind: 'add' }, [shortcut, c2]);
  y = b.add('relu', act('relu'), [sum]);
  y = b.add('cat', { kind: 'concat' }, [y, shortcut]);
  y = b.add('ap', avgPool(2, 1, { top: 0, bottom: 1, left: 0, right: 1 }), [y]);
  y = b.add('gap', { kind: 'globalAvgPool' }, [y]);
  y = b.add('drop', dropout(0.3), [y]);
  b.add('fc', dense(3, 'softmax'), [y]);
  return b.build();
}

/** Gives every weight random values (BN statistics too), so a lost or swapped array shows. */
function randomise(model: ReturnType<typeof buildModel>): void {
  const values = model.weights.map((w, i) => tf.randomUniform(w.shape as number[], 0.5, 1.5, 'float32', i + 1));
  model.setWeights(values);
  tf.dispose(values);
}

const predict = (model: ReturnType<typeof buildModel>, x: tf.Tensor) => tf.tidy(() => Array.from((model.predict(x) as tf.Tensor).dataSync()));

describe('.keras files', () => {
  it('round-trip every layer kind: same weights, same predictions, nothing leaked', async () => {
    await expectNoTensorLeak(async () => {
      const graph = allKindsGraph();
      const model = buildModel(graph, { seed: 3 });
      randomise(model);
      const bytes = await writeKerasFile(model, graph);
      const back = await readKerasFile(bytes, 'all-kinds.keras');
      const x = tf.randomUniform([2, 9, 9, 4], 0, 1, 'float32', 7);
      expect(back.graph).toEqual({ ...graph, nodes: graph.nodes.map(({ block: _block, ...n }) => n) });
      const a = predict(model, x);
      const b = predict(back.model, x);
      b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 6));
      tf.dispose(x);
      model.dispose();
      back.model.dispose();
    });
  });

  it("round-trip the 1998 LeNet-5's table convolution, subsampling, RBF centres and floored softmax", async () => {
    await expectNoTensorLeak(async () => {
      const graph = buildArch('lenet5', { variant: '1998' });
      const model = buildModel(graph, { seed: 5 });
      randomise(model);
      const files = unzipSync(await writeKerasFile(model, graph));
      const config = JSON.parse(strFromU8(files['config.json']));
      const c3 = config.config.layers.find((l: { config: { name: string } }) => l.config.name === 'c3_conv');
      expect(c3).toMatchObject({ class_name: 'TableConv2D', registered_name: 'cnn_playground>TableConv2D', config: { kernel_initializer: 'lecun98', activation: { config: 'cnn_playground>scaled_tanh' } } });
      expect(c3.config.table[15]).toEqual([0, 1, 2, 3, 4, 5]);
      const back = await readKerasFile(zipSync(files, { level: 0 }), '1998.keras');
      expect(back.graph).toEqual({ ...graph, source: undefined, nodes: graph.nodes.map(({ block: _block, ...n }) => n) });
      const x = tf.randomUniform([2, 32, 32, 1], 0, 1, 'float32', 9);
      const a = predict(model, x);
      predict(back.model, x).forEach((v, i) => expect(v).toBeCloseTo(a[i], 6));
      tf.dispose(x);
      model.dispose();
      back.model.dispose();
    });
  });

  it('hold config.json, metadata.json and model.weights.h5 (stored) as Keras 3 lays them out', async () => {
    const graph = buildArch('lenet5');
    const model = buildModel(graph, { seed: 1 });
    const files = unzipSync(await writeKerasFile(model, graph));
    model.dispose();
    expect(Object.keys(files).sort()).toEqual(['config.json', 'metadata.json', 'model.weights.h5']);
    const config = JSON.parse(strFromU8(files['config.json']));
    expect(config.class_name).toBe('Sequential');
    expect(config.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['InputLayer', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense', 'Dense', 'Dense']);
    expect(JSON.parse(strFromU8(files['metadata.json'])).keras_version).toMatch(/^3\./);
    // HDF5 signature.
    expect(Array.from(files['model.weights.h5'].slice(0, 8))).toEqual([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('refuse a damaged or foreign file with a message naming what is wrong', async () => {
    await expect(readKerasFile(new Uint8Array([1, 2, 3]), 'x.keras')).rejects.toThrow(/"x.keras" is not a .keras file/);
    await expect(readKerasFile(zipSync({ 'model.weights.h5': new Uint8Array(4) }), 'y.keras')).rejects.toThrow(/has no config.json/);
    const lstm = { class_name: 'Sequential', config: { name: 'rnn', layers: [{ class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 8, 8, 1] } }, { class_name: 'LSTM', config: { name: 'lstm_1', units: 4 } }] } };
    const file = zipSync({ 'config.json': strToU8(JSON.stringify(lstm)), 'model.weights.h5': new Uint8Array(4) });
    await expect(readKerasFile(file, 'rnn.keras')).rejects.toThrow(/Layer "lstm_1" is a LSTM, which this playground cannot train/);
  });
});

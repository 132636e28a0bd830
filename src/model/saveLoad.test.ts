import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, act, avgPool, batchNorm, conv, dense, dropout, lrnSpec, maxPool, rescale, type ArchGraph } from '../arch';
import { buildModel } from './buildModel';
import { freezeLayers } from './freeze';
import { rebuildArchitecture } from './rebuild';
import { useCpuBackend } from './testing/cpuBackend';
import { expectNoTensorLeak } from './testing/expectNoLeak';

beforeAll(useCpuBackend);

/** Every custom layer and helper: input rescaling, grouped conv with explicit padding, BN, LRN, option-A shortcut, … */
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

async function saveToMemory(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!saved) throw new Error('nothing saved');
  return saved;
}

describe('save → load', () => {
  it('round-trips a model with every custom layer: names, classes, flags and exact predictions', async () => {
    await expectNoTensorLeak(async () => {
      const model = buildModel(allKindsGraph(), { seed: 3 });
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
      const x = tf.randomUniform([4, 9, 9, 4], 0, 1, 'float32', 5);
      const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3));
      await model.trainOnBatch(x, y); // moving statistics and weights away from their initial values
      freezeLayers(model, new Set(['c1']));

      const loaded = await tfl.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
      expect(loaded.layers.map((l) => [l.name, l.getClassName(), l.trainable])).toEqual(
        model.layers.map((l) => [l.name, l.getClassName(), l.trainable]),
      );
      expect(loaded.layers.map((l) => l.getClassName())).toEqual(
        expect.arrayContaining(['Rescaling', 'GroupedConv2D', 'FreezableBatchNorm', 'LocalResponseNorm', 'PadShortcut', 'ZeroPadding2D']),
      );
      const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
      expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
      const weights = (m: tfl.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
      expect(weights(loaded)).toEqual(weights(model));
      tf.dispose([x, y, a, b]);
      model.optimizer.dispose();
      model.dispose();
      loaded.dispose();
    });
  });

  it('rebuildArchitecture: a fresh copy with the same layers and frozen flags; the weights written back give the same predictions', async () => {
    await expectNoTensorLeak(async () => {
      const model = buildModel(allKindsGraph(), { seed: 4 });
      freezeLayers(model, new Set(['c1', 'bn1', 'c2']));
      // Weights away from the (seeded) initial ones, as after training.
      const trained = model.getWeights().map((w, i) => tf.randomUniform(w.shape, 0.5, 1.5, 'float32', i));
      model.setWeights(trained);
      tf.dispose(trained);
      const copy = await rebuildArchitecture(model);
      expect(copy).not.toBe(model);
      expect(copy.layers.map((l) => [l.name, l.getClassName(), l.trainable])).toEqual(model.layers.map((l) => [l.name, l.getClassName(), l.trainable]));
      expect(copy.layers.filter((l) => !l.trainable && l.getClassName() !== 'InputLayer').map((l) => l.name)).toEqual(['c1__pad', 'c1', 'bn1', 'c2']); // helpers follow their node
      const x = tf.randomUniform([2, 9, 9, 4], 0, 1, 'float32', 6);
      const [fresh, original] = [copy.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor];
      expect(Array.from(fresh.dataSync())).not.toEqual(Array.from(original.dataSync())); // new, re-initialised variables
      const weights = model.getWeights();
      copy.setWeights(weights);
      const restored = copy.predict(x) as tf.Tensor;
      expect(Array.from(restored.dataSync())).toEqual(Array.from(original.dataSync()));
      tf.dispose([x, fresh, original, restored]);
      model.dispose();
      copy.dispose();
    });
  });
});

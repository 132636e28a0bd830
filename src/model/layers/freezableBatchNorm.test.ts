import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/cpuBackend';
import { FreezableBatchNorm } from './freezableBatchNorm';

beforeAll(useCpuBackend);

const stats = (layer: tfl.layers.Layer) => layer.getWeights().slice(2).map((w) => Array.from(w.dataSync()));

describe('FreezableBatchNorm', () => {
  it('is a tfjs BatchNormalization with its weights and config', () => {
    const layer = new FreezableBatchNorm({ epsilon: 1e-3, momentum: 0.9 });
    tf.tidy(() => {
      layer.apply(tf.zeros([1, 4, 4, 3]));
    });
    expect(layer).toBeInstanceOf(tfl.layers.batchNormalization().constructor);
    expect(layer.getClassName()).toBe('FreezableBatchNorm');
    expect(layer.trainableWeights.map((w) => w.shape)).toEqual([[3], [3]]);
    expect(layer.nonTrainableWeights.map((w) => w.shape)).toEqual([[3], [3]]);
    expect(layer.getConfig()).toMatchObject({ epsilon: 1e-3, momentum: 0.9 });
    layer.dispose();
  });

  it('updates moving statistics in training while trainable, not while frozen', () => {
    const layer = new FreezableBatchNorm({ epsilon: 1e-3, momentum: 0.5 });
    const x = tf.randomUniform([4, 2, 2, 3], 2, 4, 'float32', 2);
    tf.dispose(layer.apply(x, { training: true }) as tf.Tensor);
    const afterTrain = stats(layer);
    expect(afterTrain[0].every((m) => m > 0.5)).toBe(true);

    layer.trainable = false;
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    expect(stats(layer)).toEqual(afterTrain);
    // Frozen = inference mode: the same output as without training.
    const inference = layer.apply(x) as tf.Tensor;
    expect(y.arraySync()).toEqual(inference.arraySync());
    tf.dispose([x, y, inference]);
    layer.dispose();
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../arch';
import { buildModel } from './buildModel';
import { replaceHead } from './head';
import { countParams } from './inspect';
import { useCpuBackend } from './testing/cpuBackend';
import { expectNoTensorLeak } from './testing/expectNoLeak';

beforeAll(useCpuBackend);

const vgg = (size = 64) => buildModel(buildArch('vgg11', { width: 0.125, input: [size, size, 3], classes: 5 }), { seed: 1 });
const input = (size = 64) => tf.randomUniform([2, size, size, 3], 0, 1, 'float32', 4);

describe('replaceHead', () => {
  it('pools a feature map into a new softmax head that shares the base weights', async () => {
    await expectNoTensorLeak(() => {
      const base = vgg();
      const transfer = replaceHead(base, 'block5_pool', 3, 7);
      expect(transfer.layers.slice(-2).map((l) => [l.name, l.getClassName()])).toEqual([['head_pool', 'GlobalAveragePooling2D'], ['head_predictions', 'Dense']]);
      expect(transfer.getLayer('block3_conv2')).toBe(base.getLayer('block3_conv2'));
      expect(transfer.getLayer('block1_conv1').trainableWeights[0]).toBe(base.getLayer('block1_conv1').trainableWeights[0]);
      // block5_pool is 2×2×64 at this scale: head = 64·3 + 3.
      const baseFeatures = base.layers.filter((l) => transfer.layers.includes(l)).reduce((s, l) => s + l.countParams(), 0);
      expect(countParams(transfer).total).toBe(baseFeatures + 64 * 3 + 3);
      tf.tidy(() => {
        const y = transfer.predict(input()) as tf.Tensor;
        expect(y.shape).toEqual([2, 3]);
        (tf.sum(y, -1).arraySync() as number[]).forEach((s) => expect(s).toBeCloseTo(1, 5));
      });
      transfer.dispose();
      // The base survives its transfer model…
      tf.tidy(() => {
        expect((base.predict(input()) as tf.Tensor).shape).toEqual([2, 5]);
      });
      base.dispose(); // …and the last owner frees the shared weights.
    });
  });

  it('training the transfer model moves the shared base weights too', async () => {
    await expectNoTensorLeak(async () => {
      // 32×32: tfjs-backend-cpu's Conv2DBackpropFilter is slow (≈2 s for one step at 64×64).
      const base = vgg(32);
      const transfer = replaceHead(base, 'block5_pool', 2);
      const kernel = () => Array.from(base.getLayer('block5_conv2').getWeights()[0].dataSync());
      const was = kernel();
      transfer.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
      const [x, y] = [input(32), tf.tensor2d([[1, 0], [0, 1]])];
      await transfer.trainOnBatch(x, y);
      expect(kernel()).not.toEqual(was);
      tf.dispose([x, y]);
      transfer.optimizer.dispose();
      base.dispose(); // either order
      transfer.dispose();
    });
  });

  it('flattens on request, uses a vector as is, and avoids taken names', () => {
    const base = vgg();
    const flat = replaceHead(base, 'block5_pool', 4, 1, 'flatten');
    expect(flat.getLayer('head_flatten').outputShape).toEqual([null, 2 * 2 * 64]);
    expect(flat.outputs[0].shape).toEqual([null, 4]);
    const fromVector = replaceHead(base, 'fc2', 6);
    expect(fromVector.layers.at(-1)?.name).toBe('head_predictions');
    expect(fromVector.layers.at(-2)?.name).toBe('fc2');
    const again = replaceHead(flat, 'head_flatten', 2);
    expect(again.layers.at(-1)?.name).toBe('head_predictions_2');
    expect(() => replaceHead(base, 'nope', 2)).toThrow(/no layer "nope"/);
    [again, fromVector, flat, base].forEach((m) => m.dispose());
  });

  it('cuts a multi-output GoogLeNet down to one new head', () => {
    const base = buildModel(buildArch('googlenet', { aux: true, width: 0.125, input: [96, 96, 3], classes: 4 }));
    const transfer = replaceHead(base, 'avg_pool', 10);
    expect(transfer.outputs.map((o) => o.shape)).toEqual([[null, 10]]);
    expect(transfer.layers.some((l) => l.name.startsWith('aux'))).toBe(false);
    transfer.dispose();
    base.dispose();
  });
});

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/cpuBackend';
import { expectNoTensorLeak } from '../testing/expectNoLeak';
import { GroupedConv2D } from './groupedConv2d';

beforeAll(useCpuBackend);

const x = () => tf.randomUniform([2, 6, 5, 4], -1, 1, 'float32', 3) as tf.Tensor4D;

/** Builds the layer on a [2, 6, 5, 4] input and gives it a random, non-zero bias. */
function builtLayer(groups: number, padding: 'same' | 'valid' = 'same'): GroupedConv2D {
  const layer = new GroupedConv2D({ filters: 6, kernelSize: [3, 3], strides: [2, 1], padding, groups, activation: 'relu', seed: 5 });
  // An eager first call builds the layer and gives it the reference that dispose() releases.
  tf.tidy(() => {
    layer.apply(tf.zeros([1, 6, 5, 4]));
  });
  const [kernel] = layer.getWeights();
  const bias = tf.randomUniform([6], -0.5, 0.5, 'float32', 9);
  layer.setWeights([kernel, bias]);
  bias.dispose();
  return layer;
}

describe('GroupedConv2D', () => {
  it('has kh·kw·(Cin/groups)·filters + filters parameters', () => {
    const layer = builtLayer(2);
    expect(layer.getWeights().map((w) => w.shape)).toEqual([[3, 3, 2, 6], [6]]);
    expect(layer.countParams()).toBe(3 * 3 * 2 * 6 + 6);
    layer.dispose();
  });

  it.each(['same', 'valid'] as const)('equals a manual split → conv → concat (%s)', async (padding) => {
    await expectNoTensorLeak(() => {
      const layer = builtLayer(2, padding);
      tf.tidy(() => {
        const input = x();
        const [kernel, bias] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D];
        const half = (t: tf.Tensor4D, g: number) => tf.slice(t, [0, 0, 0, g * (t.shape[3] / 2)], [-1, -1, -1, t.shape[3] / 2]);
        const parts = [0, 1].map((g) => tf.conv2d(half(input, g), half(kernel, g), [2, 1], padding));
        const expected = tf.relu(tf.add(tf.concat(parts, 3), bias));
        const actual = layer.apply(input) as tf.Tensor;
        expect(actual.shape).toEqual(layer.computeOutputShape([2, 6, 5, 4]));
        expect(actual.arraySync()).toEqual(expected.arraySync());
      });
      layer.dispose();
    });
  });

  it('with groups 1 equals a plain Conv2D holding the same weights', () => {
    const layer = builtLayer(1);
    const conv = tfl.layers.conv2d({ filters: 6, kernelSize: 3, strides: [2, 1], padding: 'same', activation: 'relu' });
    tf.tidy(() => {
      conv.apply(tf.zeros([1, 6, 5, 4]));
    });
    conv.setWeights(layer.getWeights());
    tf.tidy(() => {
      const input = x();
      expect((layer.apply(input) as tf.Tensor).arraySync()).toEqual((conv.apply(input) as tf.Tensor).arraySync());
    });
    [layer, conv].forEach((l) => l.dispose());
  });

  it('back-propagates like the block-diagonal full convolution it stands for', () => {
    const layer = builtLayer(2);
    tf.tidy(() => {
      const [kernel, bias] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D];
      // Full [3, 3, 4, 6] kernel: input channels 0–1 feed filters 0–2, channels 2–3 feed filters 3–5.
      const mask = tf.concat([tf.concat([tf.ones([3, 3, 2, 3]), tf.zeros([3, 3, 2, 3])], 3), tf.concat([tf.zeros([3, 3, 2, 3]), tf.ones([3, 3, 2, 3])], 3)], 2);
      const full = tf.mul(tf.tile(kernel, [1, 1, 2, 1]), mask) as tf.Tensor4D;
      const reference = (t: tf.Tensor) => tf.sum(tf.relu(tf.add(tf.conv2d(t as tf.Tensor4D, full, [2, 1], 'same'), bias)));
      const grouped = (t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor);
      const input = x();
      expect(grouped(input).dataSync()[0]).toBeCloseTo(reference(input).dataSync()[0], 4);
      const [gGrouped, gReference] = [tf.grad(grouped)(input), tf.grad(reference)(input)];
      const diff = tf.max(tf.abs(tf.sub(gGrouped, gReference))).dataSync()[0];
      expect(diff).toBeLessThan(1e-5);
    });
    layer.dispose();
  });

  it('rejects channel counts that do not divide by the groups', () => {
    expect(() => new GroupedConv2D({ filters: 5, kernelSize: [3, 3], groups: 2 })).toThrow(/filters 5/);
    const layer = new GroupedConv2D({ filters: 6, kernelSize: [3, 3], groups: 2 });
    expect(() => layer.build([null, 8, 8, 3])).toThrow(/input channels 3/);
  });
});

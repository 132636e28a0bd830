import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { cellArithmetic } from './cellArithmetic';

beforeAll(useCpuBackend);

/** A random image [1, H, W, C] in [0, 1]. */
const image = (h: number, w: number, c: number) => tf.randomUniform([1, h, w, c], 0, 1, 'float32', 7) as tf.Tensor4D;

describe('cellArithmetic: activation(Σ kernel × patch + bias) equals the forward pass', () => {
  it('LeNet-5 (valid 5×5, ReLU) and its max pool, without leaking a tensor', async () => {
    const graph = buildArch('lenet5');
    const model = buildModel(graph, { seed: 3 });
    const x = image(32, 32, 1);
    const before = tf.memory().numTensors;
    for (const [layer, cell] of [['c1_conv', { y: 12, x: 14, c: 1 }], ['c3_conv', { y: 0, x: 9, c: 15 }], ['s2_pool', { y: 5, x: 6, c: 2 }]] as const) {
      const a = await cellArithmetic(model, graph, x, layer, cell);
      expect(Math.abs(a.result - a.value)).toBeLessThan(1e-4);
      if (a.kind === 'conv2d') expect(a.result).toBeCloseTo(Math.max(0, a.sum + a.bias), 6);
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });

  it("ResNet-20: 'same' 3×3 convolutions at the border and with stride 2", async () => {
    const graph = buildArch('resnet20');
    const model = buildModel(graph, { seed: 5 });
    const x = image(32, 32, 3);
    for (const [layer, cell] of [['conv1_conv', { y: 0, x: 31, c: 3 }], ['stage2_block1_1_conv', { y: 15, x: 0, c: 7 }], ['stage2_block1_1_conv', { y: 7, x: 8, c: 0 }]] as const) {
      const a = await cellArithmetic(model, graph, x, layer, cell);
      expect(Math.abs(a.result - a.value)).toBeLessThan(1e-4);
    }
    x.dispose();
    model.dispose();
  });
});

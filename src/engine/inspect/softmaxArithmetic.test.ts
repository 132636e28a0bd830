import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { softmaxArithmetic } from './softmaxArithmetic';

beforeAll(useCpuBackend);

describe('softmaxArithmetic: e^(z − max) / Σ equals the forward pass', () => {
  it('LeNet-5 and ResNet-20 output layers, without leaking a tensor; a layer without a softmax is refused', async () => {
    for (const [id, shape] of [['lenet5', [32, 32, 1]], ['resnet20', [32, 32, 3]]] as const) {
      const graph = buildArch(id);
      const model = buildModel(graph, { seed: 4 });
      const x = tf.randomUniform([1, ...shape], 0, 1, 'float32', 9) as tf.Tensor4D;
      const before = tf.memory().numTensors;
      const a = await softmaxArithmetic(model, graph, x, 'predictions');
      expect(tf.memory().numTensors).toBe(before);
      expect(a.logits).toHaveLength(10);
      expect(a.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
      a.probabilities.forEach((p, j) => expect(Math.abs(p - a.forward[j])).toBeLessThan(1e-5));
      expect(Math.max(...a.exps)).toBe(1);
      expect(a.inputs).toBeGreaterThan(10);
      await expect(softmaxArithmetic(model, graph, x, id === 'lenet5' ? 'c1_conv' : 'conv1_conv')).rejects.toThrow(/softmax/);
      x.dispose();
      model.dispose();
    }
  });
});

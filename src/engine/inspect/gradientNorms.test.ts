import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch, conv, dense, GraphBuilder } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { categoricalCrossentropy } from '../trainStep';
import { convKernels, stepWithGradientNorms } from './gradientNorms';

beforeAll(useCpuBackend);

/** x [1, 2, 2, 1] → c1: 2×2 conv, 1 filter, no bias → c2: 1×1 conv → flatten → dense(2, softmax) with W = [1, −1]. */
function tinyGraph() {
  const b = new GraphBuilder('tiny');
  const x = b.input([2, 2, 1]);
  const c1 = b.add('c1', conv(1, 2, { useBias: false }), [x]);
  const c2 = b.add('c2', conv(1, 1, { useBias: false }), [c1]);
  const f = b.add('flatten', { kind: 'flatten' }, [c2]);
  b.add('predictions', dense(2, 'softmax'), [f]);
  return b.build();
}

describe('stepWithGradientNorms', () => {
  it('matches the gradient norms worked out by hand, in layer order, and applies the step', async () => {
    const graph = tinyGraph();
    const model = buildModel(graph, { seed: 1 });
    const k = [0.1, -0.2, 0.05, 0.3];
    const a = 0.7;
    const set = (name: string, values: number[], shape: number[]) => {
      const t = tf.tensor(values, shape);
      model.getLayer(name).setWeights([t]);
      t.dispose();
    };
    set('c1', k, [2, 2, 1, 1]);
    set('c2', [a], [1, 1, 1, 1]);
    const [w, bias] = [tf.tensor2d([[1, -1]]), tf.zeros([2])];
    model.getLayer('predictions').setWeights([w, bias]);
    tf.dispose([w, bias]);
    const xs = [1, 2, 3, 4];
    // z = Σ kᵢxᵢ, logits = [a·z, −a·z], class 0: ∂L/∂(a·z) = p₀ − 1 − p₁ = −2p₁.
    const z = k.reduce((s, ki, i) => s + ki * xs[i], 0);
    const p1 = 1 / (1 + Math.exp(2 * a * z));
    const dLdaz = -2 * p1;
    const expected = [Math.abs(dLdaz * a) * Math.hypot(...xs), Math.abs(dLdaz * z)];
    const lr = 0.5;
    const optimizer = tf.train.sgd(lr);
    const x = tf.tensor4d(xs, [1, 2, 2, 1]);
    const y = tf.tensor2d([[1, 0]]);
    await expectNoTensorLeak(async () => {
      const r = await stepWithGradientNorms(model, graph, optimizer, x, y);
      expect(r.norms.map((n) => n.layer)).toEqual(['c1', 'c2']);
      expect(r.norms[0].norm).toBeCloseTo(expected[0], 5);
      expect(r.norms[1].norm).toBeCloseTo(expected[1], 5);
      expect(r.loss).toBeCloseTo(-Math.log(1 - p1), 5);
    });
    // SGD: a ← a − lr·∂L/∂a, with ∂L/∂a = z·(−2p₁).
    const [c2] = model.getLayer('c2').getWeights();
    expect((await c2.data())[0]).toBeCloseTo(a - lr * z * dLdaz, 5);
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  });

  it('agrees with tf.grads for every conv kernel of a residual net with batch norm', async () => {
    const graph = buildArch('resnet8', { width: 0.25, classes: 6, input: [16, 16, 3] });
    const model = buildModel(graph, { seed: 3 });
    const x = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 6), 'float32')) as tf.Tensor2D;
    const kernels = convKernels(model, graph);
    expect(kernels.map((k) => k.layer)).toEqual(graph.nodes.filter((n) => n.spec.kind === 'conv2d').map((n) => n.name));
    expect(kernels).toHaveLength(7); // conv1 + 3 stages × 1 block × 2 convs (the shortcuts are parameter-free)
    const reference = tf.tidy(() => {
      const loss = () => categoricalCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor);
      const { grads } = tf.variableGrads(loss, kernels.map((k) => k.kernel));
      return kernels.map((k) => tf.norm(grads[k.kernel.name]).dataSync()[0]);
    });
    const optimizer = tf.train.sgd(0); // no slots: nothing new is allocated by the step
    await expectNoTensorLeak(async () => {
      const r = await stepWithGradientNorms(model, graph, optimizer, x, y);
      r.norms.forEach((n, i) => expect(n.norm).toBeCloseTo(reference[i], 4));
      expect(r.norms.every((n) => Number.isFinite(n.norm) && n.norm > 0)).toBe(true);
    });
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  });
});

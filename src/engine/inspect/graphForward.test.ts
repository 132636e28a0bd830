import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { predictMain } from '../trainStep';
import { classScores, forwardGraph, mainOutputNode } from './graphForward';
import { recomputeBatchNormStatistics } from '../preciseBatchNorm';

beforeAll(useCpuBackend);

const nets = [
  ['lenet5', { classes: 10 }, [32, 32, 1]],
  ['lenet5', { variant: '1998' }, [32, 32, 1]],
  ['resnet8', { classes: 6, width: 0.25 }, [32, 32, 3]],
  ['alexnet', { classes: 5, width: 0.125, input: [67, 67, 3] as const }, [67, 67, 3]],
  ['googlenet', { classes: 4, width: 0.0625, aux: true, input: [96, 96, 3] as const }, [96, 96, 3]],
] as const;

describe('forwardGraph', () => {
  it.each(nets)('%s: node by node gives the model’s own output, and the logits give its softmax', async (id, options, shape) => {
    const graph = buildArch(id, options);
    const model = buildModel(graph, { seed: 4 });
    const x = tf.randomUniform([2, ...shape], 0, 1, 'float32', 9) as tf.Tensor4D;
    await expectNoTensorLeak(() => {
      const [ours, theirs, fromLogits] = tf.tidy(() => {
        const head = mainOutputNode(graph).name;
        const out = forwardGraph(model, graph, x, { training: false, outputs: [head] }).get(head) as tf.Tensor;
        return [out.dataSync(), predictMain(model, x).dataSync(), tf.softmax(classScores(model, graph, x, { training: false })).dataSync()];
      });
      for (let i = 0; i < theirs.length; i++) {
        expect(ours[i]).toBeCloseTo(theirs[i], 5);
        expect(fromLogits[i]).toBeCloseTo(theirs[i], 5);
      }
    });
    x.dispose();
    model.dispose();
  });

  it('adds an injected perturbation at the named node only', () => {
    const graph = buildArch('lenet5', { classes: 10 });
    const model = buildModel(graph, { seed: 1 });
    const x = tf.zeros([1, 32, 32, 1]) as tf.Tensor4D;
    tf.tidy(() => {
      const plain = forwardGraph(model, graph, x, { training: false, outputs: ['c1_conv', 's2_pool'] });
      const delta = tf.fill([1, 28, 28, 6], 5);
      const pushed = forwardGraph(model, graph, x, { training: false, outputs: ['c1_conv', 's2_pool'], inject: { node: 'c1_conv', delta } });
      expect(tf.sub(pushed.get('c1_conv') as tf.Tensor, plain.get('c1_conv') as tf.Tensor).dataSync().every((v) => Math.abs(v - 5) < 1e-5)).toBe(true);
      expect(tf.max(tf.abs(tf.sub(pushed.get('s2_pool') as tf.Tensor, plain.get('s2_pool') as tf.Tensor))).dataSync()[0]).toBeCloseTo(5, 5);
    });
    x.dispose();
    model.dispose();
  });

  it('names a layer the graph lacks', () => {
    const graph = buildArch('lenet5', { classes: 10 });
    const model = buildModel(graph, { seed: 1 });
    const x = tf.zeros([1, 32, 32, 1]) as tf.Tensor4D;
    expect(() => tf.tidy(() => void forwardGraph(model, graph, x, { training: false, outputs: ['nope'] }))).toThrow(/no layer "nope"/);
    x.dispose();
    model.dispose();
  });
});

describe('recomputeBatchNormStatistics', () => {
  it('sets each batch norm’s moving mean and variance to its input’s statistics over all batches', async () => {
    const graph = buildArch('resnet8', { classes: 6, width: 0.25, input: [16, 16, 3] });
    const model = buildModel(graph, { seed: 2 });
    const batches = [0, 1, 2].map((i) => tf.randomUniform([5, 16, 16, 3], 0, 1, 'float32', i) as tf.Tensor4D);
    await expectNoTensorLeak(async () => {
      expect(await recomputeBatchNormStatistics(model, graph, batches)).toBe(graph.nodes.filter((n) => n.spec.kind === 'batchNorm').length);
    });
    // conv1_bn's input is conv1_conv's output, which does not depend on the training flag.
    const [mean, variance] = tf.tidy(() => {
      const a = tf.concat(batches.map((x) => forwardGraph(model, graph, x, { training: false, outputs: ['conv1_conv'] }).get('conv1_conv') as tf.Tensor));
      const m = tf.moments(a, [0, 1, 2]);
      return [m.mean.dataSync(), m.variance.dataSync()];
    });
    const bn = model.getLayer('conv1_bn').getWeights();
    const movingMean = bn[2].dataSync();
    const movingVariance = bn[3].dataSync();
    mean.forEach((m, i) => expect(movingMean[i]).toBeCloseTo(m, 4));
    variance.forEach((v, i) => expect(movingVariance[i]).toBeCloseTo(v, 4));
    tf.dispose(batches);
    model.dispose();
  });
});

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARCH_IDS, ArchError, buildArch, inferGraph, zooEntry, type ArchGraph, type ArchOptions } from '../arch';
import { buildModel } from './buildModel';
import { countParams, nodeLayers } from './inspect';
import { mainOutputIndex } from './nodeLayers';
import { useCpuBackend } from './testing/cpuBackend';
import { expectNoTensorLeak } from './testing/expectNoLeak';

beforeAll(useCpuBackend);

type Input = [number, number, number];

/** Small but faithful: every layer kind and block of the network, at a fraction of the width. */
function smallOptions(id: string): ArchOptions {
  const family = zooEntry(id).family;
  const input: Input =
    family === 'lenet' ? [32, 32, 1] : family === 'cifar-resnet' || family === 'plain' ? [32, 32, 3] : family === 'alexnet' ? [67, 67, 3] : [64, 64, 3];
  const width = family === 'lenet' ? 1 : family === 'cifar-resnet' || family === 'plain' ? 0.25 : 0.125;
  return { input, width, classes: 5 };
}

const CASES: { id: string; options: ArchOptions }[] = [
  ...ARCH_IDS.map((id) => ({ id, options: smallOptions(id) })),
  { id: 'lenet5', options: { variant: 'classic', classes: 5 } },
  { id: 'lenet5', options: { variant: '1998' } },
  { id: 'lenet5', options: { variant: '1998', classes: 12, input: [36, 36, 3] } },
  { id: 'alexnet', options: { ...smallOptions('alexnet'), variant: 'torchvision', input: [63, 63, 3] } },
  { id: 'alexnet', options: { ...smallOptions('alexnet'), groups: 2 } },
  { id: 'resnet50', options: { ...smallOptions('resnet50'), convBias: false } },
  { id: 'googlenet', options: { ...smallOptions('googlenet'), aux: true, input: [96, 96, 3] } },
  { id: 'vgg16', options: { ...smallOptions('vgg16'), noTop: true } },
];

/** The built model agrees with the analytic inference: totals, per-layer params and every node's shape. */
function expectMatchesInference(model: tfl.LayersModel, graph: ArchGraph): void {
  const info = inferGraph(graph);
  expect(model.countParams()).toBe(info.totalParams);
  expect(countParams(model)).toEqual({ total: info.totalParams, trainable: info.trainableParams, nonTrainable: info.nonTrainableParams });
  const layers = nodeLayers(model);
  expect([...layers.keys()].sort()).toEqual(graph.nodes.map((n) => n.name).sort());
  for (const l of info.layers) {
    const { layer } = layers.get(l.name) ?? {};
    expect(layer?.outputShape, l.name).toEqual([null, ...l.outputShape]);
    expect(layer?.countParams(), l.name).toBe(l.params);
  }
}

describe('buildModel agrees with inferGraph for every zoo network', () => {
  it.each(CASES)('$id $options', async ({ id, options }) => {
    const graph = buildArch(id, options);
    await expectNoTensorLeak(() => {
      const model = buildModel(graph, { seed: 1 });
      try {
        expectMatchesInference(model, graph);
        expect(model.outputs.map((o) => o.sourceLayer.name)).toEqual(graph.outputs.map((o) => o.node));
        const input = graph.nodes[0].spec;
        if (input.kind !== 'input') throw new Error('no input');
        const outputs = tf.tidy(() => {
          const y = model.predict(tf.randomUniform([2, ...input.shape], 0, 1, 'float32', 7));
          return Array.isArray(y) ? y : [y];
        });
        const shapes = inferGraph(graph).layers;
        outputs.forEach((y, i) => {
          const node = graph.outputs[i].node;
          expect(y.shape).toEqual([2, ...(shapes.find((l) => l.name === node)?.outputShape ?? [])]);
          if (!options.noTop) {
            const sums = tf.tidy(() => tf.sum(y, -1).arraySync()) as number[];
            sums.forEach((s) => expect(s).toBeCloseTo(1, 5));
          }
        });
        tf.dispose(outputs);
      } finally {
        model.dispose();
      }
    });
  });
});

describe('full-size networks have the published parameter counts', () => {
  it.each([
    { id: 'resnet50', options: {}, total: 25_636_712, nonTrainable: 53_120 },
    { id: 'vgg16', options: {}, total: 138_357_544, nonTrainable: 0 },
    { id: 'alexnet', options: { groups: 2 }, total: inferGraph(buildArch('alexnet', { groups: 2 })).totalParams, nonTrainable: 0 },
    { id: 'googlenet', options: { aux: true }, total: inferGraph(buildArch('googlenet', { aux: true })).totalParams, nonTrainable: 0 },
  ])('$id $options: $total', async ({ id, options, total, nonTrainable }) => {
    const graph = buildArch(id, options);
    await expectNoTensorLeak(() => {
      const model = buildModel(graph);
      try {
        expect(countParams(model)).toEqual({ total, trainable: total - nonTrainable, nonTrainable });
        expectMatchesInference(model, graph);
      } finally {
        model.dispose();
      }
    });
  });
});

describe('buildModel details', () => {
  it('names helper layers after their node and keeps node outputs', () => {
    const graph = buildArch('alexnet', { variant: 'torchvision', width: 0.125, input: [63, 63, 3], classes: 3 });
    const model = buildModel(graph);
    const conv1 = nodeLayers(model).get('conv1');
    expect(conv1?.helpers.map((h) => h.name)).toEqual(['conv1__pad']);
    expect(conv1?.helpers[0].outputShape).toEqual([null, 67, 67, 3]);
    expect(conv1?.layer.getClassName()).toBe('Conv2D');
    model.dispose();
  });

  it('maps kinds to the tfjs layers the engine expects', () => {
    const model = buildModel(buildArch('alexnet', { groups: 2, width: 0.125, input: [67, 67, 3], classes: 3 }));
    const kinds = Object.fromEntries(model.layers.map((l) => [l.name, l.getClassName()]));
    expect(kinds).toMatchObject({ conv1: 'Conv2D', lrn1: 'LocalResponseNorm', pool1: 'MaxPooling2D', conv2: 'GroupedConv2D', conv3: 'Conv2D', flatten: 'Flatten', drop6: 'Dropout', fc6: 'Dense' });
    model.dispose();
    const resnet = buildModel(buildArch('resnet8', { width: 0.25, classes: 3 }));
    const classes = new Set(resnet.layers.map((l) => l.getClassName()));
    expect([...classes].sort()).toEqual(['Activation', 'Add', 'Conv2D', 'Dense', 'FreezableBatchNorm', 'GlobalAveragePooling2D', 'InputLayer', 'PadShortcut']);
    resnet.dispose();
  });

  it('is reproducible with a seed and differs without one', () => {
    const graph = buildArch('resnet8', { width: 0.25, classes: 3 });
    const weights = (m: tfl.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    const [a, b, c] = [buildModel(graph, { seed: 42 }), buildModel(graph, { seed: 42 }), buildModel(graph, { seed: 43 })];
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
    // Same-shaped layers of one build start differently.
    const k = (name: string) => Array.from(a.getLayer(name).getWeights()[0].dataSync());
    expect(k('stage1_block1_1_conv')).not.toEqual(k('stage1_block1_2_conv'));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('puts the main output first for GoogLeNet with auxiliaries', () => {
    const graph = buildArch('googlenet', { aux: true, width: 0.125, input: [96, 96, 3], classes: 4 });
    expect(mainOutputIndex(graph)).toBe(0);
    const model = buildModel(graph);
    expect(model.outputs.map((o) => o.sourceLayer.name)).toEqual(['predictions', 'aux1_predictions', 'aux2_predictions']);
    model.dispose();
  });

  it('rejects a graph whose node reads an undefined input', () => {
    const graph: ArchGraph = {
      name: 'broken',
      nodes: [
        { name: 'input', spec: { kind: 'input', shape: [4, 4, 1] }, inputs: [] },
        { name: 'flat', spec: { kind: 'flatten' }, inputs: ['nowhere'] },
      ],
      outputs: [{ node: 'flat', role: 'main', lossWeight: 1 }],
    };
    expect(() => buildModel(graph)).toThrow(ArchError);
  });
});

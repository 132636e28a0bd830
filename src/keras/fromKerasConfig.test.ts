import { describe, expect, it } from 'vitest';
import { buildArch, withTrainingOptions, type ArchGraph } from '../arch/index';
import { graphFromKerasConfig } from './fromKerasConfig';
import { kerasModelConfig } from './kerasConfig';
import { planKerasModel } from './kerasModel';

/** What a .keras file cannot hold: block tags (for views) and the graph's source (a zoo network's paper). */
const strip = ({ source: _s, ...g }: ArchGraph) => ({ ...g, nodes: g.nodes.map(({ block: _b, ...n }) => n) });

describe('a Keras config read into an arch graph', () => {
  it.each([
    ['lenet5', {}], ['lenet5', { variant: '1998' }], ['resnet20', {}], ['googlenet', { aux: true, width: 0.25, input: [96, 96, 3] }],
  ] as const)('gives back the graph our config was written from (%s %j)', (id, options) => {
    const graph = buildArch(id, options);
    expect(graphFromKerasConfig(kerasModelConfig(planKerasModel(graph)), 'x.keras')).toEqual(strip(graph));
  });

  it("keeps a recipe's initialiser and batch-norm momentum", () => {
    const graph = withTrainingOptions(buildArch('resnet20'), { initializer: 'heNormal', bnMomentum: 0.9 });
    const back = graphFromKerasConfig(kerasModelConfig(planKerasModel(graph)), 'x.keras');
    expect(back).toEqual(strip(graph));
    expect(back.nodes.find((n) => n.name === 'conv1_bn')?.spec).toMatchObject({ kind: 'batchNorm', momentum: 0.9 });
  });

  it('folds the __pad helpers of explicit padding back into the window', () => {
    const graph = buildArch('alexnet', { variant: 'torchvision', width: 0.125, input: [64, 64, 3], classes: 4 });
    const back = graphFromKerasConfig(kerasModelConfig(planKerasModel(graph)), 'x.keras');
    expect(back.nodes.find((n) => n.name === 'conv1')?.spec).toMatchObject({ kind: 'conv2d', padding: { top: 2, bottom: 2, left: 2, right: 2 } });
    expect(back.nodes.some((n) => n.name.endsWith('__pad'))).toBe(false);
  });

  it('reads Keras 2 inbound nodes and ReLU / Softmax layers', () => {
    const config = {
      class_name: 'Functional',
      config: {
        name: 'old', input_layers: [['in', 0, 0]], output_layers: [['out', 0, 0]],
        layers: [
          { class_name: 'InputLayer', name: 'in', config: { name: 'in', batch_input_shape: [null, 8, 8, 1] }, inbound_nodes: [] },
          { class_name: 'Conv2D', name: 'c', config: { name: 'c', filters: 2, kernel_size: [3, 3], padding: 'same' }, inbound_nodes: [[['in', 0, 0, {}]]] },
          { class_name: 'ReLU', name: 'r', config: { name: 'r' }, inbound_nodes: [[['c', 0, 0, {}]]] },
          { class_name: 'Flatten', name: 'f', config: { name: 'f' }, inbound_nodes: [[['r', 0, 0, {}]]] },
          { class_name: 'Dense', name: 'd', config: { name: 'd', units: 3 }, inbound_nodes: [[['f', 0, 0, {}]]] },
          { class_name: 'Softmax', name: 'out', config: { name: 'out' }, inbound_nodes: [[['d', 0, 0, {}]]] },
        ],
      },
    };
    const g = graphFromKerasConfig(config, 'old.keras');
    expect(g.nodes.map((n) => `${n.name}:${n.spec.kind}`)).toEqual(['in:input', 'c:conv2d', 'r:activation', 'f:flatten', 'd:dense', 'out:activation']);
  });

  it('names the layer and option it cannot take', () => {
    const seq = (layer: object) => ({ class_name: 'Sequential', config: { layers: [{ class_name: 'InputLayer', config: { name: 'in', batch_shape: [null, 8, 8, 3] } }, layer] } });
    expect(() => graphFromKerasConfig(seq({ class_name: 'Conv2D', config: { name: 'dil', filters: 2, kernel_size: 3, dilation_rate: [2, 2] } }), 'a.keras')).toThrow(/"dil" \(Conv2D\) uses dilation_rate = \[2,2\]/);
    expect(() => graphFromKerasConfig(seq({ class_name: 'Dense', config: { name: 'gelu', units: 2, activation: 'gelu' } }), 'a.keras')).toThrow(/"gelu" uses the activation "gelu"/);
    expect(() => graphFromKerasConfig(seq({ class_name: 'RandomFlip', config: { name: 'flip' } }), 'a.keras')).toThrow(/Layer "flip" is a RandomFlip/);
    expect(() => graphFromKerasConfig({ class_name: 'Dense', config: {} }, 'a.keras')).toThrow(/describes a Dense/);
    expect(() => graphFromKerasConfig({ class_name: 'Sequential', config: { layers: [{ class_name: 'InputLayer', config: { batch_shape: [null, null, null, 3] } }] } }, 'a.keras')).toThrow(/fixed size/);
  });
});

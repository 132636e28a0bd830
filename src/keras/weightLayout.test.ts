import { describe, expect, it } from 'vitest';
import { buildArch } from '../arch/index';
import { planKerasModel } from './kerasModel';
import { functionalLayerOrder, kerasLayerOrder, toSnakeCase, weightLayout } from './weightLayout';

describe('Keras weight layout', () => {
  it('names groups as keras.src.utils.naming.to_snake_case does', () => {
    expect(['Conv2D', 'MaxPooling2D', 'GlobalAveragePooling2D', 'BatchNormalization', 'InputLayer', 'ZeroPadding2D', 'GroupedConv2D', 'PadShortcut', 'ReLU'].map(toSnakeCase))
      .toEqual(['conv2d', 'max_pooling2d', 'global_average_pooling2d', 'batch_normalization', 'input_layer', 'zero_padding2d', 'grouped_conv2d', 'pad_shortcut', 're_lu']);
  });

  it('counts repeated classes in model.layers order (Sequential: no input layer)', () => {
    const layout = weightLayout(planKerasModel(buildArch('lenet5')));
    expect(layout.map((w) => w.path)).toEqual([
      'layers/conv2d', 'layers/max_pooling2d', 'layers/conv2d_1', 'layers/max_pooling2d_1', 'layers/flatten', 'layers/dense', 'layers/dense_1', 'layers/dense_2',
    ]);
    expect(layout[0]).toMatchObject({ layer: 'c1_conv', weights: ['kernel', 'bias'] });
  });

  it('orders a functional model by depth from the outputs, ties by first visit (as map_graph)', () => {
    // input → a → b → add(b, c), with c reading the input directly: c is shallower than a.
    const inputs = new Map<string, string[]>([['in', []], ['a', ['in']], ['b', ['a']], ['c', ['in']], ['add', ['b', 'c']], ['out', ['add']]]);
    expect(functionalLayerOrder(inputs, ['out'])).toEqual(['in', 'a', 'b', 'c', 'add', 'out']);
    // A projection shortcut sits between the residual branch's layers (Keras' ResNet has this order too).
    const order = kerasLayerOrder(planKerasModel(buildArch('resnet50')));
    expect(order.slice(0, 3)).toEqual(['input', 'conv1_pad', 'conv1_conv']);
    expect(order.indexOf('conv2_block1_0_conv')).toBeGreaterThan(order.indexOf('conv2_block1_2_relu'));
    expect(order.indexOf('conv2_block1_0_conv')).toBeLessThan(order.indexOf('conv2_block1_3_conv'));
  });
});

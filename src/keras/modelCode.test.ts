import { describe, expect, it } from 'vitest';
import { buildArch, withTrainingOptions } from '../arch/index';
import { modelCode } from './modelModule';

describe('build_model() code', () => {
  it('writes a chain as keras.Sequential with our names, kernels, strides, padding and initialisers', () => {
    const code = modelCode(buildArch('lenet5'), 'LeNet-5.');
    expect(code.plan.sequential).toBe(true);
    expect(code.buildModel).toContain('keras.Input(shape=(32, 32, 1), name="input"),');
    expect(code.buildModel).toContain('layers.Conv2D(16, (5, 5), strides=(1, 1), padding="valid", activation="relu", kernel_initializer="glorot_uniform", name="c3_conv"),');
    expect(code.buildModel).toContain('layers.MaxPooling2D((2, 2), strides=(2, 2), padding="valid", name="s2_pool"),');
    expect(code.customLayers).toBe('');
  });

  it('writes a DAG with the functional API: shortcuts keep their own variable, the rest flows through x', () => {
    const code = modelCode(buildArch('resnet50'), 'ResNet-50.');
    expect(code.plan.sequential).toBe(false);
    expect(code.buildModel).toContain('x = layers.ZeroPadding2D(((3, 3), (3, 3)), name="conv1_pad")(inputs)');
    expect(code.buildModel).toContain('# conv2_block1: residual block, projection shortcut');
    expect(code.buildModel).toContain('x = layers.Add(name="conv2_block1_add")([x, conv2_block1_3_bn])');
    expect(code.buildModel).toMatch(/return keras\.Model\(inputs, predictions, name="resnet50"\)$/);
  });

  it('brings the custom layers it uses, and explicit padding as a __pad helper', () => {
    const alexnet = modelCode(buildArch('alexnet', { groups: 2 }), 'AlexNet.');
    expect(alexnet.buildModel).toContain('GroupedConv2D(256, (5, 5), strides=(1, 1), padding="same", groups=2, activation="relu"');
    expect(alexnet.customLayers).toContain('class GroupedConv2D(layers.Layer):');
    expect(alexnet.customLayers).toContain('class LocalResponseNorm(layers.Layer):');
    expect(alexnet.customObjects).toContain('CUSTOM_OBJECTS = {"LocalResponseNorm": LocalResponseNorm, "GroupedConv2D": GroupedConv2D}');
    const torchvision = modelCode(buildArch('alexnet', { variant: 'torchvision' }), 'AlexNet.');
    expect(torchvision.buildModel).toContain('layers.ZeroPadding2D(((2, 2), (2, 2)), name="conv1__pad"),');
  });

  it('lists every output of GoogLeNet with auxiliaries, main first', () => {
    const code = modelCode(buildArch('googlenet', { aux: true }), 'GoogLeNet.');
    expect(code.plan.outputs).toEqual(['predictions', 'aux1_predictions', 'aux2_predictions']);
    expect(code.plan.lossWeights).toEqual([1, 0.3, 0.3]);
    expect(code.buildModel).toContain('inception_3a_concat = layers.Concatenate(axis=-1, name="inception_3a_concat")([inception_3a_1x1, inception_3a_3x3, inception_3a_5x5, x])');
  });

  it("writes the 1998 LeNet-5 with small layers of ours, the paper's table and bitmaps as constants", () => {
    const code = modelCode(buildArch('lenet5', { variant: '1998' }), 'LeNet-5 (1998).');
    expect(code.buildModel).toContain('layers.Conv2D(6, (5, 5), strides=(1, 1), padding="valid", activation=scaled_tanh, kernel_initializer=LeCun98Uniform(), name="c1_conv"),');
    expect(code.buildModel).toContain('TableConv2D(C3_CONV_TABLE, (5, 5), strides=(1, 1), padding="valid", activation=scaled_tanh, kernel_initializer="lecun98", name="c3_conv"),');
    expect(code.buildModel).toContain('Subsampling2D((2, 2), strides=(2, 2), activation=scaled_tanh, kernel_initializer="lecun98", name="s2_subsample"),');
    expect(code.buildModel).toContain('EuclideanRBF(OUTPUT_RBF_CENTRES, name="output_rbf"),');
    expect(code.constants).toContain('    (0, 1, 3, 4), (1, 2, 4, 5), (0, 2, 3, 5), (0, 1, 2, 3, 4, 5),');
    expect(code.constants).toContain('[".......", "...#...", "..##...", ".#.#...", "...#...", "...#...", "...#...", "...#...", "...#...", "...#...", ".#####.", "......."],  # class 1');
    for (const c of ['def scaled_tanh(x):', 'class LeCun98Uniform(keras.initializers.Initializer):', 'class TableConv2D(layers.Layer):', 'class Subsampling2D(layers.Layer):', 'class EuclideanRBF(layers.Layer):']) {
      expect(code.customLayers).toContain(c);
    }
    expect(code.customObjects).toContain('CUSTOM_OBJECTS = {"scaled_tanh": scaled_tanh, "LeCun98Uniform": LeCun98Uniform, "Subsampling2D": Subsampling2D, "TableConv2D": TableConv2D, "EuclideanRBF": EuclideanRBF}');
  });

  it("writes a recipe's initialiser and batch-norm momentum", () => {
    const code = modelCode(withTrainingOptions(buildArch('resnet20'), { initializer: 'heNormal', bnMomentum: 0.9 }), 'ResNet-20.');
    expect(code.buildModel).toContain('layers.Conv2D(16, (3, 3), strides=(1, 1), padding="same", use_bias=False, kernel_initializer="he_normal", name="conv1_conv")');
    expect(code.buildModel).toContain('layers.BatchNormalization(epsilon=0.001, momentum=0.9, name="conv1_bn")');
    expect(code.customLayers).not.toContain('LeCun98Uniform');
  });
});

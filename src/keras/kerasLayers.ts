/**
 * Each arch node as the Keras 3 layer(s) that compute it, with Keras' own class names and snake_case
 * constructor arguments: one description feeds the generated Python (`layers.Conv2D(6, (5, 5), …)`),
 * the `.keras` file's config.json and its weight layout. It mirrors src/model/nodeLayers.ts (the tfjs
 * builder) layer for layer, helpers included (`${node}__pad` in front of an explicitly padded window).
 */
import type { LayerNode, Pad2d, Padding } from '../arch/index';
import { kerasError } from '../messages/index';
import { kerasActivation, kerasKernelInitializer, type KerasValue } from './kerasObjects';
import { rbfLayer, subsampleLayer, tableConvLayer } from './lenet1998Keras';

/** A module-level constant of the generated code that a layer's arguments name (C3's table, the RBF centres). */
export interface PyConstant {
  readonly name: string;
  /** Python source that defines `name` (comments included). */
  readonly code: string;
}

/** One Keras layer of the model. */
export interface KerasLayer {
  /** The layer's name: the arch node's, or `${node}__pad` for a helper. */
  readonly name: string;
  /** Keras class name (`Conv2D`), or one of our registered custom layers (`GroupedConv2D`). */
  readonly className: string;
  /** True for the small custom layers the generated code defines (package `cnn_playground`). */
  readonly custom: boolean;
  /** The arch node this layer computes (a helper's node is the one it pads for). */
  readonly node: string;
  /** Constructor arguments in Keras' snake_case, in the order the code writes them (`name` excluded). */
  readonly args: ReadonlyArray<readonly [string, KerasValue]>;
  /** How many leading `args` the code writes positionally (`Conv2D(6, (5, 5), …)`). */
  readonly positional: number;
  /** The weight variables in Keras' storage order (`vars/0`, `vars/1`, … of model.weights.h5). */
  readonly weights: readonly string[];
  /** Constants its arguments name, defined before `build_model()`. */
  readonly constants?: readonly PyConstant[];
}

/** Separates a node's name from its helper's suffix, as src/model/nodeLayers.ts does. */
export const KERAS_HELPER_SEPARATOR = '__';

/** How {@link layer} builds a KerasLayer beyond its node, class and arguments. */
interface LayerOptions {
  positional?: number;
  weights?: readonly string[];
  custom?: boolean;
  name?: string;
  constants?: readonly PyConstant[];
}

/** One KerasLayer computing (part of) `node`. */
const layer = (node: LayerNode, className: string, args: ReadonlyArray<readonly [string, KerasValue]> = [], o: LayerOptions = {}): KerasLayer => ({
  name: o.name ?? node.name, className, custom: o.custom ?? false, node: node.name, args, positional: o.positional ?? 0, weights: o.weights ?? [],
  ...(o.constants ? { constants: o.constants } : {}),
});

const pairs = (p: Pad2d): KerasValue => [[p.top, p.bottom], [p.left, p.right]];

/** An explicit padding becomes a ZeroPadding2D helper in front of a `valid` window (as the tfjs builder does). */
function windowPadding(node: LayerNode, padding: Padding): { helper: KerasLayer | null; mode: 'valid' | 'same' } {
  if (typeof padding === 'string') return { helper: null, mode: padding };
  if (padding.top === 0 && padding.bottom === 0 && padding.left === 0 && padding.right === 0) return { helper: null, mode: 'valid' };
  return { helper: layer(node, 'ZeroPadding2D', [['padding', pairs(padding)]], { positional: 1, name: `${node.name}${KERAS_HELPER_SEPARATOR}pad` }), mode: 'valid' };
}

const withHelper = (helper: KerasLayer | null, main: KerasLayer): KerasLayer[] => (helper ? [helper, main] : [main]);

/**
 * The Keras layers that implement one arch node, in application order: optional helpers, then the
 * layer named exactly as the node (whose output is the node's output).
 * @throws UserError (`keras.noCounterpart`) for an input node or a layer kind Keras has no word for yet.
 */
export function kerasLayersOf(node: LayerNode): KerasLayer[] {
  const spec = node.spec;
  switch (spec.kind) {
    case 'conv2d': {
      const { helper, mode } = windowPadding(node, spec.padding);
      const bias = spec.useBias ? ['kernel', 'bias'] : ['kernel'];
      const args: Array<readonly [string, KerasValue]> = [
        ['filters', spec.filters], ['kernel_size', [...spec.kernel]], ['strides', [...spec.strides]], ['padding', mode],
      ];
      if (spec.groups > 1) args.push(['groups', spec.groups]);
      args.push(['activation', kerasActivation(spec.activation)], ['use_bias', spec.useBias], ['kernel_initializer', kerasKernelInitializer(spec.kernelInit)]);
      // Keras' Conv2D has `groups`, but grouped kernels do not run on TensorFlow's CPU: a small layer of ours does.
      const className = spec.groups > 1 ? 'GroupedConv2D' : 'Conv2D';
      return withHelper(helper, layer(node, className, args, { positional: 2, weights: bias, custom: spec.groups > 1 }));
    }
    case 'maxPool':
    case 'avgPool': {
      const { helper, mode } = windowPadding(node, spec.padding);
      const className = spec.kind === 'maxPool' ? 'MaxPooling2D' : 'AveragePooling2D';
      return withHelper(helper, layer(node, className, [['pool_size', [...spec.pool]], ['strides', [...spec.strides]], ['padding', mode]], { positional: 1 }));
    }
    case 'globalAvgPool':
      return [layer(node, 'GlobalAveragePooling2D')];
    case 'lrn':
      return [layer(node, 'LocalResponseNorm', [['depth_radius', spec.depthRadius], ['bias', spec.bias], ['alpha', spec.alpha], ['beta', spec.beta]], { custom: true })];
    case 'batchNorm':
      // The momentum is the graph's: a training recipe sets it (0.9 for a short run), Keras' default is 0.99.
      return [layer(node, 'BatchNormalization', [['epsilon', spec.epsilon], ['momentum', spec.momentum], ...(spec.gammaInit === 'zeros' ? [['gamma_initializer', 'zeros'] as const] : [])], { weights: ['gamma', 'beta', 'moving_mean', 'moving_variance'] })];
    case 'activation':
      // The playground floors a softmax node's probabilities at 2e-7 (FlooredSoftmax, for the 1998
      // LeNet-5's far-apart penalties); Keras' softmax does not, which moves a probability by at most 2e-7.
      return [layer(node, 'Activation', [['activation', kerasActivation(spec.activation)]], { positional: 1 })];
    case 'dense': {
      const args: ReadonlyArray<readonly [string, KerasValue]> = [
        ['units', spec.units], ['activation', kerasActivation(spec.activation)], ['use_bias', spec.useBias], ['kernel_initializer', kerasKernelInitializer(spec.kernelInit)],
      ];
      return [layer(node, 'Dense', args, { positional: 1, weights: spec.useBias ? ['kernel', 'bias'] : ['kernel'] })];
    }
    case 'flatten':
      return [layer(node, 'Flatten')];
    case 'dropout':
      return [layer(node, 'Dropout', [['rate', spec.rate]], { positional: 1 })];
    case 'zeroPad':
      return [layer(node, 'ZeroPadding2D', [['padding', pairs(spec.padding)]], { positional: 1 })];
    case 'padShortcut':
      return [layer(node, 'PadShortcut', [['stride', spec.stride], ['filters', spec.filters]], { custom: true })];
    case 'add':
      return [layer(node, 'Add')];
    case 'concat':
      // A one-input concatenation is the identity (tfjs' Concatenate needs two inputs, so does ours).
      return [node.inputs.length > 1 ? layer(node, 'Concatenate', [['axis', -1]]) : layer(node, 'Activation', [['activation', 'linear']], { positional: 1 })];
    case 'rescale':
      return [layer(node, 'Rescaling', [['scale', spec.scale], ['offset', spec.offset]], { positional: 1 })];
    case 'tableConv2d':
      return [tableConvLayer(node, spec)];
    case 'subsample':
      return [subsampleLayer(node, spec)];
    case 'rbf':
      return [rbfLayer(node, spec)];
    default:
      // Extension point: a new arch kind gets its case here and, if Keras has no such layer, a small
      // Python class in customLayers.ts.
      throw kerasError('keras.noCounterpart', { layer: node.name, kind: (spec as { kind: string }).kind });
  }
}

import * as tfl from '@tensorflow/tfjs-layers';
import type { ActivationName, ArchGraph, LayerNode, Pad2d, Padding } from '../arch';
import { kernelInitializer } from './layers/weightInit';
import { EuclideanRBF, FlooredSoftmax, FreezableBatchNorm, GroupedConv2D, LocalResponseNorm, PadShortcut, Subsampling2D, TableConv2D } from './layers';

/** Separates an arch node's name from the suffix of a helper layer: `conv1__pad` is a helper of `conv1`. */
export const HELPER_SEPARATOR = '__';

/** The arch node a tfjs layer belongs to: its own name, or the part before `__` for a helper layer. */
export function nodeOfLayer(layerName: string): string {
  const at = layerName.indexOf(HELPER_SEPARATOR);
  return at < 0 ? layerName : layerName.slice(0, at);
}

/** Narrows what `layer.apply` returns on symbolic inputs to one symbolic tensor. */
export function asSymbolic(result: ReturnType<tfl.layers.Layer['apply']>, layer: string): tfl.SymbolicTensor {
  if (result instanceof tfl.SymbolicTensor) return result;
  throw new Error(`Layer "${layer}" did not return one symbolic tensor.`);
}

/** Seeds per layer, so two same-shaped layers of one seeded build do not start with equal weights. */
export function layerSeed(seed: number | undefined, index: number): number | undefined {
  if (seed === undefined) return undefined;
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}


/** The activation identifier tfjs' stock layers take. */
type TfjsActivation = NonNullable<Parameters<typeof tfl.layers.dense>[0]['activation']>;

/**
 * Our activation name as tfjs' identifier. `scaledTanh` is not one of tfjs' names, but tfjs resolves
 * identifiers through its serialization map, where src/model/layers/scaledTanh.ts registers it.
 */
function tfjsActivation(name: ActivationName): TfjsActivation {
  return name as TfjsActivation;
}

function padPairs(p: Pad2d): [[number, number], [number, number]] {
  return [[p.top, p.bottom], [p.left, p.right]];
}

/** Explicit padding becomes a zeroPadding2d helper `${name}__pad` in front of a valid window. */
function windowPadding(name: string, padding: Padding): { helper?: tfl.layers.Layer; mode: 'valid' | 'same' } {
  if (typeof padding === 'string') return { mode: padding };
  const { top, bottom, left, right } = padding;
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return { mode: 'valid' };
  return { helper: tfl.layers.zeroPadding2d({ name: `${name}${HELPER_SEPARATOR}pad`, padding: padPairs(padding) }), mode: 'valid' };
}

/**
 * The tfjs layers that implement one arch node, in application order: optional helpers, then the layer
 * named exactly as the node (the last one, whose output is the node's output). `inputShape` (the node's
 * first input, batch first) gives the fan-in that the `lecun98` initialisation needs.
 */
export function layersForNode(node: LayerNode, seed: number | undefined, inputShape?: readonly (number | null)[]): tfl.layers.Layer[] {
  const name = node.name;
  const spec = node.spec;
  const channels = inputShape?.[inputShape.length - 1] ?? null;
  switch (spec.kind) {
    case 'input':
      throw new Error(`Input node "${name}" is a tfl.input, not a layer.`);
    case 'conv2d': {
      const { helper, mode } = windowPadding(name, spec.padding);
      const common = { name, filters: spec.filters, kernelSize: spec.kernel, strides: spec.strides, padding: mode, useBias: spec.useBias, activation: spec.activation };
      const fanIn = channels == null ? null : (spec.kernel[0] * spec.kernel[1] * channels) / spec.groups;
      const conv =
        spec.groups > 1
          ? new GroupedConv2D({ ...common, groups: spec.groups, seed: seed ?? null, initializer: spec.kernelInit })
          : tfl.layers.conv2d({ ...common, kernelSize: [...spec.kernel], strides: [...spec.strides], activation: tfjsActivation(spec.activation), kernelInitializer: kernelInitializer(seed, spec.kernelInit, fanIn) });
      return helper ? [helper, conv] : [conv];
    }
    case 'tableConv2d':
      return [new TableConv2D({ name, table: spec.table, kernelSize: spec.kernel, strides: spec.strides, padding: spec.padding, useBias: spec.useBias, activation: spec.activation, kernelInit: spec.kernelInit, seed: seed ?? null })];
    case 'subsample':
      return [new Subsampling2D({ name, poolSize: spec.pool, strides: spec.strides, activation: spec.activation, kernelInit: spec.kernelInit, seed: seed ?? null })];
    case 'rbf':
      return [new EuclideanRBF({ name, centres: spec.centres })];
    case 'maxPool':
    case 'avgPool': {
      // Explicit padding pads with zeros, also for max pooling (the zoo pads with zeroPad nodes instead).
      const { helper, mode } = windowPadding(name, spec.padding);
      const args = { name, poolSize: [...spec.pool] as [number, number], strides: [...spec.strides] as [number, number], padding: mode };
      const pool = spec.kind === 'maxPool' ? tfl.layers.maxPooling2d(args) : tfl.layers.averagePooling2d(args);
      return helper ? [helper, pool] : [pool];
    }
    case 'globalAvgPool':
      return [tfl.layers.globalAveragePooling2d({ name })];
    case 'lrn':
      return [new LocalResponseNorm({ name, depthRadius: spec.depthRadius, bias: spec.bias, alpha: spec.alpha, beta: spec.beta })];
    case 'batchNorm':
      return [new FreezableBatchNorm({ name, axis: -1, epsilon: spec.epsilon, momentum: spec.momentum, gammaInitializer: spec.gammaInit ?? 'ones' })];
    case 'activation':
      // A softmax node (the 1998 LeNet-5's softmax(−y)) keeps every class above the loss's clip (FlooredSoftmax).
      if (spec.activation === 'softmax') return [new FlooredSoftmax({ name })];
      return [tfl.layers.activation({ name, activation: tfjsActivation(spec.activation) })];
    case 'dense':
      return [tfl.layers.dense({ name, units: spec.units, useBias: spec.useBias, activation: tfjsActivation(spec.activation), kernelInitializer: kernelInitializer(seed, spec.kernelInit, channels) })];
    case 'flatten':
      return [tfl.layers.flatten({ name })];
    case 'dropout':
      // Unseeded on purpose: a seeded tfjs dropout draws the same mask at every step.
      return [tfl.layers.dropout({ name, rate: spec.rate })];
    case 'zeroPad':
      return [tfl.layers.zeroPadding2d({ name, padding: padPairs(spec.padding) })];
    case 'padShortcut':
      return [new PadShortcut({ name, stride: spec.stride, filters: spec.filters })];
    case 'add':
      return [tfl.layers.add({ name })];
    case 'concat':
      // tfjs' Concatenate needs two or more inputs; a one-input concat is the identity.
      return [node.inputs.length > 1 ? tfl.layers.concatenate({ name, axis: -1 }) : tfl.layers.activation({ name, activation: 'linear' })];
    case 'rescale':
      // tfjs' own preprocessing layer: saved as Keras' `Rescaling`, so Keras reads it back too.
      return [tfl.layers.rescaling({ name, scale: spec.scale, offset: spec.offset })];
  }
}

/** Index of the main classifier among `graph.outputs` (and so among the built model's outputs). */
export function mainOutputIndex(graph: ArchGraph): number {
  const index = graph.outputs.findIndex((o) => o.role === 'main');
  return index < 0 ? 0 : index;
}

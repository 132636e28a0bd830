/**
 * An arch graph read off a tfjs layers model that was not built by our zoo (ImageNet MobileNet, a
 * Keras model converted with tensorflowjs_converter), so its layers can be listed, frozen by unit and
 * measured like any zoo network. Only the part up to the cut is needed; layer kinds the arch graph has
 * no word for stop the walk with a message naming the layer.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { conv, type ActivationName, type ArchGraph, type LayerNode, type LayerSpec, type Padding } from '../../arch/index';
import { transferError } from '../../messages/index';

type Config = Record<string, unknown>;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const pair = (v: unknown, fallback: number): [number, number] =>
  Array.isArray(v) ? [num(v[0], fallback), num(v[1] ?? v[0], fallback)] : [num(v, fallback), num(v, fallback)];
const padding = (v: unknown): Padding => (v === 'same' ? 'same' : 'valid');

/** tfjs activations the graph names; ReLU6 (MobileNet) counts as ReLU for shapes and parameters. */
function activation(v: unknown): ActivationName {
  const name = typeof v === 'string' ? v.toLowerCase() : 'linear';
  if (name === 'relu6') return 'relu';
  if (name === 'scaledtanh') return 'scaledTanh';
  return (['linear', 'relu', 'tanh', 'sigmoid', 'softmax'] as const).find((a) => a === name) ?? 'linear';
}

function specOf(layer: tfl.layers.Layer, inputChannels: number): LayerSpec {
  const c = layer.getConfig() as Config;
  const cls = layer.getClassName();
  switch (cls) {
    case 'Conv2D':
    case 'GroupedConv2D':
      return { ...conv(num(c.filters, 1), 1), kernel: pair(c.kernelSize, 1), strides: pair(c.strides, 1), padding: padding(c.padding), groups: num(c.groups, 1), useBias: c.useBias !== false, activation: activation(c.activation) };
    case 'DepthwiseConv2D':
      // A depthwise conv is a grouped conv with one group per input channel.
      return { ...conv(inputChannels * num(c.depthMultiplier, 1), 1), kernel: pair(c.kernelSize, 1), strides: pair(c.strides, 1), padding: padding(c.padding), groups: inputChannels, useBias: c.useBias !== false, activation: activation(c.activation) };
    case 'BatchNormalization':
    case 'FreezableBatchNorm':
      return { kind: 'batchNorm', epsilon: num(c.epsilon, 1e-3), momentum: num(c.momentum, 0.99) };
    case 'Activation':
      return { kind: 'activation', activation: activation(c.activation) };
    case 'ReLU':
      return { kind: 'activation', activation: 'relu' };
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const pool = pair(c.poolSize, 2);
      return { kind: cls === 'MaxPooling2D' ? 'maxPool' : 'avgPool', pool, strides: c.strides == null ? pool : pair(c.strides, 2), padding: padding(c.padding) };
    }
    case 'GlobalAveragePooling2D':
      return { kind: 'globalAvgPool' };
    case 'Dense':
      return { kind: 'dense', units: num(c.units, 1), useBias: c.useBias !== false, activation: activation(c.activation) };
    case 'Flatten':
      return { kind: 'flatten' };
    case 'Dropout':
      return { kind: 'dropout', rate: num(c.rate, 0) };
    case 'ZeroPadding2D': {
      const p = c.padding;
      const [[top, bottom], [left, right]] = Array.isArray(p) && Array.isArray(p[0]) ? (p as [[number, number], [number, number]]) : [pair(p, 1), pair(p, 1)];
      return { kind: 'zeroPad', padding: { top, bottom, left, right } };
    }
    case 'Add':
      return { kind: 'add' };
    case 'Concatenate':
      return { kind: 'concat' };
    case 'PadShortcut':
      return { kind: 'padShortcut', stride: num(c.stride, 1), filters: num(c.filters, 1) };
    case 'LocalResponseNorm':
      return { kind: 'lrn', depthRadius: num(c.depthRadius, 2), bias: num(c.bias, 1), alpha: num(c.alpha, 1e-4), beta: num(c.beta, 0.75) };
    case 'Rescaling':
      return { kind: 'rescale', scale: num(c.scale, 1), offset: num(c.offset, 0) };
    default:
      throw transferError('transfer.unsupportedLayer', { layer: layer.name, type: cls });
  }
}

/** The layers feeding `layer` (its first call; a layer shared by several calls is not supported). */
function inboundOf(layer: tfl.layers.Layer): string[] {
  if (layer.inboundNodes.length > 1) throw transferError('transfer.sharedLayer', { layer: layer.name });
  return (layer.inboundNodes[0]?.inboundLayers ?? []).map((l) => l.name);
}

/**
 * The graph of `model` from its input to layer `upTo` (included), whose output becomes the graph's
 * only output. Nodes keep the tfjs layer names, in the model's topological order.
 * @throws UserError for a missing layer, several inputs, or a layer kind the graph cannot express.
 */
export function graphFromModel(model: tfl.LayersModel, upTo: string): ArchGraph {
  if (model.inputs.length !== 1) throw transferError('transfer.inputCount', { model: model.name, count: model.inputs.length });
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  if (!byName.has(upTo)) throw transferError('transfer.noLayer', { model: model.name, layer: upTo });
  const needed = new Set<string>();
  const stack = [upTo];
  while (stack.length) {
    const name = stack.pop() as string;
    if (needed.has(name)) continue;
    needed.add(name);
    stack.push(...inboundOf(byName.get(name) as tfl.layers.Layer));
  }
  const nodes: LayerNode[] = [];
  for (const layer of model.layers) {
    if (!needed.has(layer.name)) continue;
    const inputs = inboundOf(layer);
    if (layer.getClassName() === 'InputLayer') {
      const shape = (layer.batchInputShape ?? []).slice(1);
      if (shape.length !== 3 || !shape.every((d) => typeof d === 'number')) throw transferError('transfer.inputShape', { layer: layer.name, shape: shape.join(', ') });
      nodes.push({ name: layer.name, spec: { kind: 'input', shape: shape as number[] }, inputs: [] });
      continue;
    }
    const inShape = layer.inboundNodes[0]?.inputShapes;
    const first = Array.isArray(inShape?.[0]) ? (inShape[0] as (number | null)[]) : ((inShape ?? []) as (number | null)[]);
    nodes.push({ name: layer.name, spec: specOf(layer, num(first.at(-1), 1)), inputs });
  }
  return { name: model.name, nodes, outputs: [{ node: upTo, role: 'main', lossWeight: 1 }] };
}

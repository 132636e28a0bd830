import type * as tfl from '@tensorflow/tfjs-layers';
import { nodeOfLayer } from './nodeLayers';

/** The tfjs layers of one arch node. */
export interface NodeLayers {
  /** The layer named exactly as the node; its output is the node's output. */
  readonly layer: tfl.layers.Layer;
  /** Helper layers applied before it (e.g. `conv1__pad`), in order. */
  readonly helpers: readonly tfl.layers.Layer[];
}

/**
 * Maps every arch node name of a model built by `buildModel` (or derived from one, e.g. by
 * `replaceHead`) to its tfjs layers. Input nodes map to their InputLayer.
 */
export function nodeLayers(model: tfl.LayersModel): Map<string, NodeLayers> {
  const helpers = new Map<string, tfl.layers.Layer[]>();
  const main = new Map<string, tfl.layers.Layer>();
  for (const layer of model.layers) {
    const node = nodeOfLayer(layer.name);
    if (node === layer.name) main.set(node, layer);
    else helpers.set(node, [...(helpers.get(node) ?? []), layer]);
  }
  return new Map([...main].map(([node, layer]) => [node, { layer, helpers: helpers.get(node) ?? [] }]));
}

/** The tfjs layer of arch node `node`. @throws Error naming the node when the model has no such layer. */
export function layerOf(model: tfl.LayersModel, node: string): tfl.layers.Layer {
  const layer = model.layers.find((l) => l.name === node);
  if (!layer) throw new Error(`Model "${model.name}" has no layer "${node}".`);
  return layer;
}

/** Parameter counts of a model from tfjs' own weights (batch-norm moving statistics are non-trainable). */
export interface ParamCounts {
  readonly total: number;
  readonly trainable: number;
  readonly nonTrainable: number;
}

const size = (weights: readonly tfl.LayerVariable[]): number =>
  weights.reduce((sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 0), 1), 0);

/**
 * Counts a model's parameters as tfjs sees them now: frozen layers' weights count as non-trainable.
 */
export function countParams(model: tfl.LayersModel): ParamCounts {
  const trainable = size(model.trainableWeights);
  const nonTrainable = size(model.nonTrainableWeights);
  return { total: trainable + nonTrainable, trainable, nonTrainable };
}

/**
 * `.keras` files (Keras 3's format: a zip of config.json, metadata.json and model.weights.h5) written
 * from the worker's tfjs model and read back into one. The layout comes from src/keras (the model plan,
 * its config and weight groups); the weights cross as float32 arrays, C order, the same for both.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ArchGraph } from '../../arch/index';
import { graphFromKerasConfig, kerasMetadata, kerasModelConfig, planKerasModel, weightLayout, type KerasModelPlan } from '../../keras/index';
import { kerasError } from '../../messages/index';
import { buildModel } from '../../model/index';
import { readWeightsH5, writeWeightsH5, type H5Array, type H5Group } from './h5';

/**
 * The tfjs classes that compute each Keras class (a model whose layers differ is not exported). A softmax
 * node is a FlooredSoftmax in tfjs (probabilities floored at 2e-7) and Keras' Activation('softmax').
 */
const TFJS_CLASSES: Readonly<Record<string, readonly string[]>> = {
  BatchNormalization: ['BatchNormalization', 'FreezableBatchNorm'],
  Activation: ['Activation', 'FlooredSoftmax'],
};

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Checks the tfjs layer computes what the plan says (class, and the graph node's activation), or refuses naming it. */
function checkLayer(plan: KerasModelPlan, graph: ArchGraph, model: tfl.LayersModel): void {
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  const nodes = new Map(graph.nodes.map((n) => [n.name, n]));
  for (const { layer } of plan.layers) {
    const tfjs = byName.get(layer.name);
    const expected = TFJS_CLASSES[layer.className] ?? [layer.className];
    if (!tfjs) throw kerasError('keras.exportLayerMismatch', { layer: layer.name, type: 'missing layer', expected: layer.className });
    if (!expected.includes(tfjs.getClassName())) throw kerasError('keras.exportLayerMismatch', { layer: layer.name, type: tfjs.getClassName(), expected: layer.className });
    if (layer.name !== layer.node) continue; // a helper (ZeroPadding2D) has no activation
    const spec = nodes.get(layer.node)?.spec;
    const activation = spec && 'activation' in spec ? spec.activation : undefined;
    const actual = (tfjs.getConfig() as { activation?: unknown }).activation;
    if (activation !== undefined && actual !== undefined && actual !== activation) {
      throw kerasError('keras.exportLayerMismatch', { layer: layer.name, type: `${tfjs.getClassName()} (${String(actual)})`, expected: `${layer.className} (${activation})` });
    }
  }
}

/**
 * The `.keras` bytes of `model`, whose layers are `graph`'s nodes (built by `buildModel`, or a transfer
 * model). Frozen layers are written `trainable: false`.
 * @throws UserError when a layer of the model is not what its graph says (e.g. MobileNet's ReLU6) or has no Keras counterpart.
 */
export async function writeKerasFile(model: tfl.LayersModel, graph: ArchGraph): Promise<Uint8Array> {
  const plan = planKerasModel(graph);
  checkLayer(plan, graph, model);
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  const groups: H5Group[] = [];
  for (const entry of weightLayout(plan)) {
    const layer = byName.get(entry.layer);
    const weights = layer?.weights ?? [];
    if (layer && weights.length !== entry.weights.length) throw kerasError('keras.exportWeights', { layer: entry.layer, actual: weights.length, expected: entry.weights.length });
    const arrays: H5Array[] = await Promise.all(weights.map(async (w) => ({ data: Float32Array.from(await w.read().data()), shape: [...w.shape] as number[] })));
    groups.push({ path: entry.path, name: entry.layer, arrays });
  }
  const h5 = await writeWeightsH5(plan.name, groups);
  const config = kerasModelConfig(plan, { trainable: (name) => byName.get(name)?.trainable ?? true });
  // Keras stores the three entries uncompressed; so do we (the weights do not compress much).
  return zipSync(
    { 'metadata.json': strToU8(JSON.stringify(kerasMetadata())), 'config.json': strToU8(JSON.stringify(config)), 'model.weights.h5': h5 },
    { level: 0 },
  );
}

/** A `.keras` file read into the playground: its graph and a tfjs model holding its weights (the caller disposes it). */
export interface ReadKeras {
  graph: ArchGraph;
  model: tfl.LayersModel;
}

function unzip(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (e) {
    throw kerasError('keras.notZip', { file: fileName, detail: text(e) }, { cause: e });
  }
}

/** Weight groups by layer name: the `name` attribute Keras 3 writes, else the path our layout predicts. */
function groupsByLayer(groups: readonly H5Group[], plan: KerasModelPlan): Map<string, H5Group> {
  const byPath = new Map(groups.map((g) => [g.path, g]));
  const out = new Map<string, H5Group>();
  for (const g of groups) if (g.name !== null && g.path.split('/').length === 2) out.set(g.name, g);
  for (const entry of weightLayout(plan)) {
    const g = byPath.get(entry.path);
    if (!out.has(entry.layer) && g && g.name === null) out.set(entry.layer, g);
  }
  return out;
}

/**
 * Reads a `.keras` file made by Keras (or by the playground) into a tfjs model: config.json becomes
 * an arch graph (see `graphFromKerasConfig`), `buildModel` builds it, model.weights.h5 fills it.
 * Nothing outside is touched: on any error everything made here is disposed and a message explains.
 * @throws UserError naming what is wrong (not a zip, missing entries, an unsupported layer, missing or misshapen weights).
 */
export async function readKerasFile(bytes: Uint8Array, fileName: string): Promise<ReadKeras> {
  const entries = unzip(bytes, fileName);
  for (const entry of ['config.json', 'model.weights.h5']) {
    if (!entries[entry]) throw kerasError('keras.missingEntry', { file: fileName, entry });
  }
  let config: unknown;
  try {
    config = JSON.parse(strFromU8(entries['config.json']));
  } catch (e) {
    throw kerasError('keras.configInvalid', { file: fileName, detail: text(e) }, { cause: e });
  }
  const graph = graphFromKerasConfig(config, fileName);
  const plan = planKerasModel(graph);
  const groups = groupsByLayer(await readWeightsH5(entries['model.weights.h5'], fileName), plan);
  const model = buildModel(graph);
  try {
    const byName = new Map(model.layers.map((l) => [l.name, l]));
    for (const { layer } of plan.layers) {
      if (layer.weights.length === 0) continue;
      const tfjs = byName.get(layer.name);
      const group = groups.get(layer.name);
      if (!tfjs || !group) throw kerasError('keras.missingWeights', { layer: layer.name, path: group?.path ?? `layers/…/${layer.name}` });
      const wanted = tfjs.weights.map((w) => w.shape as number[]);
      if (group.arrays.length !== wanted.length) throw kerasError('keras.missingWeights', { layer: layer.name, path: group.path });
      group.arrays.forEach((a, i) => {
        if (a.shape.join(',') !== wanted[i].join(',')) throw kerasError('keras.weightShape', { layer: layer.name, index: i, actual: a.shape.join(', '), expected: wanted[i].join(', ') });
      });
      const tensors = group.arrays.map((a) => tf.tensor(a.data, [...a.shape], 'float32'));
      try {
        tfjs.setWeights(tensors);
      } finally {
        tf.dispose(tensors);
      }
    }
    return { graph, model };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

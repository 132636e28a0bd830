/**
 * Every path of the engine (training batches, evaluation, prediction, inspection, the feature cache)
 * feeds a network pixels in [0, 1]. A pretrained network that expects another range (ImageNet
 * MobileNet v1 wants [−1, 1]) gets a Keras `Rescaling` layer right after its input instead of a special
 * case in each of those paths: the layer is written into the model's topology JSON before tfjs builds
 * it, so the graph, the layer list, freezing, the cache and the exported files all see it. Pure
 * functions on JSON (no tfjs).
 */
import { transferError } from '../../messages/index';

/** A pixel range [low, high] a network expects. */
export type InputRange = readonly [number, number];

/** What the engine feeds every network. */
export const ENGINE_INPUT_RANGE: InputRange = [0, 1];

/** The name of the inserted layer (made unique when a model already has a layer of that name). */
export const INPUT_RESCALING = 'input_rescaling';

/** Scale and offset of the Rescaling that maps [0, 1] onto `range`; null when `range` is [0, 1]. */
export function rescalingFor(range: InputRange): { scale: number; offset: number } | null {
  const [low, high] = range;
  if (low === ENGINE_INPUT_RANGE[0] && high === ENGINE_INPUT_RANGE[1]) return null;
  return { scale: high - low, offset: low };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `v` where every tensor reference `[from, node, index, …]` (or `keras_history`) names `to` instead. */
function renameRefs(v: unknown, from: string, to: string): unknown {
  if (Array.isArray(v)) {
    if (v[0] === from && typeof v[1] === 'number') return [to, ...v.slice(1)];
    return v.map((x) => renameRefs(x, from, to));
  }
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renameRefs(x, from, to)]));
}

function freshName(layers: readonly unknown[]): string {
  const taken = new Set(layers.map((l) => (isObject(l) && isObject(l.config) ? l.config.name : isObject(l) ? l.name : undefined)));
  let name = INPUT_RESCALING;
  for (let i = 2; taken.has(name); i++) name = `${INPUT_RESCALING}_${i}`;
  return name;
}

/** Keys of a layer config that give a Sequential model its input shape. */
const INPUT_KEYS = ['batch_input_shape', 'input_shape', 'batch_size', 'input_dim', 'dtype'];

/** Functional (`Model` / `Functional`): the layer goes after the InputLayer and its consumers read it instead. */
function functional(config: Json, rescale: { scale: number; offset: number }): Json {
  const layers = Array.isArray(config.layers) ? config.layers : [];
  const inputs = Array.isArray(config.input_layers) ? config.input_layers : [];
  const input = Array.isArray(inputs[0]) && typeof inputs[0][0] === 'string' ? inputs[0][0] : null;
  const at = layers.findIndex((l) => isObject(l) && l.name === input);
  if (inputs.length !== 1 || input === null || at < 0) throw transferError('transfer.rescaleOneInput', { count: inputs.length });
  const name = freshName(layers);
  const rescaling = { class_name: 'Rescaling', name, config: { name, trainable: true, dtype: 'float32', scale: rescale.scale, offset: rescale.offset }, inbound_nodes: [[[input, 0, 0, {}]]] };
  const rewired = layers.map((l, i) => (i === at || !isObject(l) ? l : { ...l, inbound_nodes: renameRefs(l.inbound_nodes, input, name) }));
  return { ...config, layers: [...rewired.slice(0, at + 1), rescaling, ...rewired.slice(at + 1)], output_layers: renameRefs(config.output_layers, input, name) };
}

/** Sequential: the layer goes first (after an explicit InputLayer, if any) and takes over the input shape. */
function sequential(config: unknown, rescale: { scale: number; offset: number }): unknown {
  const layers: unknown[] = Array.isArray(config) ? config : isObject(config) && Array.isArray(config.layers) ? config.layers : [];
  const first = layers[0];
  if (!isObject(first) || !isObject(first.config)) throw transferError('transfer.rescaleOneInput', { count: 0 });
  const name = freshName(layers);
  const base = { name, trainable: true, scale: rescale.scale, offset: rescale.offset };
  let out: unknown[];
  if (first.class_name === 'InputLayer') {
    out = [first, { class_name: 'Rescaling', config: { ...base, dtype: 'float32' } }, ...layers.slice(1)];
  } else {
    const moved = Object.fromEntries(INPUT_KEYS.filter((k) => k in (first.config as Json)).map((k) => [k, (first.config as Json)[k]]));
    const rest = Object.fromEntries(Object.entries(first.config).filter(([k]) => !INPUT_KEYS.includes(k)));
    out = [{ class_name: 'Rescaling', config: { ...base, dtype: 'float32', ...moved } }, { ...first, config: rest }, ...layers.slice(1)];
  }
  return Array.isArray(config) ? out : { ...(config as Json), layers: out };
}

/**
 * A copy of a Keras/tfjs layers-model topology (`modelTopology` of model.json, with or without Keras'
 * `model_config` wrapper) with a `Rescaling(scale, offset)` layer between the input and the first layers.
 * Weights are untouched (the layer has none), so the weights manifest still fits.
 * @throws UserError when the model has more than one input.
 */
export function withInputRescaling(topology: unknown, rescale: { scale: number; offset: number }): unknown {
  if (!isObject(topology)) return topology;
  if (isObject(topology.model_config)) return { ...topology, model_config: withInputRescaling(topology.model_config, rescale) };
  if (topology.class_name === 'Sequential') return { ...topology, config: sequential(topology.config, rescale) };
  if (!isObject(topology.config)) return topology;
  return { ...topology, config: functional(topology.config, rescale) };
}

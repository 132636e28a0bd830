/**
 * config.json of a Keras 3 `.keras` file for a model plan: a `Sequential` or `Functional` config in
 * the layout Keras 3 writes (keras/src/saving/serialization_lib.py), so `keras.saving.load_model`
 * rebuilds the model. Arguments Keras would fill with defaults are left to it.
 */
import type { Shape } from '../arch/index';
import type { KerasModelPlan, PlannedLayer } from './kerasModel';
import { CUSTOM_PACKAGE, isKerasObject, type KerasValue } from './kerasObjects';

/** JSON as config.json holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const batchShape = (shape: Shape): Json => [null, ...shape];
const json = (v: KerasValue): Json => {
  if (isKerasObject(v)) return v.json as Json;
  return Array.isArray(v) ? (v as readonly KerasValue[]).map(json) : (v as Json);
};

function kerasTensor(layer: string, shape: Shape): Json {
  return { class_name: '__keras_tensor__', config: { shape: batchShape(shape), dtype: 'float32', keras_history: [layer, 0, 0] } };
}

function inputLayer(name: string, shape: Shape): { [key: string]: Json } {
  return {
    module: 'keras.layers', class_name: 'InputLayer',
    config: { batch_shape: batchShape(shape), dtype: 'float32', sparse: false, ragged: false, name },
    registered_name: null,
  };
}

function layerEntry(p: PlannedLayer, trainable: boolean): { [key: string]: Json } {
  const { layer } = p;
  const config: { [key: string]: Json } = { name: layer.name, trainable, dtype: 'float32' };
  for (const [k, v] of layer.args) config[k] = json(v);
  const input: Json = p.inputShapes.length === 1 ? batchShape(p.inputShapes[0]) : p.inputShapes.map(batchShape);
  return {
    module: layer.custom ? null : 'keras.layers',
    class_name: layer.className,
    config,
    registered_name: layer.custom ? `${CUSTOM_PACKAGE}>${layer.className}` : null,
    build_config: { input_shape: input },
  };
}

/** Options of {@link kerasModelConfig}. */
export interface ConfigOptions {
  /** Whether a layer trains (a frozen transfer base writes `trainable: false`); default: all train. */
  trainable?: (layer: string) => boolean;
}

/** The config.json object of `plan`. */
export function kerasModelConfig(plan: KerasModelPlan, options: ConfigOptions = {}): Json {
  const trainable = options.trainable ?? (() => true);
  const input = batchShape(plan.input.shape);
  if (plan.sequential) {
    return {
      module: 'keras', class_name: 'Sequential',
      config: { name: plan.name, trainable: true, dtype: 'float32', layers: [inputLayer(plan.input.name, plan.input.shape), ...plan.layers.map((l) => layerEntry(l, trainable(l.layer.name)))], build_input_shape: input },
      registered_name: null,
      build_config: { input_shape: input },
    };
  }
  const shapes = new Map<string, Shape>([[plan.input.name, plan.input.shape], ...plan.layers.map((l) => [l.layer.name, l.outputShape] as const)]);
  const tensor = (name: string) => kerasTensor(name, shapes.get(name) ?? []);
  const layers: Json[] = [
    { ...inputLayer(plan.input.name, plan.input.shape), name: plan.input.name, inbound_nodes: [] },
    ...plan.layers.map((l) => ({
      ...layerEntry(l, trainable(l.layer.name)),
      name: l.layer.name,
      // Add and Concatenate are called on a list of tensors; every other layer on one tensor.
      inbound_nodes: [{ args: [l.inputs.length === 1 && l.layer.className !== 'Add' && l.layer.className !== 'Concatenate' ? tensor(l.inputs[0]) : l.inputs.map(tensor)], kwargs: {} }],
    })),
  ];
  const outputs: Json = plan.outputs.length === 1 ? [plan.outputs[0], 0, 0] : plan.outputs.map((o) => [o, 0, 0]);
  return {
    module: 'keras.src.models.functional', class_name: 'Functional',
    config: { name: plan.name, trainable: true, layers, input_layers: [plan.input.name, 0, 0], output_layers: outputs },
    registered_name: 'Functional',
    build_config: { input_shape: null },
  };
}

/** metadata.json of a `.keras` file (Keras reads only config.json and the weights back). */
export function kerasMetadata(date: Date = new Date()): Json {
  const pad = (n: number) => String(n).padStart(2, '0');
  const saved = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}@${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return { keras_version: '3.15.1', date_saved: saved, saved_by: 'CNN Playground' };
}

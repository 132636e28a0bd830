/**
 * Where Keras 3 keeps each layer's weights in model.weights.h5: `layers/<snake_case class>[_k]/vars/<i>`,
 * k counting earlier layers of the same class in `model.layers` order (keras/src/saving/saving_lib.py
 * names them by class, not by layer name, so that two builds of a model match). For a functional model
 * that order is the one `map_graph` (keras/src/ops/function.py) gives: by depth from the outputs,
 * deepest first, ties in the order a depth-first walk from the outputs first meets them.
 */
import type { KerasModelPlan } from './kerasModel';

/** One layer's place in model.weights.h5. */
export interface WeightEntry {
  readonly layer: string;
  readonly className: string;
  /** The group that holds `vars/0…`, e.g. `layers/conv2d_1`. */
  readonly path: string;
  /** Variable names in storage order (`vars/0` is the first). */
  readonly weights: readonly string[];
}

/** Keras' `naming.to_snake_case`: `MaxPooling2D` → `max_pooling2d`, `InputLayer` → `input_layer`. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * A functional model's `model.layers` order, input layer included, for a graph given as each layer's
 * inputs (by name) and the outputs in order. Mirrors keras/src/ops/function.py `map_graph` for layers
 * called once.
 */
export function functionalLayerOrder(inputsOf: ReadonlyMap<string, readonly string[]>, outputs: readonly string[]): string[] {
  const index = new Map<string, number>();
  const finished = new Set<string>();
  const postOrder: string[] = [];
  const visit = (name: string): void => {
    if (finished.has(name)) return;
    if (!index.has(name)) index.set(name, index.size);
    for (const input of inputsOf.get(name) ?? []) visit(input);
    finished.add(name);
    postOrder.push(name);
  };
  outputs.forEach(visit);
  const depth = new Map<string, number>();
  for (const name of [...postOrder].reverse()) {
    const d = depth.get(name) ?? 0;
    depth.set(name, d);
    for (const input of inputsOf.get(name) ?? []) depth.set(input, Math.max(d + 1, depth.get(input) ?? 0));
  }
  return [...depth.keys()].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || (index.get(a) ?? 0) - (index.get(b) ?? 0));
}

/** `model.layers` of the plan's Keras model: Sequential lists its layers (no input layer), functional models as `map_graph` orders them. */
export function kerasLayerOrder(plan: KerasModelPlan): string[] {
  if (plan.sequential) return plan.layers.map((l) => l.layer.name);
  const inputsOf = new Map<string, readonly string[]>([[plan.input.name, []], ...plan.layers.map((l) => [l.layer.name, l.inputs] as const)]);
  return functionalLayerOrder(inputsOf, plan.outputs);
}

/** Every layer's weight group in model.weights.h5, in `model.layers` order (weightless layers included, as Keras writes them). */
export function weightLayout(plan: KerasModelPlan): WeightEntry[] {
  const byName = new Map(plan.layers.map((l) => [l.layer.name, l.layer]));
  const used = new Map<string, number>();
  return kerasLayerOrder(plan).map((name) => {
    const layer = byName.get(name);
    const className = layer?.className ?? 'InputLayer';
    const base = toSnakeCase(className);
    const seen = used.get(base);
    used.set(base, seen === undefined ? 0 : seen + 1);
    return { layer: name, className, path: `layers/${seen === undefined ? base : `${base}_${seen + 1}`}`, weights: layer?.weights ?? [] };
  });
}

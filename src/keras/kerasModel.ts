/**
 * An arch graph as a Keras model: its layers (helpers included) with their inputs and shapes, whether
 * it is a chain (Sequential) or a DAG (functional API), and its outputs. The code generator, the
 * config.json writer and the weight layout all read this one plan.
 */
import { archError, inferGraph, type ArchGraph, type BlockTag, type Shape } from '../arch/index';
import { kerasLayersOf, type KerasLayer, type PyConstant } from './kerasLayers';
import { isKerasObject } from './kerasObjects';

/** One Keras layer of the plan with the layers it reads and the shapes it sees (batch excluded). */
export interface PlannedLayer {
  readonly layer: KerasLayer;
  /** Names of the Keras layers (or the input) whose outputs it is called on, in argument order. */
  readonly inputs: readonly string[];
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  /** The arch node's block tag, for comments in the code. */
  readonly block?: BlockTag;
}

/** The whole model as Keras sees it. */
export interface KerasModelPlan {
  readonly name: string;
  /** A chain from one input to one output, written with `keras.Sequential`. */
  readonly sequential: boolean;
  readonly input: { readonly name: string; readonly shape: Shape };
  /** Every layer but the input, in graph order (a node's helpers just before it). */
  readonly layers: readonly PlannedLayer[];
  /** The output layers, the main classifier first (then GoogLeNet's auxiliaries). */
  readonly outputs: readonly string[];
  /** Loss weight of each output, in `outputs` order (1 for main, 0.3 for GoogLeNet's auxiliaries). */
  readonly lossWeights: readonly number[];
}

/** True when every node reads only the node before it and the last node is the only output. */
function isChain(graph: ArchGraph): boolean {
  const last = graph.nodes.at(-1);
  if (!last || graph.outputs.length !== 1 || graph.outputs[0].node !== last.name) return false;
  return graph.nodes.every((n, i) => (i === 0 ? n.spec.kind === 'input' && n.inputs.length === 0 : n.inputs.length === 1 && n.inputs[0] === graph.nodes[i - 1].name));
}

/**
 * Plans the Keras model of `graph`: every node's layers (see `kerasLayersOf`), shapes from `inferGraph`.
 * @throws ArchError for an impossible graph or one without exactly one input; UserError (`keras.noCounterpart`) for a kind Keras lacks.
 */
export function planKerasModel(graph: ArchGraph): KerasModelPlan {
  const info = inferGraph(graph);
  const shapes = new Map(info.layers.map((l) => [l.name, l.outputShape]));
  const inputs = graph.nodes.filter((n) => n.spec.kind === 'input');
  if (inputs.length !== 1) throw archError('arch.noInputLayer', { model: graph.name });
  const input = inputs[0];
  const layers: PlannedLayer[] = [];
  for (const node of graph.nodes) {
    if (node.spec.kind === 'input') continue;
    const parts = kerasLayersOf(node);
    let args = [...node.inputs];
    let argShapes = node.inputs.map((i) => shapes.get(i) ?? []);
    const out = shapes.get(node.name) ?? [];
    parts.forEach((layer, i) => {
      const last = i === parts.length - 1;
      // A helper's output shape: only ZeroPadding2D helpers exist, which grow H and W by their padding.
      const shape = last ? out : paddedShape(argShapes[0], layer);
      layers.push({ layer, inputs: args, inputShapes: argShapes, outputShape: shape, ...(node.block ? { block: node.block } : {}) });
      args = [layer.name];
      argShapes = [shape];
    });
  }
  return {
    name: graph.name,
    sequential: isChain(graph),
    input: { name: input.name, shape: shapes.get(input.name) ?? [] },
    layers,
    outputs: graph.outputs.map((o) => o.node),
    lossWeights: graph.outputs.map((o) => o.lossWeight),
  };
}

function paddedShape(shape: Shape, helper: KerasLayer): Shape {
  const padding = helper.args.find(([k]) => k === 'padding')?.[1] as readonly (readonly number[])[] | undefined;
  if (!padding || shape.length !== 3) return shape;
  return [shape[0] + padding[0][0] + padding[0][1], shape[1] + padding[1][0] + padding[1][1], shape[2]];
}

/**
 * The custom objects (ours) the plan uses, in first-use order: layer classes, and the functions and
 * initialisers their arguments name (`scaled_tanh`, `LeCun98Uniform`).
 */
export function customClassesOf(plan: KerasModelPlan): string[] {
  return [
    ...new Set(plan.layers.flatMap(({ layer }) => [
      ...(layer.custom ? [layer.className] : []),
      ...layer.args.flatMap(([, v]) => (isKerasObject(v) && v.uses ? [v.uses] : [])),
    ])),
  ];
}

/** The module-level constants the plan's layers name, each once, in first-use order. */
export function constantsOf(plan: KerasModelPlan): PyConstant[] {
  const seen = new Map<string, PyConstant>();
  for (const { layer } of plan.layers) for (const c of layer.constants ?? []) if (!seen.has(c.name)) seen.set(c.name, c);
  return [...seen.values()];
}

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph, LayerNode } from '../../arch/index';
import { mainOutputIndex, nodeLayers } from '../../model/index';

/** Options of {@link forwardGraph}. */
export interface ForwardOptions {
  /** Batch-norm and dropout mode (false: moving statistics, no dropout). */
  training: boolean;
  /** Node names whose outputs to return. */
  outputs: readonly string[];
  /** Adds `delta` to one node's output: ∂f/∂delta at delta = 0 is then ∂f/∂(that output), for Grad-CAM. */
  inject?: { node: string; delta: tf.Tensor };
  /** Sees the (single) input of every node of a kind before the node runs, e.g. batch-norm inputs for precise BN. */
  onInput?: { kind: LayerNode['spec']['kind']; see: (node: LayerNode, input: tf.Tensor) => void };
}

/** Names of `targets` and every node they depend on. @throws Error naming an unknown node. */
export function ancestorsOf(graph: ArchGraph, targets: readonly string[]): Set<string> {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const needed = new Set<string>();
  const stack = [...targets];
  while (stack.length) {
    const name = stack.pop() as string;
    if (needed.has(name)) continue;
    const node = byName.get(name);
    if (!node) throw new Error(`${graph.name} has no layer "${name}".`);
    needed.add(name);
    stack.push(...node.inputs);
  }
  return needed;
}

/**
 * Runs a model built by `buildModel` node by node along its arch graph, on concrete tensors, and returns
 * the outputs of the requested nodes (each [N, …node output shape]). Unlike a `tf.model` sub-model (whose
 * `dispose()` would release the live model's shared layers), this creates no layers and no variables, and
 * it can reach any intermediate node, inject a perturbation, or watch layer inputs. Only the ancestors of
 * the requested outputs are computed. Call it inside `tf.tidy` (or `tf.grad`): intermediates are not
 * disposed here. @throws Error naming a node the graph or the model lacks.
 */
export function forwardGraph(model: tfl.LayersModel, graph: ArchGraph, x: tf.Tensor4D, options: ForwardOptions): Map<string, tf.Tensor> {
  const layers = nodeLayers(model);
  const needed = ancestorsOf(graph, options.outputs);
  const values = new Map<string, tf.Tensor>();
  const kwargs = { training: options.training };
  for (const node of graph.nodes) {
    if (!needed.has(node.name)) continue;
    let out: tf.Tensor;
    if (node.spec.kind === 'input') {
      out = x;
    } else {
      const own = layers.get(node.name);
      if (!own) throw new Error(`Model "${model.name}" has no layer "${node.name}".`);
      const args = node.inputs.map((name) => values.get(name) as tf.Tensor);
      if (options.onInput && node.spec.kind === options.onInput.kind) options.onInput.see(node, args[0]);
      // Helpers (e.g. `conv1__pad`) first, then the node's own layer, exactly as buildModel wired them.
      let y: tf.Tensor | tf.Tensor[] = args.length === 1 ? args[0] : args;
      for (const layer of [...own.helpers, own.layer]) y = layer.apply(y, kwargs) as tf.Tensor | tf.Tensor[];
      out = Array.isArray(y) ? y[0] : y;
    }
    if (options.inject?.node === node.name) out = tf.add(out, options.inject.delta);
    values.set(node.name, out);
  }
  return new Map(options.outputs.map((name) => [name, values.get(name) as tf.Tensor]));
}

/** The node of the graph's main classifier output (GoogLeNet's auxiliaries are not it). */
export function mainOutputNode(graph: ArchGraph): LayerNode {
  const name = graph.outputs[mainOutputIndex(graph)]?.node;
  const node = graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`${graph.name} has no output layer.`);
  return node;
}

/**
 * The pre-softmax class scores [N, K] of the main output: a dense softmax head's logits are recomputed
 * from its input and weights (Grad-CAM differentiates the score before the softmax); any other head falls
 * back to log-probabilities. Call inside `tf.tidy` / `tf.grad`.
 */
export function classScores(model: tfl.LayersModel, graph: ArchGraph, x: tf.Tensor4D, options: Omit<ForwardOptions, 'outputs'>): tf.Tensor2D {
  const head = mainOutputNode(graph);
  if (head.spec.kind === 'dense' && head.spec.activation === 'softmax' && head.inputs.length === 1) {
    const h = forwardGraph(model, graph, x, { ...options, outputs: [head.inputs[0]] }).get(head.inputs[0]) as tf.Tensor;
    const layer = nodeLayers(model).get(head.name)?.layer;
    if (!layer) throw new Error(`Model "${model.name}" has no layer "${head.name}".`);
    const [kernel, bias] = layer.getWeights();
    const logits = tf.matMul(tf.reshape(h, [h.shape[0], -1]), kernel);
    return (bias ? tf.add(logits, bias) : logits) as tf.Tensor2D;
  }
  const p = forwardGraph(model, graph, x, { ...options, outputs: [head.name] }).get(head.name) as tf.Tensor;
  return tf.log(tf.clipByValue(p, 1e-7, 1)) as tf.Tensor2D;
}

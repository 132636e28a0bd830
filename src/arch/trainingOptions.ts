import type { ArchGraph, KernelInit, LayerNode } from './types';

/**
 * How a graph's layers start and how its batch norms average, chosen by a training recipe (not by the
 * architecture's source): they change no shape, parameter count or MAC.
 */
export interface TrainingOptions {
  /** Every conv, dense and subsampling layer's kernel initialiser; absent keeps each layer's own. */
  readonly initializer?: KernelInit;
  /**
   * Every batch norm's moving-average momentum; absent keeps Keras' 0.99. A short run (a few hundred
   * steps) needs a lower one, or the moving statistics still remember their initial 0 and 1.
   */
  readonly bnMomentum?: number;
}

function withOptions(node: LayerNode, o: TrainingOptions): LayerNode {
  const spec = node.spec;
  if ((spec.kind === 'conv2d' || spec.kind === 'dense' || spec.kind === 'tableConv2d' || spec.kind === 'subsample') && o.initializer) return { ...node, spec: { ...spec, kernelInit: o.initializer } };
  if (spec.kind === 'batchNorm' && o.bnMomentum !== undefined) return { ...node, spec: { ...spec, momentum: o.bnMomentum } };
  return node;
}

/** The same graph with the recipe's initialiser and batch-norm momentum on every layer they apply to. */
export function withTrainingOptions(graph: ArchGraph, options: TrainingOptions): ArchGraph {
  if (!options.initializer && options.bnMomentum === undefined) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => withOptions(n, options)) };
}

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
  /**
   * Start every residual block as the identity: γ = 0 on the batch norm that ends its residual branch
   * (the second input of its `add`; He et al.'s blocks add shortcut + branch). Goyal et al. 2017, §5.1.
   */
  readonly zeroInitResidual?: boolean;
}

function withOptions(node: LayerNode, o: TrainingOptions): LayerNode {
  const spec = node.spec;
  if ((spec.kind === 'conv2d' || spec.kind === 'dense' || spec.kind === 'tableConv2d' || spec.kind === 'subsample') && o.initializer) return { ...node, spec: { ...spec, kernelInit: o.initializer } };
  if (spec.kind === 'batchNorm' && o.bnMomentum !== undefined) return { ...node, spec: { ...spec, momentum: o.bnMomentum } };
  return node;
}

/** Names of the batch norms that end a residual branch: the second input of each two-input `add`. */
function residualBranchEnds(graph: ArchGraph): Set<string> {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const ends = new Set<string>();
  for (const n of graph.nodes) {
    const branch = n.spec.kind === 'add' && n.inputs.length === 2 ? byName.get(n.inputs[1]) : undefined;
    if (branch?.spec.kind === 'batchNorm') ends.add(branch.name);
  }
  return ends;
}

/** The same graph with the recipe's initialiser and batch-norm settings on every layer they apply to. */
export function withTrainingOptions(graph: ArchGraph, options: TrainingOptions): ArchGraph {
  if (!options.initializer && options.bnMomentum === undefined && !options.zeroInitResidual) return graph;
  const zeroGamma = options.zeroInitResidual ? residualBranchEnds(graph) : new Set<string>();
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const node = withOptions(n, options);
      return zeroGamma.has(node.name) && node.spec.kind === 'batchNorm' ? { ...node, spec: { ...node.spec, gammaInit: 'zeros' as const } } : node;
    }),
  };
}

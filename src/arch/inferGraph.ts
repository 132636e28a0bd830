import { inferLayer } from './layerInference';
import { ArchError, archError } from './types';
import type { ArchGraph, GraphInfo, LayerInfo, Shape } from './types';

/**
 * Infers every layer's output shape, parameters and MACs, and the totals, for one example.
 * Parameters of layers only on auxiliary outputs are included (as Keras counts a multi-output model).
 * @throws ArchError naming the first impossible layer and its shapes.
 */
export function inferGraph(graph: ArchGraph): GraphInfo {
  const shapes = new Map<string, Shape>();
  const layers: LayerInfo[] = [];
  for (const node of graph.nodes) {
    const inputShapes = node.inputs.map((input) => {
      const shape = shapes.get(input);
      if (!shape) throw archError('arch.undefinedInput', { name: node.name, input }, node.name);
      return shape;
    });
    let figures;
    try {
      figures = inferLayer(node.name, node.spec, inputShapes);
    } catch (error) {
      const input = graph.nodes[0]?.spec;
      if (error instanceof ArchError && input?.kind === 'input' && node.spec.kind !== 'input') {
        throw archError('arch.withInput', { model: graph.name, input: input.shape.join('×'), problem: error.detail }, node.name);
      }
      throw error;
    }
    shapes.set(node.name, figures.outputShape);
    layers.push({
      name: node.name,
      kind: node.spec.kind,
      inputs: node.inputs,
      outputShape: figures.outputShape,
      trainableParams: figures.trainableParams,
      nonTrainableParams: figures.nonTrainableParams,
      params: figures.trainableParams + figures.nonTrainableParams,
      macs: figures.macs,
      connections: figures.connections,
      activations: figures.outputShape.reduce((a, b) => a * b, 1),
      ...(node.block ? { block: node.block } : {}),
    });
  }
  const input = graph.nodes.find((n) => n.spec.kind === 'input');
  if (!input || input.spec.kind !== 'input') throw archError('arch.noInputLayer', { model: graph.name });
  const main = graph.outputs.find((o) => o.role === 'main') ?? graph.outputs[0];
  const sum = (pick: (l: LayerInfo) => number): number => layers.reduce((acc, l) => acc + pick(l), 0);
  const trainableParams = sum((l) => l.trainableParams);
  const nonTrainableParams = sum((l) => l.nonTrainableParams);
  return {
    name: graph.name,
    inputShape: input.spec.shape,
    outputShape: shapes.get(main.node) ?? [],
    layers,
    totalParams: trainableParams + nonTrainableParams,
    trainableParams,
    nonTrainableParams,
    macs: sum((l) => l.macs),
    connections: sum((l) => l.connections),
    activations: sum((l) => l.activations),
    ...(graph.source ? { source: graph.source } : {}),
  };
}

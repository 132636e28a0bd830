import * as tfl from '@tensorflow/tfjs-layers';
import { archError, type ArchGraph } from '../arch';
import { asSymbolic, layerSeed, layersForNode } from './nodeLayers';

/** Options of {@link buildModel}. */
export interface BuildModelOptions {
  /** Seeds every kernel initialiser, so two builds start from the same weights. */
  seed?: number;
}

/**
 * Builds a tfjs functional model from an arch graph: one layer per node, named exactly as the node
 * (helper layers, e.g. the zero padding in front of an explicitly padded conv, are `${node}__pad`).
 * Inputs: one float32 [batch, H, W, C] per input node. Outputs: in the order of `graph.outputs` (the
 * main classifier first, then GoogLeNet's auxiliaries), each [batch, …outputShape].
 * Kernels are Glorot-uniform (or U(±2.4/fan-in) where a spec says `lecun98`), biases zero (Keras
 * defaults). The caller owns the model: `model.dispose()`.
 * @throws ArchError when a node's input is not defined before it or the graph has no input.
 */
export function buildModel(graph: ArchGraph, options: BuildModelOptions = {}): tfl.LayersModel {
  const tensors = new Map<string, tfl.SymbolicTensor>();
  const inputs: tfl.SymbolicTensor[] = [];
  const lookup = (name: string, consumer: string): tfl.SymbolicTensor => {
    const t = tensors.get(name);
    if (!t) throw archError('arch.undefinedInput', { name: consumer, input: name }, consumer);
    return t;
  };
  graph.nodes.forEach((node, index) => {
    if (node.spec.kind === 'input') {
      const input = tfl.input({ shape: [...node.spec.shape], name: node.name, dtype: 'float32' });
      inputs.push(input);
      tensors.set(node.name, input);
      return;
    }
    const args = node.inputs.map((name) => lookup(name, node.name));
    // Helpers first, then the node's own layer: each feeds the next.
    const output = layersForNode(node, layerSeed(options.seed, index), args[0]?.shape).reduce<tfl.SymbolicTensor | tfl.SymbolicTensor[]>(
      (x, layer) => asSymbolic(layer.apply(x), layer.name),
      args.length === 1 ? args[0] : args,
    );
    tensors.set(node.name, asSymbolic(output, node.name));
  });
  if (inputs.length === 0) throw archError('arch.noInputLayer', { model: graph.name });
  const outputs = graph.outputs.map((o) => lookup(o.node, `output ${o.node}`));
  return tfl.model({ inputs, outputs, name: graph.name });
}

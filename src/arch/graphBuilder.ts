import { archError } from './types';
import type { ArchGraph, BlockTag, GraphOutput, LayerNode, LayerSpec, Shape } from './types';

/**
 * Builds an {@link ArchGraph} the way Keras' functional API builds a model: each call adds a layer
 * that consumes earlier nodes (by name) and returns the new node's name, the "tensor" to pass on.
 * Block functions (`convBnRelu`, `residualBlock`, …) are small functions over a builder.
 */
export class GraphBuilder {
  private readonly nodes: LayerNode[] = [];
  private readonly names = new Set<string>();
  private readonly outputs: GraphOutput[] = [];
  private blockStack: BlockTag[] = [];

  constructor(readonly name: string) {}

  /** Adds the input node. `shape` is [H, W, C]. Returns its name. */
  input(shape: Shape, name = 'input'): string {
    return this.add(name, { kind: 'input', shape }, []);
  }

  /** Adds a layer fed by `inputs` (node names); returns the new node's name. */
  add(name: string, spec: LayerSpec, inputs: readonly string[]): string {
    if (this.names.has(name)) throw archError('arch.duplicateName', { name, model: this.name }, name);
    for (const input of inputs) {
      if (!this.names.has(input)) {
        throw archError('arch.undefinedInput', { name, input }, name);
      }
    }
    const block = this.blockStack.at(-1);
    this.nodes.push(block ? { name, spec, inputs, block } : { name, spec, inputs });
    this.names.add(name);
    return name;
  }

  /** Runs `fn` with every layer it adds tagged as part of `block` (innermost tag wins). */
  inBlock<T>(block: BlockTag, fn: () => T): T {
    this.blockStack.push(block);
    try {
      return fn();
    } finally {
      this.blockStack.pop();
    }
  }

  /** Marks `node` as a graph output. The first `main` output is the classifier used at inference. */
  output(node: string, role: GraphOutput['role'] = 'main', lossWeight = 1): void {
    if (!this.names.has(node)) throw archError('arch.unknownOutput', { name: node, model: this.name }, node);
    this.outputs.push({ node, role, lossWeight });
  }

  /** Freezes the graph. Without an explicit output, the last layer is the main output. */
  build(): ArchGraph {
    if (this.nodes.length === 0) throw archError('arch.noLayers', { model: this.name });
    const outputs: GraphOutput[] =
      this.outputs.length > 0 ? [...this.outputs] : [{ node: this.nodes[this.nodes.length - 1].name, role: 'main', lossWeight: 1 }];
    return { name: this.name, nodes: [...this.nodes], outputs };
  }
}

/**
 * The architecture graph of a transfer model — the base's layers up to the cut plus the new head — so
 * the engine (shapes, memory, evaluation) and the views read it like any zoo network. Pure TypeScript:
 * it mirrors what `replaceHead` (src/model/head.ts) builds in tfjs, node for node.
 */
import { dense, inferGraph, type ArchGraph, type LayerNode } from '../../arch/index';
import { transferError } from '../../messages/index';
import type { HeadPooling } from '../../model/head';

/** The nodes a transfer head adds, in order; the last one is the new softmax. */
export interface TransferHead {
  /** `head_pool` / `head_flatten` when the cut is a feature map, absent for a vector. */
  readonly reduce: string | null;
  readonly predictions: string;
}

function freshName(wanted: string, taken: ReadonlySet<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
  return name;
}

/** Names of `cutAt` and every node it depends on (the part of the base a transfer model keeps). */
export function ancestorsOf(graph: ArchGraph, cutAt: string): Set<string> {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  if (!byName.has(cutAt)) throw transferError('transfer.noLayer', { model: graph.name, layer: cutAt });
  const kept = new Set<string>();
  const stack = [cutAt];
  while (stack.length) {
    const name = stack.pop() as string;
    if (kept.has(name)) continue;
    kept.add(name);
    stack.push(...(byName.get(name)?.inputs ?? []));
  }
  return kept;
}

/** The head nodes `replaceHead(base, cutAt, …)` adds for a cut whose output has `rank` dimensions (batch excluded). */
export function headNames(graph: ArchGraph, rank: number, pooling: HeadPooling): TransferHead {
  const taken = new Set(graph.nodes.map((n) => n.name));
  const reduce = rank === 1 ? null : freshName(rank === 3 && pooling === 'avg' ? 'head_pool' : 'head_flatten', taken);
  return { reduce, predictions: freshName('head_predictions', taken) };
}

/**
 * Base nodes up to `cutAt` (in the base's order) + `head_pool`/`head_flatten` + `head_predictions`
 * (dense, softmax, `classes` units), with one main output.
 * @throws Error when `cutAt` is not a node of `base`.
 */
export function transferGraph(base: ArchGraph, cutAt: string, classes: number, pooling: HeadPooling): { graph: ArchGraph; head: TransferHead } {
  const kept = ancestorsOf(base, cutAt);
  const cutShape = inferGraph(base).layers.find((l) => l.name === cutAt)?.outputShape ?? [];
  const head = headNames(base, cutShape.length, pooling);
  const nodes: LayerNode[] = base.nodes.filter((n) => kept.has(n.name));
  const block = { type: 'head', id: 'new_head' } as const;
  let last = cutAt;
  if (head.reduce) {
    const kind = head.reduce.startsWith('head_pool') ? 'globalAvgPool' : 'flatten';
    nodes.push({ name: head.reduce, spec: { kind }, inputs: [last], block });
    last = head.reduce;
  }
  nodes.push({ name: head.predictions, spec: dense(classes, 'softmax'), inputs: [last], block });
  return {
    graph: { name: `${base.name}_transfer`, nodes, outputs: [{ node: head.predictions, role: 'main', lossWeight: 1 }] },
    head,
  };
}

/**
 * Layers a new head can sit on: every base node after the input that is not part of the base's own
 * classifier block (its softmax and the layers only it uses are what transfer learning replaces).
 */
export function cutCandidates(base: ArchGraph): string[] {
  const outputs = new Set(base.outputs.map((o) => o.node));
  return base.nodes.filter((n) => n.spec.kind !== 'input' && !outputs.has(n.name) && n.block?.type !== 'aux').map((n) => n.name);
}

/** The usual cut: the input of the base's main softmax (its penultimate features). */
export function defaultCut(base: ArchGraph): string {
  const main = base.outputs.find((o) => o.role === 'main') ?? base.outputs[0];
  const node = base.nodes.find((n) => n.name === main?.node);
  const feeding = node?.inputs[0];
  return feeding && base.nodes.find((n) => n.name === feeding)?.spec.kind !== 'input' ? feeding : (cutCandidates(base).at(-1) ?? '');
}

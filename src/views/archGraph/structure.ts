import type { ArchGraph, LayerNode } from '../../arch/index';
import type { ShortcutKind } from './types';

/**
 * The graph read as the course draws it: a main path of items, each a single layer, a residual block
 * (branch F(x), shortcut, add), an inception module (four branches and a concat) or an auxiliary
 * classifier hanging off a layer. Grouping uses the BlockTags the zoo's block functions set, never names.
 */
export type PathItem =
  | { readonly type: 'layer'; readonly layer: string; readonly group?: string }
  | {
      readonly type: 'residual';
      readonly id: string;
      readonly kind: ShortcutKind;
      /** The layer feeding the block (where the shortcut leaves). */
      readonly input: string;
      /** F(x): the residual branch, in order, up to the add. */
      readonly branch: readonly string[];
      /** Shortcut layers (W_s conv + BN, or the zero-pad); empty for identity. */
      readonly shortcut: readonly string[];
      readonly add: string;
      /** Layers after the add inside the block (the final ReLU). */
      readonly after: readonly string[];
    }
  | {
      readonly type: 'inception';
      readonly id: string;
      readonly input: string;
      /** Four branches of layer names, in Table 1's order. */
      readonly branches: readonly (readonly string[])[];
      readonly concat: string;
    }
  | { readonly type: 'aux'; readonly id: string; readonly source: string; readonly layers: readonly string[] };

type Group = { readonly key: string; readonly nodes: LayerNode[] };

/** Splits a graph into main-path items, in topological order of each item's first layer. */
export function pathItems(graph: ArchGraph): PathItem[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const node of graph.nodes) {
    const tag = node.block;
    const grouped = tag && (tag.type === 'residual' || tag.type === 'inception' || tag.type === 'aux');
    const key = grouped ? `${tag.type}:${tag.id}` : `layer:${node.name}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, nodes: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.nodes.push(node);
  }
  return groups.flatMap((g) => toItems(g));
}

function asLayers(nodes: readonly LayerNode[]): PathItem[] {
  return nodes.map((n) => (n.block ? { type: 'layer', layer: n.name, group: n.block.id } : { type: 'layer', layer: n.name }));
}

function toItems({ key, nodes }: Group): PathItem[] {
  const tag = nodes[0].block;
  if (!tag || key.startsWith('layer:')) return asLayers(nodes);
  if (tag.type === 'aux') return [{ type: 'aux', id: tag.id, source: nodes[0].inputs[0], layers: nodes.map((n) => n.name) }];
  if (tag.type === 'inception') {
    const concat = nodes.find((n) => n.block?.branch === undefined && n.spec.kind === 'concat');
    const branches = [0, 1, 2, 3].map((i) => nodes.filter((n) => n.block?.branch === i).map((n) => n.name));
    if (!concat || branches.some((b) => b.length === 0)) return asLayers(nodes);
    return [{ type: 'inception', id: tag.id, input: nodes[0].inputs[0], branches, concat: concat.name }];
  }
  const add = nodes.find((n) => n.spec.kind === 'add' && !n.block?.onShortcut);
  const kind = nodes.find((n) => n.block?.shortcut)?.block?.shortcut;
  if (!add || !kind) return asLayers(nodes);
  const addAt = nodes.indexOf(add);
  const shortcut = nodes.filter((n) => n.block?.onShortcut).map((n) => n.name);
  const branch = nodes.slice(0, addAt).filter((n) => !n.block?.onShortcut).map((n) => n.name);
  const after = nodes.slice(addAt + 1).map((n) => n.name);
  const input = nodes.find((n) => !n.block?.onShortcut)?.inputs[0] ?? add.inputs[0];
  return [{ type: 'residual', id: tag.id, kind, input, branch, shortcut, add: add.name, after }];
}

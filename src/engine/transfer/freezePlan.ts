/**
 * What "unfreeze the last k layers/blocks" means for a given network: the base is cut into units — a
 * residual/plain/inception block as a whole, otherwise one weighted layer (conv or dense) together
 * with the weightless layers and batch norm that follow it — and the freeze modes pick units from the
 * end. Pure TypeScript over the arch graph.
 */
import type { ArchGraph, LayerKind, LayerNode } from '../../arch/index';

/** One step of the freeze control: the layers that are frozen or trained together. */
export interface FreezeUnit {
  readonly id: string;
  /** Short description for the UI, e.g. `stage2_block1 (residual block)` or `c3_conv (conv)`. */
  readonly label: string;
  readonly layers: readonly string[];
}

/** The three regimes of the course's advice, by amount of data. */
export type FreezeMode =
  | { readonly kind: 'head' }
  | { readonly kind: 'last'; readonly k: number }
  | { readonly kind: 'all' };

const WEIGHTED: ReadonlySet<LayerKind> = new Set(['conv2d', 'dense']);
const BLOCKS: ReadonlySet<string> = new Set(['residual', 'plain', 'inception', 'aux']);

function describe(node: LayerNode): string {
  const kind = node.spec.kind === 'conv2d' && node.spec.groups > 1 ? `conv, ${node.spec.groups} groups` : node.spec.kind === 'conv2d' ? 'conv' : node.spec.kind;
  return `${node.name} (${kind})`;
}

/**
 * The base's units in order, from the input to the cut. `head` lists the new head's node names, which
 * are never part of a unit (the head always trains). Weightless layers before the first weighted
 * layer join the first unit.
 */
export function freezeUnits(graph: ArchGraph, head: readonly string[]): FreezeUnit[] {
  const skip = new Set(head);
  const units: { id: string; label: string; layers: string[] }[] = [];
  let pending: string[] = [];
  for (const node of graph.nodes) {
    if (node.spec.kind === 'input' || skip.has(node.name)) continue;
    const block = node.block && BLOCKS.has(node.block.type) ? node.block : null;
    const current = units.at(-1);
    if (block && current?.id === block.id) current.layers.push(node.name);
    else if (block) units.push({ id: block.id, label: `${block.id} (${block.type} block)`, layers: [...pending, node.name] });
    else if (WEIGHTED.has(node.spec.kind)) units.push({ id: node.name, label: describe(node), layers: [...pending, node.name] });
    else if (current) current.layers.push(node.name);
    else {
      pending.push(node.name);
      continue;
    }
    pending = [];
  }
  if (pending.length) units.push({ id: pending[0], label: pending[0], layers: pending });
  return units;
}

/** The base layers a mode freezes (head layers are never frozen). `last` with k ≥ the unit count freezes nothing. */
export function frozenLayers(units: readonly FreezeUnit[], mode: FreezeMode): Set<string> {
  const keep = mode.kind === 'head' ? units.length : mode.kind === 'all' ? 0 : Math.max(0, units.length - Math.max(0, Math.floor(mode.k)));
  return new Set(units.slice(0, keep).flatMap((u) => u.layers));
}

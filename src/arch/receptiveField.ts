import { inferGraph } from './inferGraph';
import type { ArchGraph, LayerSpec, Padding, Shape } from './types';

/** Rows y0..y1 and columns x0..x1 (inclusive) of a feature map or of the input image. */
export interface Region {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

/** Padding before the first row/column on one axis, as tfjs applies it ('same': the smaller half first). */
export function padBefore(n: number, out: number, k: number, s: number, padding: Padding, axis: 'h' | 'w'): number {
  if (padding === 'valid') return 0;
  if (padding === 'same') return Math.floor(Math.max((out - 1) * s + k - n, 0) / 2);
  return axis === 'h' ? padding.top : padding.left;
}

/** A window layer's kernel, strides and padding, or null for a layer that keeps the spatial layout. */
function windowOf(spec: LayerSpec): { k: readonly [number, number]; s: readonly [number, number]; padding: Padding } | null {
  switch (spec.kind) {
    case 'conv2d':
    case 'tableConv2d':
      return { k: spec.kernel, s: spec.strides, padding: spec.padding };
    case 'maxPool':
    case 'avgPool':
      return { k: spec.pool, s: spec.strides, padding: spec.padding };
    case 'subsample':
      return { k: spec.pool, s: spec.strides, padding: 'valid' };
    case 'padShortcut':
      return { k: [1, 1], s: [spec.stride, spec.stride], padding: 'valid' };
    default:
      return null;
  }
}

function union(a: Region | undefined, b: Region): Region {
  return a ? { y0: Math.min(a.y0, b.y0), y1: Math.max(a.y1, b.y1), x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1) } : b;
}

/**
 * The receptive field of cell (y, x) of `layer`'s output on the network's input image: every input row
 * and column that can change the cell's value, following all paths (skips, inception branches) back to
 * the input, clipped to the image. Pure geometry from the graph (kernel, stride, padding of each window).
 * @throws Error when the graph has no such layer.
 */
export function receptiveField(graph: ArchGraph, layer: string, y: number, x: number): Region {
  const info = inferGraph(graph);
  const shapes = new Map<string, Shape>(info.layers.map((l) => [l.name, l.outputShape]));
  const index = graph.nodes.findIndex((n) => n.name === layer);
  if (index < 0) throw new Error(`${graph.name} has no layer "${layer}".`);
  const regions = new Map<string, Region>([[layer, { y0: y, y1: y, x0: x, x1: x }]]);
  let input: Region | undefined;
  // Nodes are in topological order: walking backwards, every consumer is done before its inputs.
  for (let i = index; i >= 0; i--) {
    const node = graph.nodes[i];
    const out = regions.get(node.name);
    if (!out) continue;
    if (node.spec.kind === 'input') {
      input = union(input, out);
      continue;
    }
    for (const name of node.inputs) {
      const inShape = shapes.get(name) ?? [];
      const outShape = shapes.get(node.name) ?? [];
      let r: Region;
      const w = windowOf(node.spec);
      if (inShape.length !== 3) r = out;
      else if (outShape.length !== 3) r = { y0: 0, y1: inShape[0] - 1, x0: 0, x1: inShape[1] - 1 };
      else if (w) {
        const ph = padBefore(inShape[0], outShape[0], w.k[0], w.s[0], w.padding, 'h');
        const pw = padBefore(inShape[1], outShape[1], w.k[1], w.s[1], w.padding, 'w');
        r = { y0: out.y0 * w.s[0] - ph, y1: out.y1 * w.s[0] - ph + w.k[0] - 1, x0: out.x0 * w.s[1] - pw, x1: out.x1 * w.s[1] - pw + w.k[1] - 1 };
      } else if (node.spec.kind === 'zeroPad') {
        const p = node.spec.padding;
        r = { y0: out.y0 - p.top, y1: out.y1 - p.top, x0: out.x0 - p.left, x1: out.x1 - p.left };
      } else r = out;
      if (inShape.length === 3) r = { y0: Math.max(0, r.y0), y1: Math.min(inShape[0] - 1, r.y1), x0: Math.max(0, r.x0), x1: Math.min(inShape[1] - 1, r.x1) };
      regions.set(name, union(regions.get(name), r));
    }
  }
  return input ?? { y0: y, y1: y, x0: x, x1: x };
}

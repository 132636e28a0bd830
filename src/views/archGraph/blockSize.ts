import { scaleLog } from 'd3-scale';
import type { GraphInfo, Shape } from '../../arch/index';
import type { NodeKind } from './types';

/** Block extents in graph units: height carries H×W, width carries channels. */
export const BLOCK = {
  minHeight: 8,
  maxHeight: 110,
  minWidth: 6,
  maxWidth: 44,
  /** Layers that keep the shape (BN, activations, dropout, LRN, padding) are thin slices. */
  slice: 4,
  /** The `add` node is a fixed marker (a circle with +), not a shaped block. */
  add: 16,
} as const;

const SLICE_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['batchNorm', 'activation', 'dropout', 'lrn', 'zeroPad', 'rescale']);

/** A vector [N] counts as 1×1×N, so dense layers are flat and as wide as their unit count says. */
export function spatialOf(shape: Shape): { area: number; channels: number } {
  if (shape.length >= 3) return { area: shape[0] * shape[1], channels: shape[2] };
  return { area: 1, channels: shape[0] ?? 1 };
}

export type BlockSizer = (kind: NodeKind, shape: Shape) => { width: number; height: number };

/**
 * Log scales fitted to one network (clamped): height ∝ log(H×W) over [1, largest H×W], width ∝
 * log(channels) over [1, most channels], so LeNet-5's shrinking maps and growing channels read at a glance.
 */
export function blockSizer(info: GraphInfo): BlockSizer {
  let maxArea = 2;
  let maxChannels = 2;
  for (const layer of info.layers) {
    const { area, channels } = spatialOf(layer.outputShape);
    maxArea = Math.max(maxArea, area);
    maxChannels = Math.max(maxChannels, channels);
  }
  const height = scaleLog().domain([1, maxArea]).range([BLOCK.minHeight, BLOCK.maxHeight]).clamp(true);
  const width = scaleLog().domain([1, maxChannels]).range([BLOCK.minWidth, BLOCK.maxWidth]).clamp(true);
  return (kind, shape) => {
    if (kind === 'add') return { width: BLOCK.add, height: BLOCK.add };
    const { area, channels } = spatialOf(shape);
    const h = height(Math.max(1, area));
    return { width: SLICE_KINDS.has(kind) ? BLOCK.slice : width(Math.max(1, channels)), height: h };
  };
}

import { scaleLinear } from 'd3-scale';

/** One part of a bar: e.g. the 1×1 reduce and the k×k conv of the bottlenecked path. */
export interface CostSegment {
  readonly id: string;
  readonly value: number;
  /** Left end and length in pixels. */
  readonly x: number;
  readonly width: number;
}

export interface CostBar {
  readonly id: string;
  readonly total: number;
  readonly segments: readonly CostSegment[];
}

/**
 * Horizontal bars on one linear scale [0, largest total] → [0, `width`] px, so the bottleneck's saving is
 * seen as a length ratio (a log scale would hide the ten-fold difference the lesson is about).
 */
export function costBars(bars: readonly { id: string; parts: readonly { id: string; value: number }[] }[], width: number): CostBar[] {
  const totals = bars.map((b) => b.parts.reduce((a, p) => a + Math.max(0, p.value), 0));
  const x = scaleLinear().domain([0, Math.max(1, ...totals)]).range([0, width]);
  return bars.map((b, i) => {
    let at = 0;
    const segments = b.parts.map((p) => {
      const segment = { id: p.id, value: p.value, x: x(at), width: x(at + Math.max(0, p.value)) - x(at) };
      at += Math.max(0, p.value);
      return segment;
    });
    return { id: b.id, total: totals[i], segments };
  });
}

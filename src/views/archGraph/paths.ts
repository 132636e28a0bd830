import type { LayoutNode } from './types';

/** Corner radius of arcs and drops, in graph units. */
const RADIUS = 6;

const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();

/**
 * Right-centre of `a` to left-centre of `b`, a straight line or an S-curve with horizontal tangents.
 * `exitX` runs the edge straight along `a`'s lane to that x first (an inception branch shorter than its
 * siblings reaches the concat without crossing their lanes).
 */
export function flowPath(a: LayoutNode, b: LayoutNode, exitX?: number): string {
  const start = a.x + a.width / 2;
  const x0 = exitX !== undefined ? Math.max(start, exitX) : start;
  const x1 = b.x - b.width / 2;
  const lead = x0 > start ? `M${r1(start)},${r1(a.y)}H${r1(x0)}` : `M${r1(x0)},${r1(a.y)}`;
  if (Math.abs(a.y - b.y) < 0.5) return `${lead}H${r1(x1)}`;
  const mid = (x0 + x1) / 2;
  return `${lead}C${r1(mid)},${r1(a.y)} ${r1(mid)},${r1(b.y)} ${r1(x1)},${r1(b.y)}`;
}

/**
 * A skip connection: up from the top of `from`, along y = `level` over the bypassed layers (through the
 * shortcut layers drawn there), down onto the top of `to` (the add). Rounded corners so it reads as an arc.
 */
export function skipPath(from: LayoutNode, to: LayoutNode, level: number): string {
  const x0 = from.x;
  const x1 = to.x;
  const y0 = from.y - from.height / 2;
  const y1 = to.y - to.height / 2;
  const r = Math.min(RADIUS, Math.abs(x1 - x0) / 2, Math.max(0, y0 - level), Math.max(0, y1 - level));
  return (
    `M${r1(x0)},${r1(y0)}V${r1(level + r)}Q${r1(x0)},${r1(level)} ${r1(x0 + r)},${r1(level)}` +
    `H${r1(x1 - r)}Q${r1(x1)},${r1(level)} ${r1(x1)},${r1(level + r)}V${r1(y1)}`
  );
}

/** From the bottom of `source` down to the left-centre of `target` (an auxiliary classifier's first layer). */
export function dropPath(source: LayoutNode, target: LayoutNode): string {
  const x0 = source.x;
  const y0 = source.y + source.height / 2;
  const x1 = target.x - target.width / 2;
  const y1 = target.y;
  if (x1 <= x0 + RADIUS) return `M${r1(x0)},${r1(y0)}L${r1(x1)},${r1(y1)}`;
  return `M${r1(x0)},${r1(y0)}V${r1(y1 - RADIUS)}Q${r1(x0)},${r1(y1)} ${r1(x0 + RADIUS)},${r1(y1)}H${r1(x1)}`;
}

/**
 * Where the main path wraps: from the right of `a` (end of a row) down to y = `turnY` (the gap above the
 * next row), back left, and down into the left of `b` (start of the next row), like a line of text.
 */
export function returnPath(a: LayoutNode, b: LayoutNode, turnY: number): string {
  const x0 = a.x + a.width / 2;
  const x1 = b.x - b.width / 2;
  const out = x0 + RADIUS * 1.5;
  const back = x1 - RADIUS * 1.5;
  return `M${r1(x0)},${r1(a.y)}H${r1(out)}V${r1(turnY)}H${r1(back)}V${r1(b.y)}H${r1(x1)}`;
}

import { skipPath } from './paths';
import type { LayoutLabel, LayoutNode, SkipArc, WrapOptions } from './types';

/** One main-path item (a layer, a residual block, an inception module) and the blocks it placed. */
export interface ItemSpan {
  /** Left edge of its first block and right edge of its last, in the unwrapped layout. */
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly string[];
}

/** The unwrapped layout's parts that move when the main path wraps. */
export interface WrapInput {
  readonly nodes: readonly LayoutNode[];
  readonly skips: readonly SkipArc[];
  readonly labels: readonly LayoutLabel[];
  /** For each label, the block whose row it moves with. */
  readonly labelNear: readonly string[];
  /** Last layer of an inception branch → the x its lane ends at. */
  readonly laneExits: ReadonlyMap<string, number>;
  readonly spans: readonly ItemSpan[];
  /** Auxiliary classifier block → the main-path block it hangs off (it moves with that block's row). */
  readonly auxSource: ReadonlyMap<string, string>;
  /** Lowest edge of the main path's blocks (y), where the labels hang. */
  readonly mainBottom: number;
  /** The gap between consecutive blocks (SPACING.gap). */
  readonly gap: number;
}

export interface Wrapped {
  readonly nodes: LayoutNode[];
  readonly skips: SkipArc[];
  readonly labels: LayoutLabel[];
  readonly laneExits: Map<string, number>;
  readonly rows: number;
  /** For an edge whose ends lie on different rows, the y of the line it returns along; null on one row. */
  readonly turnY: (from: LayoutNode, to: LayoutNode) => number | null;
}

/**
 * Cuts the main path into `wrap.rows` rows of about equal length, like lines of text: each item goes to the
 * row its middle falls in (a residual block or inception module never splits), every row starts at the
 * left, and rows are stacked one pitch apart (the tallest row's extent plus the room for labels). A skip arc
 * whose input is the last block of the row above rises from the start of its own row, where the path
 * comes back in. Pure and linear in the number of blocks.
 */
export function wrapRows(input: WrapInput, wrap: WrapOptions): Wrapped {
  const { spans, gap } = input;
  const x0 = spans[0].start;
  const total = Math.max(1, spans[spans.length - 1].end - x0);
  const rowOf = new Map<string, number>();
  const rowStart: number[] = [];
  for (const span of spans) {
    const middle = (span.start + span.end) / 2 - x0;
    // Rows only grow: an item never lands on a row above the one before it.
    const row = Math.max(rowStart.length - 1, Math.min(wrap.rows - 1, Math.floor((middle / total) * wrap.rows)));
    while (rowStart.length <= row) rowStart.push(span.start);
    for (const id of span.nodes) rowOf.set(id, row);
  }
  for (const [aux, source] of input.auxSource) rowOf.set(aux, rowOf.get(source) ?? 0);

  const top = Math.min(0, ...input.nodes.map((n) => n.y - n.height / 2), ...input.skips.map((s) => s.top));
  const bottom = Math.max(0, ...input.nodes.map((n) => n.y + n.height / 2), ...input.labels.map((l) => l.y + 4));
  const pitch = Math.max(bottom - top + 2 * gap, input.mainBottom - top + wrap.rowGap);
  const dx = (row: number) => x0 - rowStart[row];
  const dy = (row: number) => row * pitch;
  const rowOfId = (id: string) => rowOf.get(id) ?? 0;

  const nodes = input.nodes.map((n) => {
    const r = rowOfId(n.id);
    return { ...n, x: n.x + dx(r), y: n.y + dy(r) };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const skips = input.skips.map((s) => {
    const to = byId.get(s.to) as LayoutNode;
    const row = rowOfId(s.to);
    const fromOwn = byId.get(s.from) as LayoutNode;
    // The block's input ends the row above: the arc rises where the path comes back in.
    const from: LayoutNode = rowOfId(s.from) === row ? fromOwn : { ...fromOwn, x: x0 - gap / 2, y: dy(row), height: 0, width: 0 };
    const level = s.top + dy(row);
    return { ...s, x0: from.x, x1: to.x, top: level, d: skipPath(from, to, level) };
  });
  const labels = input.labels.map((l, i) => {
    const r = rowOfId(input.labelNear[i] ?? '');
    const room = l.above ? {} : { room: pitch + top - input.mainBottom - gap / 2 };
    return { ...l, x: l.x + dx(r), y: l.y + dy(r), ...(l.anchorY !== undefined ? { anchorY: l.anchorY + dy(r), ...room } : {}) };
  });
  const laneExits = new Map([...input.laneExits].map(([id, x]) => [id, x + dx(rowOfId(id))]));
  return {
    nodes, skips, labels, laneExits, rows: rowStart.length,
    turnY: (from, to) => {
      const a = rowOfId(from.id);
      const b = rowOfId(to.id);
      return a === b ? null : dy(Math.max(a, b)) + top - gap / 2;
    },
  };
}

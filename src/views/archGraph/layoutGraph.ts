import { formatShape, type ArchGraph, type GraphInfo, type LayerInfo } from '../../arch/index';
import { kerasTypeName } from '../../arch/summary';
import { blockSizer, spatialOf } from './blockSize';
import { dropPath, flowPath, returnPath, skipPath } from './paths';
import { pathItems, type PathItem } from './structure';
import type { Box, GraphLayout, InceptionBranch, LayoutEdge, LayoutLabel, LayoutNode, ModuleLayout, NodeKind, NodeRole, SkipArc, WrapOptions } from './types';
import { wrapRows, type ItemSpan } from './wrapRows';

/** Spacing, in graph units. */
export const SPACING = {
  /** Between consecutive blocks of a path. */
  gap: 10,
  /** Horizontal room for an inception module's fan-out and fan-in. */
  fan: 30,
  /** Vertical room between inception lanes, and for a branch's label line. */
  laneGap: 8,
  laneLabel: 14,
  /** Lanes are at least this long, so a branch's label line fits above it. */
  laneMin: 128,
  /** Clearance between the tallest bypassed block and its skip arc. */
  arcClearance: 12,
  /** Distance from the main path's lowest block to the auxiliary classifiers' row. */
  auxDrop: 56,
  margin: 24,
} as const;

/**
 * Extra width of a collapsed inception module (it stands for four parallel branches), enough that
 * GoogLeNet's two auxiliary classifiers (off 4a and 4d, three modules apart) fit side by side in one row.
 */
const COLLAPSED_EXTRA = 48;

/** Above this many labelled layers (or with skip arcs), residual blocks and inception modules are named instead of layers. */
const MAX_LAYER_LABELS = 40;

export interface LayoutOptions {
  /** Inception module ids (e.g. `inception_3a`) drawn as their four branches; the rest are one block. */
  readonly expanded?: ReadonlySet<string>;
  /** Wrap the main path into rows (see planWrap); one row when absent. */
  readonly wrap?: WrapOptions;
}

/** "inception_3a" → "3a", for labels and buttons. */
export function moduleShortName(id: string): string {
  return id.replace(/^inception_/, '');
}

/**
 * Places every layer of a network: the main path left → right at y = 0, each residual block's shortcut as
 * an arc over exactly its branch F(x) (W_s or the zero-pad on the arc), inception modules collapsed
 * (one block) or expanded (four lanes joining at one concat), auxiliary classifiers in a row below.
 * Linear in the number of layers, so ResNet-152 (≈ 570 layers) lays out in a few milliseconds.
 */
export function layoutArchGraph(graph: ArchGraph, info: GraphInfo, options: LayoutOptions = {}): GraphLayout {
  const expanded = options.expanded ?? new Set<string>();
  const size = blockSizer(info);
  const infoOf = new Map<string, LayerInfo>(info.layers.map((l) => [l.name, l]));
  const nodes: LayoutNode[] = [];
  const byId = new Map<string, LayoutNode>();
  const blockOf = new Map<string, string>();
  const skips: SkipArc[] = [];
  const modules: ModuleLayout[] = [];
  const labels: LayoutLabel[] = [];
  const hiddenEdges = new Set<string>();
  /** Last layer of an inception branch → the x where its lane ends (its edge to the concat leaves from there). */
  const laneExits = new Map<string, number>();
  /** A block's name under the path; `node` is the block whose output it describes (and whose row it joins). */
  const groupLabels: { text: string; x: number; node: string }[] = [];
  /** For each label, the block whose row it moves with when the path wraps. */
  const labelNear: string[] = [];
  const spans: ItemSpan[] = [];
  /** Auxiliary classifier block → the main-path block it hangs off. */
  const auxSource = new Map<string, string>();
  const items = pathItems(graph);
  let cursor = -SPACING.gap;

  const layerInfo = (name: string): LayerInfo => {
    const l = infoOf.get(name);
    if (!l) throw new Error(`layoutArchGraph: no inference for layer "${name}".`);
    return l;
  };
  const sizeOf = (kind: NodeKind, layers: readonly string[]) => size(kind, layerInfo(layers[layers.length - 1]).outputShape);
  const specOf = new Map(graph.nodes.map((n) => [n.name, n]));
  /** A table convolution's table as [output map][input map] booleans (its input's channels from inference). */
  const tableOf = (layer: string): LayoutNode['connectionTable'] => {
    const node = specOf.get(layer);
    if (node?.spec.kind !== 'tableConv2d') return undefined;
    const channels = infoOf.get(node.inputs[0])?.outputShape[2] ?? 0;
    return node.spec.table.map((row) => Array.from({ length: channels }, (_, c) => row.includes(c)));
  };
  const place = (id: string, layers: readonly string[], kind: NodeKind, role: NodeRole, x: number, y: number, group?: string, widthBoost = 0): LayoutNode => {
    const figures = layers.map(layerInfo);
    const { width, height } = sizeOf(kind, layers);
    const connectionTable = layers.length === 1 ? tableOf(layers[0]) : undefined;
    const node: LayoutNode = {
      id, layers, kind, role, x, y, width: width + widthBoost, height,
      shape: figures[figures.length - 1].outputShape,
      params: figures.reduce((a, l) => a + l.params, 0),
      macs: figures.reduce((a, l) => a + l.macs, 0),
      ...(group ? { group } : {}),
      ...(connectionTable ? { connectionTable } : {}),
    };
    nodes.push(node);
    byId.set(id, node);
    for (const l of layers) blockOf.set(l, id);
    return node;
  };
  /** Places a block at the head of the main path (y = 0) and advances the cursor past it. */
  const appendMain = (id: string, layers: readonly string[], kind: NodeKind, group?: string, widthBoost = 0): LayoutNode => {
    const width = sizeOf(kind, layers).width + widthBoost;
    const node = place(id, layers, kind, 'main', cursor + SPACING.gap + width / 2, 0, group, widthBoost);
    cursor += SPACING.gap + width;
    return node;
  };
  const nodeOf = (layer: string): LayoutNode => byId.get(blockOf.get(layer) ?? '') as LayoutNode;

  const auxItems: Extract<PathItem, { type: 'aux' }>[] = [];
  for (const item of items) {
    if (item.type === 'aux') {
      auxItems.push(item);
      continue;
    }
    const first = nodes.length;
    const start = cursor + SPACING.gap;
    if (item.type === 'layer') appendMain(item.layer, [item.layer], layerInfo(item.layer).kind, item.group);
    else if (item.type === 'residual') placeResidual(item);
    else placeInception(item);
    spans.push({ start, end: cursor, nodes: nodes.slice(first).map((n) => n.id) });
  }
  const mainBottom = Math.max(0, ...nodes.map((n) => n.y + n.height / 2));
  placeAux(mainBottom);
  labelGraph(mainBottom);

  function placeResidual(item: Extract<PathItem, { type: 'residual' }>): void {
    const from = nodeOf(item.input);
    const start = cursor;
    const bypassed = item.branch.map((l) => appendMain(l, [l], layerInfo(l).kind, item.id));
    const add = appendMain(item.add, [item.add], 'add', item.id);
    for (const l of item.after) appendMain(l, [l], layerInfo(l).kind, item.id);
    const onArcSizes = item.shortcut.map((l) => sizeOf(layerInfo(l).kind, [l]));
    const tallestOnArc = Math.max(0, ...onArcSizes.map((s) => s.height));
    const clear = Math.min(...[from, ...bypassed, add].map((n) => n.y - n.height / 2)) - SPACING.arcClearance;
    const level = clear - tallestOnArc / 2;
    const total = onArcSizes.reduce((a, s) => a + s.width, 0) + SPACING.gap * Math.max(0, onArcSizes.length - 1);
    let x = (from.x + add.x) / 2 - total / 2;
    item.shortcut.forEach((l, i) => {
      place(l, [l], layerInfo(l).kind, 'shortcut', x + onArcSizes[i].width / 2, level, item.id);
      x += onArcSizes[i].width + SPACING.gap;
    });
    // The arc replaces the shortcut's own edges: input → (W_s → BN | pad) → add.
    const shortcutChain = [item.input, ...item.shortcut, item.add];
    for (let i = 1; i < shortcutChain.length; i++) hiddenEdges.add(`${shortcutChain[i - 1]}>${shortcutChain[i]}`);
    skips.push({
      block: item.id, kind: item.kind, from: from.id, to: add.id, bypassed: item.branch, onArc: item.shortcut,
      x0: from.x, x1: add.x, top: level, d: skipPath(from, add, level),
    });
    groupLabels.push({ text: item.id, x: (start + cursor) / 2 + SPACING.gap / 2, node: nodes[nodes.length - 1].id });
  }

  function placeInception(item: Extract<PathItem, { type: 'inception' }>): void {
    const layers = [...item.branches.flat(), item.concat];
    if (!expanded.has(item.id)) {
      const node = appendMain(item.id, layers, 'inception', item.id, COLLAPSED_EXTRA);
      groupLabels.push({ text: moduleShortName(item.id), x: node.x, node: node.id });
      modules.push({ id: item.id, expanded: false, branches: [] });
      return;
    }
    const sizes = item.branches.map((b) => b.map((l) => sizeOf(layerInfo(l).kind, [l])));
    const laneHeights = sizes.map((s) => Math.max(...s.map((z) => z.height)) + SPACING.laneLabel);
    const total = laneHeights.reduce((a, h) => a + h, 0) + SPACING.laneGap * (laneHeights.length - 1);
    const x0 = cursor + SPACING.fan;
    let top = -total / 2;
    let laneEnd = x0;
    const lanes = item.branches.map((branch, i) => {
      const y = top + SPACING.laneLabel + (laneHeights[i] - SPACING.laneLabel) / 2;
      let x = x0;
      const placed = branch.map((l, j) => {
        const node = place(l, [l], layerInfo(l).kind, 'branch', x + sizes[i][j].width / 2, y, item.id);
        x += sizes[i][j].width + SPACING.gap;
        return node;
      });
      laneEnd = Math.max(laneEnd, x - SPACING.gap);
      const box: Box = { x: x0 - 4, y: top, width: 0, height: laneHeights[i] };
      top += laneHeights[i] + SPACING.laneGap;
      return { branch, placed, box };
    });
    laneEnd = Math.max(laneEnd, x0 + SPACING.laneMin);
    cursor = laneEnd + SPACING.fan - SPACING.gap;
    const concat = appendMain(item.concat, [item.concat], 'concat', item.id);
    const branches: InceptionBranch[] = lanes.map(({ branch, box }, index) => {
      laneExits.set(branch[branch.length - 1], laneEnd);
      const figures = branch.map(layerInfo);
      return {
        module: item.id, index, layers: branch, concat: concat.id,
        outChannels: spatialOf(figures[figures.length - 1].outputShape).channels,
        macs: figures.reduce((a, l) => a + l.macs, 0),
        params: figures.reduce((a, l) => a + l.params, 0),
        box: { ...box, width: laneEnd - x0 + 8 },
      };
    });
    modules.push({ id: item.id, expanded: true, branches });
    groupLabels.push({ text: moduleShortName(item.id), x: (x0 + concat.x) / 2, node: concat.id });
  }

  function placeAux(below: number): void {
    const laneEnds: number[] = [];
    const rowHeight = Math.max(0, ...auxItems.flatMap((a) => a.layers.map((l) => sizeOf(layerInfo(l).kind, [l]).height)));
    for (const item of auxItems) {
      const source = nodeOf(item.source);
      const start = source.x + 2 * SPACING.gap;
      // A row may share a lane only if it ends before this one's drop line (at source.x) comes down.
      let lane = laneEnds.findIndex((end) => end + SPACING.gap < source.x);
      if (lane < 0) lane = laneEnds.length;
      const y = below + SPACING.auxDrop + rowHeight / 2 + lane * (rowHeight + SPACING.auxDrop);
      let x = start;
      for (const l of item.layers) {
        const { width } = sizeOf(layerInfo(l).kind, [l]);
        place(l, [l], layerInfo(l).kind, 'aux', x + width / 2, y, item.id);
        auxSource.set(l, source.id);
        x += width + SPACING.gap;
      }
      laneEnds[lane] = x - SPACING.gap;
      labels.push({ x: (start + x - SPACING.gap) / 2, y: y - rowHeight / 2 - 6, text: item.id, anchorY: y - rowHeight / 2, above: true, rank: 0 });
      labelNear.push(source.id);
    }
  }

  /**
   * Names under the main path, each with its output shape (and layer kind): every layer of a short plain
   * network; the residual blocks and inception modules of a long one; every layer of a long plain stack,
   * its shape changes ranked first (the screen shows what has room).
   */
  function labelGraph(bottom: number): void {
    const named = nodes.filter((n) => n.role === 'main' && n.width > 4 && n.kind !== 'add');
    const entries: { text: string; x: number; node: LayoutNode; detail: string }[] = [];
    if ((named.length <= MAX_LAYER_LABELS && skips.length === 0) || groupLabels.length === 0) {
      // A module's concat is named after the module.
      const text = (n: LayoutNode) => (n.kind === 'concat' && n.group ? `${moduleShortName(n.group)} concat` : n.kind === 'inception' ? moduleShortName(n.id) : n.id);
      for (const n of named) entries.push({ text: text(n), x: n.x, node: n, detail: `${n.kind === 'inception' ? 'Inception' : kerasTypeName(n.kind)} ${formatShape(n.shape)}` });
    } else {
      for (const g of groupLabels) {
        const node = byId.get(g.node) as LayoutNode;
        entries.push({ text: g.text, x: g.x, node, detail: formatShape(node.shape) });
      }
    }
    entries.forEach((e, i) => {
      const shape = formatShape(e.node.shape);
      const changes = i === 0 || i === entries.length - 1 || shape !== formatShape(entries[i - 1].node.shape);
      labels.push({ x: e.x, y: bottom + 14 + (i % 2) * 12, text: e.text, detail: e.detail, anchorY: bottom, rank: changes ? 0 : 1 });
      labelNear.push(e.node.id);
    });
  }

  const wrapped = options.wrap && options.wrap.rows > 1 && spans.length > 1
    ? wrapRows({ nodes, skips, labels, labelNear, laneExits, spans, auxSource, mainBottom, gap: SPACING.gap }, options.wrap)
    : null;
  const placed = wrapped?.nodes ?? nodes;
  const placedById = wrapped ? new Map(placed.map((n) => [n.id, n])) : byId;
  const placedOf = (layer: string): LayoutNode => placedById.get(blockOf.get(layer) ?? '') as LayoutNode;
  const edges = graphEdges(graph, placedOf, hiddenEdges, wrapped?.laneExits ?? laneExits, wrapped?.turnY);
  const finalSkips = wrapped?.skips ?? skips;
  const finalLabels = wrapped?.labels ?? labels;
  return {
    nodes: placed, edges, skips: finalSkips, modules, labels: finalLabels, rows: wrapped?.rows ?? 1,
    bounds: boundsOf(placed, finalSkips, finalLabels), blockOf,
  };
}

/** One edge per pair of drawn blocks an arch edge joins, except those the skip arcs draw. */
function graphEdges(
  graph: ArchGraph,
  nodeOf: (layer: string) => LayoutNode,
  hidden: ReadonlySet<string>,
  laneExits: ReadonlyMap<string, number>,
  /** Where the path wraps: the y of the line an edge runs back along from `from`'s row to `to`'s, if they differ. */
  turnY?: (from: LayoutNode, to: LayoutNode) => number | null,
): LayoutEdge[] {
  const seen = new Set<string>();
  const edges: LayoutEdge[] = [];
  for (const layer of graph.nodes) {
    const to = nodeOf(layer.name);
    for (const input of layer.inputs) {
      const from = nodeOf(input);
      const key = `${from.id}>${to.id}`;
      if (from.id === to.id || seen.has(key) || hidden.has(`${input}>${layer.name}`)) continue;
      seen.add(key);
      const kind = to.role === 'aux' && from.role !== 'aux' ? 'aux' : from.role === 'branch' || to.role === 'branch' ? 'branch' : 'flow';
      const turn = kind === 'aux' ? null : (turnY?.(from, to) ?? null);
      const d = kind === 'aux' ? dropPath(from, to) : turn !== null ? returnPath(from, to, turn) : flowPath(from, to, laneExits.get(from.id));
      edges.push({ from: from.id, to: to.id, kind, d });
    }
  }
  return edges;
}

function boundsOf(nodes: readonly LayoutNode[], skips: readonly SkipArc[], labels: readonly LayoutLabel[]): Box {
  const xs = nodes.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]).concat(labels.flatMap((l) => [l.x - 40, l.x + 40]));
  const ys = nodes.flatMap((n) => [n.y - n.height / 2, n.y + n.height / 2]).concat(skips.map((s) => s.top), labels.map((l) => l.y + 4));
  const m = SPACING.margin;
  const x0 = Math.min(...xs) - m;
  const y0 = Math.min(...ys) - m;
  return { x: x0, y: y0, width: Math.max(...xs) + m - x0, height: Math.max(...ys) + m - y0 };
}

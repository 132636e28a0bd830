import { describe, expect, it } from 'vitest';
import { ARCH_IDS, buildArch, inferGraph } from '../../arch/index';
import { layoutArchGraph } from './layoutGraph';
import { placeLabels } from './labelPlacement';
import type { GraphLayout, LayoutNode } from './types';
import { planWrap } from './wrapPlan';
import { fitTransform } from './zoomMath';

function build(id: string, options = {}) {
  const graph = buildArch(id, options);
  return { graph, info: inferGraph(graph) };
}

const overlaps = (a: LayoutNode, b: LayoutNode): boolean =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

/** The main path's blocks row by row (rows sit at y = 0, pitch, 2·pitch …), each row left → right. */
function mainRows(l: GraphLayout): LayoutNode[][] {
  const byY = new Map<number, LayoutNode[]>();
  for (const n of l.nodes.filter((m) => m.role === 'main')) byY.set(n.y, [...(byY.get(n.y) ?? []), n]);
  return [...byY.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row.sort((a, b) => a.x - b.x));
}

describe('wrapping the main path into rows', () => {
  it('ResNet-152 in three rows: every block once, rows in order and clear of each other, arcs on their own row', () => {
    const { graph, info } = build('resnet152');
    const flat = layoutArchGraph(graph, info);
    const l = layoutArchGraph(graph, info, { wrap: { rows: 3, rowGap: 120 } });
    expect(l.rows).toBe(3);
    expect(l.nodes).toHaveLength(flat.nodes.length);
    expect(l.skips).toHaveLength(50);
    expect(l.bounds.width).toBeLessThan(flat.bounds.width / 2.5);
    const rows = mainRows(l);
    expect(rows).toHaveLength(3);
    // Like text: every row starts at the left, and reading the rows in turn gives the path's order.
    const order = flat.nodes.filter((n) => n.role === 'main').sort((a, b) => a.x - b.x).map((n) => n.id);
    expect(rows.flat().map((n) => n.id)).toEqual(order);
    for (const row of rows) {
      expect(Math.abs(row[0].x - row[0].width / 2 - rows[0][0].x + rows[0][0].width / 2)).toBeLessThan(1e-9);
      for (let i = 1; i < row.length; i++) expect(row[i].x - row[i].width / 2).toBeGreaterThan(row[i - 1].x + row[i - 1].width / 2);
    }
    for (let i = 0; i < l.nodes.length; i++) {
      for (let j = i + 1; j < l.nodes.length; j++) if (overlaps(l.nodes[i], l.nodes[j])) throw new Error(`${l.nodes[i].id} overlaps ${l.nodes[j].id}`);
    }
    // A row's arcs stay below the row above it; each arc lands on its own block's add.
    const byId = new Map(l.nodes.map((n) => [n.id, n]));
    for (const s of l.skips) {
      const add = byId.get(s.to) as LayoutNode;
      expect(s.x0).toBeLessThan(s.x1);
      expect(s.x1).toBe(add.x);
      expect(s.top).toBeLessThan(add.y);
      expect(s.d).not.toMatch(/NaN|Infinity/);
    }
    // Exactly one edge per row break runs back to the next row's start.
    const returns = l.edges.filter((e) => byId.get(e.from)?.y !== byId.get(e.to)?.y && e.kind === 'flow');
    expect(returns).toHaveLength(2);
    for (const e of l.edges) expect(e.d).not.toMatch(/NaN|Infinity/);
  });

  it('GoogLeNet with its auxiliary classifiers: each classifier hangs under its own row', () => {
    const { graph, info } = build('googlenet', { aux: true });
    const l = layoutArchGraph(graph, info, { wrap: { rows: 2, rowGap: 60 } });
    const byId = new Map(l.nodes.map((n) => [n.id, n]));
    for (const [aux, source] of [['aux1_avgpool', 'inception_4a'], ['aux2_avgpool', 'inception_4d']]) {
      const a = byId.get(aux) as LayoutNode;
      const s = byId.get(source) as LayoutNode;
      expect(a.y).toBeGreaterThan(s.y);
      const below = l.nodes.filter((n) => n.role === 'main' && n.y > s.y);
      for (const n of below) expect(a.y + a.height / 2).toBeLessThan(n.y - n.height / 2);
    }
  });

  it('Fit shows every zoo network whole in the 1280×800 workspace (594×240 px), labels on screen clear of each other', () => {
    const view = { width: 594, height: 240 };
    for (const id of ARCH_IDS) {
      const { graph, info } = build(id);
      const flat = layoutArchGraph(graph, info);
      const wrap = planWrap(flat.bounds, view);
      const l = wrap ? layoutArchGraph(graph, info, { wrap }) : flat;
      const t = fitTransform(l.bounds, view.width, view.height);
      // Whole: the bounds (every mark, with its margin) inside the view.
      expect(l.bounds.x * t.k + t.x, id).toBeGreaterThanOrEqual(-1e-6);
      expect((l.bounds.x + l.bounds.width) * t.k + t.x, id).toBeLessThanOrEqual(view.width + 1e-6);
      expect(l.bounds.y * t.k + t.y, id).toBeGreaterThanOrEqual(-1e-6);
      expect((l.bounds.y + l.bounds.height) * t.k + t.y, id).toBeLessThanOrEqual(view.height + 1e-6);
      const shown = placeLabels(l.labels, t, view.width, view.height);
      expect(shown.length, id).toBeGreaterThanOrEqual(Math.min(3, l.labels.length));
      for (let i = 0; i < shown.length; i++) {
        const a = shown[i];
        expect(a.x - a.width / 2).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width / 2).toBeLessThanOrEqual(view.width);
        for (const b of shown.slice(i + 1)) {
          const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || a.top + a.height <= b.top || b.top + b.height <= a.top;
          expect(apart, `${id}: labels ${a.index} and ${b.index}`).toBe(true);
        }
      }
    }
  });

  it('one row where one row shows the network largest (LeNet-5, VGG-16); rows where they do (ResNet-50)', () => {
    const view = { width: 594, height: 240 };
    for (const id of ['lenet5', 'vgg16']) {
      const { graph, info } = build(id);
      expect(planWrap(layoutArchGraph(graph, info).bounds, view), id).toBeUndefined();
    }
    const { graph, info } = build('resnet50');
    const flat = layoutArchGraph(graph, info);
    const wrap = planWrap(flat.bounds, view);
    expect(wrap?.rows).toBeGreaterThanOrEqual(2);
    const wrapped = layoutArchGraph(graph, info, wrap ? { wrap } : {});
    const k = (b: GraphLayout['bounds']) => Math.min(view.width / b.width, view.height / b.height);
    expect(k(wrapped.bounds)).toBeGreaterThan(1.5 * k(flat.bounds));
  });
});

describe('on-screen labels', () => {
  const label = (x: number, text: string, rank = 0) => ({ x, y: 20, text, detail: 'Conv2D 28×28×6', anchorY: 10, rank });
  it('shows a label only whole inside the view and clear of those before it; rank 0 first', () => {
    const t = { k: 1, x: 0, y: 0 };
    const labels = [label(50, 'a_conv', 1), label(60, 'b_conv', 0), label(58, 'c_conv', 1), label(900, 'far')];
    const shown = placeLabels(labels, t, 400, 200);
    expect(shown.map((s) => s.index)).toEqual([1, 0]);
    // The second competitor drops to the second line; the third finds no room; the far one is off screen.
    expect(shown[1].top).toBeGreaterThan(shown[0].top);
  });
  it('keeps to the room its row leaves', () => {
    const t = { k: 1, x: 0, y: 0 };
    const cramped = [{ ...label(100, 'x'), room: 12 }];
    expect(placeLabels(cramped, t, 400, 200)).toHaveLength(0);
    expect(placeLabels([{ ...label(100, 'x'), room: 40 }], t, 400, 200)).toHaveLength(1);
  });
});

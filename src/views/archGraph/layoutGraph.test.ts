import { describe, expect, it } from 'vitest';
import { ARCH_IDS, buildArch, inferGraph, type ArchOptions } from '../../arch/index';
import { layoutArchGraph, type LayoutOptions } from './layoutGraph';
import type { GraphLayout, LayoutNode } from './types';

function layout(id: string, options: ArchOptions = {}, layoutOptions: LayoutOptions = {}) {
  const graph = buildArch(id, options);
  const info = inferGraph(graph);
  return { graph, info, layout: layoutArchGraph(graph, info, layoutOptions) };
}

const overlaps = (a: LayoutNode, b: LayoutNode): boolean =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

function expectWellPlaced(graph: ReturnType<typeof buildArch>, l: GraphLayout): void {
  // Every layer is drawn by exactly one block, and every block stands for the layers it says.
  expect([...l.blockOf.keys()].sort()).toEqual(graph.nodes.map((n) => n.name).sort());
  expect(l.nodes.flatMap((n) => n.layers).sort()).toEqual(graph.nodes.map((n) => n.name).sort());
  for (const n of l.nodes) {
    for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isFinite(v)).toBe(true);
    expect(n.width).toBeGreaterThan(0);
    expect(n.height).toBeGreaterThan(0);
  }
  const main = l.nodes.filter((n) => n.role === 'main').sort((a, b) => a.x - b.x);
  for (let i = 1; i < main.length; i++) expect(main[i].x - main[i].width / 2).toBeGreaterThan(main[i - 1].x + main[i - 1].width / 2);
  for (let i = 0; i < l.nodes.length; i++) {
    for (let j = i + 1; j < l.nodes.length; j++) {
      if (overlaps(l.nodes[i], l.nodes[j])) throw new Error(`${l.nodes[i].id} overlaps ${l.nodes[j].id}`);
    }
  }
  for (const e of l.edges) expect(e.d).not.toMatch(/NaN|Infinity/);
  for (const s of l.skips) expect(s.d).not.toMatch(/NaN|Infinity/);
  for (const v of [l.bounds.x, l.bounds.y, l.bounds.width, l.bounds.height]) expect(Number.isFinite(v)).toBe(true);
}

/** The main-path layers whose centres lie strictly between the arc's ends, the add excluded. */
function under(l: GraphLayout, skip: GraphLayout['skips'][number]): string[] {
  return l.nodes
    .filter((n) => n.role === 'main' && n.x > skip.x0 && n.x < skip.x1 && n.id !== skip.to)
    .sort((a, b) => a.x - b.x)
    .map((n) => n.id);
}

describe('layoutArchGraph places every layer of every zoo network', () => {
  it.each(ARCH_IDS.map((id) => [id]))('%s', (id) => {
    const { graph, layout: l } = layout(id);
    expectWellPlaced(graph, l);
  });

  it('GoogLeNet with auxiliaries and every module expanded', () => {
    const ids = layout('googlenet').layout.modules.map((m) => m.id);
    const { graph, layout: l } = layout('googlenet', { aux: true }, { expanded: new Set(ids) });
    expect(l.modules.filter((m) => m.expanded && m.branches.length === 4)).toHaveLength(9);
    expectWellPlaced(graph, l);
  });

  it('ResNet-152 (517 layers) in well under a frame budget per layout', () => {
    const { graph, info } = layout('resnet152');
    const t0 = performance.now();
    const l = layoutArchGraph(graph, info);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(l.nodes).toHaveLength(graph.nodes.length);
    expect(l.skips).toHaveLength(3 + 8 + 36 + 3);
  });
});

describe('residual shortcuts are arcs over exactly the block they bypass', () => {
  it('ResNet-20: 9 skip arcs, zero-pad only where the stage changes', () => {
    const { graph, layout: l } = layout('resnet20');
    expect(l.skips).toHaveLength(9);
    expect(l.skips.filter((s) => s.kind === 'zero-pad').map((s) => s.block)).toEqual(['stage2_block1', 'stage3_block1']);
    expect(l.skips.filter((s) => s.kind === 'identity')).toHaveLength(7);
    for (const s of l.skips) {
      const branch = graph.nodes.filter((n) => n.block?.id === s.block && !n.block.onShortcut && n.name < `${s.block}_add`);
      expect(s.bypassed).toEqual(branch.map((n) => n.name));
      expect(under(l, s)).toEqual(s.bypassed);
      expect(l.nodes.find((n) => n.id === s.to)?.kind).toBe('add');
      expect(s.top).toBeLessThan(Math.min(...s.bypassed.map((b) => l.nodes.find((n) => n.id === b) as LayoutNode).map((n) => n.y - n.height / 2)));
    }
    // The zero-pad shortcut layer sits on its arc, above the bypassed layers.
    const pad = l.nodes.find((n) => n.id === 'stage2_block1_0_pad') as LayoutNode;
    expect(pad.role).toBe('shortcut');
    expect(pad.y).toBeCloseTo(l.skips[3].top, 5);
  });

  it('ResNet-50: 16 blocks, the 4 stage-opening ones projections with W_s on the arc', () => {
    const { layout: l } = layout('resnet50');
    expect(l.skips).toHaveLength(16);
    const projections = l.skips.filter((s) => s.kind === 'projection');
    expect(projections.map((s) => s.block)).toEqual(['conv2_block1', 'conv3_block1', 'conv4_block1', 'conv5_block1']);
    expect(l.skips.filter((s) => s.kind === 'identity')).toHaveLength(12);
    for (const s of l.skips) expect(under(l, s)).toEqual(s.bypassed);
    for (const s of projections) {
      expect(s.onArc).toEqual([`${s.block}_0_conv`, `${s.block}_0_bn`]);
      for (const name of s.onArc) {
        const n = l.nodes.find((m) => m.id === name) as LayoutNode;
        expect(n.x).toBeGreaterThan(s.x0);
        expect(n.x).toBeLessThan(s.x1);
        expect(n.y).toBeCloseTo(s.top, 5);
      }
      // The arc replaces W_s's own edges: none of them is drawn as a plain edge.
      expect(l.edges.some((e) => s.onArc.includes(e.from) || s.onArc.includes(e.to))).toBe(false);
    }
  });

  it('plain networks have no shortcuts', () => {
    expect(layout('plain20').layout.skips).toHaveLength(0);
  });
});

describe('inception modules', () => {
  it('are collapsed by default: one block per module, nine in all', () => {
    const { layout: l } = layout('googlenet');
    expect(l.modules).toHaveLength(9);
    expect(l.modules.every((m) => !m.expanded && m.branches.length === 0)).toBe(true);
    expect(l.nodes.filter((n) => n.kind === 'inception')).toHaveLength(9);
  });

  it('expand into four branches that join at one concat, with the branch costs of inferGraph', () => {
    const { info, layout: l } = layout('googlenet', {}, { expanded: new Set(['inception_3a']) });
    const m = l.modules.find((x) => x.id === 'inception_3a');
    expect(m?.expanded).toBe(true);
    expect(m?.branches).toHaveLength(4);
    expect(new Set(m?.branches.map((b) => b.concat))).toEqual(new Set(['inception_3a_concat']));
    expect(m?.branches.map((b) => b.outChannels)).toEqual([64, 128, 32, 32]);
    const macs = (names: readonly string[]) => info.layers.filter((x) => names.includes(x.name)).reduce((a, x) => a + x.macs, 0);
    for (const b of m?.branches ?? []) {
      expect(b.macs).toBe(macs(b.layers));
      // Each branch's last layer feeds the concat; its first is fed by the module input.
      expect(l.edges.some((e) => e.from === b.layers[b.layers.length - 1] && e.to === 'inception_3a_concat')).toBe(true);
      expect(l.edges.some((e) => e.from === 'pool2' && e.to === b.layers[0])).toBe(true);
    }
    // The 5×5 branch is the course's bottleneck example.
    expect(m?.branches[2].macs).toBe(12_443_648);
    const boxes = m?.branches.map((b) => b.box) ?? [];
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].height);
    expect(l.modules.filter((x) => !x.expanded)).toHaveLength(8);
  });

  it('auxiliary classifiers hang below the main path off 4a and 4d', () => {
    const { layout: l } = layout('googlenet', { aux: true });
    const drops = l.edges.filter((e) => e.kind === 'aux');
    expect(drops.map((e) => [e.from, e.to])).toEqual([
      ['inception_4a', 'aux1_avgpool'],
      ['inception_4d', 'aux2_avgpool'],
    ]);
    const mainBottom = Math.max(...l.nodes.filter((n) => n.role === 'main').map((n) => n.y + n.height / 2));
    for (const n of l.nodes.filter((x) => x.role === 'aux')) expect(n.y - n.height / 2).toBeGreaterThan(mainBottom);
  });
});

describe('block sizes follow the output shape', () => {
  it("LeNet-5: height shrinks with H×W, width grows with channels", () => {
    const { layout: l } = layout('lenet5');
    const at = (id: string) => l.nodes.find((n) => n.id === id) as LayoutNode;
    const maps = ['c1_conv', 's2_pool', 'c3_conv', 's4_pool'].map(at);
    for (let i = 1; i < maps.length; i++) expect(maps[i].height).toBeLessThan(maps[i - 1].height);
    expect(at('c3_conv').width).toBeGreaterThan(at('c1_conv').width);
    expect(at('c5_dense').width).toBeGreaterThan(at('c3_conv').width);
    expect(l.labels.map((x) => x.text)).toContain('c1_conv');
  });
});

describe('auxiliary rows', () => {
  it("GoogLeNet's two auxiliary classifiers share one row without a drop line crossing the first", () => {
    const { layout: l } = layout('googlenet', { aux: true });
    const aux1 = l.nodes.filter((n) => n.group === 'aux1');
    const aux2 = l.nodes.filter((n) => n.group === 'aux2');
    expect(new Set([...aux1, ...aux2].map((n) => n.y)).size).toBe(1);
    const dropX = (l.nodes.find((n) => n.id === 'inception_4d') as LayoutNode).x;
    expect(Math.max(...aux1.map((n) => n.x + n.width / 2))).toBeLessThan(dropX);
  });
});

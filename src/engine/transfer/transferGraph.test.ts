import { describe, expect, it } from 'vitest';
import { buildArch, inferGraph } from '../../arch/index';
import { freezeUnits, frozenLayers } from './freezePlan';
import { ancestorsOf, cutCandidates, defaultCut, transferGraph } from './transferGraph';

const lenet = buildArch('lenet5', { variant: 'modern', input: [32, 32, 1], classes: 10 });
const resnet = buildArch('resnet8', { width: 0.5, input: [32, 32, 3], classes: 6 });

describe('transferGraph', () => {
  it('keeps the base up to the cut and adds a flatten + softmax head of the right size', () => {
    const { graph, head } = transferGraph(lenet, 's4_pool', 3, 'flatten');
    expect(graph.nodes.map((n) => n.name)).toEqual(['input', 'c1_conv', 's2_pool', 'c3_conv', 's4_pool', 'head_flatten', 'head_predictions']);
    expect(head).toEqual({ reduce: 'head_flatten', predictions: 'head_predictions' });
    const info = inferGraph(graph);
    expect(info.outputShape).toEqual([3]);
    expect(info.layers.at(-1)?.params).toBe(5 * 5 * 16 * 3 + 3);
  });

  it('pools a feature map on request and uses a vector cut as is', () => {
    expect(inferGraph(transferGraph(lenet, 's4_pool', 4, 'avg').graph).layers.at(-2)).toMatchObject({ name: 'head_pool', outputShape: [16] });
    const { graph, head } = transferGraph(resnet, 'avg_pool', 2, 'avg');
    expect(head.reduce).toBeNull();
    expect(graph.nodes.at(-1)?.inputs).toEqual(['avg_pool']);
    expect(inferGraph(graph).outputShape).toEqual([2]);
  });

  it('lists cut candidates without the old classifier and defaults to its input', () => {
    expect(cutCandidates(lenet)).not.toContain('predictions');
    expect(cutCandidates(lenet)).toContain('f6_dense');
    expect(defaultCut(lenet)).toBe('f6_dense');
    expect(defaultCut(resnet)).toBe('avg_pool');
    expect(ancestorsOf(resnet, 'stage1_block1_out').has('stage2_block1_out')).toBe(false);
    expect(() => transferGraph(lenet, 'nope', 2, 'avg')).toThrow(/no layer "nope"/);
  });
});

describe('freeze units', () => {
  it('groups LeNet by weighted layer (pooling joins the conv before it) and ResNet by block', () => {
    const lenetUnits = freezeUnits(transferGraph(lenet, 'f6_dense', 3, 'avg').graph, ['head_predictions']);
    expect(lenetUnits.map((u) => u.layers)).toEqual([['c1_conv', 's2_pool'], ['c3_conv', 's4_pool', 'flatten'], ['c5_dense'], ['f6_dense']]);
    const { graph, head } = transferGraph(resnet, 'avg_pool', 3, 'avg');
    const units = freezeUnits(graph, [head.predictions]);
    expect(units.map((u) => u.id)).toEqual(['conv1_conv', 'stage1_block1', 'stage2_block1', 'stage3_block1']);
    expect(units[0].layers).toEqual(['conv1_conv', 'conv1_bn', 'conv1_relu']);
    expect(units[3].layers).toContain('avg_pool');
    expect(units[2].layers).toEqual(expect.arrayContaining(['stage2_block1_0_pad', 'stage2_block1_add', 'stage2_block1_out']));
  });

  it('freezes every unit for the head, the first n − k for "last k", none for everything', () => {
    const units = freezeUnits(transferGraph(lenet, 'f6_dense', 3, 'avg').graph, ['head_predictions']);
    expect([...frozenLayers(units, { kind: 'head' })]).toEqual(['c1_conv', 's2_pool', 'c3_conv', 's4_pool', 'flatten', 'c5_dense', 'f6_dense']);
    expect([...frozenLayers(units, { kind: 'last', k: 2 })]).toEqual(['c1_conv', 's2_pool', 'c3_conv', 's4_pool', 'flatten']);
    expect(frozenLayers(units, { kind: 'last', k: 9 }).size).toBe(0);
    expect(frozenLayers(units, { kind: 'all' }).size).toBe(0);
  });
});

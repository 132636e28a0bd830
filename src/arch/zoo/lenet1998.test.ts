import { describe, expect, it } from 'vitest';
import { inferGraph } from '../inferGraph';
import { summaryJson, summaryText } from '../summary';
import { ArchError } from '../types';
import { bitmapVector, BITMAP_HEIGHT, BITMAP_WIDTH, DIGIT_BITMAPS, rbfCentres } from './digitBitmaps';
import { buildArch } from './index';
import { connectionMatrix, LENET_C3_TABLE } from './lenetC3Table';

const info = () => inferGraph(buildArch('lenet5', { variant: '1998' }));
const layer = (name: string) => {
  const l = info().layers.find((x) => x.name === name);
  if (!l) throw new Error(`no layer ${name}`);
  return l;
};

/** LeCun et al. 1998, §II.B: each layer's output, trainable parameters and connections, as the text gives them. */
const PAPER: { name: string; kind: string; output: number[]; params: number; connections: number; macs: number }[] = [
  { name: 'c1_conv', kind: 'conv2d', output: [28, 28, 6], params: 156, connections: 122_304, macs: 28 * 28 * 6 * 25 },
  { name: 's2_subsample', kind: 'subsample', output: [14, 14, 6], params: 12, connections: 5_880, macs: 14 * 14 * 6 },
  { name: 'c3_conv', kind: 'tableConv2d', output: [10, 10, 16], params: 1_516, connections: 151_600, macs: 10 * 10 * 25 * 60 },
  { name: 's4_subsample', kind: 'subsample', output: [5, 5, 16], params: 32, connections: 2_000, macs: 5 * 5 * 16 },
  { name: 'c5_conv', kind: 'conv2d', output: [1, 1, 120], params: 48_120, connections: 48_120, macs: 48_000 },
  { name: 'f6_dense', kind: 'dense', output: [84], params: 10_164, connections: 10_164, macs: 10_080 },
];

describe('LeNet-5 (1998) has the paper\'s figures', () => {
  it.each(PAPER)('$name: $params trainable parameters, $connections connections', ({ name, kind, output, params, connections, macs }) => {
    const l = layer(name);
    expect(l.kind).toBe(kind);
    expect(l.outputShape).toEqual(output);
    expect(l.trainableParams).toBe(params);
    expect(l.nonTrainableParams).toBe(0);
    expect(l.connections).toBe(connections);
    expect(l.macs).toBe(macs);
  });

  it('has 60,000 trainable parameters in all (C1 … F6); the RBF vectors (10 × 84) are fixed', () => {
    const i = info();
    expect(PAPER.reduce((s, p) => s + p.params, 0)).toBe(60_000);
    expect(i.trainableParams).toBe(60_000);
    expect(i.nonTrainableParams).toBe(840);
    const rbf = layer('output_rbf');
    expect(rbf).toMatchObject({ kind: 'rbf', outputShape: [10], trainableParams: 0, nonTrainableParams: 840, connections: 840, macs: 840 });
    expect(i.connections).toBe(PAPER.reduce((s, p) => s + p.connections, 0) + 840);
    expect(i.outputShape).toEqual([10]);
  });

  it('squashes every layer up to F6 with the scaled tanh and predicts softmax(−y) of the RBF penalties', () => {
    const nodes = new Map(buildArch('lenet5', { variant: '1998' }).nodes.map((n) => [n.name, n.spec]));
    for (const name of ['c1_conv', 's2_subsample', 'c3_conv', 's4_subsample', 'c5_conv', 'f6_dense']) {
      expect(nodes.get(name)).toMatchObject({ activation: 'scaledTanh', kernelInit: 'lecun98' });
    }
    expect(nodes.get('input_scale')).toEqual({ kind: 'rescale', scale: 1.275, offset: -0.1 });
    expect(nodes.get('rbf_negate')).toEqual({ kind: 'rescale', scale: -1, offset: 0 });
    expect(nodes.get('predictions')).toEqual({ kind: 'activation', activation: 'softmax' });
  });

  it('prints the paper\'s figures in the CLI summary and its JSON, with the source', () => {
    const text = summaryText(info());
    expect(text).toMatch(/c3_conv \(TableConv2D\)\s+\(None, 10, 10, 16\)\s+1,516\s+151,600\s+150,000/);
    expect(text).toMatch(/s2_subsample \(Subsampling2D\)\s+\(None, 14, 14, 6\)\s+12\s+5,880/);
    expect(text).toContain('Trainable params: 60,000');
    expect(text).toContain('Connections per example: 340,908');
    expect(text).toMatch(/^Source: LeCun et al\. 1998, §II\.B/m);
    const json = summaryJson('lenet5', info());
    expect(json.trainableParams).toBe(60_000);
    expect(json.connections).toBe(340_908);
    expect(json.source).toMatch(/7×12 digit bitmaps/);
    expect(json.layers.find((l) => l.name === 'c1_conv')).toMatchObject({ trainableParams: 156, connections: 122_304 });
  });

  it('refuses a width multiplier (the table and the bitmaps fix every width)', () => {
    expect(() => buildArch('lenet5', { variant: '1998', width: 0.5 })).toThrow(ArchError);
    expect(() => buildArch('lenet5', { variant: '1998', width: 0.5 })).toThrow(/--width must be 1/);
  });

  it('builds for other inputs and class counts (C5 then sees more than 1×1)', () => {
    const big = inferGraph(buildArch('lenet5', { variant: '1998', input: [36, 36, 3], classes: 12 }));
    expect(big.layers.find((l) => l.name === 'c5_conv')?.outputShape).toEqual([2, 2, 120]);
    expect(big.outputShape).toEqual([12]);
    expect(() => inferGraph(buildArch('lenet5', { variant: '1998', input: [28, 28, 1] }))).toThrow(/c5_conv/);
  });
});

describe('Table I: the C3 connection table', () => {
  /** The paper's Table I, rows = S2 maps 0–5, columns = C3 maps 0–15 (X = connected). */
  const TABLE_I = [
    'X   XXX  XXXX XX',
    'XX   XXX  XXXX X',
    'XXX   XXX  X XXX',
    ' XXX  XXXX  X XX',
    '  XXX  XXXX XX X',
    '   XXX  XXXX XXX',
  ];

  it('reproduces Table I cell by cell', () => {
    const printed = TABLE_I.map((row) => [...row].map((c) => c === 'X'));
    expect(connectionMatrix(LENET_C3_TABLE, 6)).toEqual(printed);
  });

  it.each([
    ['0–5: three contiguous maps', 0, 6, 3],
    ['6–11: four contiguous maps', 6, 12, 4],
    ['12–14: four discontinuous maps', 12, 15, 4],
    ['15: all six maps', 15, 16, 6],
  ] as const)('maps %s', (_name, from, to, size) => {
    const rows = LENET_C3_TABLE.slice(from, to);
    expect(rows.every((r) => r.length === size)).toBe(true);
    // Contiguous with wrap-around (4, 5, 0 counts): some start s gives s, s + 1, … (mod 6).
    const contiguous = (r: readonly number[]) => [0, 1, 2, 3, 4, 5].some((s) => r.every((_, k) => r.includes((s + k) % 6)));
    if (size === 6) return;
    expect(rows.every(contiguous)).toBe(from < 12);
  });

  it('has 60 connections, so C3 has 60·25 + 16 = 1,516 parameters', () => {
    expect(LENET_C3_TABLE.flat()).toHaveLength(60);
    expect(60 * 25 + 16).toBe(layer('c3_conv').trainableParams);
  });
});

describe('the RBF parameter vectors (our 7×12 digit bitmaps)', () => {
  it('draws ten digits on 7×12 grids, as ±1 vectors of length 84', () => {
    expect(DIGIT_BITMAPS).toHaveLength(10);
    for (const rows of DIGIT_BITMAPS) {
      expect(rows).toHaveLength(BITMAP_HEIGHT);
      rows.forEach((r) => expect(r).toMatch(new RegExp(`^[#.]{${BITMAP_WIDTH}}$`)));
      expect(new Set(bitmapVector(rows))).toEqual(new Set([1, -1]));
    }
  });

  it('keeps every two digits at least 7 cells apart, so no two classes share a target', () => {
    const v = rbfCentres(10);
    let closest = Infinity;
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) closest = Math.min(closest, v[i].filter((x, k) => x !== v[j][k]).length);
    expect(closest).toBeGreaterThanOrEqual(7);
  });

  it('gives classes beyond ten seeded random ±1 codes, the same on every call', () => {
    const v = rbfCentres(12);
    expect(v[10]).toHaveLength(84);
    expect(v[10]).toEqual(rbfCentres(12)[10]);
    expect(v[10]).not.toEqual(v[11]);
    expect(v.slice(0, 10)).toEqual(rbfCentres(10));
  });
});

import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graphBuilder';
import { inferGraph } from './inferGraph';
import { batchNorm, conv, dense, maxPool } from './layers';
import { windowOutput } from './layerInference';
import { ArchError } from './types';

describe('windowOutput', () => {
  it.each([
    [32, 5, 1, 'valid', 28],
    [28, 2, 2, 'valid', 14],
    [224, 3, 2, 'same', 112],
    [7, 3, 2, 'same', 4],
    [227, 11, 4, 'valid', 55],
  ] as const)('n=%i k=%i s=%i %s → %i', (n, k, s, p, out) => {
    expect(windowOutput(n, k, s, p, 'h')).toBe(out);
  });
  it('explicit padding', () => {
    expect(windowOutput(224, 11, 4, { top: 2, bottom: 2, left: 0, right: 0 }, 'h')).toBe(55);
  });
});

describe('inferGraph', () => {
  it('counts conv, dense and batch-norm parameters and MACs (torchvision _ops convention)', () => {
    const b = new GraphBuilder('t');
    let x = b.input([8, 8, 3]);
    x = b.add('c', conv(4, 3, { padding: 'same', groups: 1 }), [x]);
    x = b.add('bn', batchNorm(), [x]);
    x = b.add('p', maxPool(2), [x]);
    x = b.add('f', { kind: 'flatten' }, [x]);
    b.add('d', dense(5, 'softmax', false), [x]);
    const info = inferGraph(b.build());
    const by = Object.fromEntries(info.layers.map((l) => [l.name, l]));
    expect(by.c.params).toBe(3 * 3 * 3 * 4 + 4);
    expect(by.c.macs).toBe(8 * 8 * 4 * 3 * 3 * 3);
    expect(by.bn.trainableParams).toBe(8);
    expect(by.bn.nonTrainableParams).toBe(8);
    expect(by.bn.macs).toBe(0);
    expect(by.d.params).toBe(64 * 5);
    expect(by.d.macs).toBe(64 * 5);
    expect(info.totalParams).toBe(112 + 16 + 320);
    expect(info.trainableParams).toBe(112 + 8 + 320);
    expect(info.activations).toBe(192 + 256 + 256 + 64 + 64 + 5);
  });

  it('grouped convolutions divide the weights by the group count', () => {
    const b = new GraphBuilder('g');
    const x = b.input([5, 5, 4]);
    b.add('c', conv(6, 3, { groups: 2, useBias: false }), [x]);
    expect(inferGraph(b.build()).layers[1].params).toBe(3 * 3 * 2 * 6);
    const bad = new GraphBuilder('bad');
    bad.add('c', conv(5, 3, { groups: 2 }), [bad.input([5, 5, 4])]);
    expect(() => inferGraph(bad.build())).toThrow(/groups 2.*input channels 4 and filters 5/);
  });

  it('add needs equal shapes and names them', () => {
    const b = new GraphBuilder('a');
    const x = b.input([8, 8, 3]);
    const y = b.add('c', conv(4, 1), [x]);
    b.add('sum', { kind: 'add' }, [x, y]);
    expect(() => inferGraph(b.build())).toThrow(/"sum".*8×8×3 \+ 8×8×4/);
  });

  it('concat sums channels and checks H×W', () => {
    const b = new GraphBuilder('c');
    const x = b.input([8, 8, 3]);
    const y = b.add('c', conv(4, 1), [x]);
    b.add('cat', { kind: 'concat' }, [x, y]);
    expect(inferGraph(b.build()).outputShape).toEqual([8, 8, 7]);
    const z = new GraphBuilder('z');
    const i = z.input([8, 8, 3]);
    const p = z.add('p', maxPool(2), [i]);
    z.add('cat', { kind: 'concat' }, [i, p]);
    expect(() => inferGraph(z.build())).toThrow(ArchError);
  });

  it('dense on a feature map is an error that says to flatten', () => {
    const b = new GraphBuilder('d');
    b.add('d', dense(3), [b.input([4, 4, 1])]);
    expect(() => inferGraph(b.build())).toThrow(/"d" \(dense\) needs a flat vector, but its input is 4×4×1/);
  });

  it('the builder refuses duplicate names and undefined inputs', () => {
    const b = new GraphBuilder('x');
    const x = b.input([4, 4, 1]);
    expect(() => b.add('input', conv(1, 1), [x])).toThrow(/Duplicate/);
    expect(() => b.add('c', conv(1, 1), ['nope'])).toThrow(/not defined/);
  });
});

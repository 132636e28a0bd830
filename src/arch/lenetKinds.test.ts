import { describe, expect, it } from 'vitest';
import { inferLayer } from './layerInference';
import { rbf, subsample, tableConv } from './layers';
import { ArchError } from './types';

describe('tableConv2d (a convolution wired by a connection table)', () => {
  it.each([
    // [input, table, kernel, output, params, connections, macs]
    [[14, 14, 6], [[0, 1, 2], [1, 2, 3, 4], [0, 1, 2, 3, 4, 5]], 5, [10, 10, 3], 25 * 13 + 3, 100 * (25 * 13 + 3), 100 * 25 * 13],
    [[5, 5, 2], [[0], [1]], 3, [3, 3, 2], 9 * 2 + 2, 9 * (9 * 2 + 2), 9 * 9 * 2],
    // A full table is an ordinary conv: kh·kw·Cin·filters + filters.
    [[8, 8, 3], [[0, 1, 2], [0, 1, 2]], 3, [6, 6, 2], 3 * 3 * 3 * 2 + 2, 36 * (27 * 2 + 2), 36 * 27 * 2],
  ] as const)('%j with table %j, %i×%i kernel', (input, table, k, output, params, connections, macs) => {
    const f = inferLayer('t', tableConv(table, k), [input]);
    expect(f).toEqual({ outputShape: output, trainableParams: params, nonTrainableParams: 0, connections, macs });
  });

  it.each([
    [[[0, 6]], 'a map beyond the input'],
    [[[2, 1]], 'a row out of order'],
    [[[1, 1]], 'a repeated map'],
    [[[]], 'an empty row'],
  ])('refuses %j (%s), naming the layer and the row', (table) => {
    expect(() => inferLayer('c3', tableConv(table, 3), [[8, 8, 6]])).toThrow(ArchError);
    expect(() => inferLayer('c3', tableConv(table, 3), [[8, 8, 6]])).toThrow(/"c3".*row 0/);
  });
});

describe('subsample (sum × coefficient + bias, squashed)', () => {
  it.each([
    [[28, 28, 6], 2, [14, 14, 6], 12, 14 * 14 * 6 * 5, 14 * 14 * 6],
    [[10, 10, 16], 2, [5, 5, 16], 32, 5 * 5 * 16 * 5, 5 * 5 * 16],
    [[9, 9, 3], 3, [3, 3, 3], 6, 9 * 3 * 10, 9 * 3],
  ] as const)('%j, %i×%i windows → %j', (input, pool, output, params, connections, macs) => {
    expect(inferLayer('s', subsample(pool, 'scaledTanh'), [input])).toEqual({ outputShape: output, trainableParams: params, nonTrainableParams: 0, connections, macs });
  });

  it('cannot subsample a map smaller than its window', () => {
    expect(() => inferLayer('s4', subsample(2, 'linear'), [[1, 1, 16]])).toThrow(/s4/);
  });
});

describe('rbf (Euclidean RBF output with fixed vectors)', () => {
  const centres = [[1, -1, 1], [-1, -1, 1]];

  it('outputs one penalty per vector; the vectors are non-trainable parameters', () => {
    expect(inferLayer('out', rbf(centres), [[3]])).toEqual({ outputShape: [2], trainableParams: 0, nonTrainableParams: 6, connections: 6, macs: 6 });
  });

  it('needs a vector input as long as every parameter vector', () => {
    expect(() => inferLayer('out', rbf(centres), [[4]])).toThrow(/vector 0 has 3 entries, but the input has 4/);
    expect(() => inferLayer('out', rbf(centres), [[1, 1, 3]])).toThrow(/flat vector/);
    expect(() => inferLayer('out', rbf([]), [[3]])).toThrow(ArchError);
  });
});

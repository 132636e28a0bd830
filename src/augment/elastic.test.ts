import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawElasticGrid, elasticField, elasticWarp } from './elastic';
import { batchFrom, expectClose, expectNoLeak, noiseBatch, useCpuBackend, values } from './testing';

beforeAll(useCpuBackend);

describe('elastic warp', () => {
  it('magnitude 0 is the identity', () => {
    const x = noiseBatch(2, 8, 8, 3);
    const grid = tf.tensor4d(drawElasticGrid(2, 4, 0, 1), [2, 4, 4, 2]);
    const out = elasticWarp(x, grid);
    expect(values(out)).toEqual(values(x));
    tf.dispose([x, grid, out]);
  });

  it('a uniform displacement of dx = 1 shifts content left by one pixel', () => {
    const x = batchFrom(1, 3, 4, 1, (_i, y, xx) => 1 + y * 4 + xx);
    const grid = tf.tensor4d(new Array<number>(3 * 3).fill(0).flatMap(() => [1, 0]), [1, 3, 3, 2]);
    const out = elasticWarp(x, grid);
    expect(values(out)).toEqual([2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12, 0]);
    tf.dispose([x, grid, out]);
  });

  it('upsamples the lattice smoothly with control points on the corners', () => {
    const grid = tf.tensor4d([0, 0, 2, 0, 0, 4, 2, 4], [1, 2, 2, 2]);
    const field = elasticField(grid, 3, 5);
    expect(field.shape).toEqual([1, 3, 5, 2]);
    // dx grows 0 → 2 across the width, dy 0 → 4 down the height.
    expectClose(tf.slice(field, [0, 1, 0, 0], [1, 1, 5, 1]), [0, 0.5, 1, 1.5, 2]);
    expectClose(tf.slice(field, [0, 0, 2, 1], [1, 3, 1, 1]), [0, 2, 4]);
    tf.dispose([grid, field]);
  });

  it('draws within ±magnitude, deterministically, and does not leak', () => {
    const a = drawElasticGrid(2, 4, 3, 9);
    expect(Array.from(a)).toEqual(Array.from(drawElasticGrid(2, 4, 3, 9)));
    expect(a.every((v) => Math.abs(v) <= 3)).toBe(true);
    const x = noiseBatch(2, 8, 8, 1);
    const grid = tf.tensor4d(a, [2, 4, 4, 2]);
    expectNoLeak(() => elasticWarp(x, grid, 'edge'));
    tf.dispose([x, grid]);
  });
});

/** Tile, Identity/Cast (shared data), leading-axes Sum/Mean and FusedBatchNorm on wasm against the cpu backend. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, runOn, setUpBackends, wasmVersusCpu } from './backendParity';
import { leadingAxesCount, sumRows } from './reduceLeadingAxes';
import { tileInto } from './tile';

function t(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(randomValues(tf.util.sizeFromShape(shape), seed), shape);
}

describe('Tile override', () => {
  beforeAll(setUpBackends);

  it.each([
    ['BN gradient: a channel vector to the whole activation', [1, 1, 1, 16], [8, 4, 4, 1]],
    ['every axis repeated', [2, 3, 4], [3, 2, 5]],
    ['innermost axis only', [5, 3], [1, 4]],
    ['outermost axis only', [3, 5], [4, 1]],
    ['no repeat', [2, 3, 2], [1, 1, 1]],
    ['rank 1', [7], [3]],
    ['odd repeat counts (doubling stops short)', [2, 1, 3], [1, 7, 3]],
  ])('%s: %j × %j', async (_name, shape, reps) => {
    expect(await wasmVersusCpu(() => tf.tile(t(shape, 3), reps))).toBe(0);
  });

  it('tiles int32 and bool exactly, and empty tensors', async () => {
    const ints = (): tf.Tensor => tf.cast(tf.tile(tf.tensor2d([[1, -2, 3]], [1, 3], 'int32'), [4, 2]), 'float32');
    expect(await wasmVersusCpu(ints)).toBe(0);
    const bools = (): tf.Tensor => tf.cast(tf.tile(tf.tensor1d([true, false, true], 'bool'), [3]), 'float32');
    expect(await wasmVersusCpu(bools)).toBe(0);
    const [empty] = await runOn('wasm', () => tf.tile(tf.zeros([0, 3]), [2, 2]));
    expect(empty.length).toBe(0);
  });

  it('tileInto matches an index-by-index definition', () => {
    const shape = [2, 3, 2];
    const reps = [2, 1, 3];
    const src = Float32Array.from({ length: 12 }, (_, i) => i);
    const dst = new Float32Array(72);
    tileInto(src, shape, reps, dst);
    const out = shape.map((s, i) => s * reps[i]);
    for (let a = 0; a < out[0]; a++) {
      for (let b = 0; b < out[1]; b++) {
        for (let c = 0; c < out[2]; c++) {
          expect(dst[(a * out[1] + b) * out[2] + c]).toBe(src[((a % 2) * 3 + (b % 3)) * 2 + (c % 2)]);
        }
      }
    }
  });
});

describe('Identity and Cast override', () => {
  beforeAll(setUpBackends);

  it('shares the data: no new buffer, and the original outlives the copy', async () => {
    await tf.setBackend('wasm');
    const x = t([4, 5], 1);
    const buffers = tf.backend().numDataIds();
    const copy = tf.clone(x);
    const same = tf.cast(x, 'float32');
    expect(tf.backend().numDataIds()).toBe(buffers);
    copy.dispose();
    same.dispose();
    expect(Array.from(x.dataSync())).toEqual(Array.from(randomValues(20, 1)));
    const copy2 = tf.clone(x);
    x.dispose();
    expect(Array.from(copy2.dataSync())).toEqual(Array.from(randomValues(20, 1)));
    copy2.dispose();
    expect(tf.backend().numDataIds()).toBe(buffers - 1);
  });

  it('casts float32 ↔ int32 as the cpu backend does (the stock cast)', async () => {
    expect(await wasmVersusCpu(() => tf.cast(tf.cast(tf.mul(t([3, 4], 2), 10), 'int32'), 'float32'))).toBe(0);
  });

  it('keeps a variable assigned from a clone independent of later assigns', async () => {
    await tf.setBackend('wasm');
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const snapshot = tf.clone(v);
    v.assign(tf.tensor1d([7, 8, 9]));
    expect(Array.from(snapshot.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(v.dataSync())).toEqual([7, 8, 9]);
    tf.dispose([v, snapshot]);
  });
});

describe('Sum and Mean over leading axes', () => {
  beforeAll(setUpBackends);

  it('recognises leading-axes reductions only', () => {
    expect(leadingAxesCount([0, 1, 2], 4)).toBe(3);
    expect(leadingAxesCount([2, 0, 1], 4)).toBe(3);
    expect(leadingAxesCount(0, 2)).toBe(1);
    expect(leadingAxesCount([-4, -3], 4)).toBe(2);
    expect(leadingAxesCount([1, 2], 4)).toBeNull();
    expect(leadingAxesCount([0, 1, 2, 3], 4)).toBeNull();
    expect(leadingAxesCount(-1, 3)).toBeNull();
  });

  it.each([
    ['BN statistics over [B, H, W]', [8, 6, 6, 16], [0, 1, 2]],
    ['a bias gradient over the batch', [64, 120], [0]],
    ['odd channel count (the scalar tail)', [5, 7, 11], [0, 1]],
    ['fewer than eight channels', [9, 3], [0]],
  ])('%s', async (_name, shape, axes) => {
    for (const keepDims of [false, true]) {
      expect(await wasmVersusCpu(() => tf.sum(t(shape, 5), axes, keepDims))).toBeLessThan(1e-6);
      expect(await wasmVersusCpu(() => tf.mean(t(shape, 6), axes, keepDims))).toBeLessThan(1e-6);
    }
  });

  it('leaves other reductions and dtypes to the stock kernels', async () => {
    expect(await wasmVersusCpu(() => tf.sum(t([4, 5, 6], 7), [1, 2]))).toBeLessThan(1e-6);
    expect(await wasmVersusCpu(() => tf.sum(t([4, 5, 6], 7)))).toBeLessThan(1e-6);
    expect(await wasmVersusCpu(() => tf.mean(t([4, 5, 6], 7), -1))).toBeLessThan(1e-6);
    expect(await wasmVersusCpu(() => tf.cast(tf.sum(tf.cast(tf.mul(t([6, 3], 8), 9), 'int32'), 0), 'float32'))).toBe(0);
  });

  it('sumRows adds in float64 and scales', () => {
    // Column 0 in float32 steps: 1e8 + 1 rounds to 1e8, and the sum would come out 0.
    const x = new Float32Array([1e8, 1, 1, 1, -1e8, 1]);
    const out = new Float32Array(2);
    sumRows(x, 3, 2, 0.5, out);
    expect(Array.from(out)).toEqual([0.5, 1.5]);
  });
});

describe('FusedBatchNorm override', () => {
  beforeAll(setUpBackends);

  const positive = (shape: number[], seed: number): tf.Tensor => tf.tensor(randomValues(tf.util.sizeFromShape(shape), seed, 1.5), shape);

  it.each([
    ['ResNet activations (16 channels)', [4, 6, 6, 16]],
    ['channels not a multiple of eight', [3, 5, 5, 11]],
    ['a dense layer\'s output', [7, 5]],
  ])('%s, with and without offset and scale', async (_name, shape) => {
    const C = shape[shape.length - 1];
    const x = (): tf.Tensor => t(shape, 1);
    expect(await wasmVersusCpu(() => tf.batchNorm(x(), t([C], 2), positive([C], 3), t([C], 4), t([C], 5), 0.001))).toBeLessThan(1e-6);
    expect(await wasmVersusCpu(() => tf.batchNorm(x(), t([C], 2), positive([C], 3), undefined, undefined, 0.001))).toBeLessThan(1e-6);
    expect(await wasmVersusCpu(() => tf.batchNorm(x(), t([C], 2), positive([C], 3), t([C], 4), undefined, 0.01))).toBeLessThan(1e-6);
  });

  it('leaves broadcast statistics of another shape to the stock kernel', async () => {
    expect(await wasmVersusCpu(() => tf.batchNorm(t([2, 3, 4], 1), t([2, 3, 4], 2), positive([2, 3, 4], 3)))).toBeLessThan(1e-6);
  });
});

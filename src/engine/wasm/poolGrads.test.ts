import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, runOn, setUpBackends, wasmVersusCpu } from './backendParity';

type Pool = 'max' | 'avg';
type Shape4 = [number, number, number, number];
interface PoolCase {
  x: Shape4;
  size: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid';
}

const cases: PoolCase[] = [];
for (const strides of [1, 2, 3]) {
  for (const pad of ['same', 'valid'] as const) {
    cases.push({ x: [2, 9, 7, 3], size: 2, strides, pad });
    cases.push({ x: [3, 11, 10, 4], size: 3, strides, pad }); // overlapping when stride < 3
  }
}
cases.push(
  { x: [2, 12, 9, 5], size: [3, 2], strides: [2, 1], pad: 'same' },
  { x: [4, 28, 28, 6], size: 2, strides: 2, pad: 'valid' }, // LeNet pool1
);

function pooled(kind: Pool, x: tf.Tensor4D, c: PoolCase): tf.Tensor4D {
  return kind === 'max' ? tf.maxPool(x, c.size, c.strides, c.pad) : tf.avgPool(x, c.size, c.strides, c.pad);
}

/** d/dx of Σ pool(x)·r, with x shifted by `offset` (−3 makes every window all-negative). */
function poolGrad(kind: Pool, c: PoolCase, seed: number, offset: number): () => tf.Tensor {
  return () => {
    const x = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.x), seed, offset), c.x);
    const outShape = pooled(kind, x, c).shape;
    const r = tf.tensor(randomValues(tf.util.sizeFromShape(outShape), seed + 1), outShape);
    return tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pooled(kind, a as tf.Tensor4D, c), r)))(x);
  };
}

function name(c: PoolCase): string {
  return `x ${c.x.join('×')} size ${String(c.size)} s ${String(c.strides)} ${c.pad}`;
}

describe('wasm MaxPoolGrad matches cpu', () => {
  beforeAll(setUpBackends);

  it.each(cases.map((c, i) => [name(c), c, i] as const))('mixed signs: %s', async (_n, c, i) => {
    expect(await wasmVersusCpu(poolGrad('max', c, 7 * i + 1, 0))).toBeLessThan(1e-4);
  });

  it.each(cases.map((c, i) => [name(c), c, i] as const))('all values negative: %s', async (_n, c, i) => {
    expect(await wasmVersusCpu(poolGrad('max', c, 7 * i + 3, -3))).toBeLessThan(1e-4);
  });

  it('sends the gradient to the maximum of an all-negative window, not its first element', async () => {
    const [dx] = await runOn('wasm', () =>
      tf.grad((a: tf.Tensor) => tf.sum(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid')))(tf.tensor4d([-4, -1, -3, -2], [1, 2, 2, 1])),
    );
    expect(Array.from(dx)).toEqual([0, 1, 0, 0]);
  });

  it('breaks ties like cpu: the first maximum in row-major order wins', async () => {
    const f = (): tf.Tensor =>
      tf.grad((a: tf.Tensor) => tf.sum(tf.maxPool(a as tf.Tensor4D, 2, 1, 'valid')))(tf.tensor4d([1, 1, 0, 1, 1, 0, 0, 0, 0], [1, 3, 3, 1]));
    const [wasm] = await runOn('wasm', f);
    const [cpu] = await runOn('cpu', f);
    expect(Array.from(wasm)).toEqual(Array.from(cpu));
  });
});

describe('wasm AvgPoolGrad (stock kernel) matches cpu', () => {
  beforeAll(setUpBackends);

  it.each(cases.map((c, i) => [name(c), c, i] as const))('%s', async (_n, c, i) => {
    expect(await wasmVersusCpu(poolGrad('avg', c, 5 * i + 2, 0))).toBeLessThan(1e-4);
  });
});

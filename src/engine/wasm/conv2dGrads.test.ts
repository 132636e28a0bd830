import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, setUpBackends, wasmVersusCpu } from './backendParity';
import { phaseAxis } from './conv2dBackpropInput';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];

interface ConvCase {
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: number | [number, number];
  pad: Pad;
}

const cases: ConvCase[] = [];
// Strides 1–3, both paddings, odd sizes, batch > 1, several channels.
for (const strides of [1, 2, 3]) {
  for (const pad of ['same', 'valid'] as const) {
    cases.push({ x: [2, 9, 7, 3], w: [3, 3, 3, 4], strides, pad });
    cases.push({ x: [3, 11, 10, 2], w: [5, 4, 2, 5], strides, pad });
    cases.push({ x: [2, 8, 8, 5], w: [1, 1, 5, 3], strides, pad });
  }
}
cases.push(
  { x: [2, 13, 13, 3], w: [2, 2, 3, 6], strides: 3, pad: 'valid' }, // stride > filter: some dx rows get nothing
  { x: [2, 12, 9, 4], w: [3, 5, 4, 2], strides: [2, 1], pad: 'same' }, // unequal strides
  { x: [1, 17, 17, 3], w: [11, 11, 3, 8], strides: 4, pad: 'valid' }, // AlexNet-style first layer
  { x: [2, 7, 8, 2], w: [3, 3, 2, 3], strides: 2, pad: [[0, 0], [2, 0], [1, 2], [0, 0]] }, // explicit, asymmetric
  { x: [2, 6, 6, 2], w: [3, 3, 2, 3], strides: 1, pad: [[0, 0], [3, 1], [0, 3], [0, 0]] }, // pad ≥ filter: phase path even at stride 1
  { x: [4, 32, 32, 1], w: [5, 5, 1, 6], strides: 1, pad: 'valid' }, // LeNet conv1
  { x: [4, 14, 14, 6], w: [5, 5, 6, 16], strides: 1, pad: 'valid' }, // LeNet conv2
);

function describeCase(c: ConvCase): string {
  return `x ${c.x.join('×')} w ${c.w.join('×')} s ${String(c.strides)} pad ${JSON.stringify(c.pad)}`;
}

/** Gradients of Σ conv2d(x, w)·r with respect to x (Conv2DBackpropInput) and w (…Filter). */
function convGrads(c: ConvCase, seed: number): () => tf.Tensor[] {
  return () => {
    const x = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.x), seed), c.x);
    const w = tf.tensor4d(randomValues(tf.util.sizeFromShape(c.w), seed + 1), c.w);
    const outShape = tf.conv2d(x, w, c.strides, c.pad).shape;
    const r = tf.tensor(randomValues(tf.util.sizeFromShape(outShape), seed + 2), outShape);
    const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), r));
    const [dx, dw] = tf.grads(loss)([x, w]);
    return [dx, dw];
  };
}

describe('wasm Conv2D gradients match cpu', () => {
  beforeAll(setUpBackends);

  it.each(cases.map((c, i) => [describeCase(c), c, i] as const))('%s', async (_name, c, i) => {
    expect(await wasmVersusCpu(convGrads(c, 10 * i + 1))).toBeLessThan(1e-4);
  });

  // tfjs-layers builds conv layers on tf.fused.conv2d: with an activation it runs unfused while
  // taping gradients; with none it runs the FusedConv2D kernel under a custom gradient.
  it.each(['relu', 'linear'] as const)('matches the fused conv2d + bias path (%s)', async (activation) => {
    const err = await wasmVersusCpu(() => {
      const x = tf.tensor4d(randomValues(2 * 9 * 9 * 3, 3), [2, 9, 9, 3]);
      const w = tf.tensor4d(randomValues(3 * 3 * 3 * 4, 4), [3, 3, 3, 4]);
      const bias = tf.tensor1d(randomValues(4, 5));
      const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.fused.conv2d({
        x: a as tf.Tensor4D, filter: b as tf.Tensor4D, bias: c, strides: 2, pad: 'same', activation,
      })));
      return tf.grads(f)([x, w, bias]);
    });
    expect(err).toBeLessThan(1e-4);
  });
});

describe('wasm conv gradients with NCHW tensors', () => {
  beforeAll(setUpBackends);

  it('Conv2DBackpropInput (stock kernel fallback) matches cpu', async () => {
    const err = await wasmVersusCpu(() => {
      const dy = tf.tensor4d(randomValues(2 * 4 * 5 * 4, 6), [2, 4, 5, 4]);
      const filter = tf.tensor4d(randomValues(3 * 3 * 3 * 4, 7), [3, 3, 3, 4]);
      return tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, {
        strides: 2, pad: 'same', dataFormat: 'NCHW', inputShape: [2, 3, 9, 8],
      }) as tf.Tensor;
    });
    expect(err).toBeLessThan(1e-4);
  });

  it('Conv2DBackpropFilter matches cpu', async () => {
    const err = await wasmVersusCpu(() => {
      const x = tf.tensor4d(randomValues(2 * 3 * 9 * 8, 8), [2, 3, 9, 8]);
      const dy = tf.tensor4d(randomValues(2 * 4 * 5 * 4, 9), [2, 4, 5, 4]);
      return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, {
        strides: 2, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4],
      }) as tf.Tensor;
    });
    expect(err).toBeLessThan(1e-4);
  });
});

describe('phaseAxis', () => {
  it('covers every input row exactly once across the stride phases', () => {
    for (const [size, filter, stride, pad] of [[9, 3, 2, 1], [13, 2, 3, 0], [17, 11, 4, 0], [8, 1, 2, 0], [7, 3, 2, 2]]) {
      const outSize = Math.floor((size + 2 * pad - filter) / stride) + 1;
      const hits = new Array<number>(size).fill(0);
      for (let r = 0; r < stride; r++) {
        const axis = phaseAxis(r, size, outSize, filter, stride, pad);
        if (axis === null) continue;
        expect(axis.padBefore).toBeGreaterThanOrEqual(0);
        expect(axis.padAfter).toBeGreaterThanOrEqual(0);
        for (let i = 0; i < axis.rows; i++) {
          const row = (axis.first + i) * stride + r - pad;
          if (row >= 0 && row < size) hits[row] += 1;
        }
      }
      // Rows no filter tap reaches (stride > filter) belong to no phase and stay zero.
      expect(hits.every((h) => h <= 1)).toBe(true);
      if (filter >= stride) expect(hits.every((h) => h === 1)).toBe(true);
    }
  });
});

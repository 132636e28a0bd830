import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageSplit } from '../data/datasetTypes';
import { expectNoTensorLeak } from '../model/testing/expectNoLeak';
import { adaptBatch, makeBatch } from './batches';

type Shape3 = [number, number, number];

function split(count: number, [h, w, c]: Shape3): ImageSplit {
  const images = Uint8Array.from({ length: count * h * w * c }, (_, i) => (i * 37 + 11) % 256);
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 3), count };
}

/** The batch as the backend would adapt it: x/255 as [N, H, W, C], then adaptBatch; one-hot via tf.oneHot. */
function reference(s: ImageSplit, shape: Shape3, indices: number[], input: Shape3, classes: number): { x: number[]; y: number[] } {
  return tf.tidy(() => {
    const size = shape[0] * shape[1] * shape[2];
    const pixels = new Float32Array(indices.length * size);
    indices.forEach((k, i) => pixels.set(Array.from(s.images.subarray(k * size, (k + 1) * size), (v) => v / 255), i * size));
    const x = adaptBatch(tf.tensor4d(pixels, [indices.length, ...shape]), input);
    const y = tf.oneHot(tf.tensor1d(indices.map((k) => s.labels[k]), 'int32'), classes);
    return { x: Array.from(x.dataSync()), y: Array.from(y.dataSync()) };
  });
}

describe('makeBatch', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: [string, Shape3, Shape3][] = [
    ['as is', [6, 5, 1], [6, 5, 1]],
    ['zero padding (MNIST 28 → LeNet 32)', [28, 28, 1], [32, 32, 1]],
    ['grey → RGB', [6, 5, 1], [6, 5, 3]],
    ['padding and grey → RGB', [28, 28, 1], [32, 32, 3]],
    ['RGB as is', [4, 4, 3], [4, 4, 3]],
    ['RGB → grey (on the backend)', [4, 4, 3], [4, 4, 1]],
    ['a resize (on the backend)', [8, 8, 1], [16, 16, 1]],
  ];
  for (const [name, shape, input] of cases) {
    it(`gives what adaptBatch gives: ${name}`, async () => {
      const s = split(5, shape);
      const indices = [3, 0, 4];
      await expectNoTensorLeak(async () => {
        const { x, y, labels } = makeBatch(s, shape, indices, input, 3);
        expect(x.shape).toEqual([3, ...input]);
        const want = reference(s, shape, indices, input, 3);
        const got = Array.from(await x.data());
        expect(got.length).toBe(want.x.length);
        got.forEach((v, i) => expect(v).toBeCloseTo(want.x[i], 6));
        expect(Array.from(await y.data())).toEqual(want.y);
        expect(Array.from(labels)).toEqual([0, 0, 1]);
        tf.dispose([x, y]);
      });
    });
  }
});

/** Test helpers for the augmentation suite (imported by `*.test.ts` only). */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { expect } from 'vitest';

/** Selects the cpu backend; call in `beforeAll`. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Runs `fn`, disposes what it returns, and expects the live tensor count to be unchanged. */
export function expectNoLeak(fn: () => tf.Tensor | tf.Tensor[]): void {
  const before = tf.memory().numTensors;
  tf.dispose(fn());
  expect(tf.memory().numTensors).toBe(before);
}

/** The values of a tensor as a flat array (disposes nothing). */
export function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

/**
 * Expects `actual` to agree elementwise with `expected` within `tol`, then disposes `actual` (tests
 * pass freshly computed results; `expected` stays with the caller).
 */
export function expectClose(actual: tf.Tensor, expected: tf.Tensor | number[], tol = 1e-5): void {
  const e = expected instanceof tf.Tensor ? values(expected) : expected;
  const a = values(actual);
  actual.dispose();
  expect(a.length).toBe(e.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - e[i]));
  expect(worst).toBeLessThanOrEqual(tol);
}

/**
 * A batch [n, h, w, c] whose value at (i, y, x, ch) is `f(i, y, x, ch)`; handy for images with a known
 * formula, e.g. linear ramps, which bilinear sampling reproduces exactly.
 */
export function batchFrom(
  n: number, h: number, w: number, c: number,
  f: (i: number, y: number, x: number, ch: number) => number,
): tf.Tensor4D {
  const data = new Float32Array(n * h * w * c);
  let k = 0;
  for (let i = 0; i < n; i++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) data[k++] = f(i, y, x, ch);
  return tf.tensor4d(data, [n, h, w, c]);
}

/** A deterministic pseudo-random batch in [0, 1). */
export function noiseBatch(n: number, h: number, w: number, c: number, seed = 1): tf.Tensor4D {
  let s = seed >>> 0;
  return batchFrom(n, h, w, c, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  });
}

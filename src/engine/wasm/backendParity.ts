/**
 * Test support: run the same computation on the cpu and wasm backends and compare the results.
 * Used by the `*.test.ts` gradient checks in this folder (Node only, via Vitest).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
// tfjs-layers registers tfjs-core's gradient functions (tf.grad needs them).
import '@tensorflow/tfjs-layers';
import { registerWasmTrainingKernels } from './registerWasmTrainingKernels';

/** Registers our kernels and initialises both backends; call once per test file. */
export async function setUpBackends(): Promise<void> {
  registerWasmTrainingKernels();
  for (const name of ['cpu', 'wasm']) {
    await tf.setBackend(name);
    await tf.ready();
  }
}

/** Deterministic pseudo-random values in [offset − 1, offset + 1). */
export function randomValues(size: number, seed: number, offset = 0): Float32Array {
  const out = new Float32Array(size);
  let s = (seed * 2654435761) % 4294967296;
  for (let i = 0; i < size; i++) {
    s = (s * 1664525 + 1013904223) % 4294967296;
    out[i] = (s / 4294967296) * 2 - 1 + offset;
  }
  return out;
}

/**
 * Runs `f` on backend `name` and returns its outputs as plain arrays. Fails if `f` leaves tensors
 * or wasm heap buffers behind (our kernels must free their intermediates).
 */
export async function runOn(name: 'cpu' | 'wasm', f: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(name);
  const tensorsBefore = tf.memory().numTensors;
  const dataBefore = tf.backend().numDataIds();
  const outs = tf.tidy(f);
  const list = Array.isArray(outs) ? outs : [outs];
  const values = list.map((t) => Float32Array.from(t.dataSync()));
  tf.dispose(list);
  const leaked = tf.memory().numTensors - tensorsBefore;
  const leakedData = tf.backend().numDataIds() - dataBefore;
  if (leaked !== 0 || leakedData !== 0) {
    throw new Error(`${name}: leaked ${leaked} tensors and ${leakedData} backend buffers`);
  }
  return values;
}

/** max |a − b| / max |b|: the error of `a` relative to the reference `b`'s scale. */
export function relativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    diff = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(diff, d);
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return scale === 0 ? diff : diff / scale;
}

/** Runs `f` on wasm and on cpu; returns the worst relative error over its outputs. */
export async function wasmVersusCpu(f: () => tf.Tensor | tf.Tensor[]): Promise<number> {
  const reference = await runOn('cpu', f);
  const candidate = await runOn('wasm', f);
  if (reference.length !== candidate.length) return Number.POSITIVE_INFINITY;
  return Math.max(...candidate.map((c, i) => relativeError(c, reference[i])));
}

/**
 * Micro-benchmarks of single wasm kernels (ours vs stock where one exists), for tuning.
 *   npx tsx scripts/benchWasmMicro.ts
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../src/engine/wasm/registerWasmTrainingKernels';
import { runStockKernel } from '../src/engine/wasm/stockKernels';

function time(label: string, f: () => tf.Tensor, reps = 20): void {
  tf.dispose(f());
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) tf.dispose(f());
  console.log(`${label.padEnd(48)} ${((performance.now() - t0) / reps).toFixed(3)} ms`);
}

async function main(): Promise<void> {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  await tf.ready();
  type Shape4 = [number, number, number, number];
  const cases: [string, Shape4, Shape4, number, 'same' | 'valid'][] = [
    ['lenet conv1', [64, 32, 32, 1], [5, 5, 1, 6], 1, 'valid'],
    ['lenet conv2', [64, 14, 14, 6], [5, 5, 6, 16], 1, 'valid'],
    ['3x3 32->32 same 32x32 b32', [32, 32, 32, 32], [3, 3, 32, 32], 1, 'same'],
    ['3x3 32->64 s2 same 32x32 b32', [32, 32, 32, 32], [3, 3, 32, 64], 2, 'same'],
    ['1x1 64->64 16x16 b32', [32, 16, 16, 64], [1, 1, 64, 64], 1, 'same'],
    ['alex-ish 11x11 s4 3->48 63x63 b16', [16, 63, 63, 3], [11, 11, 3, 48], 4, 'valid'],
  ];
  for (const [name, xs, ws, s, pad] of cases) {
    const x = tf.randomNormal(xs) as tf.Tensor4D;
    const w = tf.randomNormal(ws) as tf.Tensor4D;
    const y = tf.conv2d(x, w, s, pad);
    const dy = tf.randomNormal(y.shape) as tf.Tensor4D;
    time(`${name} fwd`, () => tf.conv2d(x, w, s, pad));
    time(`${name} dW`, () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: s, pad, dataFormat: 'NHWC', filterShape: ws }) as tf.Tensor);
    time(`${name} dx`, () => tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { strides: s, pad, dataFormat: 'NHWC', inputShape: x.shape }) as tf.Tensor);
    time(`${name} dx stock`, () => {
      const info = runStockKernel('Conv2DBackpropInput', { inputs: { dy, filter: w }, backend: tf.backend() as BackendWasm, attrs: { strides: s, pad, dataFormat: 'NHWC', inputShape: x.shape } });
      return tf.engine().makeTensorFromTensorInfo(info);
    }, 3);
    tf.dispose([x, w, y, dy]);
  }
  const p = tf.randomNormal([64, 28, 28, 6]) as tf.Tensor4D;
  const pooled = tf.maxPool(p, 2, 2, 'valid');
  const pdy = tf.randomNormal(pooled.shape);
  time('maxPoolGrad lenet pool1', () => tf.engine().runKernel('MaxPoolGrad', { dy: pdy, input: p, output: pooled }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor);
  const q = tf.randomNormal([32, 32, 32, 64]) as tf.Tensor4D;
  const qPooled = tf.maxPool(q, 3, 2, 'same');
  const qdy = tf.randomNormal(qPooled.shape);
  time('maxPoolGrad 3x3 s2 32x32x64 b32', () => tf.engine().runKernel('MaxPoolGrad', { dy: qdy, input: q, output: qPooled }, { filterSize: 3, strides: 2, pad: 'same' }) as tf.Tensor);
  const big = tf.randomNormal([2048, 32, 32, 1]);
  const rows = tf.range(0, 64, 1, 'int32');
  time('gather 64 of 2048x32x32', () => tf.gather(big, rows));
}

void main();

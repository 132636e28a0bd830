/** Forward parity of the stock wasm kernels we replace for speed, and registration behaviour. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues, runOn, setUpBackends, wasmVersusCpu } from './backendParity';
import { registerWasmTrainingKernels, wasmTrainingKernelConfigs, wasmTrainingKernelsActive } from './registerWasmTrainingKernels';

function t(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(randomValues(tf.util.sizeFromShape(shape), seed), shape);
}

describe('BatchMatMul override', () => {
  beforeAll(setUpBackends);

  const shapes: [number[], number[], boolean, boolean][] = [
    [[7, 5], [5, 3], false, false],
    [[5, 7], [5, 3], true, false],
    [[7, 5], [3, 5], false, true],
    [[5, 7], [3, 5], true, true],
    [[1, 5, 7], [1, 3, 5], true, true],
    [[1, 1, 64, 40], [40, 12], false, false],
    [[64, 40], [1, 12, 40], false, true],
    [[3, 5, 7], [3, 5, 2], true, false],
    [[3, 7, 5], [1, 2, 5], false, true],
  ];

  it.each(shapes)('a %j · b %j (transposeA %s, transposeB %s)', async (a, b, ta, tb) => {
    const err = await wasmVersusCpu(() => tf.matMul(t(a, 1), t(b, 2), ta, tb));
    expect(err).toBeLessThan(1e-5);
    const [wasmShape] = await runOn('wasm', () => tf.tensor1d(tf.matMul(t(a, 1), t(b, 2), ta, tb).shape));
    const [cpuShape] = await runOn('cpu', () => tf.tensor1d(tf.matMul(t(a, 1), t(b, 2), ta, tb).shape));
    expect(Array.from(wasmShape)).toEqual(Array.from(cpuShape));
  });
});

describe('GatherV2 override', () => {
  beforeAll(setUpBackends);

  it.each([
    ['rows of a batch', [20, 8, 8, 1], [3, 0, 19, 3], 0, 'float32'],
    ['rows, int32', [10, 40], [9, 1], 0, 'int32'],
    ['middle axis', [3, 9, 40], [8, 0, 4], 1, 'float32'],
    ['last axis (single values, several outer rows)', [4, 6], [5, 0], 1, 'float32'],
    ['single pixels (the augmentation sampler)', [50, 1], [49, 0, 7, 7, 12, 1, 0], 0, 'float32'],
    ['single values, int32', [30], [29, 3, 3], 0, 'int32'],
    ['small slices, several outer rows', [3, 7, 3], [6, 0, 2], 1, 'float32'],
  ] as const)('%s', async (_name, shape, indices, axis, dtype) => {
    const f = (): tf.Tensor => {
      const x = tf.cast(tf.mul(t([...shape], 5), 100), dtype);
      return tf.cast(tf.gather(x, tf.tensor1d([...indices], 'int32'), axis), 'float32');
    };
    expect(await wasmVersusCpu(f)).toBe(0);
  });

  it('rejects an out-of-range index', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.tidy(() => tf.gather(tf.zeros([4, 40]), tf.tensor1d([4], 'int32')))).toThrow(/not in \[0, 3\]/);
    // Element-by-element path, a negative index, and nothing left allocated after the throw.
    const x = tf.zeros([5, 1]);
    const before = tf.backend().numDataIds(); // backend buffers: the kernel's own output included
    expect(() => tf.tidy(() => tf.gather(x, tf.tensor1d([0, -1], 'int32')))).toThrow(/index value -1 is not in \[0, 4\]/);
    expect(tf.backend().numDataIds()).toBe(before);
    x.dispose();
  });
});

describe('UnsortedSegmentSum', () => {
  beforeAll(setUpBackends);

  it('ignores out-of-range ids and sums repeated ones, like cpu', async () => {
    const f = (): tf.Tensor =>
      tf.unsortedSegmentSum(t([6, 3, 2], 9), tf.tensor1d([2, -1, 0, 2, 7, 1], 'int32'), 4);
    expect(await wasmVersusCpu(f)).toBeLessThan(1e-6);
  });
});

describe('registerWasmTrainingKernels', () => {
  beforeAll(setUpBackends);

  it('installs every config and is idempotent', () => {
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    for (const config of wasmTrainingKernelConfigs) {
      expect(tf.getKernel(config.kernelName, 'wasm')).toBe(config);
    }
    expect(wasmTrainingKernelsActive()).toBe(true);
  });

  it('notices when a stock kernel has been put back, and restores ours', () => {
    const stock = tf.getKernel('MaxPoolGrad', 'wasm');
    expect(stock).toBeDefined();
    tf.unregisterKernel('MaxPoolGrad', 'wasm');
    tf.registerKernel({ kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: () => tf.scalar(0) });
    expect(wasmTrainingKernelsActive()).toBe(false);
    registerWasmTrainingKernels();
    expect(wasmTrainingKernelsActive()).toBe(true);
  });

  it('covers the kernels tfjs 4.22 lacks or gets wrong', () => {
    const names = wasmTrainingKernelConfigs.map((c) => c.kernelName);
    for (const needed of [
      'Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput',
      'UnsortedSegmentSum', 'MaxPoolGrad',
    ]) {
      expect(names).toContain(needed);
    }
  });
});

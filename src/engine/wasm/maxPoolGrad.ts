/**
 * A correct `MaxPoolGrad` for the wasm backend, replacing tfjs 4.22's, which sends the gradient to
 * the wrong element (e.g. the window's first element when every value in it is negative).
 *
 * Semantics match the cpu backend: each output's gradient goes to the first maximum of its window
 * in row-major scan order (strict `>`, padding skipped); overlapping windows accumulate. With tfjs'
 * threaded build the images are split across the kernel pool's threads (kernelPool.ts).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { kernelPool } from './kernelPool';
import { maxPoolGradImages, type ParallelJob, type PoolGradGeometry } from './parallelKernels';
import { f32View, WASM } from './wasmKernelUtils';

interface MaxPoolGradArgs {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: BackendWasm;
  attrs: MaxPoolGradAttrs;
}

/** dx [B, H, W, C] from dy [B, OH, OW, C] and the pooled input x (NHWC); images in parallel on the kernel pool. */
export function maxPoolGrad({ inputs, backend, attrs }: MaxPoolGradArgs): TensorInfo {
  const { dy, input } = inputs;
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode,
  );
  const geometry: PoolGradGeometry = {
    batch: info.batchSize, inHeight: info.inHeight, inWidth: info.inWidth, channels: info.inChannels,
    outHeight: info.outHeight, outWidth: info.outWidth, strideHeight: info.strideHeight, strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight, dilationWidth: info.dilationWidth,
    effectiveFilterHeight: info.effectiveFilterHeight, effectiveFilterWidth: info.effectiveFilterWidth,
    padTop: info.padInfo.top, padLeft: info.padInfo.left,
  };
  const dx = backend.makeOutput(input.shape, 'float32'); // every image's part is zeroed by its chunk
  const x = f32View(backend, input);
  const g = f32View(backend, dy);
  const out = f32View(backend, dx);
  const job: ParallelJob = { kind: 'maxPoolGrad', geometry, x: [x.byteOffset, x.length], dy: [g.byteOffset, g.length], dx: [out.byteOffset, out.length] };
  const pool = kernelPool();
  if (pool) pool.run(out.buffer, job);
  else maxPoolGradImages(x, g, out, geometry, 0, geometry.batch);
  return dx;
}

/** Kernel registration for {@link maxPoolGrad} (overrides the backend's own). */
export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: WASM,
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};

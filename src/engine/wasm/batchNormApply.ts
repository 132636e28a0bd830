/**
 * `FusedBatchNorm` (applying given statistics) for the wasm backend, channels last. tfjs 4.22's C
 * loop works out each element's channel with a division and re-reads the four parameter vectors; a
 * ResNet-20 step runs it 19 times on full activations. Here each channel's affine map is computed
 * once, out = (x − mean)·k + offset with k = scale / √(variance + ε), and the rows of x are swept
 * eight channels at a time. Parameters that are not one value per channel go to the stock kernel.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { FusedBatchNorm, util, type FusedBatchNormAttrs, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { runStockKernel } from './stockKernels';
import { f32View, WASM } from './wasmKernelUtils';

interface BatchNormArgs {
  inputs: { x: TensorInfo; mean: TensorInfo; variance: TensorInfo; offset?: TensorInfo; scale?: TensorInfo };
  backend: BackendWasm;
  attrs: FusedBatchNormAttrs;
}

/**
 * out[r·C + c] = (x[r·C + c] − mean[c])·k[c] + offset[c] for x [rows, C] (row-major), where
 * k[c] = scale[c] / √(variance[c] + ε); a missing offset is 0, a missing scale 1.
 */
export function applyBatchNorm(
  x: Float32Array, mean: Float32Array, variance: Float32Array, offset: Float32Array | null, scale: Float32Array | null,
  epsilon: number, out: Float32Array,
): void {
  const C = mean.length;
  const k = new Float32Array(C);
  const b = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    k[c] = (scale ? scale[c] : 1) / Math.sqrt(variance[c] + epsilon);
    b[c] = (offset ? offset[c] : 0) - mean[c] * k[c];
  }
  let c = 0;
  for (; c + 8 <= C; c += 8) {
    const k0 = k[c], k1 = k[c + 1], k2 = k[c + 2], k3 = k[c + 3], k4 = k[c + 4], k5 = k[c + 5], k6 = k[c + 6], k7 = k[c + 7];
    const b0 = b[c], b1 = b[c + 1], b2 = b[c + 2], b3 = b[c + 3], b4 = b[c + 4], b5 = b[c + 5], b6 = b[c + 6], b7 = b[c + 7];
    for (let at = c; at < x.length; at += C) {
      out[at] = x[at] * k0 + b0;
      out[at + 1] = x[at + 1] * k1 + b1;
      out[at + 2] = x[at + 2] * k2 + b2;
      out[at + 3] = x[at + 3] * k3 + b3;
      out[at + 4] = x[at + 4] * k4 + b4;
      out[at + 5] = x[at + 5] * k5 + b5;
      out[at + 6] = x[at + 6] * k6 + b6;
      out[at + 7] = x[at + 7] * k7 + b7;
    }
  }
  for (; c < C; c++) {
    const kc = k[c];
    const bc = b[c];
    for (let at = c; at < x.length; at += C) out[at] = x[at] * kc + bc;
  }
}

/** Batch normalisation of x [..., C] with per-channel mean, variance, offset, scale [C]. */
export function fusedBatchNorm(args: BatchNormArgs): TensorInfo {
  const { inputs: { x, mean, variance, offset, scale }, backend, attrs } = args;
  const C = x.shape[x.shape.length - 1];
  const perChannel = (t: TensorInfo | undefined): boolean => t === undefined || (t.dtype === 'float32' && util.sizeFromShape(t.shape) === C && t.shape[t.shape.length - 1] === C);
  if (x.dtype !== 'float32' || x.shape.length === 0 || C === 0 || ![mean, variance, offset, scale].every(perChannel)) {
    return runStockKernel(FusedBatchNorm, args);
  }
  const out = backend.makeOutput(x.shape, 'float32');
  if (util.sizeFromShape(x.shape) === 0) return out;
  applyBatchNorm(
    f32View(backend, x), f32View(backend, mean), f32View(backend, variance),
    offset ? f32View(backend, offset) : null, scale ? f32View(backend, scale) : null, attrs.varianceEpsilon, f32View(backend, out),
  );
  return out;
}

/** Kernel registration for {@link fusedBatchNorm} (overrides the backend's own). */
export const fusedBatchNormConfig: KernelConfig = {
  kernelName: FusedBatchNorm,
  backendName: WASM,
  kernelFunc: fusedBatchNorm as unknown as KernelFunc,
};

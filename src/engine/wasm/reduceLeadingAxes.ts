/**
 * `Sum` and `Mean` over the leading axes of a float32 tensor, for the wasm backend. That is how the
 * channels-last training step reduces: batch normalisation's statistics and gradients, a bias's
 * gradient, all over [B, H, W] of [B, H, W, C]. tfjs 4.22's wasm kernels first transpose the reduced
 * axes innermost (a full copy of the activation) and then sum; this one reads the tensor once, adding
 * each row into per-channel accumulators (float64, so the sum is no less exact than the stock one).
 * Every other reduction goes to the stock kernel.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backend_util, Mean, Sum, util, type KernelConfig, type KernelFunc, type SumAttrs, type TensorInfo } from '@tensorflow/tfjs-core';
import { runStockKernel } from './stockKernels';
import { f32View, WASM } from './wasmKernelUtils';

interface ReduceArgs {
  inputs: { x: TensorInfo };
  backend: BackendWasm;
  attrs: SumAttrs;
}

/**
 * How many leading axes `axis` reduces when it names exactly axes 0 … k−1 of a rank-`rank` tensor
 * with 0 < k < rank (in any order); otherwise null.
 */
export function leadingAxesCount(axis: number | number[], rank: number): number | null {
  const axes = [...new Set(util.parseAxisParam(axis, new Array<number>(rank).fill(1)))].sort((a, b) => a - b);
  if (axes.length === 0 || axes.length >= rank) return null;
  return axes.every((a, i) => a === i) ? axes.length : null;
}

/**
 * out[c] = scale · Σ_r x[r·C + c] for r < rows (x [rows, C] row-major). Eight columns at a time in
 * local float64 accumulators, walking down the rows: about 7× the stock transpose-then-sum.
 */
export function sumRows(x: Float32Array, rows: number, columns: number, scale: number, out: Float32Array): void {
  const end = rows * columns;
  let c = 0;
  for (; c + 8 <= columns; c += 8) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    for (let at = c; at < end; at += columns) {
      a0 += x[at];
      a1 += x[at + 1];
      a2 += x[at + 2];
      a3 += x[at + 3];
      a4 += x[at + 4];
      a5 += x[at + 5];
      a6 += x[at + 6];
      a7 += x[at + 7];
    }
    out[c] = a0 * scale;
    out[c + 1] = a1 * scale;
    out[c + 2] = a2 * scale;
    out[c + 3] = a3 * scale;
    out[c + 4] = a4 * scale;
    out[c + 5] = a5 * scale;
    out[c + 6] = a6 * scale;
    out[c + 7] = a7 * scale;
  }
  for (; c < columns; c++) {
    let a = 0;
    for (let at = c; at < end; at += columns) a += x[at];
    out[c] = a * scale;
  }
}

function reduceLeading(args: ReduceArgs, kernel: typeof Sum | typeof Mean): TensorInfo {
  const { inputs: { x }, backend, attrs: { axis, keepDims } } = args;
  const k = x.dtype === 'float32' ? leadingAxesCount(axis, x.shape.length) : null;
  if (k === null || util.sizeFromShape(x.shape) === 0) return runStockKernel(kernel, args);
  const rows = util.sizeFromShape(x.shape.slice(0, k));
  const kept = x.shape.slice(k);
  const columns = util.sizeFromShape(kept);
  const out = backend.makeOutput(keepDims ? backend_util.expandShapeToKeepDim(kept, Array.from({ length: k }, (_, i) => i)) : kept, 'float32');
  sumRows(f32View(backend, x), rows, columns, kernel === Mean ? 1 / rows : 1, f32View(backend, out));
  return out;
}

/** Sum of x [d₀ … dₙ₋₁] over its leading axes → [dₖ … dₙ₋₁] (or with ones when keepDims). */
export function sumLeading(args: ReduceArgs): TensorInfo {
  return reduceLeading(args, Sum);
}

/** Mean of x over its leading axes, as {@link sumLeading}. */
export function meanLeading(args: ReduceArgs): TensorInfo {
  return reduceLeading(args, Mean);
}

/** Kernel registration for {@link sumLeading} (overrides the backend's own). */
export const sumConfig: KernelConfig = { kernelName: Sum, backendName: WASM, kernelFunc: sumLeading as unknown as KernelFunc };

/** Kernel registration for {@link meanLeading} (overrides the backend's own). */
export const meanConfig: KernelConfig = { kernelName: Mean, backendName: WASM, kernelFunc: meanLeading as unknown as KernelFunc };

/**
 * A faster `BatchMatMul` for the wasm backend's transposed products. tfjs 4.22 sends every matmul
 * with `transposeA` or `transposeB` to a scalar blocked loop and only plain single-batch products
 * to XNNPACK's fully-connected operator. Backprop through a dense layer is exactly the transposed
 * kind (dW = xᵀ·dy, dx = dy·Wᵀ), so for single-batch products we transpose explicitly with the
 * backend's C Transpose and hand a plain product to the stock kernel's XNNPACK path.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  BatchMatMul,
  util,
  type BatchMatMulAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { runStockKernel } from './stockKernels';
import { disposeIntermediate, reshapeWasm, transposeWasm, WASM } from './wasmKernelUtils';

interface BatchMatMulArgs {
  inputs: { a: TensorInfo; b: TensorInfo };
  backend: BackendWasm;
  attrs: BatchMatMulAttrs;
}

/** A 2-D (or batch-of-one) operand as [rows, cols] with the transpose applied; caller disposes. */
function materialize(backend: BackendWasm, t: TensorInfo, transpose: boolean): TensorInfo {
  const rows = t.shape[t.shape.length - 2];
  const cols = t.shape[t.shape.length - 1];
  const flat = reshapeWasm(backend, t, [rows, cols]);
  if (!transpose) return flat;
  const out = transposeWasm(backend, flat, [1, 0]);
  disposeIntermediate(backend, flat);
  return out;
}

/** a·b with optional transposes; single-batch transposed products go through XNNPACK. */
export function batchMatMul(args: BatchMatMulArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { a, b } = inputs;
  const { transposeA, transposeB } = attrs;
  const singleBatch =
    util.sizeFromShape(a.shape.slice(0, -2)) === 1 && util.sizeFromShape(b.shape.slice(0, -2)) === 1;
  if ((!transposeA && !transposeB) || !singleBatch || a.dtype !== 'float32' || b.dtype !== 'float32') {
    return runStockKernel(BatchMatMul, args);
  }
  const a2 = materialize(backend, a, transposeA);
  const b2 = materialize(backend, b, transposeB);
  const product = runStockKernel(BatchMatMul, {
    inputs: { a: a2, b: b2 }, backend, attrs: { transposeA: false, transposeB: false },
  });
  disposeIntermediate(backend, a2);
  disposeIntermediate(backend, b2);
  // Keep the leading batch-of-one dims the stock kernel would have produced.
  const outShape = [...(a.shape.length >= b.shape.length ? a.shape : b.shape).slice(0, -2), ...product.shape.slice(-2)];
  const out = reshapeWasm(backend, product, outShape);
  disposeIntermediate(backend, product);
  return out;
}

/** Kernel registration for {@link batchMatMul} (overrides the backend's own). */
export const batchMatMulConfig: KernelConfig = {
  kernelName: BatchMatMul,
  backendName: WASM,
  kernelFunc: batchMatMul as unknown as KernelFunc,
};

/**
 * A faster `GatherV2` for the wasm backend's common case: gathering whole slices (e.g. the rows of
 * a batch, which `model.fit` does every step). tfjs 4.22's C kernel copies element by element with
 * index arithmetic; here each slice is one `TypedArray.set` (a memcpy) inside the wasm heap.
 * Small slices (e.g. single pixels gathered by the augmentation sampler) are copied element by element
 * (the stock kernel's per-element index arithmetic made them ~40× slower); `batchDims > 0` goes to the
 * stock kernel.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  backend_util,
  GatherV2,
  util,
  type GatherV2Attrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { runStockKernel } from './stockKernels';
import { i32View, WASM } from './wasmKernelUtils';

/** Below this many elements per slice, a plain copy loop beats a subarray + set per slice. */
const MIN_SLICE = 32;

interface GatherV2Args {
  inputs: { x: TensorInfo; indices: TensorInfo };
  backend: BackendWasm;
  attrs: GatherV2Attrs;
}

/** Gathers slices of x along `axis` at `indices`. */
export function gatherV2(args: GatherV2Args): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, indices } = inputs;
  const axis = util.parseAxisParam(attrs.axis, x.shape)[0];
  const batchDims = attrs.batchDims ?? 0;
  const sliceSize = util.sizeFromShape(x.shape.slice(axis + 1));
  const typed = x.dtype === 'float32' || x.dtype === 'int32';
  if (batchDims !== 0 || !typed || indices.dtype !== 'int32') {
    return runStockKernel(GatherV2, args);
  }
  const shapeInfo = backend_util.segment_util.collectGatherOpShapeInfo(x, indices, axis, 0);
  const axisSize = x.shape[axis];
  const outerSize = util.sizeFromShape(x.shape.slice(0, axis));
  for (const index of i32View(backend, indices)) {
    if (index < 0 || index >= axisSize) {
      throw new Error(`GatherV2: the index value ${index} is not in [0, ${axisSize - 1}]`);
    }
  }
  const out = backend.makeOutput(shapeInfo.outputShape, x.dtype);
  const idx = i32View(backend, indices);
  const src = backend.typedArrayFromHeap(x) as Float32Array | Int32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array | Int32Array;
  for (let o = 0; o < outerSize; o++) {
    for (let i = 0; i < idx.length; i++) {
      const from = (o * axisSize + idx[i]) * sliceSize;
      const to = (o * idx.length + i) * sliceSize;
      if (sliceSize >= MIN_SLICE) dst.set(src.subarray(from, from + sliceSize), to);
      else for (let j = 0; j < sliceSize; j++) dst[to + j] = src[from + j]; // e.g. one pixel of a 1-channel image
    }
  }
  return out;
}

/** Kernel registration for {@link gatherV2} (overrides the backend's own). */
export const gatherV2Config: KernelConfig = {
  kernelName: GatherV2,
  backendName: WASM,
  kernelFunc: gatherV2 as unknown as KernelFunc,
};

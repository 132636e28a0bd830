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
  const out = backend.makeOutput(shapeInfo.outputShape, x.dtype);
  // Views after makeOutput: it can grow the heap and detach earlier ones.
  const idx = i32View(backend, indices);
  const src = backend.typedArrayFromHeap(x) as Float32Array | Int32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array | Int32Array;
  // The copy loops check the indices as they go (a separate pass cost as much as the copy itself).
  let bad: number | null = null;
  for (let o = 0; o < outerSize && bad === null; o++) {
    const srcBase = o * axisSize * sliceSize;
    const dstBase = o * idx.length * sliceSize;
    if (sliceSize >= MIN_SLICE) bad = copySlices(dst, src, idx, axisSize, sliceSize, srcBase, dstBase);
    else if (sliceSize === 1 && x.dtype === 'float32') bad = copyFloats(dst as Float32Array, src as Float32Array, idx, axisSize, srcBase, dstBase);
    else if (x.dtype === 'float32') bad = copyElements(dst as Float32Array, src as Float32Array, idx, axisSize, sliceSize, srcBase, dstBase);
    else bad = copyElements(dst as Int32Array, src as Int32Array, idx, axisSize, sliceSize, srcBase, dstBase);
  }
  if (bad !== null) {
    backend.disposeData(out.dataId);
    throw new Error(`GatherV2: the index value ${bad} is not in [0, ${axisSize - 1}]`);
  }
  return out;
}

/** Whole slices, one `set` (a memcpy inside the heap) each. @returns the first index outside [0, axisSize), or null. */
function copySlices(
  dst: Float32Array | Int32Array, src: Float32Array | Int32Array, idx: Int32Array,
  axisSize: number, sliceSize: number, srcBase: number, dstBase: number,
): number | null {
  for (let i = 0; i < idx.length; i++) {
    if ((idx[i] >>> 0) >= axisSize) return idx[i]; // one unsigned compare catches negatives too
    const from = srcBase + idx[i] * sliceSize;
    dst.set(src.subarray(from, from + sliceSize), dstBase + i * sliceSize);
  }
  return null;
}

/**
 * Single float32 values (the augmentation sampler's 4 corners × N·H·W pixels of a greyscale batch):
 * a function of its own keeps V8's loads and stores monomorphic when int32 gathers run too (measured
 * ~5–10% faster than a branch inside `copyElements`).
 * @returns the first index outside [0, axisSize), or null.
 */
function copyFloats(dst: Float32Array, src: Float32Array, idx: Int32Array, axisSize: number, srcBase: number, dstBase: number): number | null {
  for (let i = 0; i < idx.length; i++) {
    const j = idx[i];
    if ((j >>> 0) >= axisSize) return j;
    dst[dstBase + i] = src[srcBase + j];
  }
  return null;
}

/**
 * Small slices element by element (e.g. the sampler's corners of an RGB batch, 3 values each).
 * @returns the first index outside [0, axisSize), or null.
 */
function copyElements<A extends Float32Array | Int32Array>(
  dst: A, src: A, idx: Int32Array, axisSize: number, sliceSize: number, srcBase: number, dstBase: number,
): number | null {
  for (let i = 0; i < idx.length; i++) {
    if ((idx[i] >>> 0) >= axisSize) return idx[i];
    const from = srcBase + idx[i] * sliceSize;
    const to = dstBase + i * sliceSize;
    for (let j = 0; j < sliceSize; j++) dst[to + j] = src[from + j];
  }
  return null;
}

/** Kernel registration for {@link gatherV2} (overrides the backend's own). */
export const gatherV2Config: KernelConfig = {
  kernelName: GatherV2,
  backendName: WASM,
  kernelFunc: gatherV2 as unknown as KernelFunc,
};

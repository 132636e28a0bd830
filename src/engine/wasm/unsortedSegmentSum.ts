/**
 * `UnsortedSegmentSum` for the wasm backend, which tfjs 4.22 lacks; it is the gradient of
 * `gather` (embeddings, label lookups). Ids outside [0, numSegments) contribute nothing, as on cpu.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  UnsortedSegmentSum,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
  type UnsortedSegmentSumAttrs,
} from '@tensorflow/tfjs-core';
import { i32View, makeZeros, WASM } from './wasmKernelUtils';

interface UnsortedSegmentSumArgs {
  inputs: { x: TensorInfo; segmentIds: TensorInfo };
  backend: BackendWasm;
  attrs: UnsortedSegmentSumAttrs;
}

/** out [numSegments, …x.shape[ids.rank:]] with out[id] = Σ x[i] over i where ids[i] = id. */
export function unsortedSegmentSum({ inputs, backend, attrs }: UnsortedSegmentSumArgs): TensorInfo {
  const { x, segmentIds } = inputs;
  const { numSegments } = attrs;
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new Error(`wasm UnsortedSegmentSum supports float32 and int32, got ${x.dtype}`);
  }
  const inner = x.shape.slice(segmentIds.shape.length);
  const sliceSize = util.sizeFromShape(inner);
  const out = makeZeros(backend, [numSegments, ...inner], x.dtype);
  const ids = i32View(backend, segmentIds);
  const src = backend.typedArrayFromHeap(x) as Float32Array | Int32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array | Int32Array;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0 || id >= numSegments) continue;
    const from = i * sliceSize;
    const to = id * sliceSize;
    for (let k = 0; k < sliceSize; k++) dst[to + k] += src[from + k];
  }
  return out;
}

/** Kernel registration for {@link unsortedSegmentSum}. */
export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: WASM,
  kernelFunc: unsortedSegmentSum as unknown as KernelFunc,
};

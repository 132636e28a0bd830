/**
 * Plumbing shared by our WASM training kernels: reading tensor ids and heap views from the
 * `wasm` backend, calling the backend's own kernels and C entry points, and freeing intermediates.
 *
 * Nothing here touches Node-only APIs; it runs the same in a browser worker.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { getKernel, type DataType, type NamedAttrMap, type NamedTensorInfoMap, type TensorInfo } from '@tensorflow/tfjs-core';

/** The backend name every kernel in this folder is registered under. */
export const WASM = 'wasm';

/** The integer id the C side of the wasm backend knows a tensor by. */
export function tensorId(backend: BackendWasm, t: TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).id;
}

/**
 * A Float32Array view of a float32 tensor's bytes on the wasm heap.
 * Take views only after the last allocation of the kernel: `makeOutput` can grow the heap and
 * detach earlier views.
 */
export function f32View(backend: BackendWasm, t: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** An Int32Array view of an int32 tensor on the wasm heap (same caveat as {@link f32View}). */
export function i32View(backend: BackendWasm, t: TensorInfo): Int32Array {
  return backend.typedArrayFromHeap(t) as Int32Array;
}

/** Allocates a zero-filled output tensor on the wasm heap. */
export function makeZeros(backend: BackendWasm, shape: number[], dtype: DataType = 'float32'): TensorInfo {
  const out = backend.makeOutput(shape, dtype);
  (backend.typedArrayFromHeap(out) as Float32Array | Int32Array | Uint8Array).fill(0);
  return out;
}

/** Frees an intermediate created inside a kernel (never an input or the returned output). */
export function disposeIntermediate(backend: BackendWasm, t: TensorInfo): void {
  backend.disposeData(t.dataId);
}

/**
 * Runs a kernel currently registered for the wasm backend, by name, as a plain function.
 * The result is an intermediate the caller owns.
 */
export function runWasmKernel(
  name: string,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
  backend: BackendWasm,
): TensorInfo {
  const config = getKernel(name, WASM);
  if (config === undefined) throw new Error(`wasm kernel '${name}' is not registered`);
  const out = config.kernelFunc({ inputs, attrs, backend });
  if (Array.isArray(out)) throw new Error(`wasm kernel '${name}' returned several outputs`);
  return out;
}

/** Transposes with the backend's C Transpose kernel; returns an intermediate. */
export function transposeWasm(backend: BackendWasm, x: TensorInfo, perm: number[]): TensorInfo {
  return runWasmKernel('Transpose', { x }, { perm }, backend);
}

/** A same-data view with a new shape (the wasm Reshape kernel only bumps the ref count). */
export function reshapeWasm(backend: BackendWasm, x: TensorInfo, shape: number[]): TensorInfo {
  return runWasmKernel('Reshape', { x }, { shape }, backend);
}

/** Arguments of the backend's exported C `Conv2D` (XNNPACK `convolution2d_nhwc_f32`). */
export interface RawConv2DArgs {
  x: TensorInfo;
  /** Filter laid out `[filterHeight, filterWidth, inChannels, outChannels]`. */
  filter: TensorInfo;
  out: TensorInfo;
  batch: number;
  inHeight: number;
  inWidth: number;
  filterHeight: number;
  filterWidth: number;
  /** Explicit, non-negative pads. */
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
  dilationHeight: number;
  dilationWidth: number;
  strideHeight: number;
  strideWidth: number;
  inChannels: number;
  outChannels: number;
}

type RawConv2D = (...args: number[]) => void;
/** The Emscripten `cwrap` the backend's module carries (not in its published typings). */
interface CWrapModule {
  cwrap(ident: string, returnType: null, argTypes: 'number'[]): RawConv2D;
}
const rawConv2dByModule = new WeakMap<object, RawConv2D>();

/**
 * Calls the backend's exported C `Conv2D` directly, which lets us pass explicit asymmetric pads
 * and arbitrary dilations that the tfjs op would reject. Writes into `args.out`.
 *
 * The C side caches one XNNPACK operator per filter tensor id and frees it when that tensor is
 * disposed, so passing a per-step tensor (e.g. an output gradient) as the filter is fine.
 * The argument list is tfjs-backend-wasm 4.22's (19 numbers, `isSamePad` 12th); a tfjs upgrade
 * that changes it shows up at once in this folder's gradient tests.
 */
export function conv2dRaw(backend: BackendWasm, args: RawConv2DArgs): void {
  let fn = rawConv2dByModule.get(backend.wasm);
  if (fn === undefined) {
    fn = (backend.wasm as unknown as CWrapModule).cwrap('Conv2D', null, new Array<'number'>(19).fill('number'));
    rawConv2dByModule.set(backend.wasm, fn);
  }
  const isSamePad = 0;
  fn(
    tensorId(backend, args.x), args.batch, args.inHeight, args.inWidth,
    tensorId(backend, args.filter), args.filterHeight, args.filterWidth,
    args.padTop, args.padRight, args.padBottom, args.padLeft, isSamePad,
    args.dilationHeight, args.dilationWidth, args.strideHeight, args.strideWidth,
    args.inChannels, args.outChannels, tensorId(backend, args.out),
  );
}

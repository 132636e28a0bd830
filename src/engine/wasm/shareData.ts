/**
 * `Identity` and same-dtype `Cast` for the wasm backend without a copy. tfjs 4.22's wasm versions copy
 * the whole tensor (the cpu backend shares it); a ResNet-20 training step made ~100 such copies of
 * full activations (gradient plumbing, `tf.clone`, layers' float casts). Tensor data is never written
 * in place — a variable's `assign` swaps its data id — so sharing the buffer, with the reference count
 * raised as the backend's own `Reshape` does, is safe.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { Cast, Identity, type CastAttrs, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { runStockKernel } from './stockKernels';
import { WASM } from './wasmKernelUtils';

interface IdentityArgs {
  inputs: { x: TensorInfo };
  backend: BackendWasm;
}

/** The same data under a new tensor: x [any shape] → x. */
export function identity(args: IdentityArgs): TensorInfo {
  const { inputs: { x }, backend } = args;
  if (x.dtype === 'string') return runStockKernel(Identity, args);
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Cast: shared data when the dtype does not change, the stock (copying) cast otherwise. */
export function cast(args: IdentityArgs & { attrs: CastAttrs }): TensorInfo {
  if (args.attrs.dtype === args.inputs.x.dtype) return identity(args);
  return runStockKernel(Cast, args);
}

/** Kernel registration for {@link identity} (overrides the backend's own). */
export const identityConfig: KernelConfig = {
  kernelName: Identity,
  backendName: WASM,
  kernelFunc: identity as unknown as KernelFunc,
};

/** Kernel registration for {@link cast} (overrides the backend's own). */
export const castConfig: KernelConfig = {
  kernelName: Cast,
  backendName: WASM,
  kernelFunc: cast as unknown as KernelFunc,
};

/**
 * The wasm backend's own kernels that we override, kept so that our replacements can fall back to
 * them for the cases they do not speed up (e.g. NCHW layouts, batched transposed matmuls).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { getKernel, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { WASM } from './wasmKernelUtils';

const stock = new Map<string, KernelConfig>();
/** Stock kernels whose `setupFunc` (binding C functions) has run, per backend instance. */
const setUp = new WeakMap<BackendWasm, Set<string>>();

/**
 * Remembers the currently registered wasm kernel `name` as the stock one, unless `ours` is what is
 * registered (so that calling this again after our override keeps the true original).
 */
export function rememberStockKernel(name: string, ours: KernelConfig): void {
  const current = getKernel(name, WASM);
  if (current !== undefined && current !== ours) stock.set(name, current);
}

/**
 * Runs the stock wasm kernel `name` as remembered before we replaced it. tfjs only runs a kernel's
 * `setupFunc` for kernels registered when the backend initialises, and ours had displaced the stock
 * one by then, so we run it here once per backend instance.
 */
export function runStockKernel(name: string, args: { inputs: object; backend: BackendWasm; attrs?: object }): TensorInfo {
  const config = stock.get(name);
  if (config === undefined) throw new Error(`no stock wasm kernel '${name}' was remembered`);
  let done = setUp.get(args.backend);
  if (done === undefined) {
    done = new Set();
    setUp.set(args.backend, done);
  }
  if (!done.has(name)) {
    config.setupFunc?.(args.backend);
    done.add(name);
  }
  const out = config.kernelFunc(args as unknown as Parameters<KernelFunc>[0]);
  if (Array.isArray(out)) throw new Error(`stock wasm kernel '${name}' returned several outputs`);
  return out;
}

/**
 * Starts the kernel pool's helper workers (browser only: Vite bundles kernelHelper.worker.ts) and
 * installs the pool our WASM kernels use.
 */
import { createKernelPool, installKernelPool, type KernelPool } from './kernelPool';

/** Starts `count` helpers (0: none, the kernels run inline) and installs the pool. */
export function startKernelHelpers(count: number): KernelPool {
  const helpers = Array.from({ length: Math.max(0, count) }, (_, i) =>
    new Worker(new URL('./kernelHelper.worker.ts', import.meta.url), { type: 'module', name: `cnn-playground-kernels-${i + 1}` }));
  const pool = createKernelPool(helpers);
  installKernelPool(pool);
  return pool;
}

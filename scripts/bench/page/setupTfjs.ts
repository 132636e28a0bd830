/**
 * tfjs in the bench worker, set up exactly as src/engine/engine.worker.ts sets up the engine's: all four
 * backends, the wasm binaries' hashed URLs, threaded SIMD wasm on a thread per core when the page is
 * cross-origin isolated (or single-threaded on request), and our wasm training kernels.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmTrainingKernels } from '../../../src/engine/wasm/registerWasmTrainingKernels';
import { planWasmThreads, startWasmWithThreads } from '../../../src/engine/wasm/wasmThreads';
import type { BenchBackend } from '../schema';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

let wasmKernelsError: string | null = null;
try {
  registerWasmTrainingKernels();
} catch (error) {
  wasmKernelsError = error instanceof Error ? error.message : String(error);
}

/**
 * Activates `name` and checks that tfjs really runs it (`tf.setBackend` can resolve false, or true and
 * still fall back).
 * @throws Error naming the backend that runs instead, or why wasm cannot train
 */
export async function activateBenchBackend(name: BenchBackend, wasmThreads = true): Promise<string> {
  if (name === 'wasm' && wasmKernelsError !== null) throw new Error(`wasm training kernels did not register: ${wasmKernelsError}`);
  const activate = async (): Promise<boolean> => {
    const done = await tf.setBackend(name);
    await tf.ready();
    return done;
  };
  const ok = name === 'wasm' ? (await startWasmWithThreads(planWasmThreads(wasmThreads), activate)).result : await activate();
  const actual = tf.getBackend();
  if (!ok || actual !== name) throw new Error(`tf.setBackend('${name}') returned ${ok}; tf.getBackend() is ${actual}`);
  return actual;
}

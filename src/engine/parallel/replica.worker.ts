/// <reference lib="webworker" />
/**
 * A replica worker for data-parallel training (dataParallel.ts): tfjs on one-thread SIMD WASM with our
 * training kernels, one copy of the model, the gradients of its share of each batch. The training
 * worker starts one per further core.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import '@tensorflow/tfjs-layers';
import { registerWasmTrainingKernels } from '../wasm/registerWasmTrainingKernels';
import { ReplicaCore } from './replicaCore';
import type { ReplicaApi } from './replicaProtocol';

// tfjs wants every binary named, though a replica loads only the one-thread SIMD one.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

const replica: ReplicaApi = new ReplicaCore(async () => {
  // One thread: the other cores run the training worker and the other replicas.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmTrainingKernels();
  if (!(await tf.setBackend('wasm'))) throw new Error('replica: the WASM backend did not start');
  await tf.ready();
  return tf.getBackend();
});
Comlink.expose(replica);

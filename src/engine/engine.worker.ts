/// <reference lib="webworker" />
/**
 * The training worker: owns tfjs, the model, the optimizer, the dataset and every tensor. The UI talks to
 * it through Comlink with the typed API of protocol.ts; only plain numbers and typed arrays come back.
 */
import * as Comlink from 'comlink';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { Engine } from './engine';
import { guardedFetch } from './originPolicy';
import { installErrorTransfer } from './errorTransfer';
import { InspectFeature } from './inspect/inspectApi';
import { UploadsFeature } from './uploads/uploadsApi';
import { TransferFeature } from './transfer/transferApi';
import { KerasFeature } from './keras/kerasApi';
import type { WorkerApi } from './workerApi';
import type { EngineApi } from './protocol';
import type { InspectApi } from './inspect/inspectProtocol';
import type { UploadsApi } from './uploads/uploadsProtocol';
import type { TransferApi } from './transfer/transferProtocol';
import type { KerasApi } from './keras/kerasProtocol';
import { registerWasmTrainingKernels } from './wasm/registerWasmTrainingKernels';
import { workerWasmStarter } from './wasm/wasmThreads';
import { startReplicaWorkers } from './parallel/replicaWorkers';

// Vite serves the .wasm files under hashed names: tell tfjs where they are, or it fetches index.html.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});
// Threads (one per core) when the page is cross-origin isolated, else single-thread SIMD: see
// wasm/wasmThreads.ts; scripts/build/wasmThreads.ts makes the threaded build survive minification.

let wasmReady = false;
try {
  registerWasmTrainingKernels();
  wasmReady = true;
} catch (error) {
  console.warn('WASM training kernels unavailable', error);
}

// Errors keep their message code and parameters across the boundary (the UI translates them).
installErrorTransfer();

// Every fetch of this worker (datasets, bases, tfjs' model loader) obeys the origin policy.
self.fetch = guardedFetch(self.fetch.bind(self), self.location.origin);

const core = new Engine(
  () => wasmReady,
  (options) => workerWasmStarter(options.wasmThreads === false ? 'one' : options.wasmCores ?? 'workers'),
  startReplicaWorkers,
);
// Each entry is typed as its protocol interface: the classes' other public members stay in the worker.
const inspect: InspectApi = new InspectFeature(core);
const uploads: UploadsApi = new UploadsFeature(core);
const transfer: TransferApi = new TransferFeature(core);
const keras: KerasApi = new KerasFeature(core);
const engine: EngineApi = core;
const api: WorkerApi = {
  core: Comlink.proxy(engine),
  inspect: Comlink.proxy(inspect),
  uploads: Comlink.proxy(uploads),
  transfer: Comlink.proxy(transfer),
  keras: Comlink.proxy(keras),
};
Comlink.expose(api);

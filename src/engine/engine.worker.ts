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
import { installErrorTransfer } from './errorTransfer';
import { InspectApi } from './inspect/inspectApi';
import { UploadsApi } from './uploads/uploadsApi';
import { TransferApi } from './transfer/transferApi';
import { KerasApi } from './keras/kerasApi';
import type { WorkerApi } from './workerApi';
import { registerWasmTrainingKernels } from './wasm/registerWasmTrainingKernels';
import { workerWasmStarter } from './wasm/wasmThreads';

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

const core = new Engine(() => wasmReady, (options) => workerWasmStarter(options.wasmThreads ?? true));
const api: WorkerApi = {
  core: Comlink.proxy(core),
  inspect: Comlink.proxy(new InspectApi(core)),
  uploads: Comlink.proxy(new UploadsApi(core)),
  transfer: Comlink.proxy(new TransferApi(core)),
  keras: Comlink.proxy(new KerasApi(core)),
};
Comlink.expose(api);

/**
 * The UI's handle on the training worker. The UI imports this file (and protocol types) only: tfjs stays
 * in the worker bundle.
 */
import * as Comlink from 'comlink';
import { installErrorTransfer } from './errorTransfer';
import type { WorkerApi } from './workerApi';

installErrorTransfer();

export type WorkerClient = Comlink.Remote<WorkerApi>;
export type EngineClient = WorkerClient['core'];

/** Starts a training worker and returns its typed remote (`.core`, and one entry per feature) plus terminate. */
export function startEngine(): { worker: WorkerClient; terminate: () => void } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'cnn-playground-engine' });
  return { worker: Comlink.wrap<WorkerApi>(worker), terminate: () => worker.terminate() };
}

/** Wraps a callback so the worker can call it back across the thread boundary. */
export const callback = Comlink.proxy;

/**
 * The UI's handle on the training worker. The UI imports this file (and protocol types) only: tfjs stays
 * in the worker bundle.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './protocol';

export type EngineClient = Comlink.Remote<EngineApi>;

/** Starts a training worker and returns its typed remote plus a terminate function. */
export function startEngine(): { engine: EngineClient; terminate: () => void } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'cnn-playground-engine' });
  return { engine: Comlink.wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}

/** Wraps a callback so the worker can call it back across the thread boundary. */
export const callback = Comlink.proxy;

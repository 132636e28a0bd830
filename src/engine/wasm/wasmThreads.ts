/**
 * How many threads tfjs' WASM backend (and with it XNNPACK's thread pool, which our training kernels
 * use) gets, decided once per worker before the backend first starts.
 *
 * - Threads need SharedArrayBuffer, which browsers give only to cross-origin-isolated pages (COOP +
 *   COEP headers; on GitHub Pages our service worker adds them, see src/sw.ts). Elsewhere: one thread,
 *   and the backend status says why.
 * - tfjs 4.22 caps XNNPACK's pool at `navigator.hardwareConcurrency / 2` (it assumes two hyper-threads
 *   per core), so a 2-core machine would get one thread and a 4-core laptop two. We ask for every
 *   logical core (the pool's work is memory-bound GEMM tiles, where a second hyper-thread still helps),
 *   up to the 8 pthread workers the build pre-creates.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { message, type UserMessage } from '../../messages/index';
import type { WasmStarter } from '../backends';
import { startKernelHelpers } from './kernelHelpers';

/** tfjs-backend-wasm's build pre-creates this many pthread workers; more would be created lazily and can deadlock. */
export const MAX_WASM_THREADS = 8;

/** Why the backend runs on the threads it does. */
export type WasmThreadsWhy = 'isolated' | 'notIsolated' | 'off' | 'oneCore' | 'workers';

/**
 * How the WASM backend uses the cores: `workers` — data-parallel over one worker per core, each on one
 * thread (src/engine/parallel/, the default: every kernel scales); `threads` — one worker whose XNNPACK
 * pool has a thread per core (only the large convolutions scale); `one` — one thread.
 */
export type WasmCores = 'workers' | 'threads' | 'one';

/** Data-parallel workers at most (the training worker included): beyond that, a step's shares get small. */
export const MAX_WASM_WORKERS = 4;

/** The decision, made before the wasm backend starts. */
export interface WasmThreadPlan {
  threads: number;
  why: WasmThreadsWhy;
}

/** What the plan looks at (the worker's global scope; a stand-in in tests). */
export interface ThreadScope {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

/**
 * Plans the thread count: every logical core (at most {@link MAX_WASM_THREADS}) when the scope is
 * cross-origin isolated and `want` is true, otherwise one thread and the reason.
 */
export function planWasmThreads(want: boolean, scope: ThreadScope = globalThis as ThreadScope): WasmThreadPlan {
  const cores = Math.max(1, Math.min(MAX_WASM_THREADS, Math.floor(scope.navigator?.hardwareConcurrency ?? 1)));
  if (!want) return { threads: 1, why: 'off' };
  if (scope.crossOriginIsolated !== true) return { threads: 1, why: 'notIsolated' };
  if (cores < 2) return { threads: 1, why: 'oneCore' };
  return { threads: cores, why: 'isolated' };
}

/**
 * Plans the cores for `mode`: data-parallel workers where threads would run (a cross-origin-isolated page
 * on two or more cores, as for XNNPACK's threads; workers themselves need no isolation, but one rule
 * for both keeps the status honest and the fallback the same) and `Worker` exists; each worker then
 * runs one thread. Otherwise as {@link planWasmThreads}.
 * @returns the thread plan of this worker's backend and the number of workers (1: no replicas)
 */
export function planWasmCores(mode: WasmCores, scope: ThreadScope & { Worker?: unknown } = globalThis as ThreadScope): { plan: WasmThreadPlan; workers: number } {
  const threads = planWasmThreads(mode !== 'one', scope);
  if (mode !== 'workers' || threads.why !== 'isolated' || typeof scope.Worker !== 'function') return { plan: threads, workers: 1 };
  return { plan: { threads: 1, why: 'workers' }, workers: Math.min(MAX_WASM_WORKERS, threads.threads) };
}

/** The plan of the first wasm start in this worker: tfjs builds its module (and thread pool) once. */
let started: WasmThreadPlan | null = null;

/**
 * Runs `start` (which activates the wasm backend) under `plan`: the single-threaded SIMD build when the
 * plan has one thread, otherwise the threaded SIMD build with `plan.threads` pool threads. Only the
 * first call in a worker decides; later calls run `start` as it is and keep the first plan.
 * @returns start's result and the plan in force
 */
export async function startWasmWithThreads<T>(plan: WasmThreadPlan, start: () => Promise<T>): Promise<{ result: T; plan: WasmThreadPlan }> {
  if (started) return { result: await start(), plan: started };
  started = plan;
  if (plan.threads <= 1) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return { result: await start(), plan };
  }
  setThreadsCount(plan.threads);
  // The module computes its cap (hardwareConcurrency / 2) while it is instantiated: let it see twice
  // the cores for that moment, so that the cap is the real count.
  const nav = globalThis.navigator as unknown as Record<string, unknown>;
  const real = plan.threads;
  Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * real, configurable: true });
  let result: T;
  try {
    result = await start();
  } finally {
    delete nav.hardwareConcurrency;
  }
  // Our kernels' own loops (MaxPoolGrad) get as many threads: helpers on the shared heap (kernelPool.ts).
  const inUse = wasmThreadsInUse();
  if (inUse > 1 && typeof Worker !== 'undefined') startKernelHelpers(inUse - 1);
  return { result, plan };
}

/** Threads XNNPACK's pool really has (tfjs' own count once the backend runs; 1 before). */
export function wasmThreadsInUse(): number {
  try {
    return Math.max(1, getThreadsCount());
  } catch {
    return 1;
  }
}

/** "2 threads", or "one thread: <why>", as a message. */
export function describeWasmThreads(plan: WasmThreadPlan, inUse: number, workers = 1): UserMessage {
  if (workers > 1) return message('backend.workers', { count: workers });
  if (inUse > 1) return message('backend.threads', { count: inUse });
  const why = plan.why === 'isolated' || plan.why === 'workers' ? 'backend.threadsRefused' : plan.why === 'notIsolated' ? 'backend.threadsNotIsolated' : plan.why === 'off' ? 'backend.threadsOff' : 'backend.threadsOneCore';
  return message('backend.oneThread', { why: message(why) });
}

/**
 * The worker's {@link WasmStarter}: plans the cores from the worker scope (`mode` 'one' forces one
 * thread) and describes the result for the backend status. Only the first start in a worker decides.
 */
export function workerWasmStarter(mode: WasmCores): WasmStarter {
  let cores = started ? { plan: started, workers: startedWorkers } : planWasmCores(mode);
  return {
    start: async (start) => {
      const r = await startWasmWithThreads(cores.plan, start);
      if (r.plan !== cores.plan) cores = { plan: r.plan, workers: startedWorkers };
      else startedWorkers = cores.workers;
      return r.result;
    },
    describe: () => {
      const threads = wasmThreadsInUse();
      const workers = cores.plan.why === 'workers' && threads === 1 ? cores.workers : 1;
      return { threads, workers, note: describeWasmThreads(cores.plan, threads, workers) };
    },
  };
}

/** The data-parallel workers of the first wasm start in this worker (with {@link started}). */
let startedWorkers = 1;

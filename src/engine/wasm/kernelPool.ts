/**
 * A pool for the JavaScript loops of our WASM training kernels (parallelKernels.ts). With tfjs' threaded
 * build the wasm heap is a SharedArrayBuffer, so helper workers can work on the kernel's tensors in
 * place: the training worker posts a job, then claims chunks itself while the helpers claim theirs
 * (work stealing through one atomic counter), and waits only for chunks a helper has begun. A helper
 * that is slow to wake — another process holds the core — costs nothing: the training worker does its
 * chunks. Without shared memory, or with no helper, the job runs inline.
 */
import { jobItems, runJobItems, type ParallelJob } from './parallelKernels';

/** Chunks per thread: enough for the claims to even out an uneven machine. */
const CHUNKS_PER_THREAD = 4;

/** What a helper receives for one job. */
export interface JobMessage {
  heap: SharedArrayBuffer;
  job: ParallelJob;
  /** Int32 [next chunk to claim, chunks done], fresh per job (a late helper finds it all claimed). */
  control: SharedArrayBuffer;
  chunks: number;
}

/** Claims and runs chunks of a job until none is left. Used by the training worker and every helper. */
export function runChunks(message: JobMessage): void {
  const control = new Int32Array(message.control);
  const items = jobItems(message.job);
  for (;;) {
    const c = Atomics.add(control, 0, 1);
    if (c >= message.chunks) return;
    runJobItems(message.heap, message.job, Math.floor((c * items) / message.chunks), Math.floor(((c + 1) * items) / message.chunks));
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}

/** The training worker's side of the pool. */
export interface KernelPool {
  readonly helpers: number;
  /** Jobs run so far through the helpers (for tests and the status line). */
  readonly jobs: number;
  /** Runs `job` on `heap`, in parallel when `heap` is shared; returns when every item is done. */
  run(heap: ArrayBufferLike, job: ParallelJob): void;
  terminate(): void;
}

/** Something a job message can be posted to: a Worker, or a stand-in in tests. */
export interface HelperPort {
  postMessage(message: JobMessage): void;
  terminate(): void;
}

/** A pool over `helpers` (their count is the pool's size less this thread). */
export function createKernelPool(helpers: readonly HelperPort[]): KernelPool {
  let jobs = 0;
  return {
    helpers: helpers.length,
    get jobs() {
      return jobs;
    },
    run(heap, job) {
      const items = jobItems(job);
      if (helpers.length === 0 || items < 2 || !(heap instanceof SharedArrayBuffer)) {
        runJobItems(heap, job, 0, items);
        return;
      }
      jobs++;
      const chunks = Math.min(items, (helpers.length + 1) * CHUNKS_PER_THREAD);
      const message: JobMessage = { heap, job, control: new SharedArrayBuffer(8), chunks };
      for (const h of helpers) h.postMessage(message);
      runChunks(message);
      const control = new Int32Array(message.control);
      for (let done = Atomics.load(control, 1); done < chunks; done = Atomics.load(control, 1)) Atomics.wait(control, 1, done, 100);
    },
    terminate() {
      for (const h of helpers) h.terminate();
    },
  };
}

let installed: KernelPool | null = null;

/** The pool our kernels use (null: run inline). */
export function kernelPool(): KernelPool | null {
  return installed;
}

/** Installs (or, with null, removes) the pool; the previous one's helpers are terminated. */
export function installKernelPool(pool: KernelPool | null): void {
  if (installed && installed !== pool) installed.terminate();
  installed = pool;
}

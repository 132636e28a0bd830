/**
 * Starts replica workers (browser only: Vite bundles replica.worker.ts) and reaches each through
 * Comlink. A worker that dies (fails to load, runs out of memory outside tfjs) rejects every call in
 * flight with a clear error instead of leaving the step waiting forever.
 */
import * as Comlink from 'comlink';
import type { ReplicaEndpoint } from './dataParallel';
import type { ReplicaApi } from './replicaProtocol';

/** Starts `count` replica workers. */
export function startReplicaWorkers(count: number): ReplicaEndpoint[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const worker = new Worker(new URL('./replica.worker.ts', import.meta.url), { type: 'module', name: `cnn-playground-replica-${i + 1}` });
    const remote = Comlink.wrap<ReplicaApi>(worker);
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => reject(new Error(`replica worker ${i + 1} stopped: ${e.message || 'it failed to load or crashed'}`)));
    });
    died.catch(() => undefined);
    const guard = <T>(p: Promise<T>): Promise<T> => Promise.race([p, died]);
    const api: ReplicaApi = {
      start: () => guard(remote.start()),
      attach: (m) => guard(remote.attach(m)),
      gradients: (r) => guard(remote.gradients(r)),
      detach: () => guard(remote.detach()),
    };
    return {
      api,
      gradients: (r) => guard(remote.gradients(Comlink.transfer(r, [r.x.buffer, r.y.buffer]))),
      terminate: () => {
        remote[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  });
}

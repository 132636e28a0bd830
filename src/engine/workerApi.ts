/**
 * Everything the worker exposes, one entry per feature: `core` is the Keras workflow (protocol.ts);
 * feature modules (inspection, uploads, transfer, …) add their own entry here and in engine.worker.ts.
 * The UI reaches them as `worker.core.fit(…)`, `worker.inspect.…` through Comlink.
 */
import type { ProxyMarked } from 'comlink';
import type { EngineApi } from './protocol';
import type { InspectApi } from './inspect/inspectApi';
import type { UploadsApi } from './uploads/uploadsApi';
import type { TransferApi } from './transfer/transferApi';
import type { KerasApi } from './keras/kerasApi';

/** Each entry is wrapped with Comlink.proxy in the worker, so the UI gets a typed remote for it. */
export interface WorkerApi {
  core: EngineApi & ProxyMarked;
  inspect: InspectApi & ProxyMarked;
  uploads: UploadsApi & ProxyMarked;
  transfer: TransferApi & ProxyMarked;
  keras: KerasApi & ProxyMarked;
}

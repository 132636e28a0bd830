/**
 * Everything the worker exposes, one entry per feature: `core` is the Keras workflow (protocol.ts);
 * feature modules (inspection, uploads, transfer, …) add their own entry here and in engine.worker.ts.
 * The UI reaches them as `worker.core.fit(…)`, `worker.inspect.…` through Comlink. Only the protocol
 * files' interfaces are remote API: a public helper on an implementing class is not.
 */
import type { ProxyMarked } from 'comlink';
import type { EngineApi } from './protocol';
import type { InspectApi } from './inspect/inspectProtocol';
import type { UploadsApi } from './uploads/uploadsProtocol';
import type { TransferApi } from './transfer/transferProtocol';
import type { KerasApi } from './keras/kerasProtocol';

/** Each entry is wrapped with Comlink.proxy in the worker, so the UI gets a typed remote for it. */
export interface WorkerApi {
  core: EngineApi & ProxyMarked;
  inspect: InspectApi & ProxyMarked;
  uploads: UploadsApi & ProxyMarked;
  transfer: TransferApi & ProxyMarked;
  keras: KerasApi & ProxyMarked;
}

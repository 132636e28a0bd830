/// <reference lib="webworker" />
/**
 * A helper of the kernel pool (kernelPool.ts): claims and runs chunks of the jobs the training worker
 * posts, on the shared wasm heap. Holds no tfjs.
 */
import { runChunks, type JobMessage } from './kernelPool';

self.onmessage = (e: MessageEvent<JobMessage>) => runChunks(e.data);

/**
 * What the page and the service worker say to each other about content that is cached on demand
 * (datasets and pretrained models): the page asks for the list, the worker answers with each file's
 * size and whether it is cached. Pure types and helpers.
 */

/** Files under these folders (relative to the site root) are cached on first use, never precached. */
export const ON_DEMAND_FOLDERS = ['data/', 'models/'] as const;

/**
 * tfjs' plain WebAssembly build (no SIMD): only browsers without WebAssembly SIMD (pre-2021) fetch it,
 * so it is not part of the shell every visitor precaches (the SIMD and threaded-SIMD builds are).
 */
const PLAIN_WASM = /^assets\/tfjs-backend-wasm-[\w-]{8}\.wasm$/;

/** True when `path` (relative to the site root, no leading slash) is content cached on demand. */
export function isOnDemand(path: string): boolean {
  return ON_DEMAND_FOLDERS.some((folder) => path.startsWith(folder)) || PLAIN_WASM.test(path);
}

/** One on-demand file. */
export interface ContentEntry {
  /** Relative to the site root, e.g. `data/mnist/train-images-0.u8.gz`. */
  path: string;
  /** Size on the wire (the file's size; shards are already gzip). */
  bytes: number;
  /** True when this exact revision is in the service worker's cache. */
  cached: boolean;
}

/** The page's question (posted with a MessagePort to answer on). */
export interface ContentStatusRequest {
  type: 'cnn-content-status';
}

/** The service worker's answer. */
export interface ContentStatusReply {
  type: 'cnn-content-status';
  entries: ContentEntry[];
}

/** Whether a message is the page's content-status question. */
export function isContentStatusRequest(data: unknown): data is ContentStatusRequest {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'cnn-content-status';
}

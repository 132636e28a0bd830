/**
 * Loads a bundled dataset (`public/data/<id>/`) into typed arrays: manifest first, then every shard in
 * parallel. For the main thread or a worker; no tfjs.
 */
import type { BundledDatasetId, ImageDataset, ImageSplit, SplitManifest } from './datasetTypes';
import { fetchShard, type FetchLike } from './fetchShard';
import { parseManifest } from './manifest';

/** Optional knobs of {@link loadBundledDataset}. */
export interface LoadBundledOptions {
  /** Replaces the global `fetch` (tests, caching layers). */
  readonly fetch?: FetchLike;
  /** Cancels every outstanding request. */
  readonly signal?: AbortSignal;
  /** Check each shard's SHA-256 where `crypto.subtle` exists. Default true; costs a few ms per MB. */
  readonly verifyChecksums?: boolean;
}

/** Progress in compressed bytes; `totalBytes` is known once the manifest has arrived. */
export type LoadProgress = (loadedBytes: number, totalBytes: number) => void;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `base` + `/` + `path`, tolerating a trailing slash on `base`. */
function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

async function fetchManifestJson(url: string, fetchFn: FetchLike, signal: AbortSignal | undefined): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal });
  } catch (error) {
    throw new Error(`Could not fetch ${url}: ${errorMessage(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // A dev server's HTML fallback page is the usual culprit.
    throw new Error(`${url} is not JSON (${errorMessage(error)}); starts with ${JSON.stringify(text.slice(0, 40))}`, { cause: error });
  }
}

function checkLabels(labels: Uint8Array, numClasses: number, where: string): void {
  const bad = labels.findIndex((label) => label >= numClasses);
  if (bad >= 0) throw new Error(`${where}: label ${labels[bad]} at index ${bad} is not below the ${numClasses} classes`);
}

/**
 * Fetches and decodes a bundled dataset.
 * @param id which dataset
 * @param baseUrl URL of the folder that holds the dataset folders, e.g. `${import.meta.env.BASE_URL}data`.
 *   In a worker pass an absolute URL: relative ones resolve against the worker script.
 * @param onProgress called as compressed bytes arrive; the last call has `loadedBytes === totalBytes`
 * @param options injectable fetch, abort signal, checksum switch
 * @throws Error with the URL and HTTP status, or the shard that is truncated, corrupt or mismatched
 */
export async function loadBundledDataset(
  id: BundledDatasetId,
  baseUrl: string,
  onProgress?: LoadProgress,
  options: LoadBundledOptions = {},
): Promise<ImageDataset> {
  try {
    return await load(id, baseUrl, onProgress, options);
  } catch (error) {
    // A caller who aborted gets its own reason back (usually a DOMException named AbortError), not our wrapping.
    if (options.signal?.aborted) throw options.signal.reason;
    throw error;
  }
}

async function load(id: BundledDatasetId, baseUrl: string, onProgress: LoadProgress | undefined, options: LoadBundledOptions): Promise<ImageDataset> {
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const folder = joinUrl(baseUrl, id);
  const manifest = parseManifest(await fetchManifestJson(joinUrl(folder, 'manifest.json'), fetchFn, options.signal), id);
  const [h, w, c] = manifest.imageShape;
  const bytesPerImage = h * w * c;
  const allShards = [manifest.train, manifest.test].flatMap((split) => [...split.images, split.labels]);
  const totalBytes = allShards.reduce((sum, shard) => sum + shard.gzipBytes, 0);
  let loadedBytes = 0;
  onProgress?.(0, totalBytes);

  // One failing shard cancels its siblings instead of letting them download for nothing.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.throwIfAborted();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const shardOptions = {
    fetch: fetchFn,
    signal: controller.signal,
    verifyChecksum: options.verifyChecksums ?? true,
    onBytes: (delta: number): void => {
      loadedBytes += delta;
      onProgress?.(loadedBytes, totalBytes);
    },
  };
  const loadSplit = async (split: SplitManifest, name: string): Promise<ImageSplit> => {
    const images = new Uint8Array(split.count * bytesPerImage);
    let offset = 0;
    const offsets = split.images.map((shard) => {
      const start = offset;
      offset += shard.bytes;
      return start;
    });
    const [labels] = await Promise.all([
      fetchShard(joinUrl(folder, split.labels.file), split.labels, shardOptions),
      ...split.images.map(async (shard, k) => {
        images.set(await fetchShard(joinUrl(folder, shard.file), shard, shardOptions), offsets[k]);
      }),
    ]);
    checkLabels(labels, manifest.classNames.length, `${id} ${name} labels`);
    return { images, labels, count: split.count };
  };
  try {
    const [train, test] = await Promise.all([loadSplit(manifest.train, 'train'), loadSplit(manifest.test, 'test')]);
    return { id: manifest.id, name: manifest.name, imageShape: manifest.imageShape, classNames: manifest.classNames, train, test };
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

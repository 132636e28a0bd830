/**
 * Loads a bundled dataset (`public/data/<id>/`) into typed arrays: manifest first, then the shards in
 * parallel — all of them, or with `trainLimit` only the training shards that hold the first examples a
 * run uses (a classroom on Wi-Fi downloads 1 of MNIST's 20 for `limit=2000`). For the main thread or
 * a worker; no tfjs.
 */
import type { BundledDatasetId, ImageDataset, ImageSplit, ShardInfo, SplitManifest } from './datasetTypes';
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
  /**
   * Load only the training shards holding the first `trainLimit` examples (0 or absent: all). The test
   * split and the labels always load whole.
   */
  readonly trainLimit?: number;
  /** A prefix of the same dataset loaded before: its shards are copied instead of fetched again. */
  readonly have?: ImageDataset;
}

/** How many training examples the first `shards` of a split hold, and which ones cover `need` examples. */
export function trainShardsFor(split: SplitManifest, need: number): { shards: number; count: number } {
  const want = need > 0 ? Math.min(need, split.count) : split.count;
  let count = 0;
  let shards = 0;
  while (shards < split.images.length && count < want) count += split.images[shards++].count;
  return { shards, count };
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
  const prefix = trainShardsFor(manifest.train, options.trainLimit ?? 0);
  const have = options.have?.id === manifest.id ? options.have : undefined;
  const reused = have ? trainShardsFor(manifest.train, have.train.count) : { shards: 0, count: 0 };
  // Shards of `have` are reused only when it holds them whole (a prefix load always does).
  const reuse = have && reused.count <= have.train.count ? Math.min(reused.shards, prefix.shards) : 0;
  const trainImages = manifest.train.images.slice(0, prefix.shards);
  // A prefix keeps the whole label shard behind its labels (a subarray): extending needs no new fetch.
  const haveLabels = have && have.train.labels.byteOffset === 0 && have.train.labels.buffer.byteLength >= prefix.count
    ? new Uint8Array(have.train.labels.buffer, 0, prefix.count) : null;
  const toFetch = [...trainImages.slice(reuse), ...(haveLabels ? [] : [manifest.train.labels]), ...(have ? [] : [...manifest.test.images, manifest.test.labels])];
  const totalBytes = toFetch.reduce((sum, shard) => sum + shard.gzipBytes, 0);
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
  const fetchImages = async (shards: readonly ShardInfo[], count: number, first: number, from?: Uint8Array): Promise<Uint8Array> => {
    const images = new Uint8Array(count * bytesPerImage);
    let offset = 0;
    await Promise.all(shards.map(async (shard, k) => {
      const start = offset;
      offset += shard.bytes;
      if (k < first && from) images.set(from.subarray(start, start + shard.bytes), start);
      else images.set(await fetchShard(joinUrl(folder, shard.file), shard, shardOptions), start);
    }));
    return images;
  };
  const loadTest = async (): Promise<ImageSplit> => {
    if (have) return have.test;
    const [images, labels] = await Promise.all([
      fetchImages(manifest.test.images, manifest.test.count, 0),
      fetchShard(joinUrl(folder, manifest.test.labels.file), manifest.test.labels, shardOptions),
    ]);
    checkLabels(labels, manifest.classNames.length, `${id} test labels`);
    return { images, labels, count: manifest.test.count };
  };
  const loadTrain = async (): Promise<ImageSplit> => {
    const [images, allLabels] = await Promise.all([
      fetchImages(trainImages, prefix.count, reuse, have?.train.images),
      haveLabels ? Promise.resolve(null) : fetchShard(joinUrl(folder, manifest.train.labels.file), manifest.train.labels, shardOptions),
    ]);
    if (allLabels) checkLabels(allLabels, manifest.classNames.length, `${id} train labels`);
    return { images, labels: allLabels ? allLabels.subarray(0, prefix.count) : haveLabels!, count: prefix.count };
  };
  try {
    const [train, test] = await Promise.all([loadTrain(), loadTest()]);
    const partial = prefix.count < manifest.train.count ? { trainTotal: manifest.train.count } : {};
    return { id: manifest.id, name: manifest.name, imageShape: manifest.imageShape, classNames: manifest.classNames, train, test, ...partial };
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

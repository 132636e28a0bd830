/**
 * Fetches one gzip shard, inflates it with the platform's `DecompressionStream` and checks it against
 * its manifest entry. Runs in windows, workers and Node ≥ 20; no tfjs.
 */
import type { ShardInfo } from './datasetTypes';

/** The part of `fetch` the loader uses; inject a fake in tests. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/** How to fetch and check one shard. */
export interface FetchShardOptions {
  readonly fetch: FetchLike;
  readonly signal?: AbortSignal;
  /** Called with each increase of this shard's progress, in compressed bytes; sums to `gzipBytes` on success. */
  readonly onBytes?: (delta: number) => void;
  /** Compare SHA-256 when `crypto.subtle` exists (it is missing on plain-http origins other than localhost). */
  readonly verifyChecksum: boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isGzipHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function inflate(compressed: Uint8Array<ArrayBuffer>, file: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new Error(`Shard ${file} is truncated or corrupt: gzip failed (${message(error)})`, { cause: error });
  }
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads the whole body, reporting progress as it arrives. A server that sends the file with
 * `Content-Encoding: gzip` (some do for `.gz`) hands us inflated bytes; progress is then scaled so it
 * still ends at `gzipBytes`.
 */
async function readBody(response: Response, info: ShardInfo, onBytes: (delta: number) => void): Promise<{ bytes: Uint8Array<ArrayBuffer>; gzip: boolean }> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, gzip: isGzipHeader(bytes) };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let reported = 0;
  let scale = 1;
  let decided = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (!decided && received >= 3) {
      decided = true;
      if (!isGzipHeader(concat(chunks, received).subarray(0, 3))) scale = info.gzipBytes / Math.max(1, info.bytes);
    }
    const now = Math.min(info.gzipBytes, Math.floor(received * scale));
    if (now > reported) {
      onBytes(now - reported);
      reported = now;
    }
  }
  const bytes = concat(chunks, received);
  return { bytes, gzip: isGzipHeader(bytes) };
}

/**
 * Downloads `url`, inflates it and verifies size and checksum.
 * @returns the uncompressed shard, exactly `info.bytes` long
 * @throws Error naming the shard: HTTP status, network failure, truncation, corrupt gzip, size or checksum mismatch
 */
export async function fetchShard(url: string, info: ShardInfo, options: FetchShardOptions): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await options.fetch(url, { signal: options.signal });
  } catch (error) {
    throw new Error(`Could not fetch ${url}: ${message(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  // Dev servers answer a missing file with the app's index.html and status 200.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw new Error(`Could not fetch ${url}: the server sent an HTML page instead of the shard (missing file? run npm run data:pack)`);
  }
  let progress = 0;
  const onBytes = (delta: number): void => {
    progress += delta;
    options.onBytes?.(delta);
  };
  let body: { bytes: Uint8Array<ArrayBuffer>; gzip: boolean };
  try {
    body = await readBody(response, info, onBytes);
  } catch (error) {
    throw new Error(`Download of ${url} broke off: ${message(error)}`, { cause: error });
  }
  let data = body.bytes;
  if (body.gzip) {
    if (data.length < info.gzipBytes) throw new Error(`Shard ${info.file} is truncated: received ${data.length} of ${info.gzipBytes} bytes`);
    if (data.length > info.gzipBytes) throw new Error(`Shard ${info.file} is ${data.length} bytes but the manifest says ${info.gzipBytes}; the manifest may be stale (rerun npm run data:pack)`);
    data = await inflate(data, info.file);
  }
  if (data.length !== info.bytes) {
    const hint = data.length < info.bytes ? ' (truncated)' : '';
    throw new Error(`Shard ${info.file} is ${data.length} bytes uncompressed${hint}; the manifest says ${info.bytes}`);
  }
  if (options.verifyChecksum && globalThis.crypto?.subtle) {
    const actual = await sha256Hex(data);
    if (actual !== info.sha256) throw new Error(`Checksum mismatch for shard ${info.file}: expected sha256 ${info.sha256}, got ${actual}`);
  }
  if (progress < info.gzipBytes) options.onBytes?.(info.gzipBytes - progress);
  return data;
}

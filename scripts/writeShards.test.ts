import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipDeterministic, packSplit, sha256Hex } from './writeShards';

describe('gzipDeterministic', () => {
  it('round-trips and writes a clock- and platform-free header', () => {
    const data = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);
    const gz = gzipDeterministic(data);
    expect(Array.from(gz.subarray(0, 10))).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    expect(new Uint8Array(gunzipSync(gz))).toEqual(data);
    expect(gzipDeterministic(data)).toEqual(gz);
  });

  it('hashes with SHA-256', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('packSplit', () => {
  const split = { images: Uint8Array.from({ length: 10 * 4 }, (_, i) => i), labels: Uint8Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]), count: 10 };

  it('cuts images into near-equal shards that concatenate to the split', () => {
    const { manifest, shards } = packSplit('train', split, 4, 3, 3);
    expect(manifest.images.map((s) => [s.file, s.count, s.bytes])).toEqual([
      ['train-images-0.u8.gz', 3, 12],
      ['train-images-1.u8.gz', 4, 16],
      ['train-images-2.u8.gz', 3, 12],
    ]);
    expect(manifest.labels).toMatchObject({ file: 'train-labels.u8.gz', count: 10, bytes: 10 });
    expect(manifest.classCounts).toEqual([4, 3, 3]);
    const joined = Buffer.concat(shards.slice(0, 3).map((s) => gunzipSync(s.gzip)));
    expect(new Uint8Array(joined)).toEqual(split.images);
    for (const s of shards) {
      expect(s.info.gzipBytes).toBe(s.gzip.byteLength);
      expect(s.info.sha256).toBe(sha256Hex(new Uint8Array(gunzipSync(s.gzip))));
    }
  });

  it('rejects inconsistent splits and out-of-range labels', () => {
    expect(() => packSplit('test', { ...split, count: 9 }, 4, 3, 1)).toThrow('test: 9 images need 36 pixel bytes and 9 labels');
    expect(() => packSplit('test', split, 4, 2, 1)).toThrow('test: label 2 is not below 2');
  });
});

import { describe, expect, it } from 'vitest';
import { distinctFashionImages, parseIdxImages, parseIdxLabels, splitBalanced, type FashionClassJson } from './datasetSources';

function idx(magic: number, dims: number[], body: number[]): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint32(0, magic);
  dims.forEach((d, i) => header.setUint32(4 + 4 * i, d));
  return Uint8Array.from([...new Uint8Array(header.buffer), ...body]);
}

const img = (v: number): number[] => new Array<number>(784).fill(v);

describe('IDX parsing', () => {
  it('reads the first images and labels', () => {
    const file = idx(0x803, [3, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(parseIdxImages(file, 2)).toEqual({ images: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), rows: 2, cols: 2 });
    expect(parseIdxLabels(idx(0x801, [3], [7, 8, 9]), 2)).toEqual(Uint8Array.from([7, 8]));
  });

  it('rejects wrong magic, too few items and truncation', () => {
    expect(() => parseIdxImages(idx(0x801, [1, 1, 1], [0]), 1)).toThrow('bad magic');
    expect(() => parseIdxLabels(idx(0x801, [2], [1, 2]), 3)).toThrow('Asked for 3 labels but the file holds 2');
    expect(() => parseIdxImages(idx(0x803, [2, 2, 2], [1, 2, 3]), 1)).toThrow('truncated');
  });
});

describe('Fashion-MNIST preparation', () => {
  it('drops empty entries, repeats within a class and images filed under two classes', () => {
    const classes: FashionClassJson[] = [
      { data: [img(1), [], img(2), img(1), img(9)] },
      { data: [img(3), img(9)] },
    ];
    const out = distinctFashionImages(classes);
    expect(out.map((c) => c.map((i) => i[0]))).toEqual([[1, 2], [3]]);
  });

  it('rejects pixel values outside 0..255', () => {
    expect(() => distinctFashionImages([{ data: [img(0.5)] }])).toThrow('integers in 0..255');
  });

  it('splits each class the same way for the same seed, without overlap', () => {
    const perClass = [0, 1, 2].map((c) => Array.from({ length: 10 }, (_, i) => Uint8Array.from(img(c * 10 + i))));
    const a = splitBalanced(perClass, 6, 3, 42);
    const b = splitBalanced(perClass, 6, 3, 42);
    expect(a.train.images).toEqual(b.train.images);
    expect(a.test.labels).toEqual(b.test.labels);
    expect(a.train.count).toBe(18);
    expect(a.test.count).toBe(9);
    const firstPixels = (s: { images: Uint8Array; count: number }): number[] => Array.from({ length: s.count }, (_, i) => s.images[i * 784]);
    const train = firstPixels(a.train);
    const test = firstPixels(a.test);
    expect(new Set([...train, ...test]).size).toBe(27);
    // Each image keeps its class: value = class × 10 + index.
    train.forEach((v, i) => expect(Math.floor(v / 10)).toBe(a.train.labels[i]));
    expect(splitBalanced(perClass, 6, 3, 43).train.images).not.toEqual(a.train.images);
    expect(() => splitBalanced(perClass, 8, 3, 1)).toThrow('Class 0 has 10 images; need 11');
  });
});

import { describe, expect, it } from 'vitest';
import { COLOR_SHAPE_CLASS_NAMES, generateColorShapes } from './colorShapes';
import { SHAPE_KINDS } from './shapeRaster';

function classCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(COLOR_SHAPE_CLASS_NAMES.length).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

describe('generateColorShapes', () => {
  it('describes itself like the bundled datasets', () => {
    const ds = generateColorShapes({ seed: 1, trainCount: 12, testCount: 6 });
    expect(ds.id).toBe('color-shapes');
    expect(ds.imageShape).toEqual([32, 32, 3]);
    expect(ds.classNames).toEqual(['Circle', 'Square', 'Triangle', 'Cross', 'Ring', 'Star']);
    expect(ds.classNames).toHaveLength(SHAPE_KINDS.length);
    expect(ds.train.images).toHaveLength(12 * 32 * 32 * 3);
    expect(ds.test.images).toHaveLength(6 * 32 * 32 * 3);
    expect(ds.train.count).toBe(12);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateColorShapes({ seed: 7, trainCount: 60, testCount: 30 });
    const b = generateColorShapes({ seed: 7, trainCount: 60, testCount: 30 });
    const c = generateColorShapes({ seed: 8, trainCount: 60, testCount: 30 });
    const same = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x).equals(Buffer.from(y));
    expect(same(b.train.images, a.train.images)).toBe(true);
    expect(same(b.train.labels, a.train.labels)).toBe(true);
    expect(same(b.test.images, a.test.images)).toBe(true);
    expect(same(c.train.images, a.train.images)).toBe(false);
    expect(same(a.test.images, a.train.images.subarray(0, a.test.images.length))).toBe(false);
  });

  it('keeps the test set fixed when the train count changes', () => {
    const small = generateColorShapes({ seed: 3, trainCount: 10, testCount: 20 });
    const large = generateColorShapes({ seed: 3, trainCount: 500, testCount: 20 });
    expect(Buffer.from(large.test.images).equals(Buffer.from(small.test.images))).toBe(true);
    expect(large.test.labels).toEqual(small.test.labels);
  });

  it('balances and shuffles the classes', () => {
    const ds = generateColorShapes({ seed: 11, trainCount: 600, testCount: 100 });
    expect(classCounts(ds.train.labels)).toEqual(new Array(6).fill(100));
    const test = classCounts(ds.test.labels);
    expect(Math.max(...test) - Math.min(...test)).toBeLessThanOrEqual(1);
    expect(test.reduce((s, n) => s + n, 0)).toBe(100);
    // Shuffled: not the round-robin 0, 1, 2, … order.
    expect(Array.from(ds.train.labels.subarray(0, 12))).not.toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
  });

  it('uses the full colour range and varies from image to image', () => {
    const ds = generateColorShapes({ seed: 5, trainCount: 300, testCount: 0 });
    const { images } = ds.train;
    expect(images.reduce((m, v) => Math.min(m, v), 255)).toBeLessThan(20);
    expect(images.reduce((m, v) => Math.max(m, v), 0)).toBeGreaterThan(235);
    const px = 32 * 32 * 3;
    const means = Array.from({ length: 300 }, (_, i) => images.subarray(i * px, (i + 1) * px).reduce((s, v) => s + v, 0) / px);
    expect(new Set(means.map((m) => Math.round(m / 10))).size).toBeGreaterThan(10);
    // Colour, not grey: red and green channels differ somewhere in most images.
    let coloured = 0;
    for (let i = 0; i < 300; i++) {
      const img = images.subarray(i * px, (i + 1) * px);
      let diff = 0;
      for (let p = 0; p < img.length; p += 3) diff = Math.max(diff, Math.abs(img[p] - img[p + 1]));
      if (diff > 40) coloured++;
    }
    expect(coloured).toBeGreaterThan(270);
  });

  it('draws a shape that stands out from the background in luminance', () => {
    // The pixel farthest (in luminance) from the image's corner should differ from it clearly.
    const ds = generateColorShapes({ seed: 9, trainCount: 300, testCount: 0 });
    const px = 32 * 32;
    const luma = (img: Uint8Array, p: number): number => 0.299 * img[3 * p] + 0.587 * img[3 * p + 1] + 0.114 * img[3 * p + 2];
    let visible = 0;
    for (let i = 0; i < 300; i++) {
      const img = ds.train.images.subarray(i * px * 3, (i + 1) * px * 3);
      const corner = [0, 31, 32 * 31, 32 * 32 - 1].map((p) => luma(img, p)).sort((a, b) => a - b)[1];
      let far = 0;
      for (let p = 0; p < px; p++) far = Math.max(far, Math.abs(luma(img, p) - corner));
      if (far > 0.12 * 255) visible++;
    }
    expect(visible).toBeGreaterThanOrEqual(297);
  });

  it('supports other sizes', () => {
    const ds = generateColorShapes({ seed: 2, trainCount: 6, testCount: 0, size: 64 });
    expect(ds.imageShape).toEqual([64, 64, 3]);
    expect(ds.train.images).toHaveLength(6 * 64 * 64 * 3);
  });

  it('rejects nonsense options', () => {
    expect(() => generateColorShapes({ seed: 1, trainCount: -1, testCount: 0 })).toThrow('trainCount must be a non-negative integer, not -1');
    expect(() => generateColorShapes({ seed: 1, trainCount: 1, testCount: 0, size: 4 })).toThrow('at least 8');
  });

  it('generates 6,000 images in well under two seconds', () => {
    const start = performance.now();
    generateColorShapes({ seed: 1, trainCount: 5000, testCount: 1000 });
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

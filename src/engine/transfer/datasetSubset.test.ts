import { describe, expect, it } from 'vitest';
import type { ImageDataset } from '../../data/datasetTypes';
import { classSubset, resolveClasses } from './datasetSubset';

/** 4 classes, 1×1×1 images whose pixel encodes (label, index within class). */
function toy(): ImageDataset {
  const split = (perClass: number) => {
    const labels = Uint8Array.from({ length: 4 * perClass }, (_, i) => i % 4);
    const images = Uint8Array.from(labels, (l, i) => l * 50 + Math.floor(i / 4));
    return { images, labels, count: labels.length };
  };
  return { id: 'toy', name: 'Toy', imageShape: [1, 1, 1], classNames: ['a', 'b', 'c', 'd'], train: split(10), test: split(5) };
}

describe('classSubset', () => {
  it('keeps the chosen classes relabelled in order, the first n images of each, shuffled reproducibly', () => {
    const sub = classSubset(toy(), { classes: [3, 1], perClass: 4, testPerClass: 0, seed: 7 });
    expect(sub.classNames).toEqual(['d', 'b']);
    expect(sub.train.count).toBe(8);
    expect(sub.test.count).toBe(10);
    for (let i = 0; i < sub.train.count; i++) {
      const original = Math.floor(sub.train.images[i] / 50);
      expect(sub.train.labels[i]).toBe(original === 3 ? 0 : 1);
      expect(sub.train.images[i] % 50).toBeLessThan(4);
    }
    expect(classSubset(toy(), { classes: [3, 1], perClass: 4, testPerClass: 0, seed: 7 }).train.images).toEqual(sub.train.images);
    expect(sub.name).toBe('Toy (2 classes, 4 per class)');
  });

  it('refuses unknown, repeated or single classes', () => {
    expect(() => resolveClasses(toy(), [0, 4])).toThrow(/Class 4 does not exist/);
    expect(() => resolveClasses(toy(), [1, 1])).toThrow(/once/);
    expect(() => resolveClasses(toy(), [2])).toThrow(/at least two/);
    expect(resolveClasses(toy(), [])).toEqual([0, 1, 2, 3]);
  });
});

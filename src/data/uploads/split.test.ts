import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT, datasetWarnings, splitPerClass, validationCount } from './split';

const items = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([classId, n]) => Array.from({ length: n }, (_, i) => ({ id: `${classId}-${i}`, classId })));

describe('per-class train/validation split', () => {
  it('holds out 20% of each class, at least one when a class has two or more images', () => {
    expect([0, 1, 2, 4, 5, 10, 11, 100].map((n) => validationCount(n, 0.2))).toEqual([0, 0, 1, 1, 1, 2, 2, 20]);
    const { train, val } = splitPerClass(items({ a: 10, b: 5, c: 1 }));
    const count = (list: { classId: string }[], c: string) => list.filter((i) => i.classId === c).length;
    expect([count(val, 'a'), count(val, 'b'), count(val, 'c')]).toEqual([2, 1, 0]);
    expect([count(train, 'a'), count(train, 'b'), count(train, 'c')]).toEqual([8, 4, 1]);
  });

  it('is a partition, reproducible for a seed, different for another seed', () => {
    const all = items({ a: 30, b: 30 });
    const one = splitPerClass(all, DEFAULT_SPLIT);
    expect(new Set([...one.train, ...one.val].map((i) => i.id)).size).toBe(60);
    expect(splitPerClass([...all].reverse(), DEFAULT_SPLIT).val.map((i) => i.id).sort()).toEqual(one.val.map((i) => i.id).sort());
    const other = splitPerClass(all, { ...DEFAULT_SPLIT, seed: 7 });
    expect(other.val.map((i) => i.id).sort()).not.toEqual(one.val.map((i) => i.id).sort());
  });

  it('keeps most images on their side when one is added', () => {
    const before = splitPerClass(items({ a: 40 })).val.map((i) => i.id);
    const after = new Set(splitPerClass([...items({ a: 40 }), { id: 'a-new', classId: 'a' }]).val.map((i) => i.id));
    expect(before.filter((id) => after.has(id)).length).toBeGreaterThanOrEqual(before.length - 1);
  });
});

describe('dataset warnings', () => {
  it('warns for no images, a single class and classes under 5 images', () => {
    expect(datasetWarnings([])).toEqual([{ kind: 'no-images' }]);
    expect(datasetWarnings([{ name: 'cat', count: 0 }])).toEqual([{ kind: 'no-images' }]);
    expect(datasetWarnings([{ name: 'cat', count: 9 }])).toEqual([{ kind: 'single-class', className: 'cat' }]);
    expect(datasetWarnings([{ name: 'cat', count: 9 }, { name: 'dog', count: 4 }, { name: 'owl', count: 0 }])).toEqual([
      { kind: 'few-images', className: 'dog', count: 4 },
      { kind: 'few-images', className: 'owl', count: 0 },
    ]);
    expect(datasetWarnings([{ name: 'cat', count: 5 }, { name: 'dog', count: 5 }])).toEqual([]);
  });
});

describe('exact duplicates in the split', () => {
  it('land on one side only, and leave the split of the other images as it was', () => {
    const plain = items({ a: 30 });
    const before = splitPerClass(plain);
    // Every image gets a twin (same content hash, another id).
    const twins = plain.flatMap((i) => [{ ...i, group: `h${i.id}` }, { id: `${i.id}-twin`, classId: i.classId, group: `h${i.id}` }]);
    const { train, val } = splitPerClass(twins);
    const trainGroups = new Set(train.map((i) => i.group));
    expect(val.filter((i) => trainGroups.has(i.group))).toEqual([]);
    expect(val.length).toBeGreaterThanOrEqual(12);
    expect(train.length).toBeGreaterThan(0);
    const grouped = splitPerClass(plain.map((i) => ({ ...i, group: `h${i.id}` })));
    expect(grouped.val.map((i) => i.id)).toEqual(before.val.map((i) => i.id));
  });
});

import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, seededPermutation } from './random';

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(seqA);
  });

  it('matches the reference mulberry32 output', () => {
    // First outputs of the published mulberry32 (bryc/code, PRNGs.md) for seed 0, times 2^32.
    const rng = createRandom(0);
    expect(Array.from({ length: 3 }, () => Math.round(rng.next() * 4294967296))).toEqual([1144304738, 1416247, 958946056]);
  });

  it('stays in range and is roughly uniform', () => {
    const rng = createRandom(7);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      const u = rng.uniform(-2, 3);
      expect(u >= -2 && u < 3).toBe(true);
    }
  });

  it('draws normals with mean 0 and variance 1', () => {
    const rng = createRandom(3);
    const xs = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = createRandom(5).shuffle([...items]);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(createRandom(5).shuffle([...items])).toEqual(once);
  });
});

describe('deriveSeed', () => {
  it('is stable, and separates streams and base seeds', () => {
    expect(deriveSeed(1, 'train')).toBe(deriveSeed(1, 'train'));
    const seeds = new Set([deriveSeed(1, 'train'), deriveSeed(1, 'test'), deriveSeed(2, 'train'), deriveSeed(2, 'test')]);
    expect(seeds.size).toBe(4);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('seededPermutation', () => {
  /** The engine's original inline implementation, kept here to pin the batch order across refactors. */
  function reference(n: number, seed: number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    let a = seed >>> 0;
    const next = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }

  it.each([[1, 0], [64, 1], [2000, 7919], [513, 42]])('n=%i seed=%i is a permutation in the engine’s historical order', (n, seed) => {
    const p = Array.from(seededPermutation(n, seed));
    expect(p).toEqual(reference(n, seed));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});

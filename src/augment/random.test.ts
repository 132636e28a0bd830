import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, normal, uniform } from './random';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const v = rng();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 20000).toBeCloseTo(0.5, 1);
  });
});

describe('deriveSeed', () => {
  it('gives distinct, stable sub-seeds per stream', () => {
    expect(deriveSeed(1, 'crop')).toBe(deriveSeed(1, 'crop'));
    expect(deriveSeed(1, 'crop')).not.toBe(deriveSeed(1, 'mirror'));
    expect(deriveSeed(1, 'crop')).not.toBe(deriveSeed(2, 'crop'));
  });
});

describe('uniform and normal', () => {
  it('uniform stays in its range', () => {
    const rng = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const v = uniform(rng, -2, 5);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThan(5);
    }
  });

  it('normal has the requested mean and standard deviation', () => {
    const rng = mulberry32(11);
    const xs = Array.from({ length: 20000 }, () => normal(rng, 1, 0.1));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(1, 2);
    expect(sd).toBeCloseTo(0.1, 2);
  });
});

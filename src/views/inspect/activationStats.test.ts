import { describe, expect, it } from 'vitest';
import { activationStats } from './activationStats';

describe('activationStats', () => {
  it('gives the mean, sample deviation, extent and the share of exact zeros (a ReLU’s inactive units)', () => {
    const s = activationStats(Float32Array.from([0, 0, 1, 3]));
    expect(s).toMatchObject({ mean: 1, min: 0, max: 3, zeros: 0.5, count: 4 });
    expect(s.std).toBeCloseTo(Math.sqrt(2), 10);
  });

  it('is all zeros for no values and has no deviation for one', () => {
    expect(activationStats(new Float32Array(0))).toEqual({ mean: 0, std: 0, min: 0, max: 0, zeros: 0, count: 0 });
    expect(activationStats(Float32Array.from([-2])).std).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { computePcaColorStats, pcaOffset } from './pcaStats';

// Two 1×2 images, four RGB pixels: (0,0,0) (1,1,0) | (1,0,0) (0,1,1).
// By hand: mean (0.5, 0.5, 0.25); deviations (−.5,−.5,−.25) (.5,.5,−.25) (.5,−.5,−.25) (−.5,.5,.75);
// var R = var G = 1/4, var B = (3·0.0625 + 0.5625)/4 = 0.1875, cov RG = 0, cov RB = −0.125, cov GB = 0.125.
const pixels = [0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1];
const expected = [[0.25, 0, -0.125], [0, 0.25, 0.125], [-0.125, 0.125, 0.1875]];

describe('computePcaColorStats', () => {
  it('matches a hand-computed mean and covariance (Float32Array in [0, 1])', () => {
    const stats = computePcaColorStats(new Float32Array(pixels), 2, 1, 2);
    expect(stats.pixelCount).toBe(4);
    stats.mean.forEach((m, i) => expect(m).toBeCloseTo([0.5, 0.5, 0.25][i], 12));
    stats.covariance.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
  });

  it('scales Uint8Array input to [0, 1] units', () => {
    const stats = computePcaColorStats(new Uint8Array(pixels.map((v) => v * 255)), 2, 1, 2);
    stats.covariance.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
    expect(stats.mean[2]).toBeCloseTo(0.25, 12);
  });

  it('eigen-decomposes the covariance: C·p = λ·p, λ descending and ≥ 0', () => {
    const stats = computePcaColorStats(new Float32Array(pixels), 2, 1, 2);
    const { eigenvalues: l, eigenvectors: p, covariance: c } = stats;
    expect(l[0]).toBeGreaterThanOrEqual(l[1]);
    expect(l[1]).toBeGreaterThanOrEqual(l[2]);
    expect(l[2]).toBeGreaterThanOrEqual(0);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 3; i++) {
        const cp = c[i][0] * p[0][j] + c[i][1] * p[1][j] + c[i][2] * p[2][j];
        expect(cp).toBeCloseTo(l[j] * p[i][j], 12);
      }
    }
    expect(l[0] + l[1] + l[2]).toBeCloseTo(0.25 + 0.25 + 0.1875, 12);
  });

  it('rejects too little data', () => {
    expect(() => computePcaColorStats(new Float32Array(6), 2, 1, 2)).toThrow(/expected 12/);
    expect(() => computePcaColorStats(new Float32Array(0), 0, 1, 1)).toThrow(/at least one pixel/);
  });
});

describe('pcaOffset', () => {
  const stats = computePcaColorStats(new Float32Array(pixels), 2, 1, 2);
  it('is zero for α = 0', () => {
    expect(pcaOffset(stats, [0, 0, 0])).toEqual([0, 0, 0]);
  });
  it('moves along p1 by α1·λ1 for α = (1, 0, 0)', () => {
    const o = pcaOffset(stats, [1, 0, 0]);
    for (let i = 0; i < 3; i++) expect(o[i]).toBeCloseTo(stats.eigenvalues[0] * stats.eigenvectors[i][0], 12);
  });
});

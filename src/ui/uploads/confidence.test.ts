import { describe, expect, it } from 'vitest';
import { pointsPerImage, wilsonMargin } from './confidence';

describe('confidence of a small validation set', () => {
  it('18 images: one image is 5.6 points, and 100% is not certainty', () => {
    expect(pointsPerImage(18).toFixed(1)).toBe('5.6');
    // Wilson 95% interval of 18/18 is [82.4%, 100%]: half-width about 8.8 points.
    expect(wilsonMargin(1, 18)).toBeCloseTo(8.8, 1);
    expect(wilsonMargin(17 / 18, 18)).toBeGreaterThan(10);
    expect(wilsonMargin(0.9, 10_000)).toBeLessThan(0.7);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultAugmentConfig, recommendedAugmentConfig, recommendedDigitAugmentConfig, type AugmentConfig } from '../../augment/config';
import { parseAugment, writeAugment } from './augmentUrl';

describe('augmentation settings in the share link', () => {
  it('writes nothing for the defaults and round-trips the recipes', () => {
    expect(writeAugment(defaultAugmentConfig)).toBe('');
    for (const c of [recommendedAugmentConfig, recommendedDigitAugmentConfig]) expect(parseAugment(writeAugment(c))).toEqual(c);
  });

  it('round-trips every op and the fill mode', () => {
    const c: AugmentConfig = {
      fill: 'edge',
      crop: { enabled: true, p: 0.9, padding: 2, scale: [0.5, 1], aspect: [0.75, 1.333333] },
      mirror: { enabled: true, p: 0.5, horizontal: true, vertical: true },
      rotate: { enabled: true, p: 0.25, maxDegrees: 30 },
      shear: { enabled: true, p: 0.5, maxDegrees: 12, axis: 'both' },
      elastic: { enabled: true, p: 0.3, gridSize: 5, magnitude: 2.5 },
      brightnessContrast: { enabled: true, p: 0.5, brightness: 0.2, contrast: 0.3 },
      colorShift: { enabled: true, p: 0.4, amount: 0.08 },
      pcaColor: { enabled: true, p: 1, sigma: 0.2 },
    };
    const text = writeAugment(c);
    expect(text).toMatch(/^[a-z0-9._-]+$/);
    expect(new URLSearchParams({ aug: text }).toString()).toBe(`aug=${text}`);
    expect(parseAugment(text)).toEqual(c);
  });

  it('refuses malformed or out-of-range text', () => {
    for (const bad of ['z-1-1', 'm-1', 'm-2-0.5-1-0', 'p-1-1-1e-3', 'm-1-1.5-1-0', 'r-1-0.5-500', 's-1-0.5-10-q', '<script>']) expect(parseAugment(bad)).toBeUndefined();
  });
});

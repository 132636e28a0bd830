import { describe, expect, it } from 'vitest';
import {
  AUGMENT_OPS, defaultAugmentConfig, recommendedAugmentConfig, recommendedDigitAugmentConfig,
  validateAugmentConfig, withCertainProbability,
} from './config';

describe('augment config', () => {
  it('default has every op off; presets are valid', () => {
    for (const op of AUGMENT_OPS) expect(defaultAugmentConfig[op].enabled).toBe(false);
    expect(validateAugmentConfig(defaultAugmentConfig)).toEqual([]);
    expect(validateAugmentConfig(recommendedAugmentConfig)).toEqual([]);
    expect(validateAugmentConfig(recommendedDigitAugmentConfig)).toEqual([]);
    expect(recommendedDigitAugmentConfig.mirror.enabled).toBe(false);
  });

  it('reports out-of-range parameters', () => {
    const bad = {
      ...defaultAugmentConfig,
      mirror: { ...defaultAugmentConfig.mirror, p: 1.5 },
      crop: { ...defaultAugmentConfig.crop, scale: [0.9, 0.5] as const, padding: -1 },
      elastic: { ...defaultAugmentConfig.elastic, gridSize: 1 },
    };
    const problems = validateAugmentConfig(bad);
    expect(problems).toContain('mirror.p must be in [0, 1]');
    expect(problems).toContain('crop.scale must be 0 < min ≤ max');
    expect(problems).toContain('crop.padding must be a whole number ≥ 0');
    expect(problems).toContain('elastic.gridSize must be a whole number ≥ 2');
  });

  it('withCertainProbability sets p = 1 only for enabled ops', () => {
    const c = withCertainProbability(recommendedAugmentConfig);
    expect(c.mirror.p).toBe(1);
    expect(c.rotate.p).toBe(defaultAugmentConfig.rotate.p);
    expect(c.crop.padding).toBe(4);
  });
});

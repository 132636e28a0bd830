import { describe, expect, it } from 'vitest';
import { clampSetting, SETTING_RANGES } from './settingRanges';
import { decodeExperiment, encodeExperiment } from './urlCodec';
import { DEFAULT_EXPERIMENT } from './experiment';

describe('one schema of valid settings for the form and the share link', () => {
  it('the form clamps what the issue found the link rejecting (epochs 300, batch 5000, lr 0, momentum 1.5)', () => {
    expect(clampSetting('epochs', 300, 5)).toBe(200);
    expect(clampSetting('batchSize', 5000, 32)).toBe(1024);
    expect(clampSetting('learningRate', 0, 0.01)).toBe(1e-7);
    expect(clampSetting('momentum', 1.5, 0.9)).toBe(0.999);
    expect(clampSetting('epochs', Number.NaN, 5)).toBe(5);
  });

  it('every value the form can produce survives the link unchanged, and one past the range does not', () => {
    const fields = { epochs: 'epochs', batchSize: 'batch', learningRate: 'lr', momentum: 'momentum', bnMomentum: 'bnmom', validationSplit: 'valsplit', trainLimit: 'limit', seed: 'seed' } as const;
    for (const [field, key] of Object.entries(fields) as [keyof typeof fields, string][]) {
      const { min, max } = SETTING_RANGES[field];
      for (const v of [min, max]) {
        const { state, notices } = decodeExperiment(`?${encodeExperiment({ ...DEFAULT_EXPERIMENT, optimizer: 'sgd', [field]: v })}`);
        expect(notices, `${field}=${v}`).toEqual([]);
        expect(state[field]).toBe(v);
      }
      const past = SETTING_RANGES[field].integer ? max + 1 : max * 1.5 + 1;
      expect(decodeExperiment(`?v=1&${key}=${past}`).notices.length, `${key}=${past}`).toBe(1);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment';
import { applyChange } from '../recipeState';
import { decodeExperiment, encodeExperiment } from '../urlCodec';

describe('classroom keys of the share link', () => {
  it('round-trips lesson, panel and presentation layout', () => {
    const s = { ...DEFAULT_EXPERIMENT, lesson: 'why-resnet', panel: 'depth-experiment', present: true } as const;
    const query = encodeExperiment(s);
    expect(query).toBe('v=1&lesson=why-resnet&panel=depth-experiment&present=1');
    expect(decodeExperiment(`?${query}`)).toEqual({ state: s, notices: [] });
  });

  it('rejects hostile values field by field and keeps the rest', () => {
    const hostile = [
      'lesson=<img src=x onerror=alert(1)>',
      'panel="]*,body{x',
      'present=yes',
      'arch=vgg16',
      `epochs=${'9'.repeat(400)}`,
      'seed=1e999',
      'lr=Infinity',
      'batch=0x10',
      'constructor=1',
      '__proto__=1',
    ].join('&');
    const { state, notices } = decodeExperiment(`?${hostile}`);
    // The valid network is kept, with its training recipe; every hostile field falls back.
    expect(state).toEqual(applyChange(DEFAULT_EXPERIMENT, { arch: 'vgg16' }));
    expect(notices.map((n) => n.key).sort()).toEqual(['__proto__', 'batch', 'constructor', 'epochs', 'lesson', 'lr', 'panel', 'present', 'seed']);
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    for (const n of notices) expect(n.value.length).toBeLessThanOrEqual(65);
  });

  it('lets teacher-mode `_hide` keys through without a notice', () => {
    expect(decodeExperiment('?arch_hide=1&backend_hide=1').notices).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { engineError, message, MESSAGE_CATALOGUES, placeholders, sayMessage, userMessageOf } from './index';

describe('message catalogues', () => {
  it('have unique codes across catalogues', () => {
    const codes = MESSAGE_CATALOGUES.flatMap((c) => Object.keys(c.en));
    expect(new Set(codes).size).toBe(codes.length);
  });

  for (const c of MESSAGE_CATALOGUES) {
    for (const code of Object.keys(c.en)) {
      it(`${code}: both languages, the same placeholders, no empty text`, () => {
        const en = (c.en as Record<string, string>)[code];
        const ja = (c.ja as Record<string, string>)[code];
        expect(ja, `ja lacks ${code}`).toBeDefined();
        expect(en.trim()).not.toBe('');
        expect(ja.trim()).not.toBe('');
        expect(placeholders(ja)).toEqual(placeholders(en));
      });
    }
  }

  it('render nested messages and lists in the same language', () => {
    const m = message('adapt.steps', { from: '28×28×1', to: '32×32×3', steps: [message('adapt.pad', { border: message('adapt.borderEven', { px: 2 }) }), message('adapt.greyToRgb')] });
    expect(sayMessage(m, 'en')).toBe('28×28×1 → 32×32×3: zero-padded, 2 px on each side, grey replicated to RGB');
    expect(sayMessage(m, 'ja')).toBe('28×28×1 → 32×32×3: ゼロパディング（各辺 2 px）、グレースケールを RGB に複製');
  });

  it('an engine error keeps English in .message and the data in .detail', () => {
    const e = engineError('fit.stopped', { epoch: 2, batch: 5 });
    expect(e.message).toBe('Stopped at epoch 2, batch 5; the trained weights are kept.');
    expect(userMessageOf(e)).toEqual({ code: 'fit.stopped', params: { epoch: 2, batch: 5 } });
    expect(sayMessage(userMessageOf(e)!, 'ja')).toContain('エポック 2、バッチ 5');
  });

  it('an unknown code still says something', () => {
    expect(sayMessage({ code: 'nope.missing', params: { a: 1 } }, 'ja')).toBe('nope.missing {"a":1}');
  });
});

import { describe, expect, it } from 'vitest';
import { fill, localeFormat } from './format';

describe('fill', () => {
  it('replaces named placeholders and leaves unknown ones', () => {
    expect(fill('Epoch {n} / {total}', { n: 1, total: 5 })).toBe('Epoch 1 / 5');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('inserts values as plain text, once (no re-expansion of placeholders inside values)', () => {
    expect(fill('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
  });
});

describe('localeFormat', () => {
  it.each(['en', 'ja'] as const)('formats counts, decimals and percentages for %s', (lang) => {
    const f = localeFormat(lang);
    expect(f.count(61706)).toBe('61,706');
    expect(f.fixed(0.12345, 4)).toBe('0.1235');
    expect(f.fixed(12345.6, 0)).toBe('12346');
    expect(f.percent(0.975, 1)).toBe('97.5%');
    expect(f.percent(0.97504, 2)).toBe('97.50%');
  });
});

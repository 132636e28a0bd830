import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, relativeLuminance, textColorOn } from './contrast';

describe('contrast', () => {
  it('parses hex and rgb() colours', () => {
    expect(parseColor('#1f6feb')).toEqual([31, 111, 235]);
    expect(parseColor('rgb(66, 133, 238)')).toEqual([66, 133, 238]);
    expect(() => parseColor('blue')).toThrow();
  });

  it('matches the WCAG reference values', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('picks a text colour that reaches 4.5:1 on every shade of the confusion-matrix scale', () => {
    const shade = scaleLinear<string>().domain([0, 1]).range(['#ffffff', '#1f6feb']);
    for (let t = 0; t <= 1; t += 0.01) {
      const bg = shade(t);
      expect(contrastRatio(bg, textColorOn(bg))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { invertPixels } from './imagePixels';

describe('invertPixels', () => {
  it('maps every channel value v to 255 − v in a new array, twice gives the original', () => {
    const pixels = Uint8Array.from([0, 255, 1, 128, 200, 37]);
    const inverted = invertPixels(pixels);
    expect([...inverted]).toEqual([255, 0, 254, 127, 55, 218]);
    expect([...pixels]).toEqual([0, 255, 1, 128, 200, 37]);
    expect(inverted).not.toBe(pixels);
    expect([...invertPixels(inverted)]).toEqual([...pixels]);
  });
});

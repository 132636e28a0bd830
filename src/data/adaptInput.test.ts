import { describe, expect, it } from 'vitest';
import { sayMessage } from '../messages/index';
import { adaptImages, describeAdaptation, planAdaptation } from './adaptInput';

/** Builds one `h × w × c` image from a function of (y, x, c). */
function image(h: number, w: number, c: number, value: (y: number, x: number, ch: number) => number): Uint8Array {
  const out = new Uint8Array(h * w * c);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) out[(y * w + x) * c + ch] = value(y, x, ch);
  return out;
}

describe('planAdaptation', () => {
  it('pads MNIST to LeNet-5 input by 2 px on each side', () => {
    expect(planAdaptation([28, 28, 1], [32, 32, 1])).toMatchObject({ spatial: 'pad', pad: { top: 2, bottom: 2, left: 2, right: 2 }, channels: 'same' });
  });

  it('puts an odd border pixel at the bottom and right', () => {
    expect(planAdaptation([28, 28, 1], [31, 31, 1]).pad).toEqual({ top: 1, bottom: 2, left: 1, right: 2 });
  });

  it('resizes when the target is much larger, smaller, or of another aspect', () => {
    expect(planAdaptation([28, 28, 1], [36, 36, 1]).spatial).toBe('resize');
    expect(planAdaptation([28, 28, 1], [227, 227, 3]).spatial).toBe('resize');
    expect(planAdaptation([32, 32, 3], [28, 28, 3]).spatial).toBe('resize');
    expect(planAdaptation([28, 28, 1], [30, 32, 1]).spatial).toBe('resize');
  });

  it('refuses channel counts it cannot convert', () => {
    expect(() => planAdaptation([28, 28, 4], [28, 28, 3])).toThrow('The dataset has 4-channel images and the network takes 3 channels');
    expect(() => planAdaptation([28, 28, 1], [28, 28, 2])).toThrow(expect.objectContaining({ detail: { code: 'adapt.channels', params: { from: 1, to: 2 } } }));
    expect(() => planAdaptation([28, 0, 1], [28, 28, 1])).toThrow('Source shape [28, 0, 1] must be three positive integers');
  });
});

describe('describeAdaptation', () => {
  it.each([
    [[28, 28, 1], [32, 32, 1], '28×28×1 → 32×32×1: zero-padded, 2 px on each side'],
    [[28, 28, 1], [28, 28, 1], '28×28×1 → used as is'],
    [[28, 28, 1], [227, 227, 1], '28×28×1 → 227×227×1: bilinear resize'],
    [[28, 28, 1], [32, 32, 3], '28×28×1 → 32×32×3: zero-padded, 2 px on each side, grey replicated to RGB'],
    [[32, 32, 3], [28, 28, 1], '32×32×3 → 28×28×1: bilinear resize, RGB to grey by luminance'],
    [[32, 32, 1], [32, 32, 3], '32×32×1 → 32×32×3: grey replicated to RGB'],
    [[28, 28, 1], [29, 29, 1], '28×28×1 → 29×29×1: zero-padded, top 0, bottom 1, left 0, right 1 px'],
  ] as const)('%j → %j', (from, to, text) => {
    expect(sayMessage(describeAdaptation(from, to), 'en')).toBe(text);
  });
});

describe('adaptImages', () => {
  it('scales to [0, 1] unchanged when the shapes agree', () => {
    const { data, description } = adaptImages(Uint8Array.from([0, 51, 255, 102]), [2, 2, 1], [2, 2, 1]);
    expect(Array.from(data)).toEqual([0, 0.2, 1, 0.4].map((v) => Math.fround(v)));
    expect(sayMessage(description, 'en')).toBe('2×2×1 → used as is');
  });

  it('zero-pads 28×28 into the middle of 32×32', () => {
    const src = image(28, 28, 1, (y, x) => (y * 28 + x) % 250 + 1); // never 0, so padding is visible
    const { data } = adaptImages(src, [28, 28, 1], [32, 32, 1]);
    expect(data).toHaveLength(32 * 32);
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const inside = y >= 2 && y < 30 && x >= 2 && x < 30;
        const expected = inside ? src[(y - 2) * 28 + (x - 2)] / 255 : 0;
        expect(data[y * 32 + x]).toBeCloseTo(expected, 6);
      }
    }
  });

  it('adapts each image of a batch independently', () => {
    const batch = new Uint8Array(3 * 28 * 28);
    batch[0] = 255; // image 0, top-left
    batch[28 * 28 + 27 * 28 + 27] = 255; // image 1, bottom-right
    const { data } = adaptImages(batch, [28, 28, 1], [32, 32, 1]);
    expect(data).toHaveLength(3 * 32 * 32);
    expect(data[2 * 32 + 2]).toBe(1);
    expect(data[32 * 32 + 29 * 32 + 29]).toBe(1);
    expect(data.reduce((s, v) => s + v, 0)).toBe(2);
  });

  it('replicates grey into three equal channels', () => {
    const src = image(4, 4, 1, (y, x) => 16 * y + x);
    const { data } = adaptImages(src, [4, 4, 1], [4, 4, 3]);
    for (let p = 0; p < 16; p++) {
      expect(data[3 * p]).toBeCloseTo(src[p] / 255, 6);
      expect(data[3 * p + 1]).toBe(data[3 * p]);
      expect(data[3 * p + 2]).toBe(data[3 * p]);
    }
  });

  it('converts RGB to grey by BT.601 luminance', () => {
    const src = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const { data } = adaptImages(src, [2, 2, 3], [2, 2, 1]);
    expect(Array.from(data).map((v) => Number(v.toFixed(4)))).toEqual([0.299, 0.587, 0.114, 1]);
  });

  it('keeps a constant image constant under resize', () => {
    for (const to of [[227, 227, 1], [13, 17, 1], [5, 5, 3]] as const) {
      const { data } = adaptImages(new Uint8Array(2 * 28 * 28).fill(100), [28, 28, 1], to);
      expect(data.every((v) => Math.abs(v - 100 / 255) < 1e-6)).toBe(true);
    }
  });

  it('resizes bilinearly with half-pixel centres', () => {
    // 1×2 → 1×4: samples at source x = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
    expect(Array.from(adaptImages(Uint8Array.from([0, 255]), [1, 2, 1], [1, 4, 1]).data)).toEqual([0, 0.25, 0.75, 1]);
    // 1×4 → 1×2 averages neighbouring pairs.
    const down = adaptImages(Uint8Array.from([0, 100, 200, 250]), [1, 4, 1], [1, 2, 1]).data;
    expect(down[0]).toBeCloseTo(50 / 255, 6);
    expect(down[1]).toBeCloseTo(225 / 255, 6);
  });

  it('pads and replicates in one go (MNIST for a 32×32 RGB net)', () => {
    const src = image(28, 28, 1, () => 255);
    const { data, description } = adaptImages(src, [28, 28, 1], [32, 32, 3]);
    expect(sayMessage(description, 'en')).toBe('28×28×1 → 32×32×3: zero-padded, 2 px on each side, grey replicated to RGB');
    expect(Array.from(data.subarray(0, 3))).toEqual([0, 0, 0]);
    const centre = (16 * 32 + 16) * 3;
    expect(Array.from(data.subarray(centre, centre + 3))).toEqual([1, 1, 1]);
  });

  it('rejects a buffer that is not a whole number of images', () => {
    expect(() => adaptImages(new Uint8Array(785), [28, 28, 1], [32, 32, 1])).toThrow('785 bytes are not a whole number of 28×28×1 images');
  });

  it('adapts 12,000 MNIST images to 32×32 quickly', () => {
    const start = performance.now();
    const { data } = adaptImages(new Uint8Array(12000 * 784), [28, 28, 1], [32, 32, 1]);
    expect(data).toHaveLength(12000 * 1024);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

import { describe, expect, it } from 'vitest';
import { sniffImage, type ImageHeader } from './sniff';
import { SVG_TEXT, bmpBytes, corruptPngBytes, gifBytes, jpegSkeleton, pngBytes, webpBytes } from './testing/imageBytes';

const text = (s: string) => new TextEncoder().encode(s);
const image = (b: Uint8Array) => {
  const r = sniffImage(b);
  expect(r.kind).toBe('image');
  return r as ImageHeader;
};

describe('sniffImage reads the header, not the name', () => {
  it('PNG: size from IHDR, complete with IEND', () => {
    expect(image(pngBytes({ width: 7, height: 5 }))).toMatchObject({ format: 'png', width: 7, height: 5, truncated: false, animated: false, malformed: false });
  });

  it('PNG: a 30,000 × 30,000 header is read without decoding', () => {
    expect(image(pngBytes({ width: 30_000, height: 30_000, fakeSize: true }))).toMatchObject({ width: 30_000, height: 30_000 });
  });

  it('PNG cut in half is truncated; APNG is animated; a bad chunk type is malformed', () => {
    const full = pngBytes({ width: 16, height: 16 });
    expect(image(full.subarray(0, Math.floor(full.length / 2))).truncated).toBe(true);
    expect(image(pngBytes({ width: 4, height: 4, apngFrames: 3 })).animated).toBe(true);
    expect(image(pngBytes({ width: 4, height: 4, apngFrames: 1 })).animated).toBe(false);
    const broken = full.slice();
    broken.set([0, 0, 0, 0], 37); // the IDAT chunk's type
    expect(image(broken).malformed).toBe(true);
    expect(image(corruptPngBytes())).toMatchObject({ truncated: false, malformed: false });
  });

  it('GIF: one frame is still, two are animated, a missing trailer is truncated', () => {
    expect(image(gifBytes(1))).toMatchObject({ format: 'gif', width: 1, height: 1, animated: false, truncated: false });
    expect(image(gifBytes(2)).animated).toBe(true);
    const g = gifBytes(1);
    expect(image(g.subarray(0, g.length - 1)).truncated).toBe(true);
  });

  it('JPEG: size from SOF0; without EOI after the scan it is truncated', () => {
    expect(image(jpegSkeleton(640, 480))).toMatchObject({ format: 'jpeg', width: 640, height: 480, truncated: false });
    expect(image(jpegSkeleton(640, 480, true)).truncated).toBe(true);
  });

  it('WebP: VP8X size and animation flag; BMP size and completeness', () => {
    expect(image(webpBytes(300, 200))).toMatchObject({ format: 'webp', width: 300, height: 200, animated: false, truncated: false });
    expect(image(webpBytes(300, 200, true)).animated).toBe(true);
    const bmp = bmpBytes(5, 3);
    expect(image(bmp)).toMatchObject({ format: 'bmp', width: 5, height: 3, truncated: false });
    expect(image(bmp.subarray(0, 60)).truncated).toBe(true);
  });

  it('names what is not an image: SVG, text, zip, PDF, HEIC, TIFF, unknown binary', () => {
    expect(sniffImage(text(SVG_TEXT)).kind).toBe('svg');
    expect(sniffImage(text('  <svg viewBox="0 0 1 1"></svg>')).kind).toBe('svg');
    expect(sniffImage(text('Shopping list:\n- milk\n- eggs\n')).kind).toBe('text');
    expect(sniffImage(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])).kind).toBe('zip');
    expect(sniffImage(text('%PDF-1.7\n...')).kind).toBe('pdf');
    expect(sniffImage(new Uint8Array([0, 0, 0, 24, ...text('ftypheic'), 0, 0, 0, 0])).kind).toBe('heic');
    expect(sniffImage(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])).kind).toBe('tiff');
    expect(sniffImage(new Uint8Array([1, 2, 0, 250, 3, 0])).kind).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, checkUploadBytes, isHiddenOrSystemPath, type RejectReason } from './validate';
import { SVG_TEXT, corruptPngBytes, gifBytes, jpegSkeleton, pngBytes, webpBytes } from './testing/imageBytes';

const reason = (name: string, bytes: Uint8Array, size?: number): RejectReason | 'ok' => {
  const r = checkUploadBytes(name, bytes, size);
  return r.ok ? 'ok' : r.rejection.reason;
};

describe('checkUploadBytes: one specific reason per refused file', () => {
  it('accepts still PNG, JPEG, GIF and WebP with their MIME type', () => {
    const r = checkUploadBytes('cat.png', pngBytes({ width: 40, height: 30 }));
    expect(r).toEqual({ ok: true, header: { format: 'png', width: 40, height: 30, mime: 'image/png' } });
    expect(reason('a.jpg', jpegSkeleton(100, 80))).toBe('ok');
    expect(reason('a.gif', gifBytes(1))).toBe('ok');
    expect(reason('a.webp', webpBytes(10, 10))).toBe('ok');
  });

  it('refuses empty and oversized files by size alone', () => {
    expect(checkUploadBytes('empty.png', new Uint8Array(0))).toEqual({ ok: false, rejection: { name: 'empty.png', reason: 'empty', bytes: 0 } });
    expect(reason('big.jpg', jpegSkeleton(10, 10), MAX_FILE_BYTES + 1)).toBe('file-too-large');
  });

  it('refuses absurd dimensions from the header: > 8,000 px a side or > 40 MP', () => {
    const r = checkUploadBytes('huge.png', pngBytes({ width: 30_000, height: 30_000, fakeSize: true }));
    expect(r).toEqual({ ok: false, rejection: { name: 'huge.png', reason: 'too-many-pixels', format: 'png', width: 30_000, height: 30_000 } });
    expect(reason('wide.png', pngBytes({ width: 8001, height: 1, fakeSize: true }))).toBe('too-many-pixels');
    expect(reason('mp.png', pngBytes({ width: 7000, height: 7000, fakeSize: true }))).toBe('too-many-pixels');
    expect(reason('ok-wide.webp', webpBytes(8000, 4000))).toBe('ok');
  });

  it('refuses SVG, text renamed .png, animated GIF / APNG / WebP, truncated files and unknown bytes', () => {
    expect(reason('drawing.svg', new TextEncoder().encode(SVG_TEXT))).toBe('svg');
    expect(reason('notes.png', new TextEncoder().encode('not really a picture\n'))).toBe('text');
    expect(reason('anim.gif', gifBytes(3))).toBe('animated');
    expect(reason('anim.png', pngBytes({ width: 4, height: 4, apngFrames: 2 }))).toBe('animated');
    expect(reason('anim.webp', webpBytes(4, 4, true))).toBe('animated');
    const png = pngBytes({ width: 20, height: 20 });
    expect(reason('cut.png', png.subarray(0, png.length - 20))).toBe('truncated');
    expect(reason('cut.jpg', jpegSkeleton(10, 10, true))).toBe('truncated');
    expect(reason('x.bin', new Uint8Array([7, 0, 9, 200, 1]))).toBe('unknown-format');
    const heic = checkUploadBytes('p.heic', new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]));
    expect(heic.ok ? null : heic.rejection).toMatchObject({ reason: 'unsupported-format', format: 'heic' });
  });

  it('passes a structurally complete PNG with bad pixel data on to the decoder', () => {
    expect(reason('corrupt.png', corruptPngBytes())).toBe('ok');
  });

  it('skips hidden and system files in folders and zips', () => {
    expect(isHiddenOrSystemPath('cats/.DS_Store')).toBe(true);
    expect(isHiddenOrSystemPath('__MACOSX/cats/._a.png')).toBe(true);
    expect(isHiddenOrSystemPath('cats/a.png')).toBe(false);
  });
});

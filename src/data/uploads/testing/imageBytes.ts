/**
 * Builders of small image files (and deliberately broken ones) for tests: a real PNG encoder (fflate's
 * zlib), hand-made GIF/JPEG/WebP/BMP headers. Imported by unit tests and the uploads e2e spec only.
 */
import { zlibSync } from 'fflate';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u32be = (v: number) => new Uint8Array([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** One PNG chunk with a correct CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([ascii(type), data]);
  return concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

export interface PngOptions {
  /** Header dimensions; pixel data is made for these unless `fakeSize` is set. */
  width: number;
  height: number;
  /** RGB for pixel (x, y); default a gradient. */
  color?: (x: number, y: number) => [number, number, number];
  /** Write an acTL chunk saying this many frames (APNG). */
  apngFrames?: number;
  /** Write only a 1×1 pixel IDAT whatever the header says (for "absurd size" headers). */
  fakeSize?: boolean;
}

/** A valid 8-bit RGB PNG (or an APNG / lying header per options). */
export function pngBytes(o: PngOptions): Uint8Array {
  const ihdr = concat([u32be(o.width), u32be(o.height), new Uint8Array([8, 2, 0, 0, 0])]);
  const w = o.fakeSize ? 1 : o.width;
  const h = o.fakeSize ? 1 : o.height;
  const color = o.color ?? ((x, y) => [(x * 255) / Math.max(1, w - 1), (y * 255) / Math.max(1, h - 1), 128]);
  const raw = new Uint8Array(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    raw[y * (1 + w * 3)] = 0; // filter: none
    for (let x = 0; x < w; x++) raw.set(color(x, y).map((v) => Math.round(v)), y * (1 + w * 3) + 1 + x * 3);
  }
  const chunks = [pngChunk('IHDR', ihdr)];
  if (o.apngFrames) chunks.push(pngChunk('acTL', concat([u32be(o.apngFrames), u32be(0)])));
  chunks.push(pngChunk('IDAT', zlibSync(raw)), pngChunk('IEND', new Uint8Array(0)));
  return concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

/** A PNG whose IDAT holds bytes that are not zlib data (structurally complete, undecodable). */
export function corruptPngBytes(): Uint8Array {
  const ihdr = concat([u32be(8), u32be(8), new Uint8Array([8, 2, 0, 0, 0])]);
  const garbage = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 255);
  return concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', garbage), pngChunk('IEND', new Uint8Array(0))]);
}

/** A 1×1 GIF89a with `frames` image descriptors (more than one = animated). */
export function gifBytes(frames = 1): Uint8Array {
  const header = concat([ascii('GIF89a'), new Uint8Array([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255])]);
  const loop = concat([new Uint8Array([0x21, 0xff, 0x0b]), ascii('NETSCAPE2.0'), new Uint8Array([3, 1, 0, 0, 0])]);
  const frame = new Uint8Array([0x21, 0xf9, 4, 0, 10, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0]);
  return concat([header, ...(frames > 1 ? [loop] : []), ...Array.from({ length: frames }, () => frame), new Uint8Array([0x3b])]);
}

/** A baseline JPEG skeleton: SOI, SOF0 with the size, SOS, a few scan bytes and (unless truncated) EOI. */
export function jpegSkeleton(width: number, height: number, truncated = false): Uint8Array {
  const sof = new Uint8Array([0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sos = new Uint8Array([0xff, 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0x00, 0x56]);
  return concat([new Uint8Array([0xff, 0xd8]), sof, sos, truncated ? new Uint8Array(0) : new Uint8Array([0xff, 0xd9])]);
}

/** A WebP header: 'VP8X' (optionally animated) at the given canvas size. */
export function webpBytes(width: number, height: number, animated = false): Uint8Array {
  const vp8x = new Uint8Array(10);
  vp8x[0] = animated ? 0x02 : 0;
  vp8x.set([(width - 1) & 255, ((width - 1) >> 8) & 255, ((width - 1) >> 16) & 255], 4);
  vp8x.set([(height - 1) & 255, ((height - 1) >> 8) & 255, ((height - 1) >> 16) & 255], 7);
  const chunk = concat([ascii('VP8X'), new Uint8Array([10, 0, 0, 0]), vp8x]);
  const size = 4 + chunk.length;
  return concat([ascii('RIFF'), new Uint8Array([size & 255, (size >> 8) & 255, 0, 0]), ascii('WEBP'), chunk]);
}

/** A 24-bit BMP of the given size (all white). */
export function bmpBytes(width: number, height: number): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const b = new Uint8Array(size).fill(255);
  const v = new DataView(b.buffer);
  b.set(ascii('BM'), 0);
  v.setUint32(2, size, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, width, true);
  v.setInt32(22, height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  return b;
}

export const SVG_TEXT = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';

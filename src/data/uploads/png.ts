/**
 * A minimal PNG encoder for stored pixels (8-bit RGB, one IDAT, filter "none", zlib by fflate), so an
 * exported image is exactly its 64×64 training pixels, losslessly, and the same pixels always give
 * the same bytes.
 */
import { zlibSync } from 'fflate';
import { crc32 } from './crc32';

const u32be = (v: number) => new Uint8Array([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = new Uint8Array(4 + data.length);
  typed.set(Array.from(type, (c) => c.charCodeAt(0)));
  typed.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32be(data.length));
  out.set(typed, 4);
  out.set(u32be(crc32(typed)), 8 + data.length);
  return out;
}

/**
 * Encodes `[height, width, 3]` uint8 RGB pixels as a PNG file.
 * @throws Error when `rgb` is not width × height × 3 bytes.
 */
export function encodeRgbPng(rgb: Uint8Array, width: number, height: number): Uint8Array {
  if (rgb.length !== width * height * 3) throw new Error(`${rgb.length} bytes are not ${width}×${height} RGB pixels`);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (1 + width * 3) + 1);
  const header = new Uint8Array(13);
  header.set(u32be(width), 0);
  header.set(u32be(height), 4);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

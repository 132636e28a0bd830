/**
 * Recognises an image file from its bytes (never from its name or MIME type) and reads what the header
 * says — format, width, height, frame count, whether the data is complete — without decoding a pixel.
 * Pure TypeScript: runs in the worker before `createImageBitmap` and in unit tests.
 */

/** The still-image formats the playground decodes. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

/** What the bytes look like when they are not one of {@link ImageFormat}. */
export type OtherKind = 'svg' | 'text' | 'zip' | 'pdf' | 'heic' | 'avif' | 'tiff' | 'ico' | 'unknown';

/** A recognised image header. `width`/`height` are 0 when the header is too short to say. */
export interface ImageHeader {
  kind: 'image';
  format: ImageFormat;
  width: number;
  height: number;
  /** More than one frame (animated GIF, APNG, animated WebP). */
  animated: boolean;
  /** The container ends before its declared end (no IEND / GIF trailer / JPEG EOI, short RIFF or BMP). */
  truncated: boolean;
  /** The structure is broken in a way a decoder would reject (bad chunk, marker or block). */
  malformed: boolean;
}

/** Bytes that are not a supported image. */
export interface OtherHeader {
  kind: OtherKind;
}

/** What `sniffImage` found. */
export type SniffResult = ImageHeader | OtherHeader;

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n));
const u16le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u16be = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u24le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32le = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u32be = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const i32le = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Identifies `bytes` and, for images, reads the header. Never throws. */
export function sniffImage(bytes: Uint8Array): SniffResult {
  const b = bytes;
  if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return readPng(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return readJpeg(b);
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return readGif(b);
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return readWebp(b);
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return readBmp(b);
  return { kind: otherKind(b) };
}

function otherKind(b: Uint8Array): OtherKind {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6)) return 'zip';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
  }
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0) return 'ico';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 2048));
  if (/^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  if (looksLikeText(b.subarray(0, 2048))) return 'text';
  return 'unknown';
}

/** Mostly printable UTF-8 (tabs, newlines allowed) and no NUL bytes. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let printable = 0;
  for (const v of b) {
    if (v === 0) return false;
    if (v === 9 || v === 10 || v === 13 || (v >= 32 && v !== 127)) printable++;
  }
  return printable / b.length > 0.95;
}

/** PNG: IHDR gives the size; an acTL chunk before IDAT with more than one frame is an APNG; IEND ends it. */
function readPng(b: Uint8Array): ImageHeader {
  const header: ImageHeader = { kind: 'image', format: 'png', width: 0, height: 0, animated: false, truncated: true, malformed: false };
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') {
    header.malformed = b.length >= 16 && ascii(b, 12, 4) !== 'IHDR';
    return header;
  }
  header.width = u32be(b, 16);
  header.height = u32be(b, 20);
  let at = 8;
  while (at + 8 <= b.length) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) {
      header.malformed = true;
      return header;
    }
    const end = at + 12 + length;
    if (end > b.length) return header; // the chunk runs past the end of the file
    if (type === 'acTL' && length >= 8 && u32be(b, at + 8) > 1) header.animated = true;
    if (type === 'IEND') {
      header.truncated = false;
      return header;
    }
    at = end;
  }
  return header;
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walk the marker segments to the frame header (SOFn) and the scan (SOS); EOI must follow the scan. */
function readJpeg(b: Uint8Array): ImageHeader {
  const header: ImageHeader = { kind: 'image', format: 'jpeg', width: 0, height: 0, animated: false, truncated: true, malformed: false };
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) {
      header.malformed = true;
      return header;
    }
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) {
      header.truncated = false;
      return header;
    }
    const length = u16be(b, at + 2);
    if (length < 2) {
      header.malformed = true;
      return header;
    }
    if (SOF_MARKERS.has(marker) && at + 9 <= b.length) {
      header.height = u16be(b, at + 5);
      header.width = u16be(b, at + 7);
    }
    if (marker === 0xda) {
      // Entropy-coded data cannot contain FF D9 (FF is stuffed as FF 00): the last EOI ends the image.
      for (let i = b.length - 2; i >= at + 2 + length; i--) {
        if (b[i] === 0xff && b[i + 1] === 0xd9) {
          header.truncated = false;
          break;
        }
      }
      return header;
    }
    at += 2 + length;
  }
  return header;
}

/** GIF: logical screen size from the header; count image descriptors until the trailer (0x3B). */
function readGif(b: Uint8Array): ImageHeader {
  const header: ImageHeader = { kind: 'image', format: 'gif', width: 0, height: 0, animated: false, truncated: true, malformed: false };
  if (b.length < 13) return header;
  header.width = u16le(b, 6);
  header.height = u16le(b, 8);
  let at = 13 + (b[10] & 0x80 ? 3 * 2 ** ((b[10] & 7) + 1) : 0);
  let frames = 0;
  const skipSubBlocks = (from: number): number => {
    let p = from;
    while (p < b.length && b[p] !== 0) p += b[p] + 1;
    return p + 1; // past the zero-length terminator (or past the end when truncated)
  };
  while (at < b.length) {
    const introducer = b[at];
    if (introducer === 0x3b) {
      header.truncated = false;
      break;
    } else if (introducer === 0x21) {
      at = skipSubBlocks(at + 2);
    } else if (introducer === 0x2c) {
      frames++;
      if (at + 10 > b.length) break;
      const flags = b[at + 9];
      at += 10 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
      at = skipSubBlocks(at + 1); // +1: the LZW minimum code size
    } else {
      header.malformed = true;
      break;
    }
  }
  header.animated = frames > 1;
  if (frames === 0 && !header.truncated) header.malformed = true;
  return header;
}

/** WebP: RIFF size for completeness; VP8 / VP8L / VP8X chunk for the size; VP8X's animation flag. */
function readWebp(b: Uint8Array): ImageHeader {
  const header: ImageHeader = { kind: 'image', format: 'webp', width: 0, height: 0, animated: false, truncated: false, malformed: false };
  header.truncated = u32le(b, 4) + 8 > b.length;
  if (b.length < 30) {
    header.truncated = true;
    return header;
  }
  const chunk = ascii(b, 12, 4);
  const data = 20;
  if (chunk === 'VP8X') {
    header.animated = (b[data] & 0x02) !== 0;
    header.width = u24le(b, data + 4) + 1;
    header.height = u24le(b, data + 7) + 1;
  } else if (chunk === 'VP8 ') {
    if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) header.malformed = true;
    header.width = u16le(b, data + 6) & 0x3fff;
    header.height = u16le(b, data + 8) & 0x3fff;
  } else if (chunk === 'VP8L') {
    if (b[data] !== 0x2f) header.malformed = true;
    const bits = u32le(b, data + 1);
    header.width = (bits & 0x3fff) + 1;
    header.height = ((bits >>> 14) & 0x3fff) + 1;
  } else {
    header.malformed = true;
  }
  return header;
}

/** BMP: the declared file size must be present; width/height from the DIB header (height may be negative). */
function readBmp(b: Uint8Array): ImageHeader {
  const header: ImageHeader = { kind: 'image', format: 'bmp', width: 0, height: 0, animated: false, truncated: true, malformed: false };
  if (b.length < 26) return header;
  const dibSize = u32le(b, 14);
  if (dibSize === 12) {
    header.width = u16le(b, 18);
    header.height = u16le(b, 20);
  } else if (dibSize >= 40) {
    header.width = Math.abs(i32le(b, 18));
    header.height = Math.abs(i32le(b, 22));
  } else {
    header.malformed = true;
  }
  const declared = u32le(b, 2);
  const pixelsAt = u32le(b, 10);
  // Some writers leave the size field 0; then at least the pixel data offset must be inside the file.
  header.truncated = declared > 0 ? b.length < declared : pixelsAt >= b.length;
  return header;
}

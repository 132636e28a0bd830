/**
 * The list of files in a zip, read from its central directory (the index at the end of the archive)
 * without inflating anything. A zip cut short (an interrupted download or copy) has no central directory:
 * its local headers are then walked from the start, keeping every entry that is complete and saying
 * where the archive stops.
 */
import type { ByteSource } from './byteSource';
import { crc32 } from './crc32';
import { decodeZipName, type ZipNameEncoding } from './zipNames';

/** One file (or folder) in the archive, as its headers describe it. */
export interface ZipEntryInfo {
  /** Decoded (see zipNames.ts), NFC, with `/` separators, as written in the archive. */
  path: string;
  encoding: ZipNameEncoding;
  /** Compression method: 0 stored, 8 deflate; others (12 bzip2, 14 LZMA, 93 Zstandard, 99 AES, …) are refused. */
  method: number;
  /** General-purpose bit 0: the entry is encrypted (password-protected). */
  encrypted: boolean;
  directory: boolean;
  crc: number;
  compressedSize: number;
  /** What the headers say the entry inflates to (a zip bomb lies here; the reader checks). */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** The archive's entries, and where it stops if it was cut short. */
export interface ZipDirectory {
  entries: ZipEntryInfo[];
  /** Null for a whole archive; else how many complete entries were found and the last of them. */
  truncated: { complete: number; lastComplete: string | null } | null;
}

/** The bytes are no zip archive at all (no directory, no local header at the start). */
export class NotAZipError extends Error {}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

/** The Info-ZIP Unicode Path (0x7075) and zip64 (0x0001) extra fields of one header. */
function readExtra(extra: Uint8Array, rawName: Uint8Array, sizes: { size: number; compressedSize: number; offset: number }) {
  let unicodePath: string | null = null;
  for (let o = 0; o + 4 <= extra.length; ) {
    const id = u16(extra, o);
    const len = u16(extra, o + 2);
    const body = extra.subarray(o + 4, o + 4 + len);
    if (id === 0x7075 && body.length >= 5 && body[0] === 1 && u32(body, 1) === crc32(rawName)) {
      try {
        unicodePath = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(5));
      } catch {
        // A broken field: the plain name is used.
      }
    } else if (id === 0x0001) {
      let p = 0;
      if (sizes.size === 0xffffffff && p + 8 <= body.length) {
        sizes.size = u64(body, p);
        p += 8;
      }
      if (sizes.compressedSize === 0xffffffff && p + 8 <= body.length) {
        sizes.compressedSize = u64(body, p);
        p += 8;
      }
      if (sizes.offset === 0xffffffff && p + 8 <= body.length) sizes.offset = u64(body, p);
    }
    o += 4 + len;
  }
  return unicodePath;
}

function entryOf(rawName: Uint8Array, extra: Uint8Array, flags: number, method: number, crc: number, sizes: { size: number; compressedSize: number; offset: number }): ZipEntryInfo {
  const unicodePath = readExtra(extra, rawName, sizes);
  const { name, encoding } = decodeZipName(rawName, (flags & 0x800) !== 0, unicodePath);
  const path = name.replace(/\\/g, '/');
  return { path, encoding, method, encrypted: (flags & 1) !== 0, directory: path.endsWith('/'), crc, compressedSize: sizes.compressedSize, size: sizes.size, localOffset: sizes.offset };
}

/** The end-of-central-directory record: where the directory is and how many entries it has, or null. */
async function findDirectory(src: ByteSource): Promise<{ offset: number; size: number; count: number } | null> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tailStart = src.size - tailLength;
  const tail = await src.read(tailStart, tailLength);
  for (let o = tail.length - 22; o >= 0; o--) {
    if (u32(tail, o) !== SIG_END || o + 22 + u16(tail, o + 20) !== tail.length) continue;
    let count = u16(tail, o + 10);
    let size = u32(tail, o + 12);
    let offset = u32(tail, o + 16);
    const locator = tailStart + o - 20;
    if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && locator >= 0) {
      const loc = await src.read(locator, 20);
      if (u32(loc, 0) === SIG_LOCATOR64) {
        const end64 = await src.read(u64(loc, 8), 56);
        if (u32(end64, 0) === SIG_END64) {
          count = u64(end64, 32);
          size = u64(end64, 40);
          offset = u64(end64, 48);
        }
      }
    }
    return { offset, size, count };
  }
  return null;
}

function parseCentral(dir: Uint8Array, count: number): ZipEntryInfo[] | null {
  const entries: ZipEntryInfo[] = [];
  let o = 0;
  for (let i = 0; i < count; i++) {
    if (o + 46 > dir.length || u32(dir, o) !== SIG_CENTRAL) return null;
    const nameLength = u16(dir, o + 28);
    const extraLength = u16(dir, o + 30);
    const commentLength = u16(dir, o + 32);
    if (o + 46 + nameLength + extraLength > dir.length) return null;
    const rawName = dir.slice(o + 46, o + 46 + nameLength);
    const extra = dir.subarray(o + 46 + nameLength, o + 46 + nameLength + extraLength);
    const sizes = { compressedSize: u32(dir, o + 20), size: u32(dir, o + 24), offset: u32(dir, o + 42) };
    entries.push(entryOf(rawName, extra, u16(dir, o + 8), u16(dir, o + 10), u32(dir, o + 16), sizes));
    o += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Finds a data descriptor after `dataStart` whose compressed size matches its distance: the end of a streamed entry. */
async function findDescriptor(src: ByteSource, dataStart: number): Promise<{ end: number; crc: number; compressedSize: number; size: number } | null> {
  const WINDOW = 1 << 16;
  for (let base = dataStart; base < src.size; base += WINDOW - 16) {
    const chunk = await src.read(base, WINDOW);
    for (let i = 0; i + 16 <= chunk.length; i++) {
      if (u32(chunk, i) !== SIG_DESCRIPTOR) continue;
      const at = base + i;
      if (u32(chunk, i + 8) === at - dataStart) return { end: at + 16, crc: u32(chunk, i + 4), compressedSize: u32(chunk, i + 8), size: u32(chunk, i + 12) };
    }
    if (chunk.length < WINDOW) break;
  }
  return null;
}

/** Walks local headers from the start (for an archive without a readable central directory). */
async function scanLocalHeaders(src: ByteSource): Promise<ZipDirectory> {
  const entries: ZipEntryInfo[] = [];
  let o = 0;
  while (o + 30 <= src.size) {
    const head = await src.read(o, 30);
    // Anything else (the start of a damaged central directory, garbage): the readable entries end here.
    if (u32(head, 0) !== SIG_LOCAL) break;
    const flags = u16(head, 6);
    const nameLength = u16(head, 26);
    const extraLength = u16(head, 28);
    const dataStart = o + 30 + nameLength + extraLength;
    if (dataStart > src.size) break;
    const names = await src.read(o + 30, nameLength + extraLength);
    const sizes = { compressedSize: u32(head, 18), size: u32(head, 22), offset: o };
    const entry = entryOf(names.slice(0, nameLength), names.subarray(nameLength), flags, u16(head, 8), u32(head, 14), sizes);
    let end = dataStart + entry.compressedSize;
    if (flags & 8) {
      const descriptor = await findDescriptor(src, dataStart);
      if (!descriptor) break;
      Object.assign(entry, { crc: descriptor.crc, compressedSize: descriptor.compressedSize, size: descriptor.size });
      end = descriptor.end;
    }
    if (end > src.size) break;
    entries.push(entry);
    o = end;
  }
  const head = await src.read(0, 4);
  if (head.length < 4 || u32(head, 0) !== SIG_LOCAL) throw new NotAZipError('no zip headers');
  // Only an archive without its end record is walked like this: it was cut short somewhere.
  return { entries, truncated: { complete: entries.length, lastComplete: entries.at(-1)?.path ?? null } };
}

/**
 * Lists a zip's entries (files and folders) without inflating them.
 * @throws NotAZipError when the bytes hold no zip structure at all.
 */
export async function readZipDirectory(src: ByteSource): Promise<ZipDirectory> {
  const end = await findDirectory(src);
  if (end && end.offset + end.size <= src.size) {
    const entries = parseCentral(await src.read(end.offset, end.size), end.count);
    if (entries && entries.every((e) => e.localOffset + 30 <= src.size)) return { entries, truncated: null };
  }
  return scanLocalHeaders(src);
}

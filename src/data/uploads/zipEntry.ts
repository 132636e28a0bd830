/**
 * Reads one zip entry's bytes, bounded: a deflated entry is inflated in steps sized to the output still
 * allowed and stopped as soon as it grows past the size its headers declare (a "zip bomb" that says
 * 1 KB and inflates to 4 GB costs about 1 MB of output), and its CRC is checked.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from './byteSource';
import { crc32 } from './crc32';
import type { ZipEntryInfo } from './zipDirectory';

/** Why an entry could not be read. */
export type ZipEntryProblem = 'encrypted' | 'unsupported-method' | 'size-mismatch' | 'corrupt' | 'truncated';

/** An entry that cannot be read, with the reason (and the method's name for unsupported methods). */
export class ZipEntryError extends Error {
  constructor(readonly problem: ZipEntryProblem, readonly method: string | null = null) {
    super(`zip entry: ${problem}${method ? ` (${method})` : ''}`);
  }
}

/** Names of compression methods other zip tools write (APPNOTE 4.4.5). */
const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 19: 'IBM LZ77', 93: 'Zstandard', 94: 'MP3', 95: 'XZ', 96: 'JPEG', 97: 'WavPack', 98: 'PPMd', 99: 'AES',
};

/** The name of a compression method, e.g. "bzip2" for 12. */
export function compressionMethodName(method: number): string {
  return METHOD_NAMES[method] ?? `method ${method}`;
}

/** Deflate's largest ratio: one input byte inflates to at most 1,032 bytes (258-byte matches, 2 bits each). */
const MAX_RATIO = 1032;

/**
 * Inflates `data`, which its header says makes `size` bytes. The first step is 1 KB of input; while the
 * data inflates like ordinary compressed data (under 8× so far) steps are 64 KB, and once it inflates
 * faster each step feeds only as much input as can make the output still allowed, so a bomb that
 * declares 1 KB and inflates to gigabytes is stopped after about 1 MB of output, whatever its real
 * size, while a 3 MB photo takes some 50 steps.
 */
function inflateBounded(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let over = false;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > size) over = true;
    else out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let o = 0; o < data.length && !over; ) {
      const ordinary = o > 0 && written < 8 * o;
      const step = o === 0 ? 1 << 10 : ordinary ? 1 << 16 : Math.max(1 << 10, Math.ceil((size - written) / MAX_RATIO) + 1);
      inflate.push(data.subarray(o, o + step), o + step >= data.length);
      o += step;
    }
  } catch {
    throw new ZipEntryError('corrupt');
  }
  if (over || (ended && written !== size)) throw new ZipEntryError('size-mismatch');
  if (!ended) throw new ZipEntryError('corrupt');
  return out;
}

/**
 * The entry's uncompressed bytes.
 * @throws ZipEntryError for encrypted entries, unsupported methods, data that does not inflate to the
 *   declared size or CRC, and an entry cut off by the end of the file.
 */
export async function readZipEntry(src: ByteSource, entry: ZipEntryInfo): Promise<Uint8Array> {
  if (entry.encrypted || entry.method === 99) throw new ZipEntryError('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipEntryError('unsupported-method', compressionMethodName(entry.method));
  const head = await src.read(entry.localOffset, 30);
  if (head.length < 30) throw new ZipEntryError('truncated');
  const dataStart = entry.localOffset + 30 + (head[26] | (head[27] << 8)) + (head[28] | (head[29] << 8));
  if (dataStart + entry.compressedSize > src.size) throw new ZipEntryError('truncated');
  const data = await src.read(dataStart, entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipEntryError('size-mismatch');
    bytes = data.slice();
  } else bytes = inflateBounded(data, entry.size);
  if (crc32(bytes) !== entry.crc) throw new ZipEntryError('corrupt');
  return bytes;
}

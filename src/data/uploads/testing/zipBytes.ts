/**
 * A zip writer for tests that controls what real tools differ in: the raw bytes of each name (UTF-8,
 * CP932, CP437), the UTF-8 flag, the compression method, encryption flags, data descriptors and lying
 * sizes. Imported by unit tests and e2e specs only.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../crc32';

/** One entry of a test archive. */
export interface TestZipEntry {
  /** The raw name bytes (a string is written as UTF-8). */
  name: Uint8Array | string;
  data: Uint8Array;
  /** Set general-purpose bit 11 (names are UTF-8). Default: true when `name` is a non-ASCII string. */
  utf8Flag?: boolean;
  /** 0 stored, 8 deflate (default); any other number is written as-is with the data stored. */
  method?: number;
  /** Set bit 0 (encrypted); the data is written unchanged. */
  encrypted?: boolean;
  /** Write sizes and CRC in a data descriptor after the data (bit 3), as streaming writers do. */
  descriptor?: boolean;
  /** Declare this uncompressed size instead of the real one. */
  declaredSize?: number;
}

const enc = new TextEncoder();

function le(n: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => Math.floor(n / 256 ** i) & 255);
}

function concat(parts: readonly (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of arrays) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A complete archive with the given entries (no comment, no zip64). */
export function testZip(entries: readonly TestZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? enc.encode(e.name) : e.name;
    const utf8 = e.utf8Flag ?? (typeof e.name === 'string' && [...e.name].some((c) => c.charCodeAt(0) > 0x7f));
    const method = e.method ?? 8;
    const body = method === 8 ? deflateSync(e.data) : e.data;
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = (utf8 ? 0x800 : 0) | (e.encrypted ? 1 : 0) | (e.descriptor ? 8 : 0);
    const common = [...le(20, 2), ...le(flags, 2), ...le(method, 2), ...le(0, 2), ...le(0x5a21, 2)];
    const sizes = [...le(crc, 4), ...le(body.length, 4), ...le(size, 4)];
    const local = concat([le(0x04034b50, 4), common, e.descriptor ? new Array(12).fill(0) : sizes, le(name.length, 2), le(0, 2), name, body, e.descriptor ? [...le(0x08074b50, 4), ...sizes] : []]);
    centrals.push(concat([le(0x02014b50, 4), le(20, 2), common, sizes, le(name.length, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 4), le(offset, 4), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(centrals);
  const end = concat([le(0x06054b50, 4), le(0, 2), le(0, 2), le(entries.length, 2), le(entries.length, 2), le(directory.length, 4), le(offset, 4), le(0, 2)]);
  return concat([...locals, directory, end]);
}

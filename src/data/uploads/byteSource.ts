/**
 * Random access to a file's bytes, so a zip is read piece by piece (its directory, then one entry at a
 * time) instead of whole: a 2 GB archive costs the memory of its largest entry, not 2 GB.
 */

/** A file's size and a way to read any range of it. */
export interface ByteSource {
  readonly size: number;
  /** Bytes [offset, offset + length), clipped to the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory (tests, nested data). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/** A source over a File or Blob: each read is a `slice`, so only the asked range is loaded. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer()),
  };
}

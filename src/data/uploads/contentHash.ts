/**
 * A content hash of an image's stored pixels, to find exact duplicates: the same photo added twice, or
 * the same picture saved as PNG and as JPEG (both shrink to the same 64×64). 64 bits from two
 * independent 32-bit lanes (cyrb53-style multiply-xorshift); for 10,000 images the chance of a false
 * match is about 3·10⁻¹². Synchronous and dependency-free, so it runs in the worker, on old records at
 * load, and in Node tests alike (crypto.subtle exists only on https pages).
 */

/** 16 hex digits identifying `bytes` (typically `[64, 64, 3]` pixels). */
export function contentHash(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

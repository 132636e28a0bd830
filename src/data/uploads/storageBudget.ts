/**
 * Will a batch fit in the browser's storage? Checked against `navigator.storage.estimate()` before
 * anything is written, so a full disk refuses the batch with its numbers instead of failing halfway.
 */

/**
 * Bytes one stored image takes in IndexedDB, as an upper bound: 12,288 bytes of pixels (Chromium's
 * LevelDB compresses them, but a noisy photo barely), a thumbnail JPEG of 2–8 KB and the record's
 * overhead. Chromium's estimate grew 3.5 KB per image for 2,000 flat synthetic pictures
 * (e2e/uploadsLargePick.spec.ts); a batch is refused only when even the bound does not fit.
 */
export const BYTES_PER_STORED_IMAGE = 24 * 1024;

/** Room to leave free, so the batch does not take the browser to its very last byte. */
export const STORAGE_MARGIN_BYTES = 2 * 2 ** 20;

/** What a batch needs and what is free, when it does not fit; null when it fits (or nothing is known). */
export function storageShortfall(images: number, free: number | null): { images: number; neededBytes: number; freeBytes: number } | null {
  if (free === null || !Number.isFinite(free) || images === 0) return null;
  const neededBytes = images * BYTES_PER_STORED_IMAGE + STORAGE_MARGIN_BYTES;
  return neededBytes > free ? { images, neededBytes, freeBytes: Math.max(0, free) } : null;
}

/**
 * Will a batch fit in the browser's storage? Checked against `navigator.storage.estimate()` before
 * anything is written, so a full disk refuses the batch with its numbers instead of failing halfway.
 */

/**
 * Bytes one stored image takes in IndexedDB, generously: 12,288 bytes of pixels, a thumbnail JPEG of
 * 2–8 KB and the record's overhead (measured in Chromium: see e2e/uploadsStorage.spec.ts).
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

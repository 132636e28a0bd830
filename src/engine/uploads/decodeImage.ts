/**
 * Decoding in the worker: `createImageBitmap` (the browser's own decoders, off the main thread), then a
 * centre crop resized to the stored 64×64 RGB and a small preview at the original aspect ratio, both on
 * an OffscreenCanvas. Call only after the byte checks of src/data/uploads/validate.ts passed.
 */
import { PREVIEW_MAX_SIDE, STORED_SIZE } from '../../data/uploads/collection';

/** What is kept of an image: `[64, 64, 3]` uint8 pixels, the preview Blob and the original size. */
export interface DecodedImage {
  pixels: Uint8Array;
  preview: Blob;
  width: number;
  height: number;
}

/** The browser could not decode the bytes (corrupt data the header checks could not see). */
export class UndecodableImageError extends Error {}

/** Decodes an image file's bytes. @throws UndecodableImageError when the browser's decoder fails. */
export async function decodeImageBytes(bytes: Uint8Array, mime: string): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  } catch (error) {
    throw new UndecodableImageError(error instanceof Error ? error.message : String(error));
  }
  try {
    return await storeBitmap(bitmap);
  } finally {
    bitmap.close();
  }
}

/** Crops, resizes and previews a decoded bitmap (also used for webcam frames). Does not close it. */
export async function storeBitmap(bitmap: ImageBitmap): Promise<DecodedImage> {
  const { width, height } = bitmap;
  if (width === 0 || height === 0) throw new UndecodableImageError('the image has no pixels');
  const side = Math.min(width, height);
  // The browser's high-quality resampler avoids the aliasing of a one-step 4000 → 64 drawImage.
  const square = await createImageBitmap(bitmap, Math.floor((width - side) / 2), Math.floor((height - side) / 2), side, side, {
    resizeWidth: STORED_SIZE, resizeHeight: STORED_SIZE, resizeQuality: 'high',
  });
  const pixels = rgbOnWhite(square, STORED_SIZE, STORED_SIZE);
  square.close();
  const scale = Math.min(1, PREVIEW_MAX_SIDE / Math.max(width, height));
  const pw = Math.max(1, Math.round(width * scale));
  const ph = Math.max(1, Math.round(height * scale));
  const small = await createImageBitmap(bitmap, { resizeWidth: pw, resizeHeight: ph, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(pw, ph);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D OffscreenCanvas in this worker.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, pw, ph);
  ctx.drawImage(small, 0, 0);
  small.close();
  const preview = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return { pixels, preview, width, height };
}

/** Draws a bitmap over white (transparent PNGs get a white background) and reads RGB, dropping alpha. */
function rgbOnWhite(bitmap: ImageBitmap, w: number, h: number): Uint8Array {
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D OffscreenCanvas in this worker.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return rgb;
}

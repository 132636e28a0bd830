/**
 * The one way an image becomes network input, shared by everything that takes a picture in: uploads
 * and the webcam (stored at 64×64), Predict and the feature-map view (at the dataset's size). The
 * centre is cropped to the target's aspect (never stretched), resized with the browser's high-quality
 * resampler, drawn over white (a transparent PNG gets a white background, as on a page), and read as
 * RGB, or as luminance (ITU-R BT.601, as tf.image.rgbToGrayscale) for one channel. Runs wherever
 * createImageBitmap and OffscreenCanvas exist: the worker and the page. Call only after the byte checks
 * of validate.ts passed, so no decoder ever sees a 30,000 × 30,000 header.
 */

import { PREVIEW_MAX_SIDE } from './collection';

/** The browser could not decode the bytes (corrupt data the header checks could not see). */
export class UndecodableImageError extends Error {}

const LUMA = [0.299, 0.587, 0.114] as const;

/** Decodes image bytes with the browser's own decoders. @throws UndecodableImageError. */
export async function decodeBitmap(bytes: Uint8Array, mime: string): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  } catch (error) {
    throw new UndecodableImageError(error instanceof Error ? error.message : String(error));
  }
}

function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D OffscreenCanvas here.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  return ctx;
}

/** The centred crop of a `width × height` image with the aspect of `h × w`: [x, y, cropW, cropH]. */
export function centreCrop(width: number, height: number, h: number, w: number): [number, number, number, number] {
  const scale = Math.min(width / w, height / h);
  const cw = Math.max(1, Math.min(width, Math.round(w * scale)));
  const ch = Math.max(1, Math.min(height, Math.round(h * scale)));
  return [Math.floor((width - cw) / 2), Math.floor((height - ch) / 2), cw, ch];
}

/**
 * The image as `[h, w, c]` uint8 pixels (c = 3 RGB or 1 luminance): centre crop, resize, white
 * background. A crop already of the target size is copied pixel for pixel (an exported 64×64 image
 * imports byte-identically). Does not close `bitmap`.
 */
export async function preparePixels(bitmap: ImageBitmap, [h, w, c]: readonly [number, number, number]): Promise<Uint8Array> {
  const { width, height } = bitmap;
  if (width === 0 || height === 0) throw new UndecodableImageError('the image has no pixels');
  const [x, y, cw, ch] = centreCrop(width, height, h, w);
  const ctx = context(w, h);
  if (cw === w && ch === h) ctx.drawImage(bitmap, x, y, w, h, 0, 0, w, h);
  else {
    // The browser's high-quality resampler avoids the aliasing of a one-step 4000 → 64 drawImage.
    const sized = await createImageBitmap(bitmap, x, y, cw, ch, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
    ctx.drawImage(sized, 0, 0);
    sized.close();
  }
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const out = new Uint8Array(h * w * c);
  for (let i = 0; i < h * w; i++) {
    const [r, g, b] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
    if (c === 1) out[i] = Math.round(LUMA[0] * r + LUMA[1] * g + LUMA[2] * b);
    else out.set([r, g, b], i * 3);
  }
  return out;
}

/** A small JPEG at the original aspect ratio (longest side PREVIEW_MAX_SIDE), over white, for thumbnails. */
export async function previewBlob(bitmap: ImageBitmap): Promise<Blob> {
  const { width, height } = bitmap;
  const scale = Math.min(1, PREVIEW_MAX_SIDE / Math.max(width, height));
  const pw = Math.max(1, Math.round(width * scale));
  const ph = Math.max(1, Math.round(height * scale));
  const small = await createImageBitmap(bitmap, { resizeWidth: pw, resizeHeight: ph, resizeQuality: 'high' });
  const ctx = context(pw, ph);
  ctx.drawImage(small, 0, 0);
  small.close();
  return (ctx.canvas as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

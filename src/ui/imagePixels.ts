/**
 * Browser image helpers for prediction inputs: paint uint8 pixels to a canvas, read a drawing back as
 * pixels, and prepare a photo or camera frame through the one preparation path uploads use.
 */

/** Paints [H, W, C] uint8 pixels (C = 1 or 3) onto a canvas of the same size. */
export function paintPixels(canvas: HTMLCanvasElement, pixels: Uint8Array, [h, w, c]: readonly [number, number, number]): void {
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(w, h);
  for (let i = 0; i < h * w; i++) {
    const r = pixels[i * c];
    image.data[i * 4] = r;
    image.data[i * 4 + 1] = c === 3 ? pixels[i * c + 1] : r;
    image.data[i * 4 + 2] = c === 3 ? pixels[i * c + 2] : r;
    image.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** Reads a drawable into [H, W, C] uint8 pixels, scaled to h×w (grey = luminance when C = 1). */
export function readPixels(source: CanvasImageSource, [h, w, c]: readonly [number, number, number], invert = false): Uint8Array {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D canvas available.');
  ctx.fillStyle = invert ? '#fff' : '#000';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  const out = new Uint8Array(h * w * c);
  for (let i = 0; i < h * w; i++) {
    const [r, g, b] = [data[i * 4], data[i * 4 + 1], data[i * 4 + 2]];
    if (c === 1) {
      const grey = 0.299 * r + 0.587 * g + 0.114 * b;
      out[i] = invert ? 255 - grey : grey;
    } else {
      out[i * 3] = r;
      out[i * 3 + 1] = g;
      out[i * 3 + 2] = b;
    }
  }
  return out;
}

/**
 * An image file as uint8 pixels of `shape` [H, W, C], prepared exactly as an uploaded training image is
 * (see photoPixels.ts; loaded on first use, so the first view does not carry the byte checks).
 * @throws UserError naming the file and the specific reason, in the words the uploads list uses.
 */
export async function readImageFile(file: File, shape: readonly [number, number, number]): Promise<Uint8Array> {
  return (await import('./photoPixels')).readPhotoPixels(file, shape);
}

/** A decoded frame (a webcam capture) as uint8 pixels of `shape`, prepared as {@link readImageFile} does. Does not close it. */
export async function readBitmapPixels(bitmap: ImageBitmap, shape: readonly [number, number, number]): Promise<Uint8Array> {
  return (await import('../data/uploads/prepareImage')).preparePixels(bitmap, shape);
}

/**
 * The photographic negative of [H, W, C] uint8 pixels (255 − v in every channel): Predict's "invert" for
 * dark-on-light drawings and photos of paper, since the digit datasets are light strokes on black.
 * @returns a new array; `pixels` is left as it is
 */
export function invertPixels(pixels: Uint8Array): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = 255 - pixels[i];
  return out;
}

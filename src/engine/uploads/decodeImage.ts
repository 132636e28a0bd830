/**
 * Decoding in the worker: the browser's own decoders, then the shared preparation of
 * src/data/uploads/prepareImage.ts at the stored 64×64 RGB, and a small preview at the original aspect
 * ratio. Call only after the byte checks of src/data/uploads/validate.ts passed.
 */
import { STORED_SHAPE } from '../../data/uploads/collection';
import { decodeBitmap, preparePixels, previewBlob } from '../../data/uploads/prepareImage';

export { UndecodableImageError } from '../../data/uploads/prepareImage';

/** What is kept of an image: `[64, 64, 3]` uint8 pixels, the preview Blob and the original size. */
export interface DecodedImage {
  pixels: Uint8Array;
  preview: Blob;
  width: number;
  height: number;
}

/** Decodes an image file's bytes. @throws UndecodableImageError when the browser's decoder fails. */
export async function decodeImageBytes(bytes: Uint8Array, mime: string): Promise<DecodedImage> {
  const bitmap = await decodeBitmap(bytes, mime);
  try {
    return await storeBitmap(bitmap);
  } finally {
    bitmap.close();
  }
}

/** Crops, resizes and previews a decoded bitmap (also used for webcam frames). Does not close it. */
export async function storeBitmap(bitmap: ImageBitmap): Promise<DecodedImage> {
  const pixels = await preparePixels(bitmap, STORED_SHAPE);
  return { pixels, preview: await previewBlob(bitmap), width: bitmap.width, height: bitmap.height };
}

/**
 * A photo for Predict or the feature-map view, prepared by the one path uploads use
 * (src/data/uploads/prepareImage.ts): the same byte checks and limits, centre crop, white background.
 */
import { decodeBitmap, preparePixels } from '../data/uploads/prepareImage';
import { rejectionMessage } from '../data/uploads/rejectionMessage';
import { MAX_FILE_BYTES, checkUploadBytes, type UploadRejection } from '../data/uploads/validate';
import { sayMessage, UserError } from '../messages/index';

/**
 * An image file as uint8 pixels of `shape` [H, W, C], prepared exactly as an uploaded training image is
 * (src/data/uploads/prepareImage.ts: the same byte checks and limits, centre crop, white background),
 * so Predict and the feature-map view see a photo the way training stored it.
 * @throws UserError naming the file and the specific reason, in the words the uploads list uses.
 */
export async function readPhotoPixels(file: File, shape: readonly [number, number, number]): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const refuse = (rejection: UploadRejection) => {
    const m = rejectionMessage(rejection);
    return new UserError(m, sayMessage(m, 'en'));
  };
  if (bytes.length > MAX_FILE_BYTES) throw refuse({ name: file.name, reason: 'file-too-large', bytes: bytes.length });
  const check = checkUploadBytes(file.name, bytes);
  if (!check.ok) throw refuse(check.rejection);
  let bitmap: ImageBitmap;
  try {
    bitmap = await decodeBitmap(bytes, check.header.mime);
  } catch {
    throw refuse({ name: file.name, reason: 'corrupt', format: check.header.format });
  }
  try {
    return await preparePixels(bitmap, shape);
  } finally {
    bitmap.close();
  }
}

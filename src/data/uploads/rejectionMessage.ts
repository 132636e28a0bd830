/**
 * The sentence a refused file gets, as a catalogue message (src/messages/uploadsMessages.ts): its name
 * and the specific reason, the same for an upload, a zip entry and a photo given to Predict. The
 * browser's own words (`detail`) never reach the UI.
 */
import { message, type UploadsMessageCode, type UserMessage } from '../../messages/index';
import { MAX_BATCH_UNPACKED_BYTES, type RejectReason, type UploadRejection } from './validate';

const CODE: Record<RejectReason, UploadsMessageCode> = {
  empty: 'uploads.reason.empty',
  'file-too-large': 'uploads.reason.fileTooLarge',
  svg: 'uploads.reason.svg',
  text: 'uploads.reason.text',
  'unsupported-format': 'uploads.reason.unsupported',
  'unknown-format': 'uploads.reason.unknown',
  'too-many-pixels': 'uploads.reason.tooManyPixels',
  'no-dimensions': 'uploads.reason.noDimensions',
  animated: 'uploads.reason.animated',
  truncated: 'uploads.reason.truncated',
  corrupt: 'uploads.reason.corrupt',
  duplicate: 'uploads.reason.duplicate',
  'class-collision': 'uploads.reason.classCollision',
  'storage-full': 'uploads.reason.storageFull',
  'storage-lost': 'uploads.reason.storageLost',
  'storage-failed': 'uploads.reason.storageFailed',
  'zip-invalid': 'uploads.reason.zipInvalid',
  'zip-empty': 'uploads.reason.zipEmpty',
  'zip-truncated': 'uploads.reason.zipTruncated',
  'zip-encrypted': 'uploads.reason.zipEncrypted',
  'zip-unsupported-method': 'uploads.reason.zipUnsupportedMethod',
  'zip-size-mismatch': 'uploads.reason.zipSizeMismatch',
  'zip-entry-corrupt': 'uploads.reason.zipEntryCorrupt',
  'zip-nested': 'uploads.reason.zipNested',
  'zip-too-large': 'uploads.reason.zipTooLarge',
};

/** Why a file was refused, without its name. */
export function reasonMessage(r: UploadRejection): UserMessage {
  let code = CODE[r.reason];
  // A whole zip cut short says how far it got; an entry cut off says only that it is incomplete.
  if (r.reason === 'zip-truncated') code = r.count === undefined ? 'uploads.reason.zipEntryTruncated' : r.count === 0 ? 'uploads.reason.zipTruncatedNothing' : code;
  return message(code, {
    format: (r.format ?? '').toUpperCase(),
    width: r.width ?? 0,
    height: r.height ?? 0,
    mb: ((r.bytes ?? 0) / 2 ** 20).toFixed(1),
    count: r.count ?? 0,
    entry: r.entry ?? '',
    method: r.method ?? '',
    gb: (MAX_BATCH_UNPACKED_BYTES / 2 ** 30).toFixed(0),
  });
}

/** `name: reason` for a refused file. */
export function rejectionMessage(r: UploadRejection): UserMessage {
  return message('uploads.rejected', { name: r.name, reason: reasonMessage(r) });
}

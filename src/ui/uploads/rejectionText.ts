/** The sentence a refused file gets: its name and the specific reason, in the UI language. */
import type { UploadRejection } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import type { UploadsMessageKey } from '../i18n/uploads';

const KEY: Record<UploadRejection['reason'], UploadsMessageKey> = {
  empty: 'reasonEmpty',
  'file-too-large': 'reasonFileTooLarge',
  svg: 'reasonSvg',
  text: 'reasonText',
  'unsupported-format': 'reasonUnsupported',
  'unknown-format': 'reasonUnknown',
  'too-many-pixels': 'reasonTooManyPixels',
  'no-dimensions': 'reasonNoDimensions',
  animated: 'reasonAnimated',
  truncated: 'reasonTruncated',
  corrupt: 'reasonCorrupt',
  'storage-full': 'reasonStorageFull',
  'storage-failed': 'reasonStorageFailed',
  'zip-invalid': 'reasonZipInvalid',
  'zip-too-large': 'reasonZipTooLarge',
};

/** `name: reason` (plus the browser's own words for decode and storage failures). */
export function rejectionText(r: UploadRejection, t: (key: UploadsMessageKey) => string): string {
  const reason = fill(t(KEY[r.reason]), {
    format: (r.format ?? '').toUpperCase(),
    width: r.width ?? 0,
    height: r.height ?? 0,
    mb: ((r.bytes ?? 0) / 2 ** 20).toFixed(1),
  });
  const detail = r.detail && (r.reason === 'corrupt' || r.reason.startsWith('storage') || r.reason === 'zip-invalid') ? ` (${r.detail})` : '';
  return `${r.name}: ${reason}${detail}`;
}

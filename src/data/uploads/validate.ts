/**
 * The rules an uploaded file must pass before the worker decodes it, and the reasons it is refused.
 * Everything here reads bytes only: a 30,000 × 30,000 PNG is refused from its 33-byte header, before a
 * decoder could allocate 3.6 GB for it.
 */
import { sniffImage, type ImageFormat, type OtherKind } from './sniff';

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 25 * 2 ** 20;
/** Largest side accepted, in pixels. */
export const MAX_SIDE = 8000;
/** Largest image accepted, in pixels (width × height). */
export const MAX_PIXELS = 40_000_000;
/** Uncompressed bytes one batch may unpack from its zips; entries past it are refused, named. */
export const MAX_BATCH_UNPACKED_BYTES = 2 * 2 ** 30;

/** Why a file was refused; the UI turns each into a sentence in the user's language. */
export type RejectReason =
  | 'empty'
  | 'file-too-large'
  | 'svg'
  | 'text'
  | 'unsupported-format'
  | 'unknown-format'
  | 'too-many-pixels'
  | 'no-dimensions'
  | 'animated'
  | 'truncated'
  | 'corrupt'
  | 'duplicate'
  | 'class-collision'
  | 'storage-full'
  | 'storage-lost'
  | 'storage-failed'
  | 'zip-invalid'
  | 'zip-empty'
  | 'zip-truncated'
  | 'zip-encrypted'
  | 'zip-unsupported-method'
  | 'zip-size-mismatch'
  | 'zip-entry-corrupt'
  | 'zip-nested'
  | 'zip-too-large';

/** One refused file. `name` is the file's name (or its path inside a folder or zip). */
export interface UploadRejection {
  name: string;
  reason: RejectReason;
  /** The detected format (e.g. 'png', 'pdf', 'heic') when known. */
  format?: ImageFormat | OtherKind;
  width?: number;
  height?: number;
  bytes?: number;
  /** Zips: how many entries were read before it stopped, and the last of them; an unsupported compression method's name. */
  count?: number;
  entry?: string;
  method?: string;
  /** The browser's or decoder's own words (English), kept for the console: never shown as UI text. */
  detail?: string;
}

/** A file that passed the byte checks, with the header's facts. */
export interface AcceptedHeader {
  format: ImageFormat;
  width: number;
  height: number;
  mime: string;
}

/** The verdict on one file's bytes. */
export type UploadCheck = { ok: true; header: AcceptedHeader } | { ok: false; rejection: UploadRejection };

const MIME: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' };

/**
 * Checks one file's bytes: size, format (magic bytes), header dimensions, animation and completeness.
 * @param bytes the whole file.
 * @param size the file's size in bytes (defaults to `bytes.length`).
 */
export function checkUploadBytes(name: string, bytes: Uint8Array, size = bytes.length): UploadCheck {
  const reject = (reason: RejectReason, extra: Partial<UploadRejection> = {}): UploadCheck => ({ ok: false, rejection: { name, reason, ...extra } });
  if (size === 0) return reject('empty', { bytes: 0 });
  if (size > MAX_FILE_BYTES) return reject('file-too-large', { bytes: size });
  const sniffed = sniffImage(bytes);
  if (sniffed.kind !== 'image') {
    if (sniffed.kind === 'svg') return reject('svg', { format: 'svg' });
    if (sniffed.kind === 'text') return reject('text');
    if (sniffed.kind === 'unknown') return reject('unknown-format');
    return reject('unsupported-format', { format: sniffed.kind });
  }
  const { format, width, height } = sniffed;
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) return reject('too-many-pixels', { format, width, height });
  if (sniffed.malformed) return reject('corrupt', { format });
  if (sniffed.truncated) return reject('truncated', { format });
  if (width === 0 || height === 0) return reject('no-dimensions', { format });
  if (sniffed.animated) return reject('animated', { format });
  return { ok: true, header: { format, width, height, mime: MIME[format] } };
}

/** Paths skipped silently inside folders and zips: hidden files (`.DS_Store`), macOS `__MACOSX` forks, Windows thumbnails. */
export function isHiddenOrSystemPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX' || part === 'Thumbs.db' || part === 'desktop.ini');
}

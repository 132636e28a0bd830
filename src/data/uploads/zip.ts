/**
 * What a .zip of class folders contributes to a batch: its image entries, listed from the directory
 * without inflating anything, and a specific reason for everything refused — the zip as a whole
 * (not a zip, empty, password-protected, cut short) or one entry (too large, a zip inside the zip). The
 * entries are read one at a time later (zipEntry.ts), so one bad entry never costs the others.
 */
import type { ByteSource } from './byteSource';
import { NotAZipError, readZipDirectory, type ZipEntryInfo } from './zipDirectory';
import type { ZipEntryError } from './zipEntry';
import { MAX_FILE_BYTES, isHiddenOrSystemPath, type UploadRejection } from './validate';

/** Largest .zip file accepted (it is read piece by piece, so this bounds time, not memory). */
export const MAX_ZIP_FILE_BYTES = 4 * 2 ** 30;

export { MAX_BATCH_UNPACKED_BYTES } from './validate';

/** A zip's image entries (in archive order), what was refused, and every entry (hidden ones too). */
export interface ZipListing {
  files: ZipEntryInfo[];
  rejections: UploadRejection[];
  entries: ZipEntryInfo[];
}

/** Whether a picked file is a zip archive, by its name or type. */
export function isZipInput(path: string, type: string): boolean {
  return /\.zip$/i.test(path) || /(^|\/)(x-)?zip(-compressed)?$/.test(type);
}

/**
 * Lists the zip's files, skipping folders and hidden or system files (`.DS_Store`, `__MACOSX/`).
 * @param zipName the zip's own name (or path), used to name refused entries `zipName/entry`.
 */
export async function listZipFiles(zipName: string, src: ByteSource): Promise<ZipListing> {
  const rejections: UploadRejection[] = [];
  let directory;
  try {
    directory = await readZipDirectory(src);
  } catch (error) {
    if (error instanceof NotAZipError) return { files: [], rejections: [{ name: zipName, reason: 'zip-invalid' }], entries: [] };
    throw error;
  }
  const candidates = directory.entries.filter((e) => !e.directory && !isHiddenOrSystemPath(e.path));
  if (directory.truncated) rejections.push({ name: zipName, reason: 'zip-truncated', count: directory.truncated.complete, ...(directory.truncated.lastComplete ? { entry: directory.truncated.lastComplete } : {}) });
  if (candidates.length === 0) {
    if (!directory.truncated) rejections.push({ name: zipName, reason: 'zip-empty' });
    return { files: [], rejections, entries: directory.entries };
  }
  if (candidates.every((e) => e.encrypted || e.method === 99)) return { files: [], rejections: [...rejections, { name: zipName, reason: 'zip-encrypted' }], entries: directory.entries };
  const files: ZipEntryInfo[] = [];
  for (const entry of candidates) {
    const name = `${zipName}/${entry.path}`;
    if (/\.zip$/i.test(entry.path)) rejections.push({ name, reason: 'zip-nested' });
    else if (entry.size > MAX_FILE_BYTES) rejections.push({ name, reason: 'file-too-large', bytes: entry.size });
    else files.push(entry);
  }
  return { files, rejections, entries: directory.entries };
}

/** The rejection for an entry that could not be read (see readZipEntry). */
export function zipEntryRejection(name: string, error: ZipEntryError): UploadRejection {
  switch (error.problem) {
    case 'encrypted':
      return { name, reason: 'zip-encrypted' };
    case 'unsupported-method':
      return { name, reason: 'zip-unsupported-method', ...(error.method ? { method: error.method } : {}) };
    case 'size-mismatch':
      return { name, reason: 'zip-size-mismatch' };
    case 'truncated':
      return { name, reason: 'zip-truncated' };
    default:
      return { name, reason: 'zip-entry-corrupt' };
  }
}

/** Whether the bytes start like a zip archive (local file header or empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Reads a .zip of class folders with fflate (pure JavaScript; called in the worker). Entries are
 * filtered by their declared size before anything is inflated, so one huge entry does not fill memory.
 */
import { unzipSync } from 'fflate';
import { MAX_FILE_BYTES, isHiddenOrSystemPath, type UploadRejection } from './validate';

/** Largest .zip file accepted (its images are checked one by one against MAX_FILE_BYTES). */
export const MAX_ZIP_FILE_BYTES = 512 * 2 ** 20;

/** Total uncompressed bytes read from one zip; later entries are refused. */
export const MAX_ZIP_TOTAL_BYTES = 512 * 2 ** 20;

/** One file found in the zip, with its path inside it. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/** Entries to decode and entries refused (too big, or the zip as a whole when it cannot be read). */
export function readZipEntries(zipName: string, bytes: Uint8Array): { entries: ZipEntry[]; rejections: UploadRejection[] } {
  const rejections: UploadRejection[] = [];
  let total = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (info) => {
        if (info.name.endsWith('/') || isHiddenOrSystemPath(info.name)) return false;
        const name = `${zipName}/${info.name}`;
        if (info.originalSize > MAX_FILE_BYTES) {
          rejections.push({ name, reason: 'file-too-large', bytes: info.originalSize });
          return false;
        }
        if (total + info.originalSize > MAX_ZIP_TOTAL_BYTES) {
          rejections.push({ name, reason: 'zip-too-large', bytes: info.originalSize });
          return false;
        }
        total += info.originalSize;
        return true;
      },
    });
    const entries = Object.entries(files).map(([path, data]) => ({ path, bytes: data }));
    entries.sort((a, b) => a.path.localeCompare(b.path));
    return { entries, rejections };
  } catch (error) {
    return { entries: [], rejections: [...rejections, { name: zipName, reason: 'zip-invalid', detail: error instanceof Error ? error.message : String(error) }] };
  }
}

/** Whether the bytes start like a zip archive (local file header or empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Files from the pickers and from drag-and-drop, with the path that names their class. Dropped folders
 * are walked with the File and Directory Entries API (`webkitGetAsEntry`), which every current browser
 * supports; without it the dropped files come without folders.
 */
import type { UploadFileInput } from '../../engine/uploads/uploadsProtocol';

/** From an <input type=file> (with or without webkitdirectory): `cats/a.png` for folder picks. */
export function filesFromInput(list: FileList | null): UploadFileInput[] {
  return Array.from(list ?? [], (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    // readEntries returns at most ~100 entries per call: call until it returns none.
    const next = () => reader.readEntries((batch) => {
      if (batch.length === 0) resolve(all);
      else {
        all.push(...batch);
        next();
      }
    }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: UploadFileInput[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out);
  }
}

/**
 * Everything dropped, folders walked. Must be called synchronously in the drop handler: the browser
 * empties `items` when the event ends, so the entries are taken first and read afterwards.
 */
export function filesFromDrop(data: DataTransfer): Promise<UploadFileInput[]> {
  const entries = Array.from(data.items ?? []).filter((item) => item.kind === 'file').map((item) => ('webkitGetAsEntry' in item ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve(filesFromInput(data.files));
  return (async () => {
    const out: UploadFileInput[] = [];
    for (const entry of entries) if (entry) await walk(entry, out);
    return out;
  })();
}

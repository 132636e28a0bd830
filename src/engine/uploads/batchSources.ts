/**
 * The files of a batch, found before anything is decoded: picked and dropped files as they are, zips
 * opened by their directory (entries are read one at a time later), and a zip exported from this page
 * read through its manifest. Each file becomes a BatchItem: where it sits (for the class layout), its
 * declared size and how to read its bytes.
 */
import { blobSource, type ByteSource } from '../../data/uploads/byteSource';
import { MANIFEST_NAME, parseManifest, type ManifestImage } from '../../data/uploads/datasetManifest';
import { itemsFromPaths, zipItem, type LayoutItem } from '../../data/uploads/layout';
import { isHiddenOrSystemPath, type UploadRejection } from '../../data/uploads/validate';
import { MAX_ZIP_FILE_BYTES, isZipInput, listZipFiles } from '../../data/uploads/zip';
import type { ZipEntryInfo } from '../../data/uploads/zipDirectory';
import { readZipEntry } from '../../data/uploads/zipEntry';
import type { DecodedImage } from './decodeImage';
import type { UploadFileInput } from './uploadsProtocol';

/** One file of a batch, not yet read. */
export interface BatchItem {
  /** How the file is named to the user: its path, or `zip/entry`. */
  name: string;
  layout: LayoutItem;
  /** Declared size in bytes (a zip entry's header may lie; the reader checks). */
  size: number;
  /** True for zip entries (their unpacked bytes count against the batch's bound). */
  fromZip: boolean;
  read: () => Promise<Uint8Array>;
  /** Set for images of an exported dataset: the manifest's record and its thumbnail's reader. */
  imported?: { meta: ManifestImage; thumbnail: (() => Promise<Uint8Array>) | null; classCreatedAt: number | null };
  /** Set for a webcam frame, already prepared: no bytes to read or decode. */
  decoded?: DecodedImage;
}

/** A batch's files and what was refused while finding them. */
export interface BatchSources {
  items: BatchItem[];
  rejections: UploadRejection[];
  /** Classes and images of an exported dataset's manifest, when a zip had one. */
  imported: { classes: number; images: number } | null;
}

const entryReader = (src: ByteSource, entry: ZipEntryInfo) => () => readZipEntry(src, entry);

/** The items of one zip: through its manifest when it is an export of this page, else by its folders. */
async function zipItems(input: UploadFileInput, out: BatchSources): Promise<void> {
  if (input.file.size > MAX_ZIP_FILE_BYTES) {
    out.rejections.push({ name: input.path, reason: 'file-too-large', bytes: input.file.size });
    return;
  }
  const src = blobSource(input.file);
  const listing = await listZipFiles(input.path, src);
  out.rejections.push(...listing.rejections);
  const byPath = new Map(listing.entries.map((e) => [e.path, e]));
  const manifestEntry = byPath.get(MANIFEST_NAME);
  let manifest = null;
  if (manifestEntry) {
    try {
      manifest = parseManifest(await readZipEntry(src, manifestEntry));
    } catch {
      manifest = null;
    }
  }
  const covered = new Set<string>([MANIFEST_NAME]);
  if (manifest) {
    let images = 0;
    const createdAt = new Map(manifest.classes.map((c) => [c.name, c.createdAt]));
    for (const meta of manifest.images) {
      const entry = byPath.get(meta.path);
      if (!entry || !listing.files.includes(entry)) continue;
      covered.add(meta.path);
      const thumb = meta.thumbnail ? byPath.get(meta.thumbnail) : undefined;
      const file = meta.path.split('/').pop() ?? meta.path;
      out.items.push({
        name: `${input.path}/${meta.path}`, layout: { root: null, zip: true, rel: [meta.className, file] }, size: entry.size, fromZip: true, read: entryReader(src, entry),
        imported: { meta, thumbnail: thumb ? entryReader(src, thumb) : null, classCreatedAt: createdAt.get(meta.className) ?? null },
      });
      images++;
    }
    out.imported = { classes: new Set(manifest.images.map((i) => i.className)).size, images: (out.imported?.images ?? 0) + images };
  }
  // By path, so a zip's classes are made (and listed) in name order whatever order the archive has.
  const rest = listing.files.filter((e) => !covered.has(e.path)).sort((a, b) => a.path.localeCompare(b.path));
  for (const entry of rest) {
    out.items.push({ name: `${input.path}/${entry.path}`, layout: zipItem(input.path, entry.path), size: entry.size, fromZip: true, read: entryReader(src, entry) });
  }
}

/** Finds every file of the batch (hidden and system files are skipped silently). */
export async function findBatchSources(inputs: readonly UploadFileInput[], onProgress?: (done: number, total: number) => void): Promise<BatchSources> {
  const visible = inputs.filter((i) => !isHiddenOrSystemPath(i.path.replace(/\\/g, '/')));
  const plain = visible.filter((i) => !isZipInput(i.path, i.file.type));
  const zips = visible.filter((i) => isZipInput(i.path, i.file.type));
  const out: BatchSources = { items: [], rejections: [], imported: null };
  const layouts = new Map(itemsFromPaths(plain.map((p) => p.path)).map((layout, k) => [plain[k], layout]));
  let zipsRead = 0;
  // In the order given, so classes are made (and listed) in the order their first files came.
  for (const input of visible) {
    const layout = layouts.get(input);
    if (layout) out.items.push({ name: input.path, layout, size: input.file.size, fromZip: false, read: async () => new Uint8Array(await input.file.arrayBuffer()) });
    else {
      await zipItems(input, out);
      onProgress?.(++zipsRead, zips.length);
    }
  }
  return out;
}

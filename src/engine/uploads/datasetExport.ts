/**
 * Saves the image dataset as one zip a teacher can back up, share and import again: a folder per class
 * holding each image as the PNG of its stored 64×64 pixels (lossless, so an import restores the very
 * training pixels), the thumbnails under `.thumbnails/`, and the manifest (class names, original file
 * names and sizes, the split). PNGs and JPEGs are stored, not deflated again.
 */
import { zipSync, type Zippable } from 'fflate';
import { STORED_SHAPE } from '../../data/uploads/collection';
import { MANIFEST_NAME, exportedImageName, safeFileName, type DatasetManifest, type ManifestImage } from '../../data/uploads/datasetManifest';
import { encodeRgbPng } from '../../data/uploads/png';
import type { UploadLibrary } from './uploadLibrary';
import type { DatasetExport } from './uploadsProtocol';

/** The export of everything the library holds now (in memory: it works after the database was lost, too). */
export async function exportDataset(lib: UploadLibrary, now: Date = new Date()): Promise<DatasetExport> {
  await lib.ready();
  const classes = lib.collection.classes();
  const images = lib.collection.images();
  const sides = lib.splitSides();
  const folders = new Set<string>();
  const folderOf = new Map(classes.map((c) => [c.id, safeFileName(c.name, folders)]));
  const namesIn = new Map<string, Set<string>>();
  const files: Zippable = {};
  const records: ManifestImage[] = [];
  for (const image of images) {
    const folder = folderOf.get(image.classId) as string;
    const taken = namesIn.get(folder) ?? new Set<string>();
    namesIn.set(folder, taken);
    const file = exportedImageName(image.name, taken);
    const path = `${folder}/${file}`;
    const thumbnail = `.thumbnails/${folder}/${file.replace(/\.png$/, image.preview.type === 'image/png' ? '.png' : '.jpg')}`;
    files[path] = [encodeRgbPng(image.pixels, STORED_SHAPE[1], STORED_SHAPE[0]), { level: 0 }];
    files[thumbnail] = [new Uint8Array(await image.preview.arrayBuffer()), { level: 0 }];
    const className = lib.collection.classById(image.classId)?.name ?? folder;
    records.push({
      path, thumbnail, className, id: image.id, name: image.name, width: image.width, height: image.height, addedAt: image.addedAt,
      split: sides.get(image.id) ?? 'train', hash: lib.hash(image.id) ?? '',
    });
  }
  const manifest: DatasetManifest = {
    format: 'cnn-playground-dataset', version: 1, exportedAt: now.toISOString(), storedSize: STORED_SHAPE[0],
    classes: classes.map((c) => ({ name: c.name, folder: folderOf.get(c.id) as string, createdAt: c.createdAt })),
    images: records,
  };
  files[MANIFEST_NAME] = [new TextEncoder().encode(JSON.stringify(manifest, null, 1)), { level: 6 }];
  const zip = zipSync(files, { mtime: now });
  const stamp = now.toISOString().slice(0, 10);
  return { blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName: `cnn-playground-images-${stamp}.zip`, images: images.length, classes: classes.length };
}

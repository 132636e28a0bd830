/**
 * The exported image dataset: a zip of class folders (each image as the PNG of its stored 64×64
 * pixels, its thumbnail under `.thumbnails/`) and a small manifest naming the classes, the original
 * file names and sizes, and each image's side of the split. Importing reads the manifest, so class
 * names survive exactly (even ones a folder cannot hold), and every image still goes through the same
 * checks as any upload. Without the manifest the zip is simply a zip of class folders. Pure TypeScript.
 */
import { MAX_CLASS_NAME } from './collection';

/** The manifest's file name at the zip's root. */
export const MANIFEST_NAME = 'cnn-playground-dataset.json';
const FORMAT = 'cnn-playground-dataset';

/** One image of the manifest. */
export interface ManifestImage {
  /** The PNG's path in the zip: `folder/file.png`. */
  path: string;
  /** The thumbnail's path in the zip, or null. */
  thumbnail: string | null;
  className: string;
  id: string;
  /** The original file name (or path inside a folder or zip). */
  name: string;
  width: number;
  height: number;
  addedAt: number;
  split: 'train' | 'validation';
  hash: string;
}

/** The manifest of an exported dataset. */
export interface DatasetManifest {
  format: typeof FORMAT;
  version: 1;
  exportedAt: string;
  storedSize: number;
  classes: { name: string; folder: string; createdAt: number }[];
  images: ManifestImage[];
}

const isText = (v: unknown, max = 1000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Reads a manifest, or null when the bytes are not one (a hand-edited or foreign file is then ignored). */
export function parseManifest(bytes: Uint8Array): DatasetManifest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.format !== FORMAT || m.version !== 1 || !Array.isArray(m.classes) || !Array.isArray(m.images) || !isCount(m.storedSize)) return null;
  const classes = m.classes.filter((c): c is DatasetManifest['classes'][number] => typeof c === 'object' && c !== null && isText(c.name, MAX_CLASS_NAME) && isText(c.folder) && typeof c.createdAt === 'number');
  const names = new Set(classes.map((c) => c.name));
  const images = m.images.filter((i): i is ManifestImage => {
    if (typeof i !== 'object' || i === null) return false;
    const x = i as Record<string, unknown>;
    return isText(x.path) && (x.thumbnail === null || isText(x.thumbnail)) && isText(x.className) && names.has(x.className) && isText(x.id, 64) && isText(x.name)
      && isCount(x.width) && isCount(x.height) && typeof x.addedAt === 'number' && (x.split === 'train' || x.split === 'validation') && typeof x.hash === 'string';
  });
  return { format: FORMAT, version: 1, exportedAt: typeof m.exportedAt === 'string' ? m.exportedAt : '', storedSize: m.storedSize, classes, images };
}

/** Characters no common file system accepts in a name, and Windows' reserved device names. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A file or folder name every file system accepts, unique (case-insensitively) among `taken` (which it joins). */
export function safeFileName(raw: string, taken: Set<string>, extension = ''): string {
  let base = raw.normalize('NFC').replace(UNSAFE, '_').replace(/[. ]+$/, '').slice(0, 120) || '_';
  if (RESERVED.test(base)) base = `_${base}`;
  let name = `${base}${extension}`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} (${k})${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The exported file name of an image: its original base name without extension, then `.png`. */
export function exportedImageName(original: string, taken: Set<string>): string {
  const base = original.replace(/\\/g, '/').split('/').pop() ?? original;
  return safeFileName(base.replace(/\.[a-z0-9]{1,5}$/i, ''), taken, '.png');
}

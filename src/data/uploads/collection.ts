/**
 * The user's image classes and images, held in memory by the worker. Pure TypeScript: the IndexedDB
 * store (uploadStore.ts) persists what this model says changed; the UI only ever sees snapshots.
 */

/** Side of the stored square image: enough for 32×32 networks and for 64×64 crops of it. */
export const STORED_SIZE = 64;
/** Stored images are RGB, channels-last: `[STORED_SIZE, STORED_SIZE, 3]`. */
export const STORED_SHAPE = [STORED_SIZE, STORED_SIZE, 3] as const;
/** Longest side of the preview thumbnail, which keeps the original aspect ratio. */
export const PREVIEW_MAX_SIDE = 96;
/**
 * Longest class name accepted: a folder name can be 255 characters, and a class keeps its folder's whole
 * name (the UI shortens only the label it shows), so two long names that differ at the end stay apart.
 */
export const MAX_CLASS_NAME = 255;

/** A class the user made (or a folder name became). */
export interface UploadClass {
  id: string;
  name: string;
  /** Milliseconds since the epoch; classes are listed (and labelled) in this order. */
  createdAt: number;
}

/** One accepted image. */
export interface UploadImage {
  id: string;
  classId: string;
  /** The file's name (or path inside a folder or zip). */
  name: string;
  /** Original size in pixels, before the centre crop. */
  width: number;
  height: number;
  /** `[64, 64, 3]` uint8 RGB, centre-cropped and resized (see STORED_SHAPE). */
  pixels: Uint8Array;
  /** A small JPEG/PNG at the original aspect ratio, for thumbnails. */
  preview: Blob;
  addedAt: number;
}

/** Why a class name is refused. */
export type ClassNameProblem = 'empty' | 'too-long' | 'taken';

/** A class name as stored: Unicode NFC (a macOS NFD folder name equals its Windows NFC twin), white space collapsed and trimmed. */
export function cleanClassName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** What two class names are compared by: NFC, white space and case ignored ("Cats", "cats " and "CATS" share a key). */
export function classKey(name: string): string {
  return cleanClassName(name).toLowerCase();
}

/** Cleans a name (see cleanClassName); returns the name to use or the problem with it. */
export function normaliseClassName(raw: string, existing: readonly Pick<UploadClass, 'id' | 'name'>[], exceptId?: string): { name: string } | { problem: ClassNameProblem } {
  const name = cleanClassName(raw);
  if (name === '') return { problem: 'empty' };
  if (name.length > MAX_CLASS_NAME) return { problem: 'too-long' };
  const key = classKey(name);
  if (existing.some((c) => c.id !== exceptId && classKey(c.name) === key)) return { problem: 'taken' };
  return { name };
}

/** Classes and images by id, with the operations the UI offers. Methods throw on unknown ids. */
export class UploadCollection {
  private readonly classMap = new Map<string, UploadClass>();
  private readonly imageMap = new Map<string, UploadImage>();

  constructor(classes: readonly UploadClass[] = [], images: readonly UploadImage[] = []) {
    for (const c of classes) this.classMap.set(c.id, c);
    for (const i of images) if (this.classMap.has(i.classId)) this.imageMap.set(i.id, i);
  }

  /** Classes in creation order (ties by name). */
  classes(): UploadClass[] {
    return [...this.classMap.values()].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  }

  /** Images grouped by class (in class order), oldest first within a class. */
  images(): UploadImage[] {
    const order = new Map(this.classes().map((c, i) => [c.id, i]));
    return [...this.imageMap.values()].sort((a, b) => (order.get(a.classId) ?? 0) - (order.get(b.classId) ?? 0) || a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  }

  image(id: string): UploadImage | undefined {
    return this.imageMap.get(id);
  }

  classById(id: string): UploadClass | undefined {
    return this.classMap.get(id);
  }

  /** Lookup by {@link classKey}, as names are unique by key. */
  classByName(name: string): UploadClass | undefined {
    const key = classKey(name);
    return [...this.classMap.values()].find((c) => classKey(c.name) === key);
  }

  countOf(classId: string): number {
    let n = 0;
    for (const i of this.imageMap.values()) if (i.classId === classId) n++;
    return n;
  }

  addClass(c: UploadClass): void {
    this.classMap.set(c.id, c);
  }

  /** Returns the renamed class. */
  renameClass(id: string, name: string): UploadClass {
    const c = this.requireClass(id);
    const renamed = { ...c, name };
    this.classMap.set(id, renamed);
    return renamed;
  }

  /** Removes a class and its images; returns the removed image ids. */
  removeClass(id: string): string[] {
    this.requireClass(id);
    const removed = [...this.imageMap.values()].filter((i) => i.classId === id).map((i) => i.id);
    for (const imageId of removed) this.imageMap.delete(imageId);
    this.classMap.delete(id);
    return removed;
  }

  addImage(image: UploadImage): void {
    this.requireClass(image.classId);
    this.imageMap.set(image.id, image);
  }

  /** Moves an image to another class; returns the updated image. */
  moveImage(id: string, classId: string): UploadImage {
    const image = this.requireImage(id);
    this.requireClass(classId);
    const moved = { ...image, classId };
    this.imageMap.set(id, moved);
    return moved;
  }

  removeImage(id: string): void {
    this.requireImage(id);
    this.imageMap.delete(id);
  }

  get imageCount(): number {
    return this.imageMap.size;
  }

  private requireClass(id: string): UploadClass {
    const c = this.classMap.get(id);
    if (!c) throw new Error(`No class with id ${id}.`);
    return c;
  }

  private requireImage(id: string): UploadImage {
    const i = this.imageMap.get(id);
    if (!i) throw new Error(`No image with id ${id}.`);
    return i;
  }
}

/**
 * Persistence of the uploaded classes and images in IndexedDB (through idb), with an in-memory
 * stand-in when IndexedDB is missing (private windows, Node tests). Records are decoded strictly on
 * load: a corrupt record is listed in `skipped` (with whatever names it still holds) and left out, never
 * allowed to break the page, until the user removes it (see repair.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { UploadClass, UploadImage } from './collection';
import { decodeClassRecord, decodeImageRecord, encodeClassRecord, encodeImageRecord, readableParts, type Decoded, type RecordProblem } from './records';

/** The IndexedDB database name (stores `classes` and `images`, keyed by id). */
export const UPLOADS_DB_NAME = 'cnn-playground-uploads';
const DB_VERSION = 1;

interface UploadsDb extends DBSchema {
  classes: { key: string; value: unknown };
  images: { key: string; value: unknown };
}

/** Where a record lives: its object store and key. */
export interface RecordKey {
  store: 'classes' | 'images';
  key: string;
}

/** A stored record that could not be used, and what it still says about itself. */
export interface SkippedRecord extends RecordKey {
  problem: RecordProblem;
  /** The technical detail, in English (e.g. "pixels are not 12288 bytes"). */
  why: string;
  /** The image's file name or the class's name, when the record still holds a readable one. */
  name: string | null;
  /** An image's class name: its loaded class, or the name its damaged class record still holds. */
  className: string | null;
  /** `class-missing` images only: the class id they point to (a repair restores a class under it). */
  classId: string | null;
}

/** What a store held: the readable classes and images, and the records skipped. */
export interface LoadedUploads {
  classes: UploadClass[];
  images: UploadImage[];
  /** Readable images whose class record is damaged or missing (also listed in `skipped`). */
  orphans: UploadImage[];
  skipped: SkippedRecord[];
}

/** A record the browser could not even deserialise (IndexedDB `get` threw). */
export class UnreadableRecord {
  constructor(readonly detail: string) {}
}

/** What the uploads library needs from storage. Every write either completes or rejects. */
export interface UploadStore {
  readonly kind: 'indexeddb' | 'memory';
  load(): Promise<LoadedUploads>;
  putClass(c: UploadClass): Promise<void>;
  /** Deletes the given records (damaged ones) from both stores in one transaction. */
  removeRecords(records: readonly RecordKey[]): Promise<void>;
  /** All or nothing: one transaction. */
  putImages(images: readonly UploadImage[]): Promise<void>;
  deleteImages(ids: readonly string[]): Promise<void>;
  /** Deletes the class and the given images in one transaction. */
  deleteClass(id: string, imageIds: readonly string[]): Promise<void>;
}

/** True for the browser's "storage is full" errors (DOMException QuotaExceededError, also as an abort cause). */
export function isQuotaError(error: unknown): boolean {
  const name = (e: unknown) => (typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '');
  return name(error) === 'QuotaExceededError' || /quota/i.test(error instanceof Error ? error.message : String(error));
}

/**
 * Decodes raw records, splitting them into good values and skipped ones. Images of a missing or damaged
 * class are skipped too, but kept aside as `orphans`: their pixels are fine and a repair can keep them.
 */
export function decodeLoaded(rawClasses: readonly [string, unknown][], rawImages: readonly [string, unknown][]): LoadedUploads {
  const skipped: SkippedRecord[] = [];
  const decode = <T>(raw: unknown, decoder: (raw: unknown) => Decoded<T>): Decoded<T> =>
    raw instanceof UnreadableRecord ? { ok: false, problem: 'unreadable', why: raw.detail } : decoder(raw);
  const classes: UploadClass[] = [];
  /** Class id → the name a damaged class record still holds (or null). */
  const damagedClassNames = new Map<string, string | null>();
  for (const [key, raw] of rawClasses) {
    const d = decode(raw, decodeClassRecord);
    if (d.ok) classes.push(d.value);
    else {
      const { name } = readableParts(raw);
      damagedClassNames.set(key, name);
      skipped.push({ store: 'classes', key, problem: d.problem, why: d.why, name, className: null, classId: null });
    }
  }
  const classNames = new Map(classes.map((c) => [c.id, c.name]));
  const nameOfClass = (id: string | null) => (id === null ? null : (classNames.get(id) ?? damagedClassNames.get(id) ?? null));
  const images: UploadImage[] = [];
  const orphans: UploadImage[] = [];
  for (const [key, raw] of rawImages) {
    const d = decode(raw, decodeImageRecord);
    if (!d.ok) {
      const parts = readableParts(raw);
      skipped.push({ store: 'images', key, problem: d.problem, why: d.why, name: parts.name, className: nameOfClass(parts.classId), classId: null });
    } else if (classNames.has(d.value.classId)) images.push(d.value);
    else {
      orphans.push(d.value);
      skipped.push({ store: 'images', key, problem: 'class-missing', why: 'its class is missing', name: d.value.name, className: nameOfClass(d.value.classId), classId: d.value.classId });
    }
  }
  return { classes, images, orphans, skipped };
}

/** Keeps records in Maps (structured-cloned like IndexedDB would). For tests and browsers without IndexedDB. */
export class MemoryUploadStore implements UploadStore {
  readonly kind = 'memory';
  readonly classes = new Map<string, unknown>();
  readonly images = new Map<string, unknown>();

  async load(): Promise<LoadedUploads> {
    return decodeLoaded([...this.classes], [...this.images]);
  }

  async putClass(c: UploadClass): Promise<void> {
    this.classes.set(c.id, encodeClassRecord(c));
  }

  async putImages(images: readonly UploadImage[]): Promise<void> {
    for (const i of images) this.images.set(i.id, encodeImageRecord(i));
  }

  async removeRecords(records: readonly RecordKey[]): Promise<void> {
    for (const r of records) this[r.store].delete(r.key);
  }

  async deleteImages(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.images.delete(id);
  }

  async deleteClass(id: string, imageIds: readonly string[]): Promise<void> {
    await this.deleteImages(imageIds);
    this.classes.delete(id);
  }
}

class IdbUploadStore implements UploadStore {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBPDatabase<UploadsDb>) {}

  async load(): Promise<LoadedUploads> {
    return decodeLoaded(await this.readAll('classes'), await this.readAll('images'));
  }

  /** getAll, or record by record when one record cannot even be deserialised (so the others survive). */
  private async readAll(store: 'classes' | 'images'): Promise<[string, unknown][]> {
    const keys = await this.db.getAllKeys(store);
    try {
      const values = await this.db.getAll(store);
      if (values.length === keys.length) return keys.map((k, i) => [k, values[i]]);
    } catch {
      // fall through to one by one
    }
    const out: [string, unknown][] = [];
    for (const key of keys) {
      try {
        out.push([key, await this.db.get(store, key)]);
      } catch (error) {
        out.push([key, new UnreadableRecord(error instanceof Error ? error.message : String(error))]);
      }
    }
    return out;
  }

  async putClass(c: UploadClass): Promise<void> {
    await this.db.put('classes', encodeClassRecord(c), c.id);
  }

  async removeRecords(records: readonly RecordKey[]): Promise<void> {
    if (records.length === 0) return;
    const tx = this.db.transaction(['classes', 'images'], 'readwrite');
    await Promise.all([...records.map((r) => tx.objectStore(r.store).delete(r.key)), tx.done]);
  }

  async putImages(images: readonly UploadImage[]): Promise<void> {
    const tx = this.db.transaction('images', 'readwrite');
    // Queue every put, then await completion: a quota failure aborts the whole transaction.
    const puts = images.map((i) => tx.store.put(encodeImageRecord(i), i.id));
    await Promise.all([...puts, tx.done]);
  }

  async deleteImages(ids: readonly string[]): Promise<void> {
    const tx = this.db.transaction('images', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  async deleteClass(id: string, imageIds: readonly string[]): Promise<void> {
    const tx = this.db.transaction(['classes', 'images'], 'readwrite');
    const images = tx.objectStore('images');
    await Promise.all([...imageIds.map((i) => images.delete(i)), tx.objectStore('classes').delete(id), tx.done]);
  }
}

/**
 * Opens the IndexedDB store, or falls back to memory (with the reason) when IndexedDB is unavailable,
 * e.g. blocked by the browser's privacy settings.
 */
export async function openUploadStore(): Promise<{ store: UploadStore; fallbackReason: string | null }> {
  if (typeof indexedDB === 'undefined') return { store: new MemoryUploadStore(), fallbackReason: 'IndexedDB is not available in this browser' };
  try {
    const db = await openDB<UploadsDb>(UPLOADS_DB_NAME, DB_VERSION, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('classes')) database.createObjectStore('classes');
        if (!database.objectStoreNames.contains('images')) database.createObjectStore('images');
      },
    });
    return { store: new IdbUploadStore(db), fallbackReason: null };
  } catch (error) {
    return { store: new MemoryUploadStore(), fallbackReason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Persistence of the uploaded classes and images in IndexedDB (through idb), with an in-memory
 * stand-in when IndexedDB is missing (private windows, Node tests). Records are decoded strictly on
 * load: a corrupt record is listed in `skipped` and left out, never allowed to break the page.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { UploadClass, UploadImage } from './collection';
import { decodeClassRecord, decodeImageRecord, encodeClassRecord, encodeImageRecord, type Decoded } from './records';

/** The IndexedDB database name (stores `classes` and `images`, keyed by id). */
export const UPLOADS_DB_NAME = 'cnn-playground-uploads';
const DB_VERSION = 1;

interface UploadsDb extends DBSchema {
  classes: { key: string; value: unknown };
  images: { key: string; value: unknown };
}

/** A stored record that could not be read. */
export interface SkippedRecord {
  store: 'classes' | 'images';
  key: string;
  why: string;
}

/** What a store held: the readable classes and images, and the records skipped. */
export interface LoadedUploads {
  classes: UploadClass[];
  images: UploadImage[];
  skipped: SkippedRecord[];
}

/** What the uploads library needs from storage. Every write either completes or rejects. */
export interface UploadStore {
  readonly kind: 'indexeddb' | 'memory';
  load(): Promise<LoadedUploads>;
  putClass(c: UploadClass): Promise<void>;
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

/** Decodes raw records, splitting them into good values and skipped ones; images of missing classes are skipped too. */
export function decodeLoaded(rawClasses: readonly [string, unknown][], rawImages: readonly [string, unknown][]): LoadedUploads {
  const skipped: SkippedRecord[] = [];
  const take = <T>(store: SkippedRecord['store'], key: string, d: Decoded<T>): T[] => {
    if (d.ok) return [d.value];
    skipped.push({ store, key, why: d.why });
    return [];
  };
  const classes = rawClasses.flatMap(([key, raw]) => take('classes', key, decodeClassRecord(raw)));
  const known = new Set(classes.map((c) => c.id));
  const images = rawImages.flatMap(([key, raw]) => take('images', key, decodeImageRecord(raw))).filter((i) => {
    if (known.has(i.classId)) return true;
    skipped.push({ store: 'images', key: i.id, why: 'its class is missing' });
    return false;
  });
  return { classes, images, skipped };
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
        out.push([key, { unreadable: error instanceof Error ? error.message : String(error) }]);
      }
    }
    return out;
  }

  async putClass(c: UploadClass): Promise<void> {
    await this.db.put('classes', encodeClassRecord(c), c.id);
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

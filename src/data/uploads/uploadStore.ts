/**
 * What the uploads library needs from storage, the strict decoding of stored records, and an in-memory
 * store (private windows, Node tests, and after the browser dropped the database). The IndexedDB store
 * is in idbUploadStore.ts. Records are decoded strictly on load: a corrupt record is listed in `skipped`
 * (with whatever names it still holds) and left out, never allowed to break the page, until the user
 * removes it (see repair.ts). Every write either lands whole or rejects with a StorageError.
 */
import type { UploadClass, UploadImage } from './collection';
import { decodeClassRecord, decodeImageRecord, encodeClassRecord, encodeImageRecord, readableParts, type Decoded, type RecordProblem } from './records';

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

/** How a database was lost while open: the browser closed it (site data cleared, disk gone), another tab deleted it or upgraded it. */
export type StorageLoss = 'closed' | 'deleted' | 'upgraded';

/** Why a write failed: the quota is full, the database is gone, or something else. */
export type StorageFailure = 'full' | 'lost' | 'failed';

/** A failed write, classified; `detail` is the browser's own words (English), for the console only. */
export class StorageError extends Error {
  constructor(readonly failure: StorageFailure, readonly detail: string) {
    super(`storage ${failure}: ${detail}`);
    this.name = 'StorageError';
  }
}

/** What the uploads library needs from storage. Every write either completes or rejects with a StorageError. */
export interface UploadStore {
  readonly kind: 'indexeddb' | 'memory';
  load(): Promise<LoadedUploads>;
  /** The readable classes only (cheap: no pixels), to see what another tab created. */
  loadClasses(): Promise<UploadClass[]>;
  /** The readable images of these ids (missing or damaged ones are left out). */
  getImages(ids: readonly string[]): Promise<UploadImage[]>;
  putClass(c: UploadClass): Promise<void>;
  /** Deletes the given records (damaged ones) from both stores in one transaction. */
  removeRecords(records: readonly RecordKey[]): Promise<void>;
  /** New classes and images in one transaction: all land, or none. */
  putBatch(classes: readonly UploadClass[], images: readonly UploadImage[]): Promise<void>;
  /** All or nothing: one transaction. */
  putImages(images: readonly UploadImage[]): Promise<void>;
  deleteImages(ids: readonly string[]): Promise<void>;
  /** Deletes the class and the given images in one transaction. */
  deleteClass(id: string, imageIds: readonly string[]): Promise<void>;
  /** Calls `listener` once if the database is lost while open (IndexedDB only). */
  onLost(listener: (loss: StorageLoss) => void): void;
  close(): void;
}

const errorName = (e: unknown) => (typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '');

/** True for the browser's "storage is full" errors (DOMException QuotaExceededError, also as an abort cause). */
export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError' || /quota/i.test(error instanceof Error ? error.message : String(error));
}

/**
 * Classifies a failed write. A quota failure often surfaces as the request's AbortError ("The transaction
 * was aborted") with the QuotaExceededError on the transaction: pass that as `cause`.
 */
export function storageErrorOf(error: unknown, cause: unknown = null, lost = false): StorageError {
  if (error instanceof StorageError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (isQuotaError(error) || isQuotaError(cause)) return new StorageError('full', detail);
  if (lost || errorName(error) === 'InvalidStateError' || errorName(cause) === 'InvalidStateError') return new StorageError('lost', detail);
  return new StorageError('failed', detail);
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
  /** @param kind 'indexeddb' lets a test stand this store in for a shared database (two tabs, quota checks). */
  constructor(readonly kind: 'indexeddb' | 'memory' = 'memory') {}
  readonly classes = new Map<string, unknown>();
  readonly images = new Map<string, unknown>();

  async load(): Promise<LoadedUploads> {
    return decodeLoaded([...this.classes], [...this.images]);
  }

  async loadClasses(): Promise<UploadClass[]> {
    return decodeLoaded([...this.classes], []).classes;
  }

  async getImages(ids: readonly string[]): Promise<UploadImage[]> {
    return ids.flatMap((id) => {
      const d = decodeImageRecord(this.images.get(id));
      return d.ok ? [d.value] : [];
    });
  }

  async putClass(c: UploadClass): Promise<void> {
    this.classes.set(c.id, encodeClassRecord(c));
  }

  async putBatch(classes: readonly UploadClass[], images: readonly UploadImage[]): Promise<void> {
    for (const c of classes) await this.putClass(c);
    await this.putImages(images);
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

  onLost(_listener: (loss: StorageLoss) => void): void {
    // Memory is never lost while the page is open.
  }

  close(): void {}
}

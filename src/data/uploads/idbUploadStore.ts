/**
 * The uploads in IndexedDB (through idb). The connection watches for its own loss: the browser closing
 * it (site data cleared while the page is open: `close`), and another tab deleting or upgrading the
 * database (`versionchange`, on which it closes at once so that tab is not blocked). Failed writes
 * become StorageErrors: 'full' for quota, 'lost' for a closed connection.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { UploadClass, UploadImage } from './collection';
import { decodeImageRecord, encodeClassRecord, encodeImageRecord } from './records';
import { MemoryUploadStore, UnreadableRecord, decodeLoaded, storageErrorOf, type LoadedUploads, type RecordKey, type StorageLoss, type UploadStore } from './uploadStore';

/** The IndexedDB database name (stores `classes` and `images`, keyed by id). */
export const UPLOADS_DB_NAME = 'cnn-playground-uploads';
const DB_VERSION = 1;

interface UploadsDb extends DBSchema {
  classes: { key: string; value: unknown };
  images: { key: string; value: unknown };
}

/** Why the uploads live in memory only: no IndexedDB in this browser, or it refused to open. */
export interface StorageFallback {
  code: 'no-indexeddb' | 'open-failed';
  /** The browser's words (English), for the console only. */
  detail: string;
}

type Tx = IDBPTransaction<UploadsDb, StoreNames<UploadsDb>[], 'readwrite'>;

class IdbUploadStore implements UploadStore {
  readonly kind = 'indexeddb';
  private lost: StorageLoss | null = null;
  private readonly listeners: ((loss: StorageLoss) => void)[] = [];

  constructor(private readonly db: IDBPDatabase<UploadsDb>) {}

  /** Called by openDB's `terminated` / `blocking` hooks. */
  markLost(loss: StorageLoss): void {
    if (this.lost) return;
    this.lost = loss;
    for (const listener of this.listeners) listener(loss);
  }

  onLost(listener: (loss: StorageLoss) => void): void {
    if (this.lost) listener(this.lost);
    else this.listeners.push(listener);
  }

  close(): void {
    this.db.close();
  }

  async load(): Promise<LoadedUploads> {
    return decodeLoaded(await this.readAll('classes'), await this.readAll('images'));
  }

  async loadClasses(): Promise<UploadClass[]> {
    return decodeLoaded(await this.readAll('classes'), []).classes;
  }

  async getImages(ids: readonly string[]): Promise<UploadImage[]> {
    const tx = this.db.transaction('images', 'readonly');
    const raw = await Promise.all(ids.map((id) => tx.store.get(id).catch(() => undefined)));
    return raw.flatMap((r) => {
      const d = decodeImageRecord(r);
      return d.ok ? [d.value] : [];
    });
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

  /** One read-write transaction over both stores; `fill` queues every request, then completion is awaited. */
  private async write(fill: (tx: Tx) => Promise<unknown>[]): Promise<void> {
    let tx: Tx | null = null;
    try {
      tx = this.db.transaction(['classes', 'images'], 'readwrite');
      await Promise.all([...fill(tx), tx.done]);
    } catch (error) {
      // The transaction's own error says "quota" when a request's only says "aborted".
      throw storageErrorOf(error, tx?.error ?? null, this.lost !== null);
    }
  }

  putClass(c: UploadClass): Promise<void> {
    return this.write((tx) => [tx.objectStore('classes').put(encodeClassRecord(c), c.id)]);
  }

  putBatch(classes: readonly UploadClass[], images: readonly UploadImage[]): Promise<void> {
    return this.write((tx) => [
      ...classes.map((c) => tx.objectStore('classes').put(encodeClassRecord(c), c.id)),
      ...images.map((i) => tx.objectStore('images').put(encodeImageRecord(i), i.id)),
    ]);
  }

  putImages(images: readonly UploadImage[]): Promise<void> {
    return this.putBatch([], images);
  }

  removeRecords(records: readonly RecordKey[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.write((tx) => records.map((r) => tx.objectStore(r.store).delete(r.key)));
  }

  deleteImages(ids: readonly string[]): Promise<void> {
    return this.write((tx) => ids.map((id) => tx.objectStore('images').delete(id)));
  }

  deleteClass(id: string, imageIds: readonly string[]): Promise<void> {
    return this.write((tx) => [...imageIds.map((i) => tx.objectStore('images').delete(i)), tx.objectStore('classes').delete(id)]);
  }
}

/**
 * Opens the IndexedDB store, or falls back to memory (with the reason) when IndexedDB is unavailable,
 * e.g. blocked by the browser's privacy settings.
 */
export async function openUploadStore(): Promise<{ store: UploadStore; fallback: StorageFallback | null }> {
  if (typeof indexedDB === 'undefined') return { store: new MemoryUploadStore(), fallback: { code: 'no-indexeddb', detail: 'indexedDB is undefined' } };
  let store: IdbUploadStore | null = null;
  try {
    const db = await openDB<UploadsDb>(UPLOADS_DB_NAME, DB_VERSION, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('classes')) database.createObjectStore('classes');
        if (!database.objectStoreNames.contains('images')) database.createObjectStore('images');
      },
      // Another tab deletes or upgrades the database: close now, so it is not blocked, and say so.
      blocking(_current, blockedVersion) {
        db.close();
        store?.markLost(blockedVersion === null ? 'deleted' : 'upgraded');
      },
      // The browser closed the connection (site data cleared, storage gone).
      terminated() {
        store?.markLost('closed');
      },
    });
    store = new IdbUploadStore(db);
    return { store, fallback: null };
  } catch (error) {
    return { store: new MemoryUploadStore(), fallback: { code: 'open-failed', detail: error instanceof Error ? error.message : String(error) } };
  }
}

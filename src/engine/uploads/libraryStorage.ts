/**
 * Where the library writes: the IndexedDB store while it lasts, memory otherwise. Every write runs
 * under the cross-tab lock and tells the other tabs what changed. When the database is lost while the
 * page is open (site data cleared, another tab deleted it), writes continue in memory, so nothing on the
 * page is lost, and the state says so until the user saves the images again.
 */
import type { StorageFallback } from '../../data/uploads/idbUploadStore';
import { userMessageOf } from '../../messages/index';
import type { ChangeNotice, TabSync } from '../../data/uploads/tabSync';
import { MemoryUploadStore, StorageError, storageErrorOf, type LoadedUploads, type StorageLoss, type UploadStore } from '../../data/uploads/uploadStore';

/** Why the images are not (or no longer) saved in this browser, as codes the UI says in its language. */
export type StorageProblem =
  | { code: 'no-indexeddb' | 'open-failed' | 'unreadable' }
  | { code: 'lost'; loss: StorageLoss };

/** The store in use and why it is not IndexedDB, if it is not. */
export interface StorageState {
  kind: 'indexeddb' | 'memory' | 'lost';
  problem: StorageProblem | null;
}

/** Opens a store: IndexedDB, or memory with the reason. */
export type OpenStore = () => Promise<{ store: UploadStore; fallback: StorageFallback | null }>;

/** The library's storage (see the file comment). */
export class LibraryStorage {
  private current: UploadStore = new MemoryUploadStore();
  state: StorageState = { kind: 'memory', problem: null };

  constructor(
    private readonly openStore: OpenStore,
    readonly sync: TabSync,
    private readonly onLost: (loss: StorageLoss) => void,
  ) {}

  /** Opens the store and reads what it holds; null when it could not be read (the state says why). */
  async open(): Promise<LoadedUploads | null> {
    const { store, fallback } = await this.openStore();
    this.install(store, fallback ? { kind: 'memory', problem: { code: fallback.code } } : { kind: store.kind, problem: null });
    if (fallback) console.warn('Uploads are kept in memory only:', fallback.detail);
    try {
      return await store.load();
    } catch (error) {
      console.warn('Could not read the saved images:', error);
      this.state = { ...this.state, problem: { code: 'unreadable' } };
      return null;
    }
  }

  /** The store for reads (writes go through {@link write}). */
  get store(): UploadStore {
    return this.current;
  }

  /** True when changes reach the browser's storage (not memory only). */
  get persistent(): boolean {
    return this.state.kind === 'indexeddb';
  }

  /**
   * Runs one write under the cross-tab lock and posts `notice` to the other tabs when it lands.
   * @throws StorageError ('full', 'lost' or 'failed'); after 'lost' the store is memory and the caller may retry.
   */
  write<T>(fn: (store: UploadStore) => Promise<T>, notice: ChangeNotice | ((result: T) => ChangeNotice)): Promise<T> {
    return this.sync.exclusive(async () => {
      const store = this.current;
      try {
        const result = await fn(store);
        if (store.kind === 'indexeddb') this.sync.post(typeof notice === 'function' ? notice(result) : notice);
        return result;
      } catch (error) {
        // The write's own refusals (a taken name, a class gone) are not storage failures.
        if (userMessageOf(error)) throw error;
        const failure = storageErrorOf(error, null, this.state.kind === 'lost');
        if (failure.failure === 'lost' && store === this.current) this.lose('closed');
        throw failure;
      }
    });
  }

  /** Like {@link write}, retried once in memory when the database turns out to be gone. */
  async writeOrKeep<T>(fn: (store: UploadStore) => Promise<T>, notice: ChangeNotice | ((result: T) => ChangeNotice)): Promise<T> {
    try {
      return await this.write(fn, notice);
    } catch (error) {
      if (error instanceof StorageError && error.failure === 'lost') return this.write(fn, notice);
      throw error;
    }
  }

  /** Opens the database again (after a loss) and makes it the store; returns it, or null when it cannot be opened. */
  async reopen(): Promise<UploadStore | null> {
    const { store, fallback } = await this.openStore();
    if (fallback) return null;
    this.install(store, { kind: 'indexeddb', problem: null });
    return store;
  }

  private install(store: UploadStore, state: StorageState): void {
    this.current = store;
    this.state = state;
    store.onLost((loss) => {
      if (this.current === store) this.lose(loss);
    });
  }

  private lose(loss: StorageLoss): void {
    if (this.state.kind === 'lost') return;
    const old = this.current;
    this.current = new MemoryUploadStore();
    this.state = { kind: 'lost', problem: { code: 'lost', loss } };
    try {
      old.close();
    } catch {
      // Already closed by the browser.
    }
    this.onLost(loss);
  }
}

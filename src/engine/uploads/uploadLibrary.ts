/**
 * The worker's copy of the user's dataset: classes and images in memory (pixels never leave the
 * worker) and in IndexedDB, kept in step with other tabs of the page. Batches of files (uploadBatches.ts)
 * are checked, decoded and stored through it. When the database is lost while the page is open, the
 * images stay here and the snapshot says so, so the user can save them (export) or store them again.
 * The decoder, store and tab coordination are injectable so the logic runs in Node tests.
 */
import { buildUploadsDataset, type UploadsDataset } from '../../data/uploads/buildDataset';
import { UploadCollection, normaliseClassName, type UploadClass, type UploadImage } from '../../data/uploads/collection';
import { contentHash } from '../../data/uploads/contentHash';
import { openUploadStore } from '../../data/uploads/idbUploadStore';
import { planRepair } from '../../data/uploads/repair';
import { DEFAULT_SPLIT, datasetWarnings, splitPerClass } from '../../data/uploads/split';
import { browserTabSync, type ChangeNotice, type TabSync } from '../../data/uploads/tabSync';
import { StorageError, type SkippedRecord, type StorageLoss, type UploadStore } from '../../data/uploads/uploadStore';
import { uploadsError } from '../../messages/index';
import { decodeImageBytes, type DecodedImage } from './decodeImage';
import { LibraryStorage, type OpenStore } from './libraryStorage';
import type { RepairResult, UploadsEvent, UploadsSnapshot } from './uploadsProtocol';

/** What the library needs from the platform: storage, the image decoder, a clock, ids and the other tabs. */
export interface LibraryDeps {
  openStore: OpenStore;
  decode: (bytes: Uint8Array, mime: string) => Promise<DecodedImage>;
  now: () => number;
  newId: () => string;
  /** Defaults to Web Locks + BroadcastChannel. */
  sync?: TabSync;
}

let counter = 0;
const defaultId = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `id-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

const NOTHING: ChangeNotice = { classes: [], removedClasses: [], images: [], removedImages: [] };
const notice = (patch: Partial<ChangeNotice>): ChangeNotice => ({ ...NOTHING, ...patch });

/** A storage failure as the message the UI shows (never the browser's own words). */
export function storageFailureMessage(error: unknown): Error {
  if (!(error instanceof StorageError)) return error instanceof Error ? error : new Error(String(error));
  console.warn('Uploads storage:', error.detail);
  return uploadsError(error.failure === 'full' ? 'uploads.storageFull' : error.failure === 'lost' ? 'uploads.storageLost' : 'uploads.storageFailed');
}

/** The user's classes and images in the worker (see the file comment). */
export class UploadLibrary {
  readonly collection = new UploadCollection();
  readonly storage: LibraryStorage;
  private loading: Promise<void> | null = null;
  private skipped: SkippedRecord[] = [];
  /** Image id → content hash of its pixels, and hash → the id of an image holding it. */
  private readonly hashOf = new Map<string, string>();
  private readonly byHash = new Map<string, string>();
  private readonly listeners = new Set<(e: UploadsEvent) => void>();
  /** Bumped on every change, so caches (e.g. PCA statistics) and the UI know when to refresh. */
  version = 0;

  constructor(readonly deps: LibraryDeps) {
    this.storage = new LibraryStorage(deps.openStore, deps.sync ?? browserTabSync(), (loss) => this.lost(loss));
    this.storage.sync.listen((n) => void this.applyRemote(n));
  }

  /** Opens the store and loads what it holds (once). */
  ready(): Promise<void> {
    this.loading ??= (async () => {
      const loaded = await this.storage.open();
      if (!loaded) return;
      for (const c of loaded.classes) this.collection.addClass(c);
      for (const i of loaded.images) this.remember(i);
      this.skipped = loaded.skipped;
    })();
    return this.loading;
  }

  /** Calls `listener` after every change (here or in another tab) and when the storage is lost; returns the unsubscribe. */
  subscribe(listener: (e: UploadsEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks a change: caches and subscribers refresh. */
  changed(): void {
    this.version++;
    const event: UploadsEvent = { version: this.version, storage: this.storage.state, classes: this.collection.classes().map((c) => ({ id: c.id, name: c.name, count: this.collection.countOf(c.id) })) };
    for (const listener of this.listeners) listener(event);
  }

  /** The content hash of a stored image's pixels. */
  hash(id: string): string | undefined {
    return this.hashOf.get(id);
  }

  /** The name of the stored image with this content, if any (exact duplicates). */
  duplicateOf(hash: string): string | null {
    const id = this.byHash.get(hash);
    return id === undefined ? null : (this.collection.image(id)?.name ?? null);
  }

  /** Adds (or replaces) an image in memory, with its hash. */
  remember(image: UploadImage): void {
    this.forget(image.id);
    this.collection.addImage(image);
    const hash = contentHash(image.pixels);
    this.hashOf.set(image.id, hash);
    if (!this.byHash.has(hash)) this.byHash.set(hash, image.id);
  }

  private forget(id: string): void {
    const hash = this.hashOf.get(id);
    if (hash === undefined) return;
    this.hashOf.delete(id);
    if (this.byHash.get(hash) === id) {
      this.byHash.delete(hash);
      const other = [...this.hashOf].find(([, h]) => h === hash);
      if (other) this.byHash.set(hash, other[0]);
    }
  }

  /** Adds classes another tab (or an earlier load) stored that memory does not have yet, and their renames. */
  mergeClasses(stored: readonly UploadClass[]): void {
    for (const c of stored) {
      const mine = this.collection.classById(c.id);
      if (!mine || mine.name !== c.name) this.collection.addClass(c);
    }
  }

  snapshot(): UploadsSnapshot {
    const images = this.collection.images();
    const { val } = splitPerClass(images.map((i) => ({ id: i.id, classId: i.classId, group: this.hashOf.get(i.id) })), DEFAULT_SPLIT);
    const valIds = new Set(val.map((i) => i.id));
    const classes = this.collection.classes().map((c) => {
      const own = images.filter((i) => i.classId === c.id);
      const valCount = own.filter((i) => valIds.has(i.id)).length;
      return { id: c.id, name: c.name, count: own.length, trainCount: own.length - valCount, valCount };
    });
    return {
      classes,
      images: images.map(({ id, classId, name, width, height }) => ({ id, classId, name, width, height })),
      warnings: datasetWarnings(classes),
      storage: this.storage.state,
      skipped: this.skipped,
      version: this.version,
    };
  }

  /** The dataset the engine trains on (see buildUploadsDataset); exact duplicates stay on one side of the split. */
  dataset(): UploadsDataset {
    return buildUploadsDataset(this.collection.classes(), this.collection.images(), DEFAULT_SPLIT, (i) => this.hashOf.get(i.id));
  }

  /** Which side of the split each image is on (for the export's manifest). */
  splitSides(): Map<string, 'train' | 'validation'> {
    const { train, val } = splitPerClass(this.collection.images().map((i) => ({ id: i.id, classId: i.classId, group: this.hashOf.get(i.id) })), DEFAULT_SPLIT);
    return new Map([...train.map((i) => [i.id, 'train'] as const), ...val.map((i) => [i.id, 'validation'] as const)]);
  }

  /** Runs a write (see LibraryStorage.write), turning storage failures into messages for the UI. */
  private async write<T>(fn: (store: UploadStore) => Promise<T>, change: ChangeNotice | ((r: T) => ChangeNotice)): Promise<T> {
    try {
      return await this.storage.writeOrKeep(fn, change);
    } catch (error) {
      throw storageFailureMessage(error);
    }
  }

  async createClass(rawName: string): Promise<UploadClass> {
    await this.ready();
    const c = await this.write(async (store) => {
      this.mergeClasses(await store.loadClasses());
      const checked = normaliseClassName(rawName, this.collection.classes());
      if ('problem' in checked) throw uploadsError(checked.problem === 'taken' ? 'uploads.classNameTaken' : checked.problem === 'empty' ? 'uploads.classNameEmpty' : 'uploads.classNameTooLong');
      const made: UploadClass = { id: this.deps.newId(), name: checked.name, createdAt: this.deps.now() };
      await store.putClass(made);
      return made;
    }, (made) => notice({ classes: [made.id] }));
    this.collection.addClass(c);
    this.changed();
    return c;
  }

  async renameClass(id: string, rawName: string): Promise<void> {
    await this.ready();
    const renamed = await this.write(async (store) => {
      this.mergeClasses(await store.loadClasses());
      const existing = this.collection.classById(id);
      if (!existing) throw uploadsError('uploads.classGone');
      const checked = normaliseClassName(rawName, this.collection.classes(), id);
      if ('problem' in checked) throw uploadsError(checked.problem === 'taken' ? 'uploads.classNameTaken' : checked.problem === 'empty' ? 'uploads.classNameEmpty' : 'uploads.classNameTooLong');
      const next = { ...existing, name: checked.name };
      await store.putClass(next);
      return next;
    }, notice({ classes: [id] }));
    this.collection.addClass(renamed);
    this.changed();
  }

  async deleteClass(id: string): Promise<void> {
    await this.ready();
    if (!this.collection.classById(id)) throw uploadsError('uploads.classGone');
    const imageIds = this.collection.images().filter((i) => i.classId === id).map((i) => i.id);
    await this.write((store) => store.deleteClass(id, imageIds), notice({ removedClasses: [id], removedImages: imageIds }));
    for (const imageId of imageIds) this.forget(imageId);
    this.collection.removeClass(id);
    this.changed();
  }

  async moveImage(id: string, classId: string): Promise<void> {
    await this.ready();
    const image = this.collection.image(id);
    if (!image || !this.collection.classById(classId)) throw uploadsError('uploads.imageGone');
    await this.write((store) => store.putImages([{ ...image, classId }]), notice({ images: [id] }));
    this.collection.moveImage(id, classId);
    this.changed();
  }

  async deleteImage(id: string): Promise<void> {
    await this.ready();
    if (!this.collection.image(id)) throw uploadsError('uploads.imageGone');
    await this.write((store) => store.deleteImages([id]), notice({ removedImages: [id] }));
    this.forget(id);
    this.collection.removeImage(id);
    this.changed();
  }

  /** The file name of an image, or null when it is gone. */
  imageName(id: string): string | null {
    return this.collection.image(id)?.name ?? null;
  }

  /**
   * "Remove damaged records": deletes the reported records that are still damaged in storage (read again
   * now, so nothing repaired or rewritten since is touched) and gives readable images of a lost class
   * their class back (see planRepair), so the next load is clean and no readable image is lost.
   * @param fallbackName name for a restored class whose old name is unreadable (in the UI's language).
   */
  async removeDamaged(fallbackName: string): Promise<RepairResult> {
    await this.ready();
    const { plan, fresh } = await this.write(async (store) => {
      const loaded = await store.load();
      const keyOf = (r: { store: string; key: string }) => `${r.store}/${r.key}`;
      const reported = new Set(this.skipped.map(keyOf));
      const repair = planRepair(loaded.skipped.filter((s) => reported.has(keyOf(s))), this.collection.classes(), fallbackName, this.deps.now());
      // Classes first: if deleting then fails, the images they bring back are already safe.
      for (const c of repair.restoreClasses) await store.putClass(c);
      await store.removeRecords(repair.remove);
      return { plan: repair, fresh: loaded };
    }, (r) => notice({ classes: r.plan.restoreClasses.map((c) => c.id), images: r.fresh.orphans.map((i) => i.id) }));
    for (const c of plan.restoreClasses) this.collection.addClass(c);
    const restoredIds = new Set(plan.restoreClasses.map((c) => c.id));
    const recovered = fresh.orphans.filter((i) => restoredIds.has(i.classId) && !this.collection.image(i.id));
    for (const image of recovered) this.remember(image);
    const keyOf = (r: { store: string; key: string }) => `${r.store}/${r.key}`;
    const handled = new Set([...plan.remove.map(keyOf), ...plan.restoreClasses.map((c) => `classes/${c.id}`), ...recovered.map((i) => `images/${i.id}`)]);
    this.skipped = fresh.skipped.filter((s) => !handled.has(keyOf(s)));
    this.changed();
    return { removed: plan.remove.length, recovered: recovered.length, restoredClasses: plan.restoreClasses.map((c) => c.name), snapshot: this.snapshot() };
  }

  /**
   * After the database was lost: opens it again and stores every class and image the page still holds
   * (records another tab stored meanwhile are kept). @throws a message when it cannot be opened or written.
   */
  async storeAgain(): Promise<UploadsSnapshot> {
    await this.ready();
    const store = await this.storage.reopen();
    if (!store) throw uploadsError('uploads.storageUnavailable');
    const classes = this.collection.classes();
    const images = this.collection.images();
    const CHUNK = 200;
    for (let i = 0; i === 0 || i < images.length; i += CHUNK) {
      await this.write((s) => s.putBatch(i === 0 ? classes : [], images.slice(i, i + CHUNK)), notice({ classes: i === 0 ? classes.map((c) => c.id) : [], images: images.slice(i, i + CHUNK).map((x) => x.id) }));
    }
    const loaded = await store.load();
    this.mergeClasses(loaded.classes);
    for (const image of loaded.images) if (!this.collection.image(image.id)) this.remember(image);
    this.changed();
    return this.snapshot();
  }

  private lost(loss: StorageLoss): void {
    console.warn(`The uploads database was lost while open (${loss}); the images stay in memory.`);
    this.changed();
  }

  /** Applies another tab's change: reads the named records back from the database. */
  private async applyRemote(n: ChangeNotice): Promise<void> {
    await this.ready();
    if (!this.storage.persistent) return;
    await this.storage.sync.exclusive(async () => {
      const store = this.storage.store;
      for (const id of n.removedImages) {
        if (!this.collection.image(id)) continue;
        this.forget(id);
        this.collection.removeImage(id);
      }
      for (const id of n.removedClasses) {
        if (!this.collection.classById(id)) continue;
        for (const imageId of this.collection.removeClass(id)) this.forget(imageId);
      }
      if (n.classes.length > 0) this.mergeClasses(await store.loadClasses());
      if (n.images.length > 0) for (const image of await store.getImages(n.images)) if (this.collection.classById(image.classId)) this.remember(image);
    });
    this.changed();
  }
}

/** The library as the worker runs it: IndexedDB, the browser's decoders, Web Locks and BroadcastChannel. */
export const browserLibraryDeps: LibraryDeps = { openStore: openUploadStore, decode: decodeImageBytes, now: () => Date.now(), newId: defaultId };

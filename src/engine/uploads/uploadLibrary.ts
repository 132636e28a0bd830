/**
 * The worker's copy of the user's dataset: validates, decodes and stores uploads, keeps classes and
 * images in memory (pixels never leave the worker) and in IndexedDB. Each file is judged on its own: a
 * refused file is reported with its reason and the rest of the batch, and everything already stored,
 * is kept. The decoder and store are injectable so the logic runs in Node tests.
 */
import { buildUploadsDataset, type UploadsDataset } from '../../data/uploads/buildDataset';
import { MAX_CLASS_NAME, UploadCollection, normaliseClassName, type UploadClass, type UploadImage } from '../../data/uploads/collection';
import { classFromPath } from '../../data/uploads/paths';
import { planRepair } from '../../data/uploads/repair';
import { DEFAULT_SPLIT, datasetWarnings, splitPerClass } from '../../data/uploads/split';
import { isQuotaError, openUploadStore, type SkippedRecord, type UploadStore } from '../../data/uploads/uploadStore';
import { MAX_FILE_BYTES, checkUploadBytes, isHiddenOrSystemPath, type UploadRejection } from '../../data/uploads/validate';
import { MAX_ZIP_FILE_BYTES, readZipEntries } from '../../data/uploads/zip';
import { decodeImageBytes, type DecodedImage } from './decodeImage';
import type { AddResult, RepairResult, UploadFileInput, UploadTarget, UploadsSnapshot } from './uploadsProtocol';
import { uploadsError } from '../../messages/index';

/** Images written to IndexedDB per transaction. */
const WRITE_CHUNK = 16;

/** What the library needs from the platform: storage, the image decoder, a clock and ids. */
export interface LibraryDeps {
  openStore: () => Promise<{ store: UploadStore; fallbackReason: string | null }>;
  decode: (bytes: Uint8Array, mime: string) => Promise<DecodedImage>;
  now: () => number;
  newId: () => string;
}

let counter = 0;
const defaultId = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `id-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

/** The user's classes and images in the worker (see the file comment). */
export class UploadLibrary {
  private readonly collection = new UploadCollection();
  private store: UploadStore | null = null;
  private loading: Promise<void> | null = null;
  private storageNote: string | null = null;
  private skipped: SkippedRecord[] = [];
  /** Bumped on every change, so caches (e.g. PCA statistics) know when to recompute. */
  version = 0;

  constructor(private readonly deps: LibraryDeps) {}

  /** Opens the store and loads what it holds (once). */
  ready(): Promise<void> {
    this.loading ??= (async () => {
      const { store, fallbackReason } = await this.deps.openStore();
      this.store = store;
      this.storageNote = fallbackReason;
      try {
        const loaded = await store.load();
        for (const c of loaded.classes) this.collection.addClass(c);
        for (const i of loaded.images) this.collection.addImage(i);
        this.skipped = loaded.skipped;
      } catch (error) {
        this.storageNote = `could not read the saved images (${error instanceof Error ? error.message : String(error)})`;
      }
    })();
    return this.loading;
  }

  snapshot(): UploadsSnapshot {
    const images = this.collection.images();
    const { val } = splitPerClass(images, DEFAULT_SPLIT);
    const valIds = new Set(val.map((i) => i.id));
    const classes = this.collection.classes().map((c) => {
      const own = images.filter((i) => i.classId === c.id);
      const valCount = own.filter((i) => valIds.has(i.id)).length;
      return { id: c.id, name: c.name, count: own.length, trainCount: own.length - valCount, valCount };
    });
    return {
      classes,
      images: images.map(({ id, classId, name, width, height, preview }) => ({ id, classId, name, width, height, preview })),
      warnings: datasetWarnings(classes),
      storage: this.store?.kind ?? 'memory',
      storageNote: this.storageNote,
      skipped: this.skipped,
      version: this.version,
    };
  }

  /** The dataset the engine trains on (see buildUploadsDataset). */
  dataset(): UploadsDataset {
    return buildUploadsDataset(this.collection.classes(), this.collection.images(), DEFAULT_SPLIT);
  }

  /**
   * Validates, decodes and stores each file; zips are opened and their entries treated the same way.
   * Files in a folder join the class named after the folder; others join `target`.
   */
  async addFiles(inputs: readonly UploadFileInput[], target: UploadTarget, onProgress?: (done: number, total: number) => void): Promise<AddResult> {
    await this.ready();
    const rejections: UploadRejection[] = [];
    const pending: UploadImage[] = [];
    let added = 0;
    let total = inputs.length;
    let done = 0;
    const flush = async () => {
      const chunk = pending.splice(0, pending.length);
      if (chunk.length === 0) return;
      try {
        await this.requireStore().putImages(chunk);
        for (const image of chunk) this.collection.addImage(image);
        added += chunk.length;
        this.version++;
      } catch (error) {
        const reason = isQuotaError(error) ? 'storage-full' : 'storage-failed';
        const detail = error instanceof Error ? error.message : String(error);
        for (const image of chunk) rejections.push({ name: image.name, reason, detail });
      }
    };
    const consider = async (name: string, path: string, size: number, read: () => Promise<Uint8Array>) => {
      const rejection = await this.ingestOne(name, path, size, read, target, pending);
      if (rejection) rejections.push(rejection);
      if (pending.length >= WRITE_CHUNK) await flush();
    };
    for (const input of inputs) {
      if (isHiddenOrSystemPath(input.path)) {
        done++;
        continue;
      }
      if (/\.zip$/i.test(input.path) || /zip/.test(input.file.type)) {
        if (input.file.size > MAX_ZIP_FILE_BYTES) rejections.push({ name: input.path, reason: 'file-too-large', bytes: input.file.size });
        else {
          const { entries, rejections: zipProblems } = readZipEntries(input.path, new Uint8Array(await input.file.arrayBuffer()));
          rejections.push(...zipProblems);
          total += entries.length;
          for (const entry of entries) {
            await consider(`${input.path}/${entry.path}`, entry.path, entry.bytes.length, async () => entry.bytes);
            onProgress?.(++done, total);
          }
        }
      } else {
        await consider(input.path, input.path, input.file.size, async () => new Uint8Array(await input.file.arrayBuffer()));
      }
      onProgress?.(++done, total);
    }
    await flush();
    return { added, rejections, snapshot: this.snapshot() };
  }

  /** Checks, decodes and queues one file; returns why it was refused, or null. */
  private async ingestOne(name: string, path: string, size: number, read: () => Promise<Uint8Array>, target: UploadTarget, pending: UploadImage[]): Promise<UploadRejection | null> {
    if (size === 0) return { name, reason: 'empty', bytes: 0 };
    if (size > MAX_FILE_BYTES) return { name, reason: 'file-too-large', bytes: size };
    const bytes = await read();
    const check = checkUploadBytes(name, bytes, size);
    if (!check.ok) return check.rejection;
    let decoded: DecodedImage;
    try {
      decoded = await this.deps.decode(bytes, check.header.mime);
    } catch (error) {
      return { name, reason: 'corrupt', format: check.header.format, detail: error instanceof Error ? error.message : String(error) };
    }
    let classId: string;
    try {
      classId = await this.classFor(classFromPath(path), target);
    } catch (error) {
      return { name, reason: isQuotaError(error) ? 'storage-full' : 'storage-failed', detail: error instanceof Error ? error.message : String(error) };
    }
    pending.push({ id: this.deps.newId(), classId, name, width: decoded.width, height: decoded.height, pixels: decoded.pixels, preview: decoded.preview, addedAt: this.deps.now() });
    return null;
  }

  /** Adds a decoded webcam frame to `target`. */
  async addDecoded(name: string, decoded: DecodedImage, target: UploadTarget): Promise<UploadsSnapshot> {
    await this.ready();
    const classId = await this.classFor(null, target);
    const image: UploadImage = { id: this.deps.newId(), classId, name, width: decoded.width, height: decoded.height, pixels: decoded.pixels, preview: decoded.preview, addedAt: this.deps.now() };
    await this.requireStore().putImages([image]);
    this.collection.addImage(image);
    this.version++;
    return this.snapshot();
  }

  /** The class for a folder name (made if new), else the target class (made from its fallback name if needed). */
  private async classFor(folder: string | null, target: UploadTarget): Promise<string> {
    if (folder === null && target.classId && this.collection.classById(target.classId)) return target.classId;
    const wanted = (folder ?? target.fallbackName).replace(/\s+/g, ' ').trim().slice(0, MAX_CLASS_NAME) || 'class';
    const existing = this.collection.classByName(wanted);
    if (existing) return existing.id;
    return (await this.createClass(wanted)).id;
  }

  async createClass(rawName: string): Promise<UploadClass> {
    await this.ready();
    const checked = normaliseClassName(rawName, this.collection.classes());
    if ('problem' in checked) throw new Error(`class name ${checked.problem}`);
    const c: UploadClass = { id: this.deps.newId(), name: checked.name, createdAt: this.deps.now() };
    await this.requireStore().putClass(c);
    this.collection.addClass(c);
    this.version++;
    return c;
  }

  async renameClass(id: string, rawName: string): Promise<void> {
    await this.ready();
    const checked = normaliseClassName(rawName, this.collection.classes(), id);
    if ('problem' in checked) throw new Error(`class name ${checked.problem}`);
    const existing = this.collection.classById(id);
    if (!existing) throw uploadsError('uploads.classGone');
    await this.requireStore().putClass({ ...existing, name: checked.name });
    this.collection.renameClass(id, checked.name);
    this.version++;
  }

  async deleteClass(id: string): Promise<void> {
    await this.ready();
    const imageIds = this.collection.images().filter((i) => i.classId === id).map((i) => i.id);
    await this.requireStore().deleteClass(id, imageIds);
    this.collection.removeClass(id);
    this.version++;
  }

  async moveImage(id: string, classId: string): Promise<void> {
    await this.ready();
    const image = this.collection.image(id);
    if (!image || !this.collection.classById(classId)) throw uploadsError('uploads.imageGone');
    await this.requireStore().putImages([{ ...image, classId }]);
    this.collection.moveImage(id, classId);
    this.version++;
  }

  async deleteImage(id: string): Promise<void> {
    await this.ready();
    await this.requireStore().deleteImages([id]);
    this.collection.removeImage(id);
    this.version++;
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
    const store = this.requireStore();
    const fresh = await store.load();
    const keyOf = (r: { store: string; key: string }) => `${r.store}/${r.key}`;
    const reported = new Set(this.skipped.map(keyOf));
    const plan = planRepair(fresh.skipped.filter((s) => reported.has(keyOf(s))), this.collection.classes(), fallbackName, this.deps.now());
    // Classes first: if deleting then fails, the images they bring back are already safe.
    for (const c of plan.restoreClasses) await store.putClass(c);
    await store.removeRecords(plan.remove);
    for (const c of plan.restoreClasses) this.collection.addClass(c);
    const restoredIds = new Set(plan.restoreClasses.map((c) => c.id));
    const recovered = fresh.orphans.filter((i) => restoredIds.has(i.classId) && !this.collection.image(i.id));
    for (const image of recovered) this.collection.addImage(image);
    const handled = new Set([...plan.remove.map(keyOf), ...plan.restoreClasses.map((c) => `classes/${c.id}`), ...recovered.map((i) => `images/${i.id}`)]);
    this.skipped = fresh.skipped.filter((s) => !handled.has(keyOf(s)));
    if (plan.restoreClasses.length > 0) this.version++;
    return { removed: plan.remove.length, recovered: recovered.length, restoredClasses: plan.restoreClasses.map((c) => c.name), snapshot: this.snapshot() };
  }

  private requireStore(): UploadStore {
    if (!this.store) throw new Error('The image store is not open.');
    return this.store;
  }
}

/** The library as the worker runs it: IndexedDB and the browser's decoders. */
export const browserLibraryDeps: LibraryDeps = { openStore: openUploadStore, decode: decodeImageBytes, now: () => Date.now(), newId: defaultId };

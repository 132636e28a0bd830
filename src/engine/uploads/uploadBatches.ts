/**
 * A batch of files, from the pick to the stored images: staged in chunks (so handing 2,000 files to the
 * worker never blocks the page), scanned into a preview of the classes it would fill, then committed
 * with the user's choice. Each file is judged on its own: a refused file is reported with its reason
 * and the rest kept; an exact duplicate (same pixels as a stored image or an earlier file) is skipped
 * and counted. Images are written in transactions of WRITE_CHUNK that land whole or not at all,
 * together with the classes they create; a storage failure stops the batch and says what was kept.
 */
import { classKey, cleanClassName, type UploadClass, type UploadImage } from '../../data/uploads/collection';
import { contentHash } from '../../data/uploads/contentHash';
import { planLayout, resolveClass } from '../../data/uploads/layout';
import { storageShortfall } from '../../data/uploads/storageBudget';
import type { ChangeNotice } from '../../data/uploads/tabSync';
import { StorageError } from '../../data/uploads/uploadStore';
import { MAX_FILE_BYTES, checkUploadBytes, type UploadRejection } from '../../data/uploads/validate';
import { MAX_BATCH_UNPACKED_BYTES, zipEntryRejection } from '../../data/uploads/zip';
import { ZipEntryError } from '../../data/uploads/zipEntry';
import { findBatchSources, type BatchItem, type BatchSources } from './batchSources';
import type { DecodedImage } from './decodeImage';
import type { UploadLibrary } from './uploadLibrary';
import type { AddResult, BatchChoice, BatchPreview, DuplicateNote, UploadFileInput, UploadTarget } from './uploadsProtocol';

/** Images per IndexedDB transaction (about 1.5 MB): each lands whole, with the classes it creates. */
const WRITE_CHUNK = 64;
/** Duplicates named in a result (the count covers all of them). */
const MAX_DUPLICATE_NOTES = 50;
/** Batches kept staged at once; older ones (a preview never answered) are dropped. */
const MAX_OPEN_BATCHES = 4;

interface Batch {
  inputs: UploadFileInput[];
  sources: BatchSources | null;
}

type Progress = (done: number, total: number) => void;

/** A decoded image waiting for its transaction, and the class it joins (null: the target class). */
interface Pending {
  image: Omit<UploadImage, 'classId'>;
  className: string | null;
}

/** The batches of one library (see the file comment). */
export class UploadBatches {
  private nextToken = 1;
  private readonly open = new Map<number, Batch>();

  constructor(private readonly lib: UploadLibrary) {}

  /** Starts a batch; returns its token. */
  begin(): number {
    const token = this.nextToken++;
    this.open.set(token, { inputs: [], sources: null });
    for (const old of [...this.open.keys()].slice(0, -MAX_OPEN_BATCHES)) this.open.delete(old);
    return token;
  }

  /** Adds files to a batch that has not been scanned yet. */
  stage(token: number, files: readonly UploadFileInput[]): void {
    const batch = this.batch(token);
    if (batch.sources) throw new Error('The batch was already scanned.');
    batch.inputs.push(...files);
  }

  /** Reads the batch's folders and zips (no image is decoded) and plans its classes. */
  async scan(token: number, onProgress?: Progress): Promise<BatchPreview> {
    await this.lib.ready();
    const batch = this.batch(token);
    batch.sources ??= await findBatchSources(batch.inputs, onProgress);
    const { items, rejections, imported } = batch.sources;
    const plan = planLayout(items.map((i) => i.layout), this.lib.collection.classes());
    const needsPreview = items.some((i) => i.layout.root !== null || i.layout.rel.length >= 2) || plan.options.some((o) => o.collisions.length > 0);
    return { token, files: items.length, plan, needsPreview, rejections, imported };
  }

  /** Forgets a batch (the preview was cancelled). */
  cancel(token: number): void {
    this.open.delete(token);
  }

  /**
   * Checks, decodes and stores the batch's files as the user chose.
   * @param free bytes free in the browser's storage (navigator.storage.estimate on the page), or null
   *   when unknown: a batch that will not fit is refused before anything is written.
   */
  async commit(token: number, choice: BatchChoice, target: UploadTarget, free: number | null, onProgress?: Progress): Promise<AddResult> {
    const preview = await this.scan(token);
    const { items, rejections: found } = this.batch(token).sources as BatchSources;
    this.open.delete(token);
    const option = preview.plan.options.find((o) => o.kind === choice.kind) ?? preview.plan.options[0];
    const result: Omit<AddResult, 'snapshot'> = { added: 0, rejections: [...found], duplicateCount: 0, duplicates: [], stopped: null, refused: null };
    const shortfall = this.lib.storage.persistent ? storageShortfall(items.length, free) : null;
    if (shortfall) return { ...result, refused: shortfall, snapshot: this.lib.snapshot() };
    // New classes are listed in the preview's (name) order: their creation times follow it; an imported
    // dataset's classes keep the times its manifest gives.
    const start = this.lib.deps.now();
    const rank = new Map(option.classes.map((c, i) => [c.name, i]));
    const restored = new Map(items.flatMap((i) => (i.imported?.classCreatedAt != null ? [[i.imported.meta.className, i.imported.classCreatedAt] as const] : [])));
    const createdAt = (name: string) => restored.get(name) ?? start + (rank.get(name) ?? rank.size);
    const seen = new Map<string, string>();
    let pending: Pending[] = [];
    let unpacked = 0;
    let lastKept: string | null = null;
    const duplicate = (name: string, of: string) => {
      if (result.duplicates.length < MAX_DUPLICATE_NOTES) result.duplicates.push({ name, of } satisfies DuplicateNote);
      result.duplicateCount++;
    };
    const flush = async (remaining: number): Promise<boolean> => {
      if (pending.length === 0) return true;
      const chunk = pending;
      pending = [];
      try {
        result.added += await this.store(chunk, target, result.rejections, createdAt);
        lastKept = chunk.at(-1)?.image.name ?? lastKept;
        return true;
      } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        console.warn('Uploads storage:', error.detail);
        result.stopped = { reason: error.failure === 'full' ? 'storage-full' : 'storage-failed', kept: result.added, notSaved: chunk.length + remaining, lastKept, firstNotSaved: chunk[0]?.image.name ?? null };
        return false;
      }
    };
    onProgress?.(0, items.length);
    for (const [k, item] of items.entries()) {
      const className = resolveClass(item.layout, option, choice.decisions);
      if (className === 'skip') result.rejections.push({ name: item.name, reason: 'class-collision' });
      else if (item.fromZip && unpacked + item.size > MAX_BATCH_UNPACKED_BYTES) result.rejections.push({ name: item.name, reason: 'zip-too-large', bytes: item.size });
      else {
        const outcome = await this.ingest(item);
        if ('rejection' in outcome) result.rejections.push(outcome.rejection);
        else {
          if (item.fromZip) unpacked += outcome.bytes;
          const hash = contentHash(outcome.image.pixels);
          const of = this.lib.duplicateOf(hash) ?? seen.get(hash);
          if (of !== undefined && of !== null) duplicate(item.name, of);
          else {
            seen.set(hash, item.name);
            pending.push({ image: outcome.image, className });
          }
        }
      }
      if (pending.length >= WRITE_CHUNK && !(await flush(items.length - k - 1))) break;
      onProgress?.(k + 1, items.length);
    }
    if (!result.stopped) await flush(0);
    return { ...result, snapshot: this.lib.snapshot() };
  }

  /** Stages, scans and commits in one call with the recommended reading (tests, and loose files). */
  async addFiles(files: readonly UploadFileInput[], target: UploadTarget, onProgress?: Progress, free: number | null = null): Promise<AddResult> {
    const token = this.begin();
    this.stage(token, files);
    const preview = await this.scan(token);
    return this.commit(token, { kind: preview.plan.recommended, decisions: {} }, target, free, onProgress);
  }

  /** Adds one prepared webcam frame to the target class, through the same duplicate test and storage. */
  async addDecoded(name: string, decoded: DecodedImage, target: UploadTarget): Promise<AddResult> {
    const token = this.begin();
    const item: BatchItem = { name, layout: { root: null, zip: false, rel: [name] }, size: decoded.pixels.length, fromZip: false, read: async () => decoded.pixels, decoded };
    this.batch(token).sources = { items: [item], rejections: [], imported: null };
    return this.commit(token, { kind: 'top', decisions: {} }, target, null);
  }

  private batch(token: number): Batch {
    const batch = this.open.get(token);
    if (!batch) throw new Error(`No open batch ${token}.`);
    return batch;
  }

  /** Reads, checks and decodes one file; returns the image (without its class) or why it was refused. */
  private async ingest(item: BatchItem): Promise<{ image: Omit<UploadImage, 'classId'>; bytes: number } | { rejection: UploadRejection }> {
    const { name, size } = item;
    if (item.decoded) return { image: { id: this.lib.deps.newId(), name, width: item.decoded.width, height: item.decoded.height, pixels: item.decoded.pixels, preview: item.decoded.preview, addedAt: this.lib.deps.now() }, bytes: 0 };
    if (size === 0) return { rejection: { name, reason: 'empty', bytes: 0 } };
    if (size > MAX_FILE_BYTES) return { rejection: { name, reason: 'file-too-large', bytes: size } };
    let bytes: Uint8Array;
    try {
      bytes = await item.read();
    } catch (error) {
      if (error instanceof ZipEntryError) return { rejection: zipEntryRejection(name, error) };
      return { rejection: { name, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) } };
    }
    const check = checkUploadBytes(name, bytes, bytes.length);
    if (!check.ok) return { rejection: check.rejection };
    try {
      const decoded = await this.lib.deps.decode(bytes, check.header.mime);
      const meta = item.imported?.meta;
      const ownId = meta && !this.lib.collection.image(meta.id) ? meta.id : this.lib.deps.newId();
      const image = { id: ownId, name: meta?.name ?? name, width: meta?.width ?? decoded.width, height: meta?.height ?? decoded.height, pixels: decoded.pixels, preview: decoded.preview, addedAt: meta?.addedAt ?? this.lib.deps.now() };
      const thumbnail = item.imported?.thumbnail ? await item.imported.thumbnail().catch(() => null) : null;
      const thumbCheck = thumbnail ? checkUploadBytes('thumbnail', thumbnail) : null;
      if (thumbnail && thumbCheck?.ok) image.preview = new Blob([thumbnail as Uint8Array<ArrayBuffer>], { type: thumbCheck.header.mime });
      return { image, bytes: bytes.length };
    } catch (error) {
      return { rejection: { name, reason: 'corrupt', format: check.header.format, detail: error instanceof Error ? error.message : String(error) } };
    }
  }

  /**
   * Writes one chunk with the classes it needs in one transaction, under the cross-tab lock (classes
   * another tab made meanwhile are read first, so both tabs adding `fruit/` make one "bananas").
   * @returns how many images were stored. @throws StorageError when the transaction failed.
   */
  private async store(chunk: readonly Pending[], target: UploadTarget, rejections: UploadRejection[], createdAt: (name: string) => number): Promise<number> {
    const lib = this.lib;
    const written = await lib.storage.writeOrKeep(async (store) => {
      lib.mergeClasses(await store.loadClasses());
      const made = new Map<string, UploadClass>();
      const images: UploadImage[] = [];
      const refused: UploadRejection[] = [];
      for (const p of chunk) {
        const classId = this.classIdFor(p.className, target, made, createdAt);
        if (classId === null) refused.push({ name: p.image.name, reason: 'class-collision' });
        else images.push({ ...p.image, classId });
      }
      await store.putBatch([...made.values()], images);
      return { classes: [...made.values()], images, refused };
    }, (r): ChangeNotice => ({ classes: r.classes.map((c) => c.id), removedClasses: [], images: r.images.map((i) => i.id), removedImages: [] }));
    for (const c of written.classes) lib.collection.addClass(c);
    for (const image of written.images) lib.remember(image);
    rejections.push(...written.refused);
    lib.changed();
    return written.images.length;
  }

  /**
   * The class a pending image joins: the target for loose files, else the class of exactly that name,
   * made (into `made`) if none exists. Null when only a differently spelt class exists (made meanwhile
   * in another tab): that is a collision the user has not decided.
   */
  private classIdFor(className: string | null, target: UploadTarget, made: Map<string, UploadClass>, createdAt: (name: string) => number): string | null {
    const collection = this.lib.collection;
    if (className === null && target.classId && collection.classById(target.classId)) return target.classId;
    const loose = className === null;
    const name = className ?? (cleanClassName(target.fallbackName) || 'class');
    const existing = collection.classes().find((c) => c.name === name) ?? made.get(name);
    if (existing) return existing.id;
    const key = classKey(name);
    const similar = collection.classes().find((c) => classKey(c.name) === key) ?? [...made.values()].find((c) => classKey(c.name) === key);
    if (similar) return loose ? similar.id : null;
    const c: UploadClass = { id: this.lib.deps.newId(), name, createdAt: createdAt(name) };
    made.set(name, c);
    return c.id;
  }
}

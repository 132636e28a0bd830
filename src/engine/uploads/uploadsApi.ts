/**
 * The uploads feature's worker API (`worker.uploads` in the UI): the user's classes and images, the
 * 'uploads' dataset for the engine, the augmentation preview and PCA statistics of the current training
 * set, and the with/without-augmentation experiment. Only plain data and Blobs cross the boundary.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { assertAugmentConfig, augmentPreview, type AugmentConfig, type AugmentOpName } from '../../augment/index';
import type { ImageDataset } from '../../data/datasetTypes';
import { isUploadsDataset, type UploadsDataset } from '../../data/uploads/buildDataset';
import type { Engine } from '../engine';
import { adaptBatch } from '../batches';
import { splitIndices } from '../fitLoop';
import { engineError } from '../../messages/index';
import { trainingPcaStats } from './augmentTransform';
import { AugmentComparison } from './compareAugment';
import { exportDataset } from './datasetExport';
import { storeBitmap } from './decodeImage';
import { UploadBatches } from './uploadBatches';
import { UploadLibrary, browserLibraryDeps, type LibraryDeps } from './uploadLibrary';
import type {
  AddResult, AugmentPreviewRequest, AugmentPreviewResult, BatchChoice, BatchPreview, CompareEvent, CompareRequest, CompareResult, DatasetExport, PcaInfo, PreviewSource,
  RepairResult, UploadFileInput, UploadTarget, UploadsApi, UploadsEvent, UploadsSnapshot,
} from './uploadsProtocol';

/** Operations training skips on a greyscale input (they change colour only). */
const COLOUR_OPS: readonly AugmentOpName[] = ['colorShift', 'pcaColor'];

/** Largest preview grid. */
const MAX_PREVIEW = 32;

/** `worker.uploads` (see UploadsApi in uploadsProtocol.ts): registered in engine.worker.ts with Comlink.proxy. */
export class UploadsFeature implements UploadsApi {
  private readonly library: UploadLibrary;
  private readonly batches: UploadBatches;
  private readonly comparison: AugmentComparison;
  private readonly unsubscribers = new Map<number, () => void>();
  private nextSubscription = 1;
  /** The uploads dataset of one library version: rebuilt after any change, so PCA statistics (cached per dataset object) follow. */
  private built: { version: number; data: UploadsDataset } | null = null;

  constructor(private readonly engine: Engine, deps: LibraryDeps = browserLibraryDeps) {
    this.library = new UploadLibrary(deps);
    this.batches = new UploadBatches(this.library);
    this.comparison = new AugmentComparison(engine);
    // The engine asks for the uploads dataset each time it loads 'uploads', so it is never stale.
    engine.provideDataset('uploads', () => this.uploadsDataset());
  }

  /** The user's images as a dataset, as they are now. */
  private async uploadsDataset(): Promise<UploadsDataset> {
    await this.library.ready();
    if (this.built?.version !== this.library.version) this.built = { version: this.library.version, data: this.library.dataset() };
    return this.built.data;
  }

  /** Opens the store (first call) and returns the classes and images. */
  async list(): Promise<UploadsSnapshot> {
    await this.library.ready();
    return this.library.snapshot();
  }

  /**
   * Calls `listener` after every change of the images (here or in another tab) and when the browser's
   * storage is lost; returns an id for {@link unsubscribe}.
   */
  async subscribe(listener: (e: UploadsEvent) => void): Promise<number> {
    const id = this.nextSubscription++;
    this.unsubscribers.set(id, this.library.subscribe(listener));
    return id;
  }

  async unsubscribe(id: number): Promise<void> {
    this.unsubscribers.get(id)?.();
    this.unsubscribers.delete(id);
  }

  /** The thumbnail of an image (a JPEG at its original aspect ratio), or null when it is gone. */
  async previewOf(id: string): Promise<Blob | null> {
    return this.library.collection.image(id)?.preview ?? null;
  }

  /** Starts a batch of files; stage them in chunks, scan for the preview, then commit or cancel. */
  async beginBatch(): Promise<number> {
    return this.batches.begin();
  }

  /** Adds files to a batch (call with a few hundred at a time: each call is one structured clone). */
  async stageFiles(token: number, files: UploadFileInput[]): Promise<void> {
    this.batches.stage(token, files);
  }

  /** Reads the batch's folders and zips and says which classes it would fill (nothing is decoded or stored). */
  async scanBatch(token: number, onProgress?: (done: number, total: number) => void): Promise<BatchPreview> {
    return this.batches.scan(token, onProgress);
  }

  /** Checks, decodes and stores the batch as chosen; `free` is the storage estimate's free bytes (null if unknown). */
  async commitBatch(token: number, choice: BatchChoice, target: UploadTarget, free: number | null, onProgress?: (done: number, total: number) => void): Promise<AddResult> {
    return this.batches.commit(token, choice, target, free, onProgress);
  }

  async cancelBatch(token: number): Promise<void> {
    this.batches.cancel(token);
  }

  /** Adds files in one call with the recommended layout (no preview): loose picks, tests. */
  async addFiles(files: UploadFileInput[], target: UploadTarget, onProgress?: (done: number, total: number) => void, free: number | null = null): Promise<AddResult> {
    return this.batches.addFiles(files, target, onProgress, free);
  }

  /** Adds a webcam frame (transferred ImageBitmap; closed here), prepared as any upload. */
  async addFrame(frame: ImageBitmap, name: string, target: UploadTarget): Promise<AddResult> {
    try {
      return await this.batches.addDecoded(name, await storeBitmap(frame), target);
    } finally {
      frame.close();
    }
  }

  /** After the browser's storage was lost: stores everything the page holds in a fresh database. */
  async storeAgain(): Promise<UploadsSnapshot> {
    return this.library.storeAgain();
  }

  /** The image dataset as a zip of class folders with a manifest. */
  async exportDataset(): Promise<DatasetExport> {
    return exportDataset(this.library);
  }

  async createClass(name: string): Promise<UploadsSnapshot> {
    await this.library.createClass(name);
    return this.library.snapshot();
  }

  async renameClass(id: string, name: string): Promise<UploadsSnapshot> {
    await this.library.renameClass(id, name);
    return this.library.snapshot();
  }

  async deleteClass(id: string): Promise<UploadsSnapshot> {
    await this.library.deleteClass(id);
    return this.library.snapshot();
  }

  async moveImage(id: string, classId: string): Promise<UploadsSnapshot> {
    await this.library.moveImage(id, classId);
    return this.library.snapshot();
  }

  async deleteImage(id: string): Promise<UploadsSnapshot> {
    await this.library.deleteImage(id);
    return this.library.snapshot();
  }

  /** Deletes the damaged records reported at load; readable images of a lost class get it back (named `fallbackName` if need be). */
  async removeDamaged(fallbackName: string): Promise<RepairResult> {
    return this.library.removeDamaged(fallbackName);
  }

  /** PCA colour statistics over the examples training uses (the engine's dataset must be loaded for 'loaded'). */
  async pcaInfo(source: PreviewSource): Promise<PcaInfo> {
    await this.engine.ready();
    const data = await this.previewData(source);
    const images = trainingExamples(data, source);
    const stats = trainingPcaStats(data, images);
    // The statistics describe the dataset; a greyscale network still gets them, with the reason training skips them.
    const reason = !stats ? 'greyscale' : source.input?.[2] === 1 ? 'grey-network' : null;
    return { datasetId: data.id, datasetName: data.name, images, stats, reason };
  }

  /**
   * `count` augmented variants of one training image as the network sees it: brought to its input size
   * and channels exactly as training batches are (adaptBatch), then augmented with every enabled op
   * (p forced to 1, so each variant shows what the settings do); colour operations training skips for
   * this input are skipped here too and named in `notApplied`. For uploads the image `imageId` is kept
   * while it is still a training image, so a change elsewhere redraws the same picture; otherwise
   * image `index` is shown.
   */
  async augmentPreview(req: AugmentPreviewRequest): Promise<AugmentPreviewResult> {
    const { config, seed, count } = req;
    await this.engine.ready();
    const data = await this.previewData(req.source);
    assertAugmentConfig(config);
    const n = Math.max(1, Math.min(MAX_PREVIEW, Math.round(count)));
    const ids = isUploadsDataset(data) ? data.trainImageIds : null;
    const kept = ids && req.imageId !== null ? ids.indexOf(req.imageId) : -1;
    const i = kept >= 0 ? kept : ((Math.round(req.index) % data.train.count) + data.train.count) % data.train.count;
    const stored = [...data.imageShape] as [number, number, number];
    const shape = req.source.input ? ([...req.source.input] as [number, number, number]) : stored;
    const size = stored[0] * stored[1] * stored[2];
    const pixels = data.train.images.subarray(i * size, (i + 1) * size);
    const stats = config.pcaColor.enabled && shape[2] === 3 ? trainingPcaStats(data, trainingExamples(data, req.source)) ?? undefined : undefined;
    const { effective, notApplied } = appliedConfig(config, shape[2], stats !== undefined);
    const [source, out] = tf.tidy(() => {
      const image = adaptBatch(tf.tensor4d(Float32Array.from(pixels, (v) => v / 255), [1, ...stored]), shape);
      const toBytes = (t: tf.Tensor) => tf.cast(tf.round(tf.mul(t, 255)), 'int32');
      return [toBytes(image), toBytes(augmentPreview(tf.squeeze(image, [0]) as tf.Tensor3D, effective, seed, n, { stats }))];
    });
    try {
      const variants = Uint8Array.from(await out.data());
      const sourceBytes = Uint8Array.from(await source.data());
      const imageId = ids?.[i] ?? null;
      const result: AugmentPreviewResult = {
        datasetId: data.id, datasetName: data.name, index: i, imageId, imageName: imageId === null ? null : this.library.imageName(imageId),
        label: data.classNames[data.train.labels[i]] ?? '', shape, source: sourceBytes, variants, count: n, notApplied,
      };
      return Comlink.transfer(result, [variants.buffer, sourceBytes.buffer]);
    } finally {
      out.dispose();
      source.dispose();
    }
  }

  /** Trains the same network without and then with augmentation on a small subset of the current dataset. */
  async compareAugmentation(req: CompareRequest, onEvent: (e: CompareEvent) => void): Promise<CompareResult> {
    await this.engine.ready();
    return this.comparison.run(req, onEvent);
  }

  async stopComparison(): Promise<void> {
    this.comparison.stop();
  }

  private async previewData(source: PreviewSource): Promise<ImageDataset> {
    if (source.dataset === 'uploads') return this.uploadsDataset();
    const data = this.engine.session.data;
    if (!data) throw engineError('engine.needDataset');
    return data;
  }
}

/**
 * The settings as training applies them to a `channels`-channel input: colour operations do nothing to
 * a greyscale input, and PCA colour needs the training set's RGB statistics (a greyscale dataset tiled
 * to RGB has none), as in augmentTransform.
 */
function appliedConfig(config: AugmentConfig, channels: number, hasStats: boolean): { effective: AugmentConfig; notApplied: AugmentOpName[] } {
  const notApplied = COLOUR_OPS.filter((op) => config[op].enabled && (channels !== 3 || (op === 'pcaColor' && !hasStats)));
  const off = (op: AugmentOpName) => notApplied.includes(op);
  const effective: AugmentConfig = {
    ...config,
    colorShift: off('colorShift') ? { ...config.colorShift, enabled: false } : config.colorShift,
    pcaColor: off('pcaColor') ? { ...config.pcaColor, enabled: false } : config.pcaColor,
  };
  return { effective, notApplied };
}

/** How many of the first training examples the fit loop trains on with these settings (the rest validate; the URL allows splits up to 0.5). */
function trainingExamples(data: ImageDataset, source: PreviewSource): number {
  const validationSplit = Number.isFinite(source.validationSplit) ? Math.min(0.5, Math.max(0, source.validationSplit)) : 0;
  const trainLimit = Number.isFinite(source.trainLimit) ? Math.max(0, Math.round(source.trainLimit)) : 0;
  return splitIndices(data.train.count, { validationSplit, trainLimit }).train;
}

/**
 * The uploads feature's worker API (`worker.uploads` in the UI): the user's classes and images, the
 * 'uploads' dataset for the engine, the augmentation preview and PCA statistics of the current training
 * set, and the with/without-augmentation experiment. Only plain data and Blobs cross the boundary.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { assertAugmentConfig, augmentPreview } from '../../augment/index';
import type { ImageDataset } from '../../data/datasetTypes';
import { isUploadsDataset, type UploadsDataset } from '../../data/uploads/buildDataset';
import type { Engine } from '../engine';
import { splitIndices } from '../fitLoop';
import { engineError } from '../../messages/index';
import { trainingPcaStats } from './augmentTransform';
import { AugmentComparison } from './compareAugment';
import { storeBitmap } from './decodeImage';
import { UploadLibrary, browserLibraryDeps, type LibraryDeps } from './uploadLibrary';
import type {
  AddResult, AugmentPreviewRequest, AugmentPreviewResult, CompareEvent, CompareRequest, CompareResult, PcaInfo, PreviewSource, RepairResult, UploadFileInput,
  UploadTarget, UploadsSnapshot,
} from './uploadsProtocol';

/** Largest preview grid. */
const MAX_PREVIEW = 32;

/** `worker.uploads`: registered in engine.worker.ts with Comlink.proxy. */
export class UploadsApi {
  private readonly library: UploadLibrary;
  private readonly comparison: AugmentComparison;
  /** The uploads dataset of one library version: rebuilt after any change, so PCA statistics (cached per dataset object) follow. */
  private built: { version: number; data: UploadsDataset } | null = null;

  constructor(private readonly engine: Engine, deps: LibraryDeps = browserLibraryDeps) {
    this.library = new UploadLibrary(deps);
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

  /** Adds files (images, folders' files, zips); each refused file comes back with its reason. */
  async addFiles(files: UploadFileInput[], target: UploadTarget, onProgress?: (done: number, total: number) => void): Promise<AddResult> {
    return this.library.addFiles(files, target, onProgress);
  }

  /** Adds a webcam frame (transferred ImageBitmap; closed here). */
  async addFrame(frame: ImageBitmap, name: string, target: UploadTarget): Promise<UploadsSnapshot> {
    try {
      return await this.library.addDecoded(name, await storeBitmap(frame), target);
    } finally {
      frame.close();
    }
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
    return { datasetId: data.id, datasetName: data.name, images, stats, reason: stats ? null : 'greyscale' };
  }

  /**
   * `count` augmented variants of one training image (every enabled op applied, p forced to 1, so each
   * variant shows what the settings do). For uploads the image `imageId` is kept while it is still a
   * training image, so a change elsewhere redraws the same picture; otherwise image `index` is shown.
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
    const shape = [...data.imageShape] as [number, number, number];
    const size = shape[0] * shape[1] * shape[2];
    const source = data.train.images.slice(i * size, (i + 1) * size);
    const stats = config.pcaColor.enabled ? trainingPcaStats(data, trainingExamples(data, req.source)) ?? undefined : undefined;
    const out = tf.tidy(() => {
      const image = tf.tensor3d(Float32Array.from(source, (v) => v / 255), shape);
      return tf.cast(tf.round(tf.mul(augmentPreview(image, config, seed, n, { stats }), 255)), 'int32');
    });
    try {
      const variants = Uint8Array.from(await out.data());
      const imageId = ids?.[i] ?? null;
      const result: AugmentPreviewResult = {
        datasetId: data.id, datasetName: data.name, index: i, imageId, imageName: imageId === null ? null : this.library.imageName(imageId),
        label: data.classNames[data.train.labels[i]] ?? '', shape, source, variants, count: n,
      };
      return Comlink.transfer(result, [variants.buffer, source.buffer]);
    } finally {
      out.dispose();
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
    const { data } = this.engine.current();
    if (!data) throw engineError('engine.needDataset');
    return data;
  }
}

/** How many of the first training examples the fit loop trains on with these settings (the rest validate; the URL allows splits up to 0.5). */
function trainingExamples(data: ImageDataset, source: PreviewSource): number {
  const validationSplit = Number.isFinite(source.validationSplit) ? Math.min(0.5, Math.max(0, source.validationSplit)) : 0;
  const trainLimit = Number.isFinite(source.trainLimit) ? Math.max(0, Math.round(source.trainLimit)) : 0;
  return splitIndices(data.train.count, { validationSplit, trainLimit }).train;
}

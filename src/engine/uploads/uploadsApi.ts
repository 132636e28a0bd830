/**
 * The uploads feature's worker API (`worker.uploads` in the UI): the user's classes and images, the
 * 'uploads' dataset for the engine, the augmentation preview and PCA statistics of the current training
 * set, and the with/without-augmentation experiment. Only plain data and Blobs cross the boundary.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { augmentPreview, validateAugmentConfig, type AugmentConfig } from '../../augment/index';
import type { Engine } from '../engine';
import { trainingPcaStats } from './augmentTransform';
import { AugmentComparison } from './compareAugment';
import { storeBitmap } from './decodeImage';
import { UploadLibrary, browserLibraryDeps, type LibraryDeps } from './uploadLibrary';
import type {
  AddResult, AugmentPreviewResult, CompareEvent, CompareRequest, CompareResult, PcaInfo, UploadFileInput, UploadTarget, UploadsSnapshot,
} from './uploadsProtocol';

/** Largest preview grid. */
const MAX_PREVIEW = 32;

/** `worker.uploads`: registered in engine.worker.ts with Comlink.proxy. */
export class UploadsApi {
  private readonly library: UploadLibrary;
  private readonly comparison: AugmentComparison;

  constructor(private readonly engine: Engine, deps: LibraryDeps = browserLibraryDeps) {
    this.library = new UploadLibrary(deps);
    this.comparison = new AugmentComparison(engine);
    // The engine asks for the uploads dataset each time it loads 'uploads', so it is never stale.
    engine.provideDataset('uploads', async () => {
      await this.library.ready();
      return this.library.dataset();
    });
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

  /** PCA colour statistics over the training split of the engine's current dataset (load it first). */
  async pcaInfo(): Promise<PcaInfo> {
    const data = this.requireData();
    const stats = trainingPcaStats(data);
    return { datasetName: data.name, images: data.train.count, stats, reason: stats ? null : 'greyscale' };
  }

  /**
   * `count` augmented variants of training image `index` of the current dataset (every enabled op
   * applied, p forced to 1, so each variant shows what the settings do).
   */
  async augmentPreview(index: number, config: AugmentConfig, seed: number, count: number): Promise<AugmentPreviewResult> {
    const data = this.requireData();
    const problems = validateAugmentConfig(config);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const n = Math.max(1, Math.min(MAX_PREVIEW, Math.round(count)));
    const i = ((Math.round(index) % data.train.count) + data.train.count) % data.train.count;
    const shape = [...data.imageShape] as [number, number, number];
    const size = shape[0] * shape[1] * shape[2];
    const source = data.train.images.slice(i * size, (i + 1) * size);
    const stats = config.pcaColor.enabled ? trainingPcaStats(data) ?? undefined : undefined;
    const out = tf.tidy(() => {
      const image = tf.tensor3d(Float32Array.from(source, (v) => v / 255), shape);
      return tf.cast(tf.round(tf.mul(augmentPreview(image, config, seed, n, { stats }), 255)), 'int32');
    });
    try {
      const variants = Uint8Array.from(await out.data());
      const result: AugmentPreviewResult = { datasetName: data.name, index: i, label: data.classNames[data.train.labels[i]] ?? '', shape, source, variants, count: n };
      return Comlink.transfer(result, [variants.buffer, source.buffer]);
    } finally {
      out.dispose();
    }
  }

  /** Trains the same network without and then with augmentation on a small subset of the current dataset. */
  async compareAugmentation(req: CompareRequest, onEvent: (e: CompareEvent) => void): Promise<CompareResult> {
    return this.comparison.run(req, onEvent);
  }

  async stopComparison(): Promise<void> {
    this.comparison.stop();
  }

  private requireData() {
    const { data } = this.engine.current();
    if (!data) throw new Error('Load a dataset first.');
    return data;
  }
}

/**
 * The uploads API (`worker.uploads` in the UI) and its plain-data types; the implementation
 * (uploadsApi.ts) stays private to the worker. Pixels of uploaded images stay in the worker; the UI
 * gets counts, names and preview Blobs.
 */
import type { ArchGraph } from '../../arch/index';
import type { AugmentConfig, AugmentOpName } from '../../augment/config';
import type { PcaColorStats } from '../../augment/pcaStats';
import type { CollisionDecisions, LayoutKind, LayoutOption, LayoutPlan, NameCollision, PlannedClass } from '../../data/uploads/layout';
import type { DatasetWarning } from '../../data/uploads/split';
import type { SkippedRecord } from '../../data/uploads/uploadStore';
import type { UploadRejection } from '../../data/uploads/validate';
import type { UserMessage } from '../../messages/index';
import type { CompileSettings, FitEnd } from '../protocol';
import type { StorageProblem, StorageState } from './libraryStorage';

/** Data-layer types the UI needs, re-exported so it imports one protocol file. */
export type { CollisionDecisions, DatasetWarning, LayoutKind, LayoutOption, LayoutPlan, NameCollision, PlannedClass, SkippedRecord, StorageProblem, StorageState, UploadRejection };

/** A class with its image count and how many of them train / validate. */
export interface UploadClassInfo {
  id: string;
  name: string;
  count: number;
  trainCount: number;
  valCount: number;
}

/**
 * An image as the UI lists it: no pixels and no thumbnail (a thumbnail in view asks for its own preview
 * Blob with `previewOf`, so a 2,000-image list is a small clone for the page, not 2,000 Blobs).
 */
export interface UploadImageInfo {
  id: string;
  classId: string;
  name: string;
  width: number;
  height: number;
}

/** Everything the class list shows. `images` are grouped by class, in class order. */
export interface UploadsSnapshot {
  classes: UploadClassInfo[];
  images: UploadImageInfo[];
  warnings: DatasetWarning[];
  /** Where the images are kept, and why not in the browser's storage when they are not (memory only, or the database was lost). */
  storage: StorageState;
  /** Stored records that could not be read at load and were skipped (until "Remove damaged records"). */
  skipped: SkippedRecord[];
  /** Bumped by every change to the classes or images, so views of the data (the augmentation preview) refresh. */
  version: number;
}

/** What "Remove damaged records" did: records deleted, readable images kept by restoring their class. */
export interface RepairResult {
  removed: number;
  recovered: number;
  /** Names of the classes restored for those images. */
  restoredClasses: string[];
  snapshot: UploadsSnapshot;
}

/** A file to add; `path` is its name or its path in a picked/dropped folder (`cats/a.png`). */
export interface UploadFileInput {
  file: Blob;
  path: string;
}

/** Where files without a folder go: an existing class, or a class of this name (made if missing). */
export interface UploadTarget {
  classId: string | null;
  fallbackName: string;
}

/** What a batch holds once its folders and zips are read, and how its files would become classes. */
export interface BatchPreview {
  token: number;
  /** Image files to check (zip entries included). */
  files: number;
  plan: LayoutPlan;
  /** False for loose files only (they join the chosen class): those are added without asking. */
  needsPreview: boolean;
  /** Refused before anything is read (a damaged or password-protected zip, a zip inside a zip, …). */
  rejections: UploadRejection[];
  /** Set when a zip is a dataset exported from this page (its manifest names the classes). */
  imported: { classes: number; images: number } | null;
}

/** The user's answer to a preview: which reading of the folders, and what to do with each name collision. */
export interface BatchChoice {
  kind: LayoutKind;
  decisions: CollisionDecisions;
}

/** An exact duplicate that was skipped, and the stored image (or earlier file of the batch) it repeats. */
export interface DuplicateNote {
  name: string;
  of: string;
}

/** A batch stopped by storage: the images stored before stayed, the rest were not saved. */
export interface BatchStop {
  reason: 'storage-full' | 'storage-failed';
  kept: number;
  notSaved: number;
  lastKept: string | null;
  firstNotSaved: string | null;
}

/** A batch refused before anything was written: the storage estimate says it will not fit. */
export interface BatchRefusal {
  images: number;
  neededBytes: number;
  freeBytes: number;
}

/** How many files were added, each refused file with its reason, duplicates skipped, and the new state. */
export interface AddResult {
  added: number;
  rejections: UploadRejection[];
  /** How many exact duplicates were skipped; `duplicates` names the first of them. */
  duplicateCount: number;
  duplicates: DuplicateNote[];
  stopped: BatchStop | null;
  refused: BatchRefusal | null;
  snapshot: UploadsSnapshot;
}

/** Pushed to subscribers whenever the images change (here or in another tab) or the storage is lost. */
export interface UploadsEvent {
  version: number;
  storage: StorageState;
  classes: { id: string; name: string; count: number }[];
}

/** The image dataset as a zip of class folders with a manifest (see src/data/uploads/datasetManifest.ts). */
export interface DatasetExport {
  blob: Blob;
  fileName: string;
  images: number;
  classes: number;
}

/** Which training images the augmentation preview and the PCA statistics are taken from. */
export interface PreviewSource {
  /**
   * 'uploads': the user's images as they are now (built in the uploads module, so the engine's loaded
   * dataset, which a running training may be using, is left alone); 'loaded': the engine's dataset.
   */
  dataset: 'uploads' | 'loaded';
  /** The fit settings that choose the examples training uses; the PCA statistics cover exactly those. */
  validationSplit: number;
  trainLimit: number;
  /** The network's input [H, W, C]: the preview shows what it sees (resized or padded, grey or RGB); null for the dataset's own shape. */
  input: [number, number, number] | null;
}

/** A preview to draw: training image `index`, or for uploads the image `imageId` while it still is one. */
export interface AugmentPreviewRequest {
  source: PreviewSource;
  index: number;
  /** Uploads only: keep showing this image after the images change, unless it left the training set. */
  imageId: string | null;
  config: AugmentConfig;
  seed: number;
  count: number;
}

/** One augmented preview: the source image and `count` variants, uint8, the dataset's shape. */
export interface AugmentPreviewResult {
  /** Which dataset (the UI names it in its language) and its own name (for datasets it does not know). */
  datasetId: string;
  datasetName: string;
  index: number;
  /** Uploads only: the id and file name of the source image (null for bundled datasets). */
  imageId: string | null;
  imageName: string | null;
  label: string;
  /** The network input's shape (the image as the network sees it). */
  shape: [number, number, number];
  /** [H, W, C]: the training image adapted to the network's input, before augmentation. */
  source: Uint8Array;
  /** [count, H, W, C] */
  variants: Uint8Array;
  count: number;
  /** Switched-on operations that training skips for this network (colour operations on a greyscale input). */
  notApplied: AugmentOpName[];
}

/** The PCA colour statistics of the current training set, or why there are none (e.g. greyscale). */
export interface PcaInfo {
  datasetId: string;
  datasetName: string;
  images: number;
  stats: PcaColorStats | null;
  /** 'greyscale': the dataset has no colour (no stats); 'grey-network': stats shown, but the network's input is greyscale, so training skips colour operations. */
  reason: 'greyscale' | 'grey-network' | null;
}

/** The same network trained twice on a small subset, without and with augmentation. */
export interface CompareRequest {
  graph: ArchGraph;
  seed: number;
  /** Training examples (the first of the training split). */
  examples: number;
  /** Validation examples (the first of the test split). */
  validation: number;
  epochs: number;
  batchSize: number;
  compile: CompileSettings;
  augment: AugmentConfig;
  augmentSeed: number;
}

/** The two runs of the experiment. */
export type CompareRun = 'plain' | 'augmented';

/** Progress of the experiment, streamed to the UI (epochs 1-based). */
export type CompareEvent =
  | { type: 'runStart'; run: CompareRun; epochs: number; examples: number; validation: number }
  | { type: 'epochEnd'; run: CompareRun; epoch: number; loss: number; accuracy: number; valLoss: number | null; valAccuracy: number | null; examplesPerSec: number }
  | { type: 'batchEnd'; run: CompareRun; epoch: number; batch: number; batches: number };

/** How each run ended, the sizes it really used, and the worker's tensor count afterwards (should equal the count before). */
export interface CompareResult {
  /** Training and validation images actually used (the dataset may have fewer than asked). */
  examples: number;
  validation: number;
  runs: { run: CompareRun; end: FitEnd; message: string | null; detail: UserMessage | null }[];
  tensorsAfter: number;
}

/**
 * The user's classes and images, the 'uploads' dataset for the engine, the augmentation preview and PCA
 * statistics of the current training set, and the with/without-augmentation experiment.
 */
export interface UploadsApi {
  /** Opens the store (first call) and returns the classes and images. */
  list(): Promise<UploadsSnapshot>;
  /** Calls `listener` after every change of the images (here or in another tab) and when storage is lost; returns an id for `unsubscribe`. */
  subscribe(listener: (e: UploadsEvent) => void): Promise<number>;
  unsubscribe(id: number): Promise<void>;
  /** The thumbnail of an image (a JPEG at its original aspect ratio), or null when it is gone. */
  previewOf(id: string): Promise<Blob | null>;
  /** Starts a batch of files; stage them in chunks, scan for the preview, then commit or cancel. */
  beginBatch(): Promise<number>;
  /** Adds files to a batch (a few hundred at a time: each call is one structured clone). */
  stageFiles(token: number, files: UploadFileInput[]): Promise<void>;
  /** Reads the batch's folders and zips and says which classes it would fill (nothing is decoded or stored). */
  scanBatch(token: number, onProgress?: (done: number, total: number) => void): Promise<BatchPreview>;
  /** Checks, decodes and stores the batch as chosen; `free` is the storage estimate's free bytes (null if unknown). */
  commitBatch(token: number, choice: BatchChoice, target: UploadTarget, free: number | null, onProgress?: (done: number, total: number) => void): Promise<AddResult>;
  cancelBatch(token: number): Promise<void>;
  /** Adds files in one call with the recommended layout (no preview). */
  addFiles(files: UploadFileInput[], target: UploadTarget, onProgress?: (done: number, total: number) => void, free?: number | null): Promise<AddResult>;
  /** Adds a webcam frame (transferred; closed in the worker), prepared as any upload. */
  addFrame(frame: ImageBitmap, name: string, target: UploadTarget): Promise<AddResult>;
  /** After the browser's storage was lost: stores everything the page holds in a fresh database. */
  storeAgain(): Promise<UploadsSnapshot>;
  /** The image dataset as a zip of class folders with a manifest. */
  exportDataset(): Promise<DatasetExport>;
  createClass(name: string): Promise<UploadsSnapshot>;
  renameClass(id: string, name: string): Promise<UploadsSnapshot>;
  deleteClass(id: string): Promise<UploadsSnapshot>;
  moveImage(id: string, classId: string): Promise<UploadsSnapshot>;
  deleteImage(id: string): Promise<UploadsSnapshot>;
  /** Deletes the damaged records reported at load; readable images of a lost class get it back. */
  removeDamaged(fallbackName: string): Promise<RepairResult>;
  /** PCA colour statistics over the examples training uses. */
  pcaInfo(source: PreviewSource): Promise<PcaInfo>;
  /** Augmented variants of one training image as the network sees it. */
  augmentPreview(req: AugmentPreviewRequest): Promise<AugmentPreviewResult>;
  /** Trains the same network without and then with augmentation on a small subset: a job of the worker's session. */
  compareAugmentation(req: CompareRequest, onEvent: (e: CompareEvent) => void): Promise<CompareResult>;
  /** Stops a running comparison after its current batch. */
  stopComparison(): Promise<void>;
}

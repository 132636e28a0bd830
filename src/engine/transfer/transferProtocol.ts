/**
 * The transfer-learning worker API (`worker.transfer` in the UI) and its plain-data contract; the
 * implementation (transferApi.ts) stays private to the worker. The UI imports these types only;
 * tensors and models never leave the worker.
 */
import type { ArchGraph } from '../../arch/index';
import type { UserMessage } from '../../messages/index';
import type { HeadPooling } from '../../model/index';
import type { BuildPlan, BuildResult, CompileSettings, DatasetInfo, EngineDatasetId, FitResult, FitSettings, TrainEvent } from '../protocol';

/** ImageNet MobileNet v1 (α = 0.25, 224×224), the model tfjs' webcam transfer-learning example loads. */
export const MOBILENET_URL = 'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json';
/** Its last 7×7×256 feature map, where that example cuts. */
export const MOBILENET_CUT = 'conv_pw_13_relu';
/** The pixel range MobileNet v1 was trained on (Keras' `mobilenet.preprocess_input`: x / 127.5 − 1). */
export const MOBILENET_INPUT_RANGE: [number, number] = [-1, 1];

/** A pretrained base listed in `public/models/index.json` (written by scripts/pretrain.ts). */
export interface BaseEntry {
  id: string;
  title: string;
  /** Zoo id and the options it was built with (input and classes included). */
  arch: string;
  options: Record<string, unknown>;
  /** Dataset it was trained on and that dataset's class names. */
  dataset: string;
  classNames: string[];
  /** Test accuracy the script measured, 0..1. */
  testAccuracy: number;
  /** The layer a new head sits on by default, and how a feature map there becomes a vector. */
  featureLayer: string;
  headPooling: 'avg' | 'flatten';
  /** model.json, relative to the models folder. */
  path: string;
  params: number;
  weightBytes: number;
}

/** Where a base comes from: a shipped base by id, or any tfjs layers model by URL (e.g. ImageNet MobileNet). */
export type BaseSource =
  | { kind: 'shipped'; id: string; modelsUrl: string }
  | {
      kind: 'url'; url: string; title: string; cutAt: string; timeoutMs: number;
      /** The pixel range the model expects; anything but [0, 1] (the default) adds a Rescaling layer after its input. */
      inputRange?: [number, number];
    };

/** The three regimes of the freeze control. */
export type FreezeMode = { kind: 'head' } | { kind: 'last'; k: number } | { kind: 'all' };

/** One layer of the transfer model as the layer list shows it. */
export interface LayerRow {
  name: string;
  kind: string;
  outputShape: number[];
  params: number;
  /** The freeze unit (block or weighted layer) it belongs to; null for the new head. */
  unit: string | null;
  frozen: boolean;
}

/** A loaded base, before a head is put on it. */
export interface BaseInfo {
  id: string;
  title: string;
  inputShape: [number, number, number];
  /**
   * The pixel range the base's own first layer sees. The model always takes [0, 1]; for anything else a
   * Rescaling layer after its input maps [0, 1] onto this range.
   */
  inputRange: [number, number];
  /** Classes of the base's own classifier (0 when it has none). */
  classes: number;
  totalParams: number;
  layers: LayerRow[];
  cutCandidates: string[];
  defaultCut: string;
  defaultPooling: 'avg' | 'flatten';
}

/** Which images the new head learns from. */
export interface SubsetRequest {
  datasetId: EngineDatasetId;
  dataUrl: string;
  /** Original class indices (empty: every class). */
  classes: number[];
  /** Training images per class (0 = all). */
  perClass: number;
  /** Test images per class (0 = all). */
  testPerClass: number;
  seed: number;
}

/** Where the new head goes and how the base starts frozen. */
export interface ApplyRequest {
  subset: SubsetRequest;
  cutAt: string;
  pooling: HeadPooling;
  seed: number;
  mode: FreezeMode;
  plan: BuildPlan;
}

/**
 * What a kept model says about how it was trained (stored in its metadata, shown again on import):
 * the settings of the run and its per-epoch history.
 */
export interface TrainingRecord {
  /** The experiment's settings as the page's share link writes them (e.g. `arch=lenet5&epochs=2`). */
  settings: string;
  epochs: { epoch: number; loss: number; accuracy: number; valLoss: number | null; valAccuracy: number | null }[];
  /** Test accuracy of the last evaluation (null when none ran). */
  testAccuracy: number | null;
}

export interface TransferState {
  /** A kept model's training record (imports of our own files); absent or null otherwise. */
  record?: TrainingRecord | null;
  build: BuildResult;
  dataset: DatasetInfo;
  baseTitle: string;
  cutAt: string;
  /** The transfer model's architecture (base up to the cut + new head), for the graph view. */
  graph: ArchGraph;
  layers: LayerRow[];
  units: { id: string; label: string }[];
  mode: FreezeMode;
  /** From tfjs after freezing (countParams over trainableWeights / nonTrainableWeights). */
  params: { total: number; trainable: number; nonTrainable: number };
  /** True when only the new head trains, so its inputs can be computed once and cached. */
  cacheEligible: boolean;
  /** Values per image the cache stores: the size of the softmax's input. */
  featureSize: number;
}

/** How the last fit went, plus the feature cache when it was used. */
export interface TransferFitResult extends FitResult {
  cache: { images: number; featureSize: number; ms: number } | null;
}

/** One curve point of a comparison run. */
export interface ComparePoint {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
}

/** One arm of a comparison run. */
export interface CompareArm {
  label: string;
  trainableParams: number;
  epochs: ComparePoint[];
  testAccuracy: number;
  testLoss: number;
  testCount: number;
  ms: number;
  cached: boolean;
}

export interface CompareResult {
  trainImages: number;
  scratch: CompareArm;
  transfer: CompareArm;
}

/** tfjs files as the user picks or downloads them. */
export interface ModelFiles {
  json: string;
  weights: { name: string; data: ArrayBuffer }[];
}

/** A model exported for download: model.json text and one weights file it names. */
export interface ExportedModel {
  jsonName: string;
  json: string;
  binName: string;
  weights: ArrayBuffer;
}

/** A model saved in the browser's IndexedDB. */
export interface SavedModel {
  name: string;
  savedAt: string;
  bytes: number;
}

/** What importing a `.keras` file gave: the loaded base, and the installed model unless `reason` says why not. */
export interface KerasImport {
  base: BaseInfo;
  state: TransferState | null;
  reason: UserMessage | null;
}

/**
 * Transfer learning: load a pretrained base, put a new softmax head on it for a few classes of a
 * dataset, freeze what the user chooses, train (on cached features when only the head learns), compare
 * with training from scratch, and keep any model (IndexedDB, tfjs files). An installed transfer model
 * is the session's model and its class subset the session's dataset, so the core's evaluate, predict
 * and sample work on them unchanged.
 */
export interface TransferApi {
  /** The shipped bases (`<modelsUrl>/index.json`). */
  listBases(modelsUrl: string): Promise<BaseEntry[]>;
  /** Loads a base (replacing the previous one; an installed transfer model stays until the next apply). */
  loadBase(source: BaseSource, onProgress?: (fraction: number) => void): Promise<BaseInfo>;
  /** The whole dataset's info (class names for the class picker), without changing what is installed. */
  describeDataset(datasetId: EngineDatasetId, dataUrl: string, onProgress?: (loaded: number, total: number) => void): Promise<DatasetInfo>;
  /** Makes the subset and installs base + new head (fresh pretrained weights) in the session. */
  applyHead(req: ApplyRequest, onProgress?: (loaded: number, total: number) => void): Promise<TransferState>;
  /** Re-freezes the installed model; the counts are tfjs' own after freezing. */
  setFreeze(mode: FreezeMode): Promise<TransferState>;
  /** Trains the installed model with fresh optimizer state: a job of the session. */
  fit(compile: CompileSettings, settings: FitSettings, onEvent: (e: TrainEvent) => void): Promise<TransferFitResult>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the transfer fit or the comparison at the next batch. */
  stop(): Promise<void>;
  /** From scratch vs transfer on the installed subset, same settings; leaves the installed model alone. */
  compare(compile: CompileSettings, settings: FitSettings, onProgress: (arm: 'scratch' | 'transfer', point: ComparePoint, epochs: number) => void): Promise<CompareResult>;
  /** model.json + weights.bin of the installed transfer model or, without one, of the session's trained model. */
  exportModel(stem: string, record?: TrainingRecord): Promise<ExportedModel>;
  /** Imports picked tfjs files; on any error the installed model and data stay as they were. */
  importModel(files: ModelFiles, subset: SubsetRequest): Promise<TransferState>;
  /** Imports a `.keras` file: it becomes the loaded base and, when its classifier fits, the installed model. */
  importKeras(fileName: string, bytes: ArrayBuffer, subset: SubsetRequest): Promise<KerasImport>;
  /** Saves the installed transfer model or, without one, the session's trained model in IndexedDB. */
  saveToBrowser(name: string, record?: TrainingRecord): Promise<SavedModel[]>;
  listSaved(): Promise<SavedModel[]>;
  loadFromBrowser(name: string, subset: SubsetRequest): Promise<TransferState>;
  removeSaved(name: string): Promise<SavedModel[]>;
  /** Leaves transfer mode: the session gets the full dataset back; its model stays. */
  release(): Promise<void>;
}

/**
 * Transfer learning in the worker (`worker.transfer.…` from the UI): load a pretrained base, put a new
 * softmax head on it for a few classes of a dataset, freeze what the user chooses, train (on cached
 * features when only the head learns), compare with training from scratch, and keep the result
 * (IndexedDB, tfjs files). Only plain data crosses to the UI.
 */
import * as Comlink from 'comlink';
import type * as tfl from '@tensorflow/tfjs-layers';
import { inferGraph, type ArchGraph } from '../../arch/index';
import type { ImageDataset } from '../../data/datasetTypes';
import { describeAdaptation } from '../../data/adaptInput';
import { datasetIdParam, toUserMessage, transferError } from '../../messages/index';
import type { Engine } from '../engine';
import type { JobName } from '../jobSlot';
import type { BuildPlan, CompileSettings, DatasetInfo, EngineDatasetId, FitSettings, TrainEvent } from '../protocol';
import type { Session } from '../session';
import { snapshotWeights } from '../weightSnapshot';
import { loadBaseIndex, loadModelFromUrl } from './baseLoader';
import { disposeOptimizer, scratchVsTransferJob, fitTransfer, makeOptimizer, scheduleOf } from './compareRun';
import { classSubset, resolveClasses } from './datasetSubset';
import { freezeUnits } from './freezePlan';
import { graphFromModel } from './graphFromModel';
import { artifactsFromFiles, exportModelFiles, modelFromArtifacts } from './modelFiles';
import * as store from './modelStore';
import { applyFreeze, checkGraphMatches, fileBase, shippedBase, transferState, urlBase, withNewHead, type InstalledModel, type LoadedBase } from './transferSession';
import { readKerasFile } from '../keras/kerasFile';
import type {
  ApplyRequest, BaseEntry, BaseInfo, BaseSource, CompareResult, ComparePoint, ExportedModel, FreezeMode, KerasImport, ModelFiles, SavedModel, SubsetRequest,
  TrainingRecord, TransferApi, TransferFitResult, TransferState,
} from './transferProtocol';

type Shape3 = [number, number, number];

/** Jobs that train or read the session's model: installing, re-freezing or keeping a model waits for them. */
const MODEL_JOBS: readonly JobName[] = ['fit', 'evaluate', 'transferFit', 'transferCompare'];

interface SubsetBundle {
  id: EngineDatasetId;
  full: ImageDataset;
  subset: ImageDataset;
  classes: number[];
}

/**
 * `worker.transfer` (see TransferApi in transferProtocol.ts), one per worker. It installs into the
 * worker's session: a transfer model (base + new head) as the session's model, its class subset as the
 * session's dataset, so the core's evaluate / predict / sample work on them unchanged. The session says
 * when someone else replaced either.
 */
export class TransferFeature implements TransferApi {
  private entries: BaseEntry[] = [];
  private base: LoadedBase | null = null;
  private installed: InstalledModel | null = null;
  /** The last head applied and the base it sits on (a base loaded later does not change it). */
  private applied: { req: ApplyRequest; base: LoadedBase } | null = null;
  private sub: SubsetBundle | null = null;
  /** True while the session's dataset is still `sub.subset` (no one installed another since). */
  private dataCurrent = false;
  private plan: BuildPlan = { batchSize: 64, optimizer: 'adam' };
  private readonly session: Session;

  constructor(private readonly core: Engine, private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init)) {
    this.session = core.session;
    this.session.onReplaced((r) => {
      if (r.what === 'dataset') {
        if (r.by !== 'transfer' || r.reason === 'restored') this.dataCurrent = false;
      } else if (r.by !== 'transfer' || r.reason === 'disposed') {
        this.installed = null;
      } else if (r.reason === 'recovered' && this.installed) {
        // Rebuilt on the next backend after a lost device: same layers, frozen as before, still ours.
        if (this.session.model) this.installed.model = this.session.model;
        else this.installed = null;
      }
    });
  }

  /** The shipped bases (`<modelsUrl>/index.json`). */
  async listBases(modelsUrl: string): Promise<BaseEntry[]> {
    this.entries = await loadBaseIndex(modelsUrl, this.fetchFn);
    return this.entries;
  }

  /** Loads a base (replacing the previous one; an installed transfer model stays until the next apply). */
  async loadBase(source: BaseSource, onProgress?: (fraction: number) => void): Promise<BaseInfo> {
    await this.core.ready();
    let model: tfl.LayersModel;
    if (source.kind === 'shipped') {
      const entry = (this.entries.length ? this.entries : await this.listBases(source.modelsUrl)).find((e) => e.id === source.id);
      if (!entry) throw transferError('transfer.noShippedBase', { id: source.id });
      model = await loadModelFromUrl(`${source.modelsUrl.replace(/\/+$/, '')}/${entry.path}`, { timeoutMs: 60_000, onProgress, fetchFunc: this.fetchFn });
      try {
        this.base = await shippedBase(entry, model);
      } finally {
        model.dispose();
      }
    } else {
      model = await loadModelFromUrl(source.url, { timeoutMs: source.timeoutMs, onProgress, fetchFunc: this.fetchFn, inputRange: source.inputRange });
      try {
        this.base = await urlBase(source.url, source.title, model, source.cutAt, source.inputRange);
      } finally {
        model.dispose();
      }
    }
    return this.base.info;
  }

  /** The whole dataset's info (class names for the class picker), without changing what is installed. */
  async describeDataset(datasetId: EngineDatasetId, dataUrl: string, onProgress?: (loaded: number, total: number) => void): Promise<DatasetInfo> {
    return this.withFullDataset(datasetId, dataUrl, onProgress, (full) => ({
      id: datasetId, name: full.name, imageShape: [...full.imageShape] as Shape3, classNames: [...full.classNames], trainCount: full.train.count, testCount: full.test.count,
    }));
  }

  /** Makes the subset and installs base + new head as the engine's model (fresh pretrained weights). */
  async applyHead(req: ApplyRequest, onProgress?: (loaded: number, total: number) => void): Promise<TransferState> {
    const base = this.base;
    if (!base) throw transferError('transfer.needBase');
    this.requireIdle();
    const bundle = await this.subsetFor(req.subset, null, onProgress);
    describeAdaptation(bundle.subset.imageShape, base.info.inputShape); // refuses unconvertible channels before anything changes
    const installed = await withNewHead(base, req.cutAt, bundle.subset.classNames.length, req.pooling, req.seed, req.mode);
    this.plan = req.plan;
    this.applied = { req, base };
    this.install(installed, bundle);
    return this.state();
  }

  /** Re-freezes the installed model; the returned counts are tfjs' own after freezing. */
  async setFreeze(mode: FreezeMode): Promise<TransferState> {
    this.requireIdle();
    applyFreeze(this.requireInstalled(), mode);
    return this.state();
  }

  /** Trains with fresh optimizer state; after a lost GPU device the engine rebuilds the model (same frozen layers, last epoch's weights) and it stays installed. */
  async fit(compile: CompileSettings, settings: FitSettings, onEvent: (e: TrainEvent) => void): Promise<TransferFitResult> {
    const installed = this.requireInstalled();
    const data = this.requireData();
    this.requireIdle();
    return this.session.jobs.run('transferFit', async (control) => {
      const optimizer = makeOptimizer(compile);
      try {
        // Until an epoch completes, the weights before this run are the last epoch's (kept off the GPU).
        let snapshot = await snapshotWeights(installed.model);
        // The session's installed augmentation applies unless this fit passes its own.
        const installedAugment = this.session.batchAugmentation;
        const withAugment = settings.augment === undefined && installedAugment ? { ...settings, augment: installedAugment.config, augmentSeed: installedAugment.seed } : settings;
        const result = await fitTransfer(installed, optimizer, data, withAugment, control, onEvent, (s) => (snapshot = s), scheduleOf(compile));
        this.session.recordFit(null, result.epochsCompleted > 0 || result.end === 'stopped');
        if (result.end === 'device-lost') {
          const rebuilt = await this.core.recoverFromLostDevice(snapshot);
          if (rebuilt) installed.model = rebuilt;
        }
        return result;
      } finally {
        try {
          disposeOptimizer(optimizer);
        } catch {
          // After a lost device its variables went with it; nothing else to free.
        }
      }
    });
  }

  async pause(): Promise<void> {
    this.session.jobs.pause('transferFit');
  }

  async resume(): Promise<void> {
    this.session.jobs.resume('transferFit');
  }

  async stop(): Promise<void> {
    this.session.jobs.stop('transferFit', 'transferCompare');
  }

  /** From scratch vs transfer on the installed subset, same settings; leaves the installed model alone. */
  async compare(compile: CompileSettings, settings: FitSettings, onProgress: (arm: 'scratch' | 'transfer', point: ComparePoint, epochs: number) => void): Promise<CompareResult> {
    if (!this.applied) throw transferError('transfer.needHead');
    const { base, req: apply } = this.applied;
    const data = this.requireData();
    this.requireIdle();
    const mode = this.installed?.mode ?? apply.mode;
    return this.session.jobs.start(scratchVsTransferJob, { base, cutAt: apply.cutAt, pooling: apply.pooling, seed: apply.seed, mode, data, compile, fit: settings }, (p) =>
      onProgress(p.arm, p.point, p.epochs));
  }

  /**
   * model.json + weights.bin of the installed transfer model or, without one, of the model the training
   * panel trained, metadata (and `record`) included; the buffer is transferred.
   */
  async exportModel(stem: string, record?: TrainingRecord): Promise<ExportedModel> {
    const { model, meta } = this.keepable(record);
    store.attachMetadata(model, meta);
    const files = await exportModelFiles(model, stem);
    return Comlink.transfer(files, [files.weights]);
  }

  /** Imports picked tfjs files; on any error the installed model and data stay as they were. */
  async importModel(files: ModelFiles, subset: SubsetRequest): Promise<TransferState> {
    await this.core.ready();
    this.requireIdle();
    return this.adopt(await modelFromArtifacts(artifactsFromFiles(files)), subset);
  }

  /**
   * Imports a `.keras` file (made by Keras or by the playground): it becomes the loaded base (a new head
   * can go on any of its layers) and, when its classifier fits the dataset's classes, the installed model
   * (evaluate, fine-tune, inspect). An unreadable file or an unsupported layer changes nothing; when only
   * the install is refused, `reason` says why and the base stays loaded.
   */
  async importKeras(fileName: string, bytes: ArrayBuffer, subset: SubsetRequest): Promise<KerasImport> {
    await this.core.ready();
    this.requireIdle();
    const { model, graph } = await readKerasFile(new Uint8Array(bytes), fileName);
    let base: LoadedBase;
    try {
      base = await fileBase(fileName.replace(/\.keras$/i, ''), model, graph);
    } catch (e) {
      model.dispose();
      throw e;
    }
    this.base = base;
    try {
      return { base: base.info, state: await this.adopt(model, subset, graph), reason: null };
    } catch (e) {
      return { base: base.info, state: null, reason: toUserMessage(e) };
    }
  }

  /** Saves the installed transfer model or, without one, the training panel's model in IndexedDB. */
  async saveToBrowser(name: string, record?: TrainingRecord): Promise<SavedModel[]> {
    const { model, meta } = this.keepable(record);
    store.attachMetadata(model, meta);
    await store.saveToBrowser(model, name);
    return store.listSaved();
  }

  async listSaved(): Promise<SavedModel[]> {
    return store.listSaved();
  }

  async loadFromBrowser(name: string, subset: SubsetRequest): Promise<TransferState> {
    await this.core.ready();
    this.requireIdle();
    return this.adopt(await modelFromArtifacts(await store.loadSavedArtifacts(name)), subset);
  }

  async removeSaved(name: string): Promise<SavedModel[]> {
    await store.removeSaved(name);
    return store.listSaved();
  }

  /** Leaves transfer mode: the engine gets the full dataset back; its model is the core's business. */
  async release(): Promise<void> {
    this.session.jobs.stop('transferFit', 'transferCompare');
    if (this.dataCurrent) this.session.restoreDataset('transfer');
    this.sub = null;
    this.dataCurrent = false;
    this.installed = null;
  }

  /**
   * What Save and Download keep: the installed transfer model, else the core's own trained model (a
   * scratch model: all classes of its dataset, nothing frozen, its main output as the head).
   */
  private keepable(record?: TrainingRecord): { model: tfl.LayersModel; meta: store.TransferMetadata } {
    const installed = this.installed;
    if (installed) return { model: installed.model, meta: { ...this.metadata(installed), ...(record ? { training: record } : {}) } };
    const { model, graph, data, datasetId } = this.session;
    if (!model || !graph || !data || !datasetId) throw transferError('transfer.nothingToKeep');
    this.requireIdle();
    if (model.outputs.length !== 1) throw transferError('transfer.keepOneOutput');
    const head = model.outputs[0].sourceLayer.name;
    const featureLayer = graph.nodes.find((n) => n.name === head)?.inputs[0] ?? head;
    const classes = data.classNames.map((_, i) => i);
    return {
      model,
      meta: {
        format: store.METADATA_FORMAT, kind: 'scratch', graph, cutAt: featureLayer, head: [head], featureLayer, baseTitle: graph.name,
        datasetId, classes, classNames: [...data.classNames], mode: { kind: 'all' }, ...(record ? { training: record } : {}),
      },
    };
  }

  /** Installs a loaded model (our metadata or a foreign classifier) or disposes it and throws. */
  private async adopt(model: tfl.LayersModel, subset: SubsetRequest, known?: ArchGraph): Promise<TransferState> {
    try {
      const meta = store.readMetadata(model.getUserDefinedMetadata());
      // A scratch model comes back on its whole dataset (every class, every test image), so Evaluate
      // measures what it measured before it was kept.
      if (meta?.kind === 'scratch') subset = { ...subset, classes: [], perClass: 0, testPerClass: 0 };
      if (meta && meta.datasetId !== subset.datasetId) throw transferError('transfer.wrongDataset', { dataset: datasetIdParam(meta.datasetId) });
      const last = model.outputs.length === 1 ? model.outputs[0].sourceLayer.name : '';
      if (!last) throw transferError('transfer.oneOutput');
      const graph = meta?.graph ?? known ?? graphFromModel(model, last);
      checkGraphMatches(graph, model);
      const head = meta?.head ?? [last];
      const featureLayer = meta?.featureLayer ?? graph.nodes.find((n) => n.name === last)?.inputs[0] ?? last;
      const classes = model.outputs[0].shape.at(-1) ?? 0;
      const bundle = await this.subsetFor(subset, meta?.classes ?? null);
      if (bundle.subset.classNames.length !== classes) throw transferError('transfer.classCount', { classes, data: bundle.subset.classNames.length });
      const input = model.inputs[0].shape.slice(1) as Shape3;
      describeAdaptation(bundle.subset.imageShape, input);
      const installed: InstalledModel = { model, graph, cutAt: meta?.cutAt ?? featureLayer, head, featureLayer, units: freezeUnits(graph, head), mode: meta?.mode ?? { kind: 'all' }, baseTitle: meta?.baseTitle ?? model.name };
      applyFreeze(installed, installed.mode);
      this.install(installed, bundle, true);
      return { ...this.state(), record: meta?.training ?? null };
    } catch (e) {
      model.dispose();
      throw e;
    }
  }

  /** The subset of `req`, made from the full dataset; the engine's data is left as it was. */
  private async subsetFor(req: SubsetRequest, classes: number[] | null, onProgress?: (loaded: number, total: number) => void): Promise<SubsetBundle> {
    return this.withFullDataset(req.datasetId, req.dataUrl, onProgress, (full) => {
      const chosen = resolveClasses(full, classes ?? req.classes);
      const subset = classSubset(full, { classes: chosen, perClass: req.perClass, testPerClass: req.testPerClass, seed: req.seed });
      return { id: req.datasetId, full, subset, classes: chosen };
    });
  }

  /** Runs `read` on the whole dataset `id` (an installed subset stays the session's dataset). */
  private async withFullDataset<T>(id: EngineDatasetId, dataUrl: string, onProgress: ((loaded: number, total: number) => void) | undefined, read: (full: ImageDataset) => T): Promise<T> {
    return read(await this.core.wholeDataset(id, dataUrl, onProgress ?? (() => undefined)));
  }

  /** Base + head as the session's model, the class subset (over its full dataset) as the session's dataset. */
  private install(installed: InstalledModel, bundle: SubsetBundle, trained = false): void {
    this.session.installTransferModel(installed.model, installed.graph, trained);
    this.session.installSubset(bundle.id, bundle.subset, bundle.full, 'transfer');
    this.installed = installed;
    this.sub = bundle;
    this.dataCurrent = true;
  }

  private metadata(installed: InstalledModel): store.TransferMetadata {
    const sub = this.sub;
    if (!sub) throw transferError('transfer.noData');
    const { graph, cutAt, head, featureLayer, baseTitle, mode } = installed;
    return { format: store.METADATA_FORMAT, graph, cutAt, head, featureLayer, baseTitle, datasetId: sub.id, classes: sub.classes, classNames: [...sub.subset.classNames], mode };
  }

  private state(): TransferState {
    const installed = this.requireInstalled();
    const memory = this.session.memoryFor(inferGraph(installed.graph), this.plan);
    return transferState(installed, this.requireData(), this.sub?.id ?? 'mnist', memory);
  }

  private requireInstalled(): InstalledModel {
    if (!this.installed) throw transferError('transfer.notInstalled');
    return this.installed;
  }

  private requireData(): ImageDataset {
    if (!this.sub || !this.dataCurrent) throw transferError('transfer.dataReplaced');
    return this.sub.subset;
  }

  /** Refuses while a job trains or reads the session's model. */
  private requireIdle(): void {
    const running = this.session.jobs.running;
    if (running && MODEL_JOBS.includes(running)) throw transferError('transfer.trainingRunning');
  }
}

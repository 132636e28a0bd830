/**
 * Transfer learning in the worker (`worker.transfer.…` from the UI): load a pretrained base, put a new
 * softmax head on it for a few classes of a dataset, freeze what the user chooses, train (on cached
 * features when only the head learns), compare with training from scratch, and keep the result
 * (IndexedDB, tfjs files). Only plain data crosses to the UI.
 */
import * as Comlink from 'comlink';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../../arch/index';
import type { ImageDataset } from '../../data/datasetTypes';
import { describeAdaptation } from '../../data/adaptInput';
import { engineError, toUserMessage, transferError, type UserMessage } from '../../messages/index';
import type { HeadPooling } from '../../model/index';
import type { BuildPlan, Engine } from '../engine';
import type { CompileSettings, DatasetInfo, EngineDatasetId, FitSettings, TrainEvent } from '../protocol';
import { RunControl } from '../runControl';
import { snapshotWeights } from '../weightSnapshot';
import { loadBaseIndex, loadModelFromUrl } from './baseLoader';
import { compareRun, disposeOptimizer, fitTransfer, makeOptimizer, scheduleOf } from './compareRun';
import { classSubset, resolveClasses } from './datasetSubset';
import { freezeUnits } from './freezePlan';
import { graphFromModel } from './graphFromModel';
import { artifactsFromFiles, exportModelFiles, modelFromArtifacts } from './modelFiles';
import * as store from './modelStore';
import { applyFreeze, checkGraphMatches, fileBase, shippedBase, transferState, urlBase, withNewHead, type InstalledModel, type LoadedBase } from './transferSession';
import { readKerasFile } from '../keras/kerasFile';
import type {
  BaseEntry, BaseInfo, BaseSource, CompareResult, ComparePoint, ExportedModel, FreezeMode, ModelFiles, SavedModel, SubsetRequest,
  TransferFitResult, TransferState,
} from './transferProtocol';

type Shape3 = [number, number, number];

/** Where the new head goes and how the base starts frozen. */
export interface ApplyRequest {
  subset: SubsetRequest;
  cutAt: string;
  pooling: HeadPooling;
  seed: number;
  mode: FreezeMode;
  plan: BuildPlan;
}

interface SubsetBundle {
  id: EngineDatasetId;
  full: ImageDataset;
  subset: ImageDataset;
  classes: number[];
}

/**
 * The worker's transfer-learning API (`worker.transfer`), one per worker, sharing the Engine's model
 * and dataset slots: an installed transfer model is the Engine's current model, its class subset the
 * Engine's current dataset, so the core's evaluate / predict / sample work on them unchanged.
 */
export class TransferApi {
  private entries: BaseEntry[] = [];
  private base: LoadedBase | null = null;
  private installed: InstalledModel | null = null;
  /** The last head applied and the base it sits on (a base loaded later does not change it). */
  private applied: { req: ApplyRequest; base: LoadedBase } | null = null;
  private sub: SubsetBundle | null = null;
  private control: RunControl | null = null;
  private plan: BuildPlan = { batchSize: 64, optimizer: 'adam' };

  constructor(private readonly core: Engine, private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init)) {}

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
    const release = this.core.claim('engine.busyTransfer');
    this.control = new RunControl();
    const optimizer = makeOptimizer(compile);
    try {
      // Until an epoch completes, the weights before this run are the last epoch's (kept off the GPU).
      let snapshot = await snapshotWeights(installed.model);
      const result = await fitTransfer(installed, optimizer, data, settings, this.control, onEvent, (s) => (snapshot = s), scheduleOf(compile));
      if (result.end === 'device-lost') {
        const rebuilt = await this.core.recoverFromLostDevice(snapshot);
        if (rebuilt) installed.model = rebuilt;
      }
      return result;
    } finally {
      this.control = null;
      release();
      try {
        disposeOptimizer(optimizer);
      } catch {
        // After a lost device its variables went with it; nothing else to free.
      }
    }
  }

  async pause(): Promise<void> {
    this.control?.pause();
  }

  async resume(): Promise<void> {
    this.control?.resume();
  }

  async stop(): Promise<void> {
    this.control?.stop();
  }

  /** From scratch vs transfer on the installed subset, same settings; leaves the installed model alone. */
  async compare(compile: CompileSettings, settings: FitSettings, onProgress: (arm: 'scratch' | 'transfer', point: ComparePoint, epochs: number) => void): Promise<CompareResult> {
    if (!this.applied) throw transferError('transfer.needHead');
    const { base, req: apply } = this.applied;
    const data = this.requireData();
    this.requireIdle();
    const release = this.core.claim('engine.busyTransferCompare');
    this.control = new RunControl();
    try {
      return await compareRun({ base, cutAt: apply.cutAt, pooling: apply.pooling, seed: apply.seed, mode: this.installed?.mode ?? apply.mode, data, compile, fit: settings, control: this.control, onProgress });
    } finally {
      this.control = null;
      release();
    }
  }

  /** model.json + weights.bin of the installed model, metadata included (the buffer is transferred). */
  async exportModel(stem: string): Promise<ExportedModel> {
    const installed = this.requireInstalled();
    store.attachMetadata(installed.model, this.metadata(installed));
    const files = await exportModelFiles(installed.model, stem);
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
  async importKeras(fileName: string, bytes: ArrayBuffer, subset: SubsetRequest): Promise<{ base: BaseInfo; state: TransferState | null; reason: UserMessage | null }> {
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

  async saveToBrowser(name: string): Promise<SavedModel[]> {
    const installed = this.requireInstalled();
    store.attachMetadata(installed.model, this.metadata(installed));
    await store.saveToBrowser(installed.model, name);
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
    this.control?.stop();
    if (this.sub && this.core.current().data === this.sub.subset) this.core.setDataset(this.sub.id, this.sub.full);
    this.sub = null;
    this.installed = null;
  }

  /** Installs a loaded model (our metadata or a foreign classifier) or disposes it and throws. */
  private async adopt(model: tfl.LayersModel, subset: SubsetRequest, known?: ArchGraph): Promise<TransferState> {
    try {
      const meta = store.readMetadata(model.getUserDefinedMetadata());
      if (meta && meta.datasetId !== subset.datasetId) throw transferError('transfer.wrongDataset', { dataset: meta.datasetId });
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
      this.install(installed, bundle);
      return this.state();
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

  /** Runs `read` on the whole dataset `id`, then leaves the engine's data as it was. */
  private async withFullDataset<T>(id: EngineDatasetId, dataUrl: string, onProgress: ((loaded: number, total: number) => void) | undefined, read: (full: ImageDataset) => T): Promise<T> {
    const previous = this.sub && this.core.current().data === this.sub.subset ? this.sub : null;
    // The engine caches by id: give it back the full dataset so loadDataset returns it, not our subset.
    if (previous) this.core.setDataset(previous.id, previous.full);
    try {
      await this.core.loadDataset(id, dataUrl, onProgress ?? (() => undefined));
      const full = this.core.current().data;
      if (!full) throw engineError('engine.needDataset');
      return read(full);
    } finally {
      if (previous) this.core.setDataset(previous.id, previous.subset);
    }
  }

  private install(installed: InstalledModel, bundle: SubsetBundle): void {
    this.core.setModel(installed.model, installed.graph);
    this.core.setDataset(bundle.id, bundle.subset);
    this.installed = installed;
    this.sub = bundle;
  }

  private metadata(installed: InstalledModel): store.TransferMetadata {
    const sub = this.sub;
    if (!sub) throw transferError('transfer.noData');
    const { graph, cutAt, head, featureLayer, baseTitle, mode } = installed;
    return { format: store.METADATA_FORMAT, graph, cutAt, head, featureLayer, baseTitle, datasetId: sub.id, classes: sub.classes, classNames: [...sub.subset.classNames], mode };
  }

  private state(): TransferState {
    return transferState(this.requireInstalled(), this.requireData(), this.sub?.id ?? 'mnist', this.plan, this.core.current().backend?.name ?? 'cpu');
  }

  private requireInstalled(): InstalledModel {
    if (this.installed && this.core.current().model !== this.installed.model) this.installed = null;
    if (!this.installed) throw transferError('transfer.notInstalled');
    return this.installed;
  }

  private requireData(): ImageDataset {
    const data = this.core.current().data;
    if (!this.sub || data !== this.sub.subset) throw transferError('transfer.dataReplaced');
    return data;
  }

  private requireIdle(): void {
    if (this.control || this.core.current().training) throw transferError('transfer.trainingRunning');
  }
}

/**
 * The worker's one session, as a Keras `Model` owns its weights, optimizer and `fit`: the model and its
 * graph, the dataset, the optimizer, the job slot (run control), the memory check and the epoch
 * snapshots. Features install into it through named operations (a transfer model, a dataset subset, an
 * uploaded dataset) and read it through getters; a feature that installed something learns through
 * `onReplaced` when someone else replaced it, instead of comparing objects.
 *
 * Lifecycle: empty → built → training ⇄ paused → trained (a new model starts again at built).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { estimateTrainingMemory, type ArchGraph, type GraphInfo } from '../arch/index';
import type { ImageDataset } from '../data/datasetTypes';
import { engineError } from '../messages/index';
import { memoryBudget } from './backends';
import { JobSlot } from './jobSlot';
import { disposeOptimizer, makeOptimizer } from './optimizers';
import type { BackendName, BackendStatus, BuildPlan, CompileSettings, EngineDatasetId, FitSettings } from './protocol';
import type { WeightSnapshot } from './weightSnapshot';
import type { AugmentConfig } from '../augment/config';
import { anyAugmentation, augmentTransform } from './uploads/augmentTransform';

export type SessionPhase = 'empty' | 'built' | 'training' | 'paused' | 'trained';

/** Who installs a model or a dataset: the core's own build/load, or a feature module. */
export type SessionOwner = 'core' | 'transfer' | 'uploads';

/** Sent to `onReplaced` listeners after a model or dataset changed hands (or was rebuilt after a lost device). */
export type Replacement =
  | { what: 'model'; by: SessionOwner; reason: 'installed' | 'disposed' | 'recovered' }
  | { what: 'dataset'; by: SessionOwner; reason: 'installed' | 'restored' };

/** A dataset in the session, with the id it was loaded as. */
export interface SessionDataset {
  id: EngineDatasetId;
  data: ImageDataset;
}

/** The augmentation installed as the session's batch transform, and the seed of its draws. */
export interface BatchAugmentation {
  config: AugmentConfig;
  seed: number;
}

/** Settings of a fit that stopped mid-epoch: its batch norms' moving statistics lag the weights until settled. */
export type StaleBatchNorm = Pick<FitSettings, 'trainLimit' | 'validationSplit' | 'preciseBatchNorm'>;

const MiB = 2 ** 20;

export class Session {
  /** One job at a time: fit, evaluate and every feature's long job. */
  readonly jobs = new JobSlot();
  /** The backend in use (set by the Engine), for the memory check. */
  backend: BackendStatus | null = null;
  private modelEntry: { model: tfl.LayersModel; graph: ArchGraph; owner: SessionOwner; seed: number } | null = null;
  private optimizerEntry: { optimizer: tf.Optimizer; settings: CompileSettings } | null = null;
  private dataset: SessionDataset | null = null;
  /** The full dataset under an installed subset, put back by {@link restoreDataset}. */
  private underlay: SessionDataset | null = null;
  private trained = false;
  private snapshot: WeightSnapshot | null = null;
  private staleBatchNorm: StaleBatchNorm | null = null;
  private augmentation: BatchAugmentation | null = null;
  private readonly listeners = new Set<(r: Replacement) => void>();

  get phase(): SessionPhase {
    if (!this.modelEntry) return 'empty';
    if (this.jobs.running === 'fit' || this.jobs.running === 'transferFit') return this.jobs.paused ? 'paused' : 'training';
    return this.trained ? 'trained' : 'built';
  }

  get model(): tfl.LayersModel | null {
    return this.modelEntry?.model ?? null;
  }

  get graph(): ArchGraph | null {
    return this.modelEntry?.graph ?? null;
  }

  /** Who installed the current model ('core': built here from its graph). */
  get modelOwner(): SessionOwner | null {
    return this.modelEntry?.owner ?? null;
  }

  get seed(): number {
    return this.modelEntry?.seed ?? 0;
  }

  get optimizer(): tf.Optimizer | null {
    return this.optimizerEntry?.optimizer ?? null;
  }

  get compileSettings(): CompileSettings | null {
    return this.optimizerEntry?.settings ?? null;
  }

  get data(): ImageDataset | null {
    return this.dataset?.data ?? null;
  }

  get datasetId(): EngineDatasetId | null {
    return this.dataset?.id ?? null;
  }

  /** The whole dataset: the one under an installed subset, else the current one. */
  get fullDataset(): SessionDataset | null {
    return this.underlay ?? this.dataset;
  }

  /** True while a subset (with the full dataset under it) is installed. */
  get hasSubset(): boolean {
    return this.underlay !== null;
  }

  /** True while a job holds the slot (training, evaluating or a feature's experiment). */
  get busy(): boolean {
    return this.jobs.running !== null;
  }

  /** The last completed epoch's weights (kept off the GPU, for recovery from a lost device). */
  get lastSnapshot(): WeightSnapshot | null {
    return this.snapshot;
  }

  get batchNormStale(): StaleBatchNorm | null {
    return this.staleBatchNorm;
  }

  /** Listens for replacements; returns the unsubscribe. */
  onReplaced(listener: (r: Replacement) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Refuses (before any allocation) when training `graph` at `plan` would not fit the backend's memory.
   * @returns the estimate and the budget, in bytes.
   */
  checkMemory(graph: ArchGraph, info: GraphInfo, plan: BuildPlan): { estimate: number; budget: number } {
    const { estimate, budget, backend } = this.memoryFor(info, plan);
    if (estimate > budget) {
      throw engineError('engine.modelTooLarge', {
        model: graph.name, estimate: (estimate / MiB).toFixed(0), batch: plan.batchSize, optimizer: plan.optimizer, backend, budget: (budget / MiB).toFixed(0),
      });
    }
    return { estimate, budget };
  }

  /** Training memory of a network at `plan` (weights, gradients, optimizer state, activations) and the backend's budget, in bytes. */
  memoryFor(info: GraphInfo, plan: BuildPlan): { estimate: number; budget: number; backend: BackendName } {
    const backend = this.backend?.name ?? 'cpu';
    return { estimate: estimateTrainingMemory(info, plan.batchSize, plan.optimizer).total, budget: memoryBudget(backend), backend };
  }

  /** A model built here from its graph (the core's Build). Disposes the previous model and optimizer. */
  installBuiltModel(model: tfl.LayersModel, graph: ArchGraph, seed: number): void {
    this.install(model, graph, 'core', seed);
  }

  /** A transfer model (a pretrained base + a new head, or a kept model imported again). */
  installTransferModel(model: tfl.LayersModel, graph: ArchGraph, trained = false): void {
    this.install(model, graph, 'transfer', 0);
    this.trained = trained;
  }

  /** After a lost GPU device: the same model rebuilt on the next backend; its owner keeps it (and is told). */
  installRecoveredModel(model: tfl.LayersModel | null): void {
    const entry = this.modelEntry;
    if (!entry) return;
    this.dropOptimizer();
    if (model) this.modelEntry = { ...entry, model };
    else this.modelEntry = null;
    this.emit({ what: 'model', by: entry.owner, reason: 'recovered' });
  }

  /** Replaces the optimizer (Keras' compile): fresh state, the old one's slots disposed. */
  installOptimizer(settings: CompileSettings): void {
    if (!this.modelEntry) throw engineError('engine.needModel');
    this.dropOptimizer();
    this.optimizerEntry = { optimizer: makeOptimizer(settings), settings };
  }

  /** Disposes the model and the optimizer; stops the core's own jobs at their next batch. */
  disposeModel(): void {
    this.jobs.stop('fit', 'evaluate');
    const entry = this.modelEntry;
    entry?.model.dispose();
    this.dropOptimizer();
    this.modelEntry = null;
    this.snapshot = null;
    this.staleBatchNorm = null;
    this.trained = false;
    if (entry) this.emit({ what: 'model', by: entry.owner, reason: 'disposed' });
  }

  /** A dataset loaded or built as a whole (bundled, generated, uploads); any installed subset goes with the old one. */
  installDataset(id: EngineDatasetId, data: ImageDataset, by: SessionOwner = 'core'): void {
    this.dataset = { id, data };
    this.underlay = null;
    this.emit({ what: 'dataset', by, reason: 'installed' });
  }

  /** A subset of `full` (transfer's classes) as the current dataset; {@link restoreDataset} puts `full` back. */
  installSubset(id: EngineDatasetId, subset: ImageDataset, full: ImageDataset, by: SessionOwner): void {
    this.dataset = { id, data: subset };
    this.underlay = { id, data: full };
    this.emit({ what: 'dataset', by, reason: 'installed' });
  }

  /** Puts back the full dataset under an installed subset (nothing to do when none is installed). */
  restoreDataset(by: SessionOwner): void {
    if (!this.underlay) return;
    this.dataset = this.underlay;
    this.underlay = null;
    this.emit({ what: 'dataset', by, reason: 'restored' });
  }

  /**
   * Installs the batch transform the session's training jobs apply to their training batches: the
   * augmentation feature's settings (null or all off removes it). A fit may still pass its own.
   */
  installBatchTransform(augmentation: BatchAugmentation | null): void {
    this.augmentation = augmentation && anyAugmentation(augmentation.config) ? augmentation : null;
  }

  /** The installed augmentation, or null. */
  get batchAugmentation(): BatchAugmentation | null {
    return this.augmentation;
  }

  /**
   * The transform a fit applies, x [N, H, W, C] → the same shape: its own `augment` when it passes one,
   * else the installed one; undefined for none. `trainCount` = the run's training images of `data`
   * (PCA colour statistics are computed over them), `channels` = the network's input channels.
   */
  batchTransformFor(settings: Pick<FitSettings, 'augment' | 'augmentSeed' | 'seed'>, data: ImageDataset, trainCount: number, channels: number): ((x: tf.Tensor4D, step: number) => tf.Tensor4D) | undefined {
    const own = settings.augment !== undefined ? { config: settings.augment, seed: settings.augmentSeed ?? settings.seed } : this.augmentation;
    return own ? augmentTransform(own.config, own.seed, data, trainCount, channels) : undefined;
  }

  /** Records how a fit of the current model ended: whether its batch norms lag its weights, and whether it trained at all. */
  recordFit(stale: StaleBatchNorm | null, trainedSomething: boolean): void {
    this.staleBatchNorm = stale;
    if (trainedSomething) this.trained = true;
  }

  /** Keeps a completed epoch's weights (during a fit). */
  recordSnapshot(snapshot: WeightSnapshot): void {
    this.snapshot = snapshot;
  }

  /** Takes the stale batch-norm settings (once): the caller settles them. */
  takeStaleBatchNorm(): StaleBatchNorm | null {
    const stale = this.staleBatchNorm;
    this.staleBatchNorm = null;
    return stale;
  }

  private install(model: tfl.LayersModel, graph: ArchGraph, owner: SessionOwner, seed: number): void {
    const old = this.modelEntry?.model;
    if (old && old !== model) old.dispose();
    this.dropOptimizer();
    this.modelEntry = { model, graph, owner, seed };
    this.snapshot = null;
    this.staleBatchNorm = null;
    this.trained = false;
    this.emit({ what: 'model', by: owner, reason: 'installed' });
  }

  private dropOptimizer(): void {
    try {
      disposeOptimizer(this.optimizerEntry?.optimizer ?? null);
    } catch {
      // After a lost device its variables went with it.
    }
    this.optimizerEntry = null;
  }

  private emit(r: Replacement): void {
    for (const listener of this.listeners) listener(r);
  }
}

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { estimateTrainingMemory, formatShape, inferGraph, type ArchGraph } from '../arch/index';
import { generateColorShapes } from '../data/colorShapes';
import type { ImageDataset } from '../data/datasetTypes';
import { engineError, message, type EngineMessageCode } from '../messages/index';
import { buildModel, countParams, rebuildArchitecture } from '../model/index';
import { activateBackend, memoryBudget, probeGpu, type GpuProbe, type WasmStarter } from './backends';
import { describeAdaptation } from '../data/adaptInput';
import { adaptBatch } from './batches';
import { covers, loadBundled } from './bundledData';
import { evaluateModel } from './evaluate';
import { fitLoop, settleAfterStop, splitIndices } from './fitLoop';
import type {
  BackendRequest, BackendStatus, BuildResult, CompileSettings, DatasetInfo, EngineApi, EngineDatasetId, InitOptions,
  EvaluateResult, FitResult, FitSettings, Prediction, SampleImage, TrainEvent,
} from './protocol';
import { RunControl } from './runControl';
import { augmentTransform } from './uploads/augmentTransform';
import { predictMain } from './trainStep';
import { restoreWeights, type WeightSnapshot } from './weightSnapshot';
import { disposeOptimizer, makeOptimizer } from './optimizers';

/** Why training is held off: one of the engine catalogue's `engine.busy…` messages. */
export type BusyCode = Extract<EngineMessageCode, `engine.busy${string}`>;

type Shape3 = [number, number, number];

/** The colour-shapes dataset is generated, not downloaded: these sizes and seed make it reproducible. */
export const SHAPES_SPEC = { seed: 2024, trainCount: 6000, testCount: 1200, size: 32 } as const;

/** Settings the memory check needs at build time. */
export interface BuildPlan {
  batchSize: number;
  optimizer: CompileSettings['optimizer'];
}

const MiB = 2 ** 20;

/**
 * Owns the model, the optimizer, the dataset and every tensor. Runs inside the worker (see
 * engine.worker.ts) and, for unit tests, directly in Node on the CPU backend.
 */
export class Engine implements EngineApi {
  private backendStatus: BackendStatus | null = null;
  private probe: GpuProbe | null = null;
  private data: ImageDataset | null = null;
  private datasetId: EngineDatasetId | null = null;
  private graph: ArchGraph | null = null;
  private model: tfl.LayersModel | null = null;
  private optimizer: tf.Optimizer | null = null;
  private compileSettings: CompileSettings | null = null;
  /** Set when a fit stopped mid-epoch: batch norms' moving statistics lag the weights until settled. */
  private batchNormStale: Pick<FitSettings, 'trainLimit' | 'validationSplit' | 'preciseBatchNorm'> | null = null;
  private control: RunControl | null = null;
  /** True while `control` belongs to an evaluation, not a fit. */
  private evaluating = false;
  private lastSnapshot: WeightSnapshot | null = null;
  /** True when the model came from `setModel` (not built here from the arch graph): recovery rebuilds it from its own topology. */
  private modelInstalled = false;
  private seed = 0;
  /** Datasets built on request by feature modules (e.g. 'uploads'); never cached, as they change. */
  private readonly datasetProviders = new Map<EngineDatasetId, () => Promise<ImageDataset>>();
  /** Why training is held off while a feature module runs a long job of its own (see {@link claim}). */
  private claimedBy: BusyCode | null = null;
  /** The backend activation in flight (see {@link ready}). */
  private starting: Promise<BackendStatus> | null = null;

  /**
   * @param wasmTrains whether our wasm training kernels are registered
   * @param wasmStarter how the wasm backend gets its threads (the worker's; none in Node)
   */
  constructor(
    private readonly wasmTrains: () => boolean = () => false,
    private readonly wasmStarter: (options: InitOptions) => WasmStarter | undefined = () => undefined,
  ) {}

  async init(request: BackendRequest, options: InitOptions = {}): Promise<BackendStatus> {
    const starting = (async () => {
      this.probe ??= await probeGpu();
      this.disposeAll();
      this.backendStatus = null;
      this.backendStatus = await activateBackend(request, this.probe, this.wasmTrains(), this.wasmStarter(options));
      return this.backendStatus;
    })();
    this.starting = starting;
    try {
      return await starting;
    } finally {
      if (this.starting === starting) this.starting = null;
    }
  }

  /**
   * Resolves when no backend is starting. Feature modules await it before their first tfjs call: a
   * button pressed while the page is still starting the backend must not run on none (tfjs then throws
   * "backend 'webgpu' has not yet been initialized").
   */
  async ready(): Promise<void> {
    while (this.starting) await this.starting.catch(() => undefined);
  }

  async loadDataset(id: EngineDatasetId, baseUrl: string, onProgress: (loaded: number, total: number) => void, trainLimit = 0): Promise<DatasetInfo> {
    const provider = this.datasetProviders.get(id);
    if (provider) {
      this.data = null;
      this.data = await provider();
      this.datasetId = id;
      onProgress(1, 1);
    } else if (id === 'uploads') {
      throw engineError('engine.uploadsUnavailable');
    } else if (this.datasetId !== id || !this.data || !covers(this.data, trainLimit)) {
      const have = this.datasetId === id && this.data ? this.data : undefined;
      this.data = null;
      try {
        this.data = id === 'shapes' ? generateColorShapes(SHAPES_SPEC) : await loadBundled(id, baseUrl, onProgress, trainLimit, have);
      } catch (e) {
        this.data = have ?? null; // a failed extension (offline) keeps the prefix already loaded
        throw e;
      }
      if (id === 'shapes') onProgress(1, 1);
      this.datasetId = id;
    } else onProgress(1, 1);
    const d = this.data;
    return { id, name: d.name, imageShape: [...d.imageShape] as Shape3, classNames: [...d.classNames], trainCount: d.train.count, testCount: d.test.count };
  }

  /** Builds the model, refusing before any allocation when training would not fit in memory. */
  async build(graph: ArchGraph, seed: number, plan: BuildPlan = { batchSize: 64, optimizer: 'adam' }): Promise<BuildResult> {
    const info = inferGraph(graph);
    const backend = this.backendStatus?.name ?? 'cpu';
    const estimate = estimateTrainingMemory(info, plan.batchSize, plan.optimizer).total;
    const budget = memoryBudget(backend);
    if (estimate > budget) {
      throw engineError('engine.modelTooLarge', {
        model: graph.name, estimate: (estimate / MiB).toFixed(0), batch: plan.batchSize, optimizer: plan.optimizer, backend, budget: (budget / MiB).toFixed(0),
      });
    }
    const input = info.inputShape as Shape3;
    const classes = info.outputShape[0] ?? 0;
    const from = this.data ? ([...this.data.imageShape] as Shape3) : input;
    // Refuses (e.g. 2-channel inputs) before the current model is replaced.
    const adaptation = describeAdaptation(from, input);
    this.disposeModel();
    this.graph = graph;
    this.seed = seed;
    this.model = buildModel(graph, { seed });
    const counts = countParams(this.model);
    return {
      name: graph.name, inputShape: input, classes,
      totalParams: counts.total, trainableParams: counts.trainable, nonTrainableParams: counts.nonTrainable,
      adaptation, memoryEstimate: estimate, memoryBudget: budget,
    };
  }

  async compile(settings: CompileSettings): Promise<void> {
    if (!this.model) throw engineError('engine.needModel');
    disposeOptimizer(this.optimizer);
    this.optimizer = makeOptimizer(settings);
    this.compileSettings = settings;
  }

  async fit(settings: FitSettings, onEvent: (e: TrainEvent) => void): Promise<FitResult> {
    const { model, optimizer, data, graph } = this.requireReady();
    if (this.control) throw engineError(this.evaluating ? 'engine.evaluating' : 'engine.trainingRunning');
    if (this.claimedBy) throw engineError(this.claimedBy);
    const info = inferGraph(graph);
    this.control = new RunControl();
    const compiled = this.compileSettings;
    try {
      const { batchNormStale, ...result } = await fitLoop({
        model, optimizer, data, graph,
        input: info.inputShape as Shape3,
        classes: info.outputShape[0],
        lossWeights: graph.outputs.map((o) => o.lossWeight),
        settings, control: this.control, onEvent,
        onSnapshot: (s) => (this.lastSnapshot = s),
        transformBatch: augmentTransform(settings.augment, settings.augmentSeed ?? settings.seed, data, splitIndices(data.train.count, settings).train, info.inputShape[2]),
        schedule: compiled?.schedule && compiled.schedule !== 'constant' ? { kind: compiled.schedule, base: compiled.learningRate } : undefined,
      });
      this.batchNormStale = batchNormStale ? settings : null;
      if (result.end === 'device-lost') await this.recoverFromLostDevice();
      return { ...result, tensorsAfter: tf.memory().numTensors };
    } finally {
      this.control = null;
    }
  }

  /**
   * After a lost GPU device: move to the next backend and rebuild the model with the last epoch's
   * weights. A model built here comes back from its arch graph; one installed with `setModel` (a transfer
   * model) from its own topology, so its layers, names and frozen layers stay as they were. Feature
   * modules that train the current model themselves (transfer) pass their own last snapshot.
   * @returns the rebuilt model, now the current one (null when there was none).
   */
  async recoverFromLostDevice(snapshot: WeightSnapshot | null = this.lastSnapshot): Promise<tfl.LayersModel | null> {
    const lost = this.backendStatus?.name;
    const graph = this.graph;
    const old = this.model;
    const installed = this.modelInstalled;
    this.model = null;
    try {
      disposeOptimizer(this.optimizer);
    } catch {
      // Its variables went with the device.
    }
    this.optimizer = null;
    const next = this.backendStatus?.available.find((b) => b !== lost && b !== 'webgpu' && b !== 'webgl') ?? 'cpu';
    // Feature modules' ready() waits for this switch as for init().
    const switching = (async () => {
      const status = await activateBackend(next, this.probe ?? (await probeGpu()), this.wasmTrains(), this.wasmStarter({}));
      return { ...status, reason: message('backend.deviceLost', { lost: lost ?? 'GPU', name: status.name }) };
    })();
    this.starting = switching;
    try {
      this.backendStatus = await switching;
    } finally {
      if (this.starting === switching) this.starting = null;
    }
    if (old && installed) this.model = await rebuildArchitecture(old);
    else if (graph) this.model = buildModel(graph, { seed: this.seed });
    if (this.model && snapshot) restoreWeights(this.model, snapshot);
    try {
      old?.dispose();
    } catch {
      // Its variables went with the device.
    }
    return this.model;
  }

  /** The backend in use, without re-initialising (which would dispose the model), e.g. after a recovery. */
  async currentBackend(): Promise<BackendStatus | null> {
    return this.backendStatus;
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

  /**
   * Evaluates on the first `limit` test images (0 = all) as a job of its own: `onProgress` after every
   * batch of 256, and `stop()` cancels it at the next batch (rejecting with `engine.evaluationCancelled`).
   */
  async evaluate(limit: number, onProgress?: (done: number, total: number) => void): Promise<EvaluateResult> {
    const { model, data, graph } = this.requireModel();
    if (this.control) throw engineError(this.evaluating ? 'engine.evaluating' : 'engine.trainingRunning');
    if (this.claimedBy) throw engineError(this.claimedBy);
    const info = inferGraph(graph);
    const control = new RunControl();
    this.control = control;
    this.evaluating = true;
    try {
      await this.settleBatchNorm();
      return await evaluateModel(model, data, info.inputShape as Shape3, info.outputShape[0], limit, 256, { control, onProgress });
    } finally {
      this.control = null;
      this.evaluating = false;
    }
  }

  async predict(image: { pixels: Uint8Array | Float32Array; shape: Shape3; label?: number }, k: number): Promise<Prediction> {
    const { model, data, graph } = this.requireModel();
    const info = inferGraph(graph);
    const input = info.inputShape as Shape3;
    const [h, w, c] = image.shape;
    if (image.pixels.length !== h * w * c) throw engineError('engine.imageSize', { count: image.pixels.length, shape: formatShape(image.shape) });
    await this.settleBatchNorm();
    const floats = image.pixels instanceof Float32Array ? image.pixels : Float32Array.from(image.pixels, (v) => v / 255);
    const probs = tf.tidy(() => {
      const raw = tf.tensor4d(floats, [1, h, w, c]);
      // An upload or drawing is first brought to the dataset's H×W (as the network was trained), then adapted.
      const sized = h === data.imageShape[0] && w === data.imageShape[1] ? raw : tf.image.resizeBilinear(raw, [data.imageShape[0], data.imageShape[1]], false, true);
      return predictMain(model, adaptBatch(sized, input));
    });
    try {
      const p = await probs.data();
      const top = Array.from(p, (probability, index) => ({ index, probability, name: data.classNames[index] ?? `class ${index}` }))
        .sort((a, b) => b.probability - a.probability)
        .slice(0, k);
      return { top, label: image.label ?? null };
    } finally {
      probs.dispose();
    }
  }

  async sample(index: number): Promise<SampleImage> {
    const data = this.data;
    if (!data) throw engineError('engine.needDataset');
    const i = ((index % data.test.count) + data.test.count) % data.test.count;
    const size = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
    return { index: i, label: data.test.labels[i], shape: [...data.imageShape] as Shape3, pixels: data.test.images.slice(i * size, (i + 1) * size) };
  }

  /**
   * The live model, its graph and the dataset, for feature modules in the worker (inspection, transfer,
   * uploads). Not part of the UI protocol: tensors never cross the thread boundary.
   */
  current(): { model: tfl.LayersModel | null; graph: ArchGraph | null; data: ImageDataset | null; datasetId: EngineDatasetId | null; backend: BackendStatus | null; training: boolean } {
    return { model: this.model, graph: this.graph, data: this.data, datasetId: this.datasetId, backend: this.backendStatus, training: this.control !== null };
  }

  /** Registers a dataset a feature module builds on request (e.g. 'uploads'); `loadDataset(id)` calls it every time. */
  provideDataset(id: EngineDatasetId, build: () => Promise<ImageDataset>): void {
    this.datasetProviders.set(id, build);
  }

  /** Installs a dataset made in the worker (e.g. from uploads) as the current one. */
  setDataset(id: EngineDatasetId, data: ImageDataset): void {
    this.data = data;
    this.datasetId = id;
  }

  /** Replaces the current model (disposing the old one), e.g. with a pretrained base and a new head. */
  setModel(model: tfl.LayersModel, graph: ArchGraph): void {
    if (this.model !== model) this.model?.dispose();
    disposeOptimizer(this.optimizer);
    this.optimizer = null;
    this.model = model;
    this.graph = graph;
    this.lastSnapshot = null;
    this.modelInstalled = true;
    this.batchNormStale = null;
  }

  /**
   * Holds training off while a feature module runs its own long job in this worker (e.g. the depth
   * experiment): until the returned release is called, `fit` refuses with `reason`.
   */
  claim(reason: BusyCode): () => void {
    if (this.claimedBy) throw engineError(this.claimedBy);
    this.claimedBy = reason;
    return () => {
      if (this.claimedBy === reason) this.claimedBy = null;
    };
  }

  async numTensors(): Promise<number> {
    return tf.memory().numTensors;
  }

  async disposeModel(): Promise<void> {
    this.control?.stop();
    this.model?.dispose();
    disposeOptimizer(this.optimizer);
    this.model = null;
    this.optimizer = null;
    this.lastSnapshot = null;
    this.modelInstalled = false;
    this.batchNormStale = null;
  }

  /**
   * After a run stopped mid-epoch, sets the batch norms' statistics to their exact values over the run's
   * training images, once, before the model is used in inference mode (evaluate, predict).
   */
  private async settleBatchNorm(): Promise<void> {
    const stale = this.batchNormStale;
    if (!stale || !this.model || !this.graph || !this.data) return;
    this.batchNormStale = null;
    const info = inferGraph(this.graph);
    await settleAfterStop(this.model, this.graph, this.data, info.inputShape as Shape3, info.outputShape[0], stale);
  }

  private disposeAll(): void {
    void this.disposeModel();
  }

  private requireModel(): { model: tfl.LayersModel; data: ImageDataset; graph: ArchGraph } {
    if (!this.model || !this.graph) throw engineError('engine.needModel');
    if (!this.data) throw engineError('engine.needDataset');
    return { model: this.model, data: this.data, graph: this.graph };
  }

  private requireReady(): { model: tfl.LayersModel; optimizer: tf.Optimizer; data: ImageDataset; graph: ArchGraph } {
    const m = this.requireModel();
    if (!this.optimizer) throw engineError('engine.needCompile');
    return { ...m, optimizer: this.optimizer };
  }
}

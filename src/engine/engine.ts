import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { formatShape, inferGraph, type ArchGraph } from '../arch/index';
import { generateColorShapes } from '../data/colorShapes';
import type { ImageDataset } from '../data/datasetTypes';
import { engineError, message } from '../messages/index';
import { buildModel, countParams, rebuildArchitecture } from '../model/index';
import { activateBackend, probeGpu, type GpuProbe, type WasmStarter } from './backends';
import { describeAdaptation } from '../data/adaptInput';
import { adaptBatch } from './batches';
import { covers, loadBundled } from './bundledData';
import { evaluationJob } from './evaluate';
import { fitLoop, settleAfterStop, splitIndices, type TrainStepFn } from './fitLoop';
import { batchShares, DataParallel, type ReplicaEndpoint } from './parallel/dataParallel';
import type {
  BackendRequest, BackendStatus, BuildPlan, BuildResult, CompileSettings, DatasetInfo, EngineApi, EngineDatasetId, InitOptions,
  EvaluateResult, FitResult, FitSettings, Prediction, SampleImage, TrainEvent,
} from './protocol';
import { Session, type SessionDataset } from './session';
import type { AugmentConfig } from '../augment/config';
import { predictMain } from './trainStep';
import { restoreWeights, type WeightSnapshot } from './weightSnapshot';

export type { BusyCode } from './jobSlot';
export type { BuildPlan } from './protocol';

type Shape3 = [number, number, number];

/** The colour-shapes dataset is generated, not downloaded: these sizes and seed make it reproducible. */
export const SHAPES_SPEC = { seed: 2024, trainCount: 6000, testCount: 1200, size: 32 } as const;

const info = (id: EngineDatasetId, d: ImageDataset): DatasetInfo => ({
  id, name: d.name, imageShape: [...d.imageShape] as Shape3, classNames: [...d.classNames], trainCount: d.train.count, testCount: d.test.count,
});

/**
 * The core Keras workflow (load, build, compile, fit, evaluate, predict) over the worker's one
 * {@link Session}, plus the backend: which one runs, and the switch after a lost GPU device. Runs
 * inside the worker (see engine.worker.ts) and, for unit tests, directly in Node on the CPU backend.
 * Feature modules share its session (`engine.session`) and install into it.
 */
export class Engine implements EngineApi {
  /** The model, its data, optimizer, job slot and snapshots: shared with every feature module of this worker. */
  readonly session = new Session();
  private probe: GpuProbe | null = null;
  /** Datasets built on request by feature modules (e.g. 'uploads'); never cached, as they change. */
  private readonly datasetProviders = new Map<EngineDatasetId, () => Promise<ImageDataset>>();
  /** The backend activation in flight (see {@link ready}). */
  private starting: Promise<BackendStatus> | null = null;

  /**
   * @param wasmTrains whether our wasm training kernels are registered
   * @param wasmStarter how the wasm backend gets its threads (the worker's; none in Node)
   * @param startReplicas starts data-parallel replica workers (the worker's; none in Node)
   */
  constructor(
    private readonly wasmTrains: () => boolean = () => false,
    private readonly wasmStarter: (options: InitOptions) => WasmStarter | undefined = () => undefined,
    private readonly startReplicas: (count: number) => ReplicaEndpoint[] = () => [],
  ) {}

  /** The data-parallel replicas, started at the first fit that can use them (kept across runs). */
  private parallel: DataParallel | null = null;
  /** Why data-parallel training could not start (then every fit trains in this worker alone). */
  private parallelFailed: string | null = null;

  /**
   * The training step for a fit of `model`: data-parallel over the backend's workers when it has more
   * than one (WASM on a multi-core, isolated page) and a batch carries enough work to split (see
   * batchShares), with every replica given a fresh copy of the model; else undefined (fitLoop's own step). A replica that fails to start leaves training to this worker.
   */
  async parallelStep(model: tfl.LayersModel, macsPerExample: number, batchSize: number): Promise<TrainStepFn | undefined> {
    const workers = this.session.backend?.name === 'wasm' ? this.session.backend.workers ?? 1 : 1;
    if (workers < 2 || this.parallelFailed !== null || batchShares(batchSize, workers, macsPerExample).length < 2) return undefined;
    try {
      if (!this.parallel) {
        const parallel = new DataParallel(this.startReplicas(workers - 1));
        if (parallel.workers < 2) return undefined;
        this.parallel = parallel;
        await parallel.start();
      }
      await this.parallel.attach(model, macsPerExample);
    } catch (error) {
      this.parallelFailed = error instanceof Error ? error.message : String(error);
      console.warn('data-parallel training unavailable, training in one worker:', this.parallelFailed);
      this.parallel?.terminate();
      this.parallel = null;
      return undefined;
    }
    const parallel = this.parallel;
    return (m, o, x, y, w) => parallel.step(m, o, x, y, w);
  }

  async init(request: BackendRequest, options: InitOptions = {}): Promise<BackendStatus> {
    const starting = (async () => {
      this.probe ??= await probeGpu();
      this.session.disposeModel();
      this.session.backend = null;
      this.session.backend = await activateBackend(request, this.probe, this.wasmTrains(), this.wasmStarter(options));
      return this.session.backend;
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
    const current = this.session.data;
    if (!this.datasetProviders.has(id) && this.session.datasetId === id && current && covers(current, trainLimit)) {
      onProgress(1, 1);
      return info(id, current);
    }
    const data = await this.fetchDataset(id, baseUrl, onProgress, trainLimit, this.session.fullDataset);
    this.session.installDataset(id, data);
    return info(id, data);
  }

  /**
   * The whole dataset `id` (reused or loaded), for a feature that derives its own data from it (transfer's
   * class subsets). It becomes the session's dataset, as `loadDataset` would make it, unless a subset is
   * installed: that one stays.
   */
  async wholeDataset(id: EngineDatasetId, baseUrl: string, onProgress: (loaded: number, total: number) => void): Promise<ImageDataset> {
    const full = this.session.fullDataset;
    const data = await this.fetchDataset(id, baseUrl, onProgress, 0, full);
    if (data !== full?.data && !this.session.hasSubset) this.session.installDataset(id, data);
    return data;
  }

  /** Builds the model, refusing before any allocation when training would not fit in memory. */
  async build(graph: ArchGraph, seed: number, plan: BuildPlan = { batchSize: 64, optimizer: 'adam' }): Promise<BuildResult> {
    const graphInfo = inferGraph(graph);
    const { estimate, budget } = this.session.checkMemory(graph, graphInfo, plan);
    const input = graphInfo.inputShape as Shape3;
    const classes = graphInfo.outputShape[0] ?? 0;
    const data = this.session.data;
    const from = data ? ([...data.imageShape] as Shape3) : input;
    // Refuses (e.g. 2-channel inputs) before the current model is replaced.
    const adaptation = describeAdaptation(from, input);
    this.session.disposeModel();
    const model = buildModel(graph, { seed });
    this.session.installBuiltModel(model, graph, seed);
    const counts = countParams(model);
    return {
      name: graph.name, inputShape: input, classes,
      totalParams: counts.total, trainableParams: counts.trainable, nonTrainableParams: counts.nonTrainable,
      adaptation, memoryEstimate: estimate, memoryBudget: budget,
    };
  }

  async compile(settings: CompileSettings): Promise<void> {
    this.session.installOptimizer(settings);
  }

  async setAugmentation(config: AugmentConfig | null, seed: number): Promise<void> {
    this.session.installBatchTransform(config ? { config, seed } : null);
  }

  /** Trains the session's model as the session's job 'fit' (refused while another job runs). */
  async fit(settings: FitSettings, onEvent: (e: TrainEvent) => void): Promise<FitResult> {
    const { model, data, graph } = this.requireModel();
    const optimizer = this.session.optimizer;
    if (!optimizer) throw engineError('engine.needCompile');
    return this.session.jobs.run('fit', async (control) => {
      const graphInfo = inferGraph(graph);
      const compiled = this.session.compileSettings;
      const step = await this.parallelStep(model, graphInfo.macs, settings.batchSize);
      const { batchNormStale, ...result } = await fitLoop({
        model, optimizer, data, graph, step,
        input: graphInfo.inputShape as Shape3,
        classes: graphInfo.outputShape[0],
        lossWeights: graph.outputs.map((o) => o.lossWeight),
        settings, control, onEvent,
        onSnapshot: (s) => this.session.recordSnapshot(s),
        transformBatch: this.session.batchTransformFor(settings, data, splitIndices(data.train.count, settings).train, graphInfo.inputShape[2]),
        schedule: compiled?.schedule && compiled.schedule !== 'constant' ? { kind: compiled.schedule, base: compiled.learningRate } : undefined,
      });
      this.session.recordFit(batchNormStale ? settings : null, result.epochsCompleted > 0 || result.end === 'stopped');
      if (result.end === 'device-lost') await this.recoverFromLostDevice();
      return { ...result, tensorsAfter: tf.memory().numTensors };
    });
  }

  /**
   * After a lost GPU device: move to the next backend and rebuild the model with the last epoch's
   * weights. A model built here comes back from its arch graph; one a feature installed (a transfer
   * model) from its own topology, so its layers, names and frozen layers stay as they were. Feature
   * modules that train the session's model themselves (transfer) pass their own last snapshot.
   * @returns the rebuilt model, now the session's (null when there was none).
   */
  async recoverFromLostDevice(snapshot: WeightSnapshot | null = this.session.lastSnapshot): Promise<tfl.LayersModel | null> {
    const lost = this.session.backend?.name;
    const { graph, model: old, modelOwner, seed } = this.session;
    const next = this.session.backend?.available.find((b) => b !== lost && b !== 'webgpu' && b !== 'webgl') ?? 'cpu';
    // Feature modules' ready() waits for this switch as for init().
    const switching = (async () => {
      const status = await activateBackend(next, this.probe ?? (await probeGpu()), this.wasmTrains(), this.wasmStarter({}));
      return { ...status, reason: message('backend.deviceLost', { lost: lost ?? 'GPU', name: status.name }) };
    })();
    this.starting = switching;
    try {
      this.session.backend = await switching;
    } finally {
      if (this.starting === switching) this.starting = null;
    }
    let model: tfl.LayersModel | null = null;
    if (old && modelOwner !== 'core') model = await rebuildArchitecture(old);
    else if (graph) model = buildModel(graph, { seed });
    if (model && snapshot) restoreWeights(model, snapshot);
    try {
      old?.dispose();
    } catch {
      // Its variables went with the device.
    }
    this.session.installRecoveredModel(model);
    return model;
  }

  /** The backend in use, without re-initialising (which would dispose the model), e.g. after a recovery. */
  async currentBackend(): Promise<BackendStatus | null> {
    return this.session.backend;
  }

  /**
   * The session's model trains in one job whichever feature built it ('fit' for a model built here,
   * 'transferFit' for an installed transfer model), and is evaluated in 'evaluate': Pause, Resume and
   * Stop act on whichever of them runs, so the UI has one set of run controls.
   */
  private static readonly MODEL_JOBS = ['fit', 'transferFit', 'evaluate'] as const;

  async pause(): Promise<void> {
    this.session.jobs.pause(...Engine.MODEL_JOBS);
  }

  async resume(): Promise<void> {
    this.session.jobs.resume(...Engine.MODEL_JOBS);
  }

  /** Stops the session model's running job (its fit, a transfer fit, or its evaluation) at the next batch. */
  async stop(): Promise<void> {
    this.session.jobs.stop(...Engine.MODEL_JOBS);
  }

  /**
   * Evaluates on the first `limit` test images (0 = all) as the session's job 'evaluate': `onProgress`
   * after every batch of 256, and `stop()` cancels it at the next batch (rejecting with `engine.evaluationCancelled`).
   */
  async evaluate(limit: number, onProgress?: (done: number, total: number) => void): Promise<EvaluateResult> {
    const { model, data, graph } = this.requireModel();
    const graphInfo = inferGraph(graph);
    return this.session.jobs.start(
      evaluationJob,
      { model, data, input: graphInfo.inputShape as Shape3, classes: graphInfo.outputShape[0], limit, before: () => this.settleBatchNorm() },
      (p) => onProgress?.(p.done, p.total),
    );
  }

  async predict(image: { pixels: Uint8Array | Float32Array; shape: Shape3; label?: number }, k: number): Promise<Prediction> {
    const { model, data, graph } = this.requireModel();
    const input = inferGraph(graph).inputShape as Shape3;
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
    const data = this.session.data;
    if (!data) throw engineError('engine.needDataset');
    const i = ((index % data.test.count) + data.test.count) % data.test.count;
    const size = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
    return { index: i, label: data.test.labels[i], shape: [...data.imageShape] as Shape3, pixels: data.test.images.slice(i * size, (i + 1) * size) };
  }

  /** Registers a dataset a feature module builds on request (e.g. 'uploads'); `loadDataset(id)` calls it every time. */
  provideDataset(id: EngineDatasetId, build: () => Promise<ImageDataset>): void {
    this.datasetProviders.set(id, build);
  }

  async numTensors(): Promise<number> {
    return tf.memory().numTensors;
  }

  async disposeModel(): Promise<void> {
    this.session.disposeModel();
  }

  /** A dataset by id: a feature's provider, the reusable `have` (same id, enough examples), or loaded (extending `have`). */
  private async fetchDataset(id: EngineDatasetId, baseUrl: string, onProgress: (loaded: number, total: number) => void, trainLimit: number, have: SessionDataset | null): Promise<ImageDataset> {
    const provider = this.datasetProviders.get(id);
    if (provider) {
      const data = await provider();
      onProgress(1, 1);
      return data;
    }
    if (id === 'uploads') throw engineError('engine.uploadsUnavailable');
    const prefix = have?.id === id ? have.data : undefined;
    if (prefix && covers(prefix, trainLimit)) {
      onProgress(1, 1);
      return prefix;
    }
    if (id !== 'shapes') return loadBundled(id, baseUrl, onProgress, trainLimit, prefix);
    const data = generateColorShapes(SHAPES_SPEC);
    onProgress(1, 1);
    return data;
  }

  /**
   * After a run stopped mid-epoch, sets the batch norms' statistics to their exact values over the run's
   * training images, once, before the model is used in inference mode (evaluate, predict).
   */
  private async settleBatchNorm(): Promise<void> {
    const { model, graph, data } = this.session;
    if (!this.session.batchNormStale || !model || !graph || !data) return;
    const stale = this.session.takeStaleBatchNorm();
    if (!stale) return;
    const graphInfo = inferGraph(graph);
    await settleAfterStop(model, graph, data, graphInfo.inputShape as Shape3, graphInfo.outputShape[0], stale);
  }

  private requireModel(): { model: tfl.LayersModel; data: ImageDataset; graph: ArchGraph } {
    const { model, graph, data } = this.session;
    if (!model || !graph) throw engineError('engine.needModel');
    if (!data) throw engineError('engine.needDataset');
    return { model, data, graph };
  }
}

/**
 * Our engine as the app uses it: the real training worker (src/engine/engine.worker.ts) started by
 * `startEngine()`, driven through Comlink, every batch event crossing back to this page. The timings
 * come from the worker's own clock (each batchEnd carries seen / elapsed), so message latency to the
 * page does not blur them; the page's main thread is watched meanwhile.
 */
import { buildArch } from '../../../src/arch/index';
import { recommendedAugmentConfig, recommendedDigitAugmentConfig, type AugmentConfig } from '../../../src/augment/config';
import { callback, startEngine, type EngineClient } from '../../../src/engine/client';
import { sayMessage } from '../../../src/messages/index';
import type { BackendStatus, FitResult, FitSettings, InitOptions, TrainEvent } from '../../../src/engine/protocol';
import {
  BENCH_MODELS, LEAK_CHECK_BATCH, type AugmentOutcome, type AugmentSpec, type BenchBackend, type BenchModelId, type CaseOutcome, type CaseSpec,
  type MainThreadStats, type ThreadsOutcome, type ThreadsSpec, type Throughput, type TrainSpec,
} from '../schema';
import { MainThreadMonitor, sleep, throughputOf, timedThroughput, type BatchMark } from './timing';

const noop = callback(() => undefined);

/** The recipes of src/augment/config.ts: glyphs (no mirroring) and natural images (mirror, crop, PCA colour). */
export const AUGMENT_RECIPES: Readonly<Record<AugmentSpec['recipe'], AugmentConfig>> = {
  digits: recommendedDigitAugmentConfig,
  natural: recommendedAugmentConfig,
};

function ensure(r: FitResult): void {
  if (r.end !== 'completed' && r.end !== 'stopped') throw new Error(r.message ?? `fit ended: ${r.end}`);
}

/**
 * Starts an engine worker on `backend` with the model built and compiled, runs `job`, and always
 * terminates the worker.
 * @throws Error when the backend does not start (the engine would fall back to another one)
 */
async function withEngine<R>(
  backend: BenchBackend, model: BenchModelId, spec: TrainSpec, dataBaseUrl: string,
  job: (engine: EngineClient, status: BackendStatus, trainCount: number) => Promise<R>,
  init: InitOptions = {},
): Promise<R> {
  const def = BENCH_MODELS[model];
  const graph = buildArch(def.arch, { input: def.input, classes: def.classes, width: def.width });
  const { worker, terminate } = startEngine();
  const engine = worker.core;
  try {
    const status = await engine.init(backend, init);
    if (status.name !== backend) throw new Error(`${backend} did not start; the engine fell back to ${status.name} (${status.reason})`);
    const info = await engine.loadDataset(def.dataset, dataBaseUrl, noop, spec.trainExamples);
    await engine.build(graph, spec.seed, { batchSize: spec.batchSize, optimizer: 'adam' });
    await engine.compile({ optimizer: 'adam', learningRate: spec.learningRate, momentum: 0, loss: 'categoricalCrossentropy' });
    return await job(engine, status, info.trainCount);
  } finally {
    terminate();
  }
}

/** One epoch over the first `n` examples, stopped at the time box; its throughput and the main thread meanwhile. */
async function timedFit(engine: EngineClient, spec: TrainSpec, n: number, extra: Partial<FitSettings> = {}): Promise<{ result: FitResult; train: Throughput; lastLoss: number; mainThread: MainThreadStats }> {
  const marks: BatchMark[] = [];
  const monitor = new MainThreadMonitor();
  let stopRequested = false;
  const t0 = performance.now();
  monitor.start();
  // preciseBatchNorm 0: the timed epoch is training alone; the engine's batch-norm recount after an epoch
  // (forward passes over up to 512 images) is a phase of its own, and the leak check still runs it.
  const settings: FitSettings = { epochs: 1, batchSize: spec.batchSize, validationSplit: 0, shuffle: true, seed: spec.seed, trainLimit: n, preciseBatchNorm: 0, ...extra };
  const result = await engine.fit(settings, callback((e: TrainEvent) => {
    if (e.type !== 'batchEnd') return;
    const examples = Math.min(n, (e.batch + 1) * spec.batchSize);
    marks.push({ examples, sec: examples / e.examplesPerSec, loss: e.loss });
    if (!stopRequested && performance.now() - t0 > spec.timeBoxSec * 1000) {
      stopRequested = true;
      void engine.stop();
    }
  }));
  await sleep(50); // callbacks travel on their own MessagePort: let the last ones land
  const mainThread = monitor.stop();
  ensure(result);
  marks.sort((a, b) => a.examples - b.examples);
  return { result, train: timedThroughput(marks), lastLoss: marks.at(-1)?.loss ?? Number.NaN, mainThread };
}

/** Trains, checks tensors and times inference for one model on one backend through the engine. */
export async function runEngineCase(spec: CaseSpec, dataBaseUrl: string): Promise<CaseOutcome> {
  if (spec.backend === 'js') throw new Error('The engine needs a tfjs backend.');
  return withEngine(spec.backend, spec.model, spec, dataBaseUrl, async (engine, status, trainCount) => {
    const n = Math.min(spec.trainExamples, trainCount);
    ensure(await engine.fit({ epochs: 1, batchSize: spec.batchSize, validationSplit: 0, shuffle: true, seed: spec.seed, trainLimit: spec.batchSize, preciseBatchNorm: 0 }, noop)); // warm-up batch
    const afterWarmup = await engine.numTensors();
    const timed = await timedFit(engine, spec, n);
    const afterTimed = await engine.numTensors();
    const leakCheckEpochs = 2;
    // Two tiny epochs (8 examples trained, 8 validated), so validation inside fit is checked too.
    ensure(await engine.fit({ epochs: leakCheckEpochs, batchSize: LEAK_CHECK_BATCH, validationSplit: 0.5, shuffle: true, seed: spec.seed, trainLimit: 2 * LEAK_CHECK_BATCH }, noop));
    const afterLeakCheck = await engine.numTensors();
    let inference = null;
    if (spec.inferenceExamples > 0) {
      await engine.evaluate(Math.min(256, spec.inferenceExamples)); // warm-up
      const t1 = performance.now();
      const result = await engine.evaluate(spec.inferenceExamples);
      inference = throughputOf(result.count, performance.now() - t1);
    }
    return {
      actualBackend: status.name, backendNote: sayMessage(status.reason, 'en'),
      trainedExamples: spec.batchSize + timed.train.examples,
      stoppedBy: timed.result.end === 'stopped' ? 'time' : 'examples',
      train: timed.train, inference, lastLoss: timed.lastLoss,
      tensors: { afterWarmup, afterTimed, afterLeakCheck, leakCheckEpochs }, mainThread: timed.mainThread,
    };
  });
}

/**
 * The engine without and with the recipe's augmentation (FitSettings.augment), alternating on one
 * model; one warm-up batch each way first, so every timed epoch starts with compiled shaders.
 */
export async function runEngineAugment(spec: AugmentSpec, dataBaseUrl: string): Promise<AugmentOutcome> {
  const augment = AUGMENT_RECIPES[spec.recipe];
  return withEngine(spec.backend, spec.model, spec, dataBaseUrl, async (engine, status, trainCount) => {
    const n = Math.min(spec.trainExamples, trainCount);
    const warm: FitSettings = { epochs: 1, batchSize: spec.batchSize, validationSplit: 0, shuffle: true, seed: spec.seed, trainLimit: spec.batchSize, preciseBatchNorm: 0 };
    ensure(await engine.fit(warm, noop));
    ensure(await engine.fit({ ...warm, augment, augmentSeed: spec.seed }, noop));
    // Without, with, without, with; the faster of each pair: other work on the machine only ever slows a run down.
    const best = (a: Throughput, b: Throughput): Throughput => (b.examplesPerSec > a.examplesPerSec ? b : a);
    let without = (await timedFit(engine, spec, n)).train;
    let withAug = (await timedFit(engine, spec, n, { augment, augmentSeed: spec.seed })).train;
    without = best(without, (await timedFit(engine, spec, n)).train);
    withAug = best(withAug, (await timedFit(engine, spec, n, { augment, augmentSeed: spec.seed })).train);
    // Extra time per batch with augmentation, from the two rates.
    const augmentMsPerBatch = 1000 * spec.batchSize * (1 / withAug.examplesPerSec - 1 / without.examplesPerSec);
    return { actualBackend: status.name, without, with: withAug, augmentMsPerBatch };
  });
}

/**
 * Our engine on WASM on every core as the app runs it (data-parallel workers, one thread each) beside
 * one thread and beside XNNPACK's thread pool, the same model and data: one warm-up batch each, then
 * timed epochs in turn (one thread, every core, XNNPACK threads, twice over), the faster of each pair
 * (other work on the machine only ever slows a run down).
 */
export async function runEngineThreads(spec: ThreadsSpec, dataBaseUrl: string): Promise<ThreadsOutcome> {
  // One engine at a time, as the app runs one: a second engine alive beside it (even idle) cost the
  // threaded one up to a fifth of its speed here.
  const solo = (init: InitOptions): Promise<{ train: Throughput; status: BackendStatus }> =>
    withEngine('wasm', spec.model, spec, dataBaseUrl, async (engine, status, trainCount) => {
      const warm: FitSettings = { epochs: 1, batchSize: spec.batchSize, validationSplit: 0, shuffle: true, seed: spec.seed, trainLimit: spec.batchSize, preciseBatchNorm: 0 };
      ensure(await engine.fit(warm, noop));
      return { train: (await timedFit(engine, spec, Math.min(spec.trainExamples, trainCount))).train, status };
    }, init);
  const best = (a: Throughput, b: Throughput): Throughput => (b.examplesPerSec > a.examplesPerSec ? b : a);
  const one = await solo({ wasmThreads: false });
  const many = await solo({ wasmCores: 'workers' });
  const pool = await solo({ wasmCores: 'threads' });
  const one2 = await solo({ wasmThreads: false });
  const many2 = await solo({ wasmCores: 'workers' });
  const pool2 = await solo({ wasmCores: 'threads' });
  return {
    threads: many.status.workers ?? many.status.threads ?? 1, threadedNote: sayMessage(many.status.reason, 'en'), singleNote: sayMessage(one.status.reason, 'en'),
    single: best(one.train, one2.train), threaded: best(many.train, many2.train),
    xnnpack: { threads: pool.status.threads ?? 1, note: sayMessage(pool.status.reason, 'en'), train: best(pool.train, pool2.train) },
  };
}

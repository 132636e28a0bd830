/**
 * The GPU harness: our model builder (src/model buildModel) and our training step
 * (src/engine/trainStep.ts) on tfjs-backend-webgpu over Dawn, timed per model and batch size.
 *
 * tfjs-backend-webgpu registers itself only when `navigator.gpu` exists at import: main.ts imports it
 * after installing Dawn.
 *
 * Two ways of running the same steps:
 * - sync: read the loss after every step (the engine's fit loop before it deferred its reads), so each
 *   step's time splits into dispatch (trainStep records, encodes and submits the GPU work; it returns without
 *   waiting) and wait (`await loss.data()`: until the GPU has finished);
 * - pipelined: read every step's metrics as one group at most every `readEveryMs`, with the engine's own
 *   DeferredMetrics (src/engine/deferredMetrics.ts: how its fit loop reads now), so the
 *   CPU records step n + 1 while the GPU runs step n. `gpuBusyAfterStep` is the fraction of steps
 *   after which submitted work was still in flight: the proof that a step does not wait for the GPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildArch, inferGraph } from '../../src/arch/index';
import type { ImageDataset } from '../../src/data/datasetTypes';
import { seededPermutation } from '../../src/data/random';
import { makeBatch } from '../../src/engine/batches';
import { DeferredMetrics } from '../../src/engine/deferredMetrics';
import { trainStep } from '../../src/engine/trainStep';
import { disposeOptimizer, makeOptimizer } from '../../src/engine/optimizers';
import { restoreWeights, snapshotWeights } from '../../src/engine/weightSnapshot';
import { buildModel } from '../../src/model/index';
import { BENCH_MODELS, type BenchModelId } from '../bench/schema';
import type { AgreementCheck, GpuRun, PipelinedFigures, SyncFigures } from './schema';

/** What to run. */
export interface HarnessOptions {
  learningRate: number;
  seed: number;
  /** Timed steps per mode (fewer when the time box ends first; at least 2). */
  steps: number;
  timeBoxSec: number;
  readEveryMs: number;
}

type Shape3 = [number, number, number];

/** The WebGPU backend's parts the harness touches (tfjs-backend-webgpu's WebGPUBackend). */
interface WebGpuBackendLike {
  device: GPUDevice;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
}

/** Submits what tfjs has encoded so far (its own reads do the same before mapping a buffer); no wait. */
function submit(backend: WebGpuBackendLike): void {
  backend.ensureCommandEncoderReady();
  backend.endComputePassEncoder();
  backend.submitQueue();
}

const now = (): number => performance.now();

/** Gradients are registered by tfjs-layers (buildModel imports it); training without them fails late and obscurely. */
export function requireGradients(): void {
  const missing = ['Conv2D', 'MaxPool', 'Relu', 'BatchMatMul', 'FusedBatchNorm', 'Softmax'].filter((k) => !tf.getGradient(k));
  if (missing.length) throw new Error(`tfjs gradient registrations missing for ${missing.join(', ')}: import @tensorflow/tfjs-layers (or tfjs-core's register_all_gradients) before training`);
}

/** Switches tfjs to `name` and checks it really runs (setBackend can fall back silently). */
export async function switchBackend(name: 'cpu' | 'webgpu'): Promise<void> {
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`tf.setBackend('${name}') returned ${ok}; tf.getBackend() is ${tf.getBackend()}`);
}

function graphOf(model: BenchModelId) {
  const def = BENCH_MODELS[model];
  return buildArch(def.arch, { input: [...def.input] as Shape3, classes: def.classes, width: def.width });
}

/** Multiply-accumulates per example, from our shape inference. */
export function macsPerExample(model: BenchModelId): number {
  return inferGraph(graphOf(model)).macs;
}

/** `count` distinct batches of `batch` examples (the engine's first-epoch order), on the current backend. */
function batchPool(data: ImageDataset, model: BenchModelId, batch: number, count: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor2D }[] {
  const def = BENCH_MODELS[model];
  const order = seededPermutation(data.train.count, seed);
  return Array.from({ length: count }, (_, k) => {
    const idx = Int32Array.from({ length: batch }, (_, i) => order[(k * batch + i) % order.length]);
    const { x, y } = makeBatch(data.train, data.imageShape, idx, [...def.input] as Shape3, def.classes);
    return { x, y };
  });
}

/** Losses of `steps` sync steps from the given weights (null: the model's own seeded ones). */
async function lossesOn(backend: 'cpu' | 'webgpu', data: ImageDataset, model: BenchModelId, batch: number, steps: number, o: HarnessOptions, weights: Awaited<ReturnType<typeof snapshotWeights>> | null) {
  await switchBackend(backend);
  const m = buildModel(graphOf(model), { seed: o.seed });
  if (weights) restoreWeights(m, weights);
  const start = weights ?? (await snapshotWeights(m));
  const optimizer = makeOptimizer({ optimizer: 'adam', learningRate: o.learningRate, momentum: 0 });
  // One batch, trained on `steps` times: the loss must fall (tfjs-cpu takes seconds a step, so few steps).
  const pool = batchPool(data, model, batch, 1, o.seed);
  const losses: number[] = [];
  try {
    for (let i = 0; i < steps; i++) {
      const b = pool[0];
      const r = trainStep(m, optimizer, b.x, b.y, [1]);
      losses.push((await r.loss.data())[0]);
      tf.dispose([r.loss, r.accuracy]);
    }
  } finally {
    tf.dispose(pool.flatMap((b) => [b.x, b.y]));
    disposeOptimizer(optimizer);
    m.dispose();
  }
  return { losses, start };
}

/**
 * LeNet-5 on the same batch from the same weights on tfjs-cpu and on WebGPU: the loss must fall, and
 * the two backends must agree step by step.
 */
export async function agreementCheck(data: ImageDataset, o: HarnessOptions, steps = 5, batch = 16): Promise<AgreementCheck> {
  const tolerance = { absolute: 5e-3, relative: 5e-3 };
  const cpu = await lossesOn('cpu', data, 'lenet5', batch, steps, o, null);
  const gpu = await lossesOn('webgpu', data, 'lenet5', batch, steps, o, cpu.start);
  const diffs = gpu.losses.map((l, i) => Math.abs(l - cpu.losses[i]));
  const maxAbsDiff = Math.max(...diffs);
  const within = diffs.every((d, i) => d <= tolerance.absolute + tolerance.relative * Math.abs(cpu.losses[i]));
  const tail = gpu.losses.slice(-3);
  const falls = tail.reduce((a, b) => a + b, 0) / tail.length < gpu.losses[0];
  return { model: 'lenet5', batch, steps, cpuLosses: cpu.losses, gpuLosses: gpu.losses, maxAbsDiff, tolerance, falls, pass: within && falls && gpu.losses.every(Number.isFinite) };
}

/** Whether the GPU still has submitted work in flight, asked right after a submit. */
async function gpuBusy(device: GPUDevice): Promise<boolean> {
  let done = false;
  void device.queue.onSubmittedWorkDone().then(() => {
    done = true;
  });
  await new Promise((r) => setImmediate(r));
  return !done;
}

/** Trains `model` at `batch` on WebGPU: warm-up, the sync steps, then the pipelined steps. */
export async function runModel(data: ImageDataset, model: BenchModelId, batch: number, o: HarnessOptions): Promise<GpuRun> {
  await switchBackend('webgpu');
  const backend = tf.backend() as unknown as WebGpuBackendLike;
  const baseline = tf.memory().numTensors;
  const m = buildModel(graphOf(model), { seed: o.seed });
  const optimizer = makeOptimizer({ optimizer: 'adam', learningRate: o.learningRate, momentum: 0 });
  const pool = batchPool(data, model, batch, 4, o.seed);
  const run: GpuRun = { model, batch, status: 'ok', warmupSteps: 2, sync: null, pipelined: null, lossFirst: null, lossAfter: null, stepsTrained: 0, tensorsLeaked: 0, trainFlops: null };
  let k = 0;
  const dispatch = () => {
    const b = pool[k++ % pool.length];
    const r = trainStep(m, optimizer, b.x, b.y, [1]);
    submit(backend);
    run.stepsTrained++;
    return r;
  };
  const enough = (steps: number, t0: number) => steps >= o.steps || (steps >= 2 && now() - t0 > o.timeBoxSec * 1000);
  try {
    for (let i = 0; i < run.warmupSteps; i++) {
      const r = dispatch();
      await r.loss.data();
      tf.dispose([r.loss, r.accuracy]);
    }
    // Sync: read every step.
    let dispatchMs = 0;
    let waitMs = 0;
    let steps = 0;
    const t0 = now();
    while (!enough(steps, t0)) {
      const a = now();
      const r = dispatch();
      const b = now();
      const loss = (await r.loss.data())[0];
      waitMs += now() - b;
      dispatchMs += b - a;
      tf.dispose([r.loss, r.accuracy]);
      run.lossFirst ??= loss;
      run.lossAfter = loss;
      steps++;
    }
    const syncWall = now() - t0;
    const sync: SyncFigures = { steps, msPerStep: syncWall / steps, dispatchMs: dispatchMs / steps, waitMs: waitMs / steps, examplesPerSec: (steps * batch) / (syncWall / 1000) };
    run.sync = sync;
    // Pipelined, as the engine's fit loop reads since src/engine/deferredMetrics.ts: every step's loss and
    // accuracy stay on the device and are read as one group at most every readEveryMs.
    dispatchMs = 0;
    steps = 0;
    let reads = 0;
    let readWait = 0;
    let busy = 0;
    const pending = new DeferredMetrics<number>(o.readEveryMs);
    const t1 = now();
    const read = async () => {
      const a = now();
      const group = await pending.read();
      if (group.length === 0) return;
      readWait += now() - a;
      reads++;
      run.lossAfter = group[group.length - 1].loss;
    };
    try {
      while (!enough(steps, t1)) {
        const a = now();
        const r = dispatch();
        dispatchMs += now() - a;
        if (await gpuBusy(backend.device)) busy++;
        pending.push(r.loss, r.accuracy, null, steps);
        steps++;
        if (pending.due()) await read();
      }
      await read();
    } finally {
      pending.dispose();
    }
    const wall = now() - t1;
    const pipelined: PipelinedFigures = {
      steps, reads, msPerStep: wall / steps, dispatchMs: dispatchMs / steps, readWaitMs: reads ? readWait / reads : 0,
      examplesPerSec: (steps * batch) / (wall / 1000), gpuBusyAfterStep: busy / steps,
    };
    run.pipelined = pipelined;
    run.trainFlops = 6 * macsPerExample(model) * pipelined.examplesPerSec;
  } catch (error) {
    run.status = 'error';
    run.error = error instanceof Error ? error.message : String(error);
  } finally {
    tf.dispose(pool.flatMap((b) => [b.x, b.y]));
    disposeOptimizer(optimizer);
    m.dispose();
    run.tensorsLeaked = tf.memory().numTensors - baseline;
  }
  return run;
}

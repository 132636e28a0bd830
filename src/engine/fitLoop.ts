import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ArchGraph } from '../arch/index';
import type { ImageDataset } from '../data/datasetTypes';
import { message, sayMessage, userMessageOf, type UserMessage } from '../messages/index';
import { makeBatch, seededPermutation } from './batches';
import { hasBatchNorm, settleBatchNorm } from './batchNormStats';
import { DeferredMetrics } from './deferredMetrics';
import { scheduledRate, setLearningRate } from './optimizers';
import { PRECISE_BN_EXAMPLES, type FitResult, type FitSettings, type LrSchedule, type TrainEvent } from './protocol';
import type { RunControl } from './runControl';
import { accuracy, categoricalCrossentropy, predictMain, trainStep } from './trainStep';
import { restoreWeights, snapshotWeights, type WeightSnapshot } from './weightSnapshot';

type Shape3 = readonly [number, number, number];

export interface FitArgs {
  model: tfl.LayersModel;
  optimizer: tf.Optimizer;
  data: ImageDataset;
  input: Shape3;
  classes: number;
  lossWeights: readonly number[];
  settings: FitSettings;
  control: RunControl;
  onEvent: (e: TrainEvent) => void;
  /** Called with each completed epoch's weights (kept outside the GPU, so a lost device loses nothing). */
  onSnapshot?: (snapshot: WeightSnapshot) => void;
  /** Optional per-batch hook on x (e.g. augmentation); must return a new tensor or x itself. */
  transformBatch?: (x: tf.Tensor4D, step: number) => tf.Tensor4D;
  /** The learning-rate schedule over the whole run; absent: the optimizer's rate stays as it is. */
  schedule?: { kind: LrSchedule; base: number };
  /**
   * The model's arch graph: with it, batch norms get their exact statistics (precise BN, see
   * FitSettings.preciseBatchNorm) before each validation and at the end; without it they keep their moving averages.
   */
  graph?: ArchGraph;
  /** The training step (default {@link trainStep}); data-parallel training passes its own (parallel/dataParallel.ts). */
  step?: TrainStepFn;
}

/** A training step as fitLoop calls it: update the model on x [N, H, W, C], y [N, K]; scalars the caller disposes. */
export type TrainStepFn = (
  model: tfl.LayersModel, optimizer: tf.Optimizer, x: tf.Tensor4D, y: tf.Tensor2D, lossWeights: readonly number[],
) => ReturnType<typeof trainStep> | Promise<ReturnType<typeof trainStep>>;

/** Whether a fit left batch-norm statistics that lag its weights (stopped mid-epoch): see {@link settleAfterStop}. */
export interface FitOutcome extends FitResult {
  batchNormStale: boolean;
}

/** Splits the (optionally limited) training split: the last `validationSplit` fraction validates (Keras). */
export function splitIndices(count: number, settings: Pick<FitSettings, 'trainLimit' | 'validationSplit'>): { train: number; val: number } {
  const n = settings.trainLimit > 0 ? Math.min(settings.trainLimit, count) : count;
  const val = Math.floor(n * settings.validationSplit);
  return { train: n - val, val };
}

/** Loss and accuracy of the main output over `indices` of a split, in batches. */
export async function measure(
  model: tfl.LayersModel,
  data: ImageDataset,
  split: 'train' | 'test',
  indices: Int32Array,
  input: Shape3,
  classes: number,
  batchSize: number,
): Promise<{ loss: number; accuracy: number }> {
  let lossSum = 0;
  let accSum = 0;
  for (let start = 0; start < indices.length; start += batchSize) {
    const idx = indices.subarray(start, Math.min(indices.length, start + batchSize));
    const { x, y } = makeBatch(data[split], data.imageShape, idx, input, classes);
    const [l, a] = tf.tidy(() => {
      const p = predictMain(model, x);
      return [categoricalCrossentropy(y, p), accuracy(y, p)];
    });
    try {
      lossSum += (await l.data())[0] * idx.length;
      accSum += (await a.data())[0] * idx.length;
    } finally {
      tf.dispose([x, y, l, a]);
    }
  }
  return { loss: lossSum / Math.max(1, indices.length), accuracy: accSum / Math.max(1, indices.length) };
}

/** A fit result's explanation: English text for logs and scripts, and the message as data for the UI. */
export const said = (why: UserMessage | null): Pick<FitResult, 'message' | 'detail'> => ({ message: why ? sayMessage(why, 'en') : null, detail: why });

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Whether an error's text says the GPU device (WebGPU) or context (WebGL) was lost mid-training. */
export const isDeviceLost = (detail: string): boolean => /context lost|device (was )?lost|CONTEXT_LOST|webgl.*lost|GPUDevice.*lost/i.test(detail);

/**
 * Trains for `settings.epochs` with the custom step, streaming progress. Stops early on request (within
 * the batch), on a non-finite loss (restoring the last good weights) and on errors (e.g. a lost GPU
 * device), always returning how it ended instead of throwing. Batch metrics stay on the device and are
 * read in groups at most every ~100 ms (deferredMetrics.ts), so a GPU is not drained once per step.
 * Every tensor it makes is disposed.
 */
export async function fitLoop(a: FitArgs): Promise<FitOutcome> {
  const { model, data, settings, control } = a;
  const { train, val } = splitIndices(data.train.count, settings);
  if (train < 1) return { end: 'error', ...said(message('fit.noExamples')), epochsCompleted: 0, tensorsAfter: tf.memory().numTensors, batchNormStale: false };
  const valIdx = Int32Array.from({ length: val }, (_, i) => train + i);
  const batches = Math.ceil(train / settings.batchSize);
  const totalSteps = batches * settings.epochs;
  const precise = a.graph && hasBatchNorm(a.graph) ? Math.min(train, settings.preciseBatchNorm ?? PRECISE_BN_EXAMPLES) : 0;
  let lastGood: WeightSnapshot = await snapshotWeights(model);
  let epochsCompleted = 0;
  let step = 0;
  let stale = false;
  const end = (kind: FitResult['end'], why: UserMessage | null): FitOutcome => ({ end: kind, ...said(why), epochsCompleted, tensorsAfter: tf.memory().numTensors, batchNormStale: stale });
  const learningRate = () => (a.optimizer as unknown as { learningRate: number }).learningRate;
  const pending = new DeferredMetrics<{ batch: number; examples: number; rate: number }>();
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      a.onEvent({ type: 'epochStart', epoch, epochs: settings.epochs, batches });
      const order = settings.shuffle ? seededPermutation(train, settings.seed + epoch * 7919) : Int32Array.from({ length: train }, (_, i) => i);
      const t0 = now();
      let seen = 0;
      let lossSum = 0;
      let accSum = 0;
      let mainSum = 0;
      /**
       * Reads the batches trained since the last read (one GPU→CPU transfer) and reports them; returns the
       * first non-finite loss's message, after restoring the last good weights.
       */
      const flush = async (): Promise<UserMessage | null> => {
        for (const r of await pending.read()) {
          if (!Number.isFinite(r.loss)) {
            pending.dispose();
            restoreWeights(model, lastGood);
            stale = false;
            return message('fit.nan', { loss: String(r.loss), epoch: epoch + 1, batch: r.meta.batch + 1 });
          }
          const n = r.meta.examples;
          seen += n;
          lossSum += r.loss * n;
          accSum += r.accuracy * n;
          if (r.mainLoss !== null) mainSum += r.mainLoss * n;
          a.onEvent({
            type: 'batchEnd', epoch, batch: r.meta.batch, batches, loss: r.loss, accuracy: r.accuracy, meanLoss: lossSum / seen, meanAccuracy: accSum / seen,
            ...(r.mainLoss !== null ? { mainLoss: r.mainLoss, meanMainLoss: mainSum / seen } : {}),
            learningRate: r.meta.rate, examplesPerSec: seen / ((now() - t0) / 1000),
          });
        }
        return null;
      };
      for (let b = 0; b < batches; b++) {
        const idx = order.subarray(b * settings.batchSize, Math.min(train, (b + 1) * settings.batchSize));
        const batch = makeBatch(data.train, data.imageShape, idx, a.input, a.classes);
        let x = batch.x;
        if (a.transformBatch) {
          const t = a.transformBatch(x, step);
          if (t !== x) {
            x.dispose();
            x = t;
          }
        }
        if (a.schedule) setLearningRate(a.optimizer, scheduledRate(a.schedule.kind, a.schedule.base, step, totalSteps));
        const rate = learningRate();
        let result: ReturnType<typeof trainStep>;
        try {
          result = await (a.step ?? trainStep)(model, a.optimizer, x, batch.y, a.lossWeights);
        } finally {
          tf.dispose([x, batch.y]);
        }
        // The metrics stay on the device; they are read at most every METRICS_READ_INTERVAL_MS.
        pending.push(result.loss, result.accuracy, result.mainLoss, { batch: b, examples: idx.length, rate });
        stale = precise > 0;
        step++;
        const stop = await control.checkpoint(
          () => a.onEvent({ type: 'paused' }),
          () => a.onEvent({ type: 'resumed' }),
        );
        if (stop || control.paused || pending.due() || b === batches - 1) {
          const nan = await flush();
          if (nan) return end('nan', nan);
        }
        // A stop asked for while the read batches were reported counts too: no further batch trains.
        if (stop || control.stopRequested) return end('stopped', message('fit.stopped', { epoch: epoch + 1, batch: b + 1 }));
      }
      const examplesPerSec = seen / ((now() - t0) / 1000);
      if (precise > 0) {
        // The epoch's first images in its shuffled order: a fresh random subset each epoch, the same for the same seed.
        const layers = await settleBatchNorm(model, a.graph as ArchGraph, data, order.slice(0, precise), a.input, a.classes);
        stale = false;
        a.onEvent({ type: 'batchNormRecomputed', epoch, examples: precise, layers });
      }
      const v = val > 0 ? await measure(model, data, 'train', valIdx, a.input, a.classes, Math.max(settings.batchSize, 128)) : null;
      epochsCompleted = epoch + 1;
      lastGood = await snapshotWeights(model);
      a.onSnapshot?.(lastGood);
      a.onEvent({
        type: 'epochEnd', epoch, loss: lossSum / seen, accuracy: accSum / seen, valLoss: v?.loss ?? null, valAccuracy: v?.accuracy ?? null, examplesPerSec,
        ...(mainSum > 0 ? { mainLoss: mainSum / seen } : {}),
      });
    }
    return end('completed', null);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const lost = isDeviceLost(detail);
    // Our own errors (e.g. an augmentation refusal) keep their message as data.
    const inner = userMessageOf(error);
    return end(lost ? 'device-lost' : 'error', lost
      ? message('fit.deviceLost', { detail, epochs: epochsCompleted })
      : message('fit.failed', { detail: inner ?? detail }));
  } finally {
    pending.dispose();
  }
}

/**
 * After a run stopped mid-epoch, its batch norms' moving averages lag the weights: sets them to the exact
 * statistics over up to `examples` training images of the run's split (the first ones; no augmentation).
 * @returns the number of batch-norm layers updated.
 */
export async function settleAfterStop(
  model: tfl.LayersModel, graph: ArchGraph, data: ImageDataset, input: Shape3, classes: number,
  settings: Pick<FitSettings, 'trainLimit' | 'validationSplit' | 'preciseBatchNorm'>,
): Promise<number> {
  const { train } = splitIndices(data.train.count, settings);
  const n = Math.min(train, settings.preciseBatchNorm ?? PRECISE_BN_EXAMPLES);
  return settleBatchNorm(model, graph, data, Int32Array.from({ length: n }, (_, i) => i), input, classes);
}

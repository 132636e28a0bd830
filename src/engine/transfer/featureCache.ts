/**
 * Feature caching for "train the new head only": the frozen base is a fixed function, so its output
 * for each image is computed once (inference mode, no augmentation) and the head's softmax layer
 * trains on those vectors — an epoch then costs a matrix product instead of a pass through the base.
 * The head layer is the transfer model's own, so the model afterwards predicts with what was learned.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageDataset } from '../../data/datasetTypes';
import { makeBatch, seededPermutation } from '../batches';
import { message, transferError, userMessageOf, type UserMessage } from '../../messages/index';
import { isDeviceLost, said, splitIndices } from '../fitLoop';
import { scheduledRate, setLearningRate } from '../optimizers';
import type { FitResult, FitSettings, LrSchedule, TrainEvent } from '../protocol';
import type { RunControl } from '../runControl';
import { accuracy, categoricalCrossentropy, unclippedCrossentropy } from '../trainStep';
import { snapshotWeights, type WeightSnapshot } from '../weightSnapshot';

type Shape3 = readonly [number, number, number];

/** Base outputs of a run of images: `count` rows of `size` floats. */
export interface FeatureRows {
  values: Float32Array;
  labels: Int32Array;
  count: number;
  size: number;
}

/**
 * Runs `model` up to layer `featureLayer` (inference mode) on the training images at `indices`, in
 * batches. Returns the flattened outputs [count, size] and the labels, or null when `control` was
 * stopped (checked after every batch, so building a large cache stops within one batch too).
 * Disposes every tensor.
 */
export async function computeFeatures(
  model: tfl.LayersModel, featureLayer: tfl.layers.Layer, data: ImageDataset, indices: Int32Array, input: Shape3, classes: number, batchSize = 128, control?: RunControl,
): Promise<FeatureRows | null> {
  const symbolic = featureLayer.output;
  if (Array.isArray(symbolic)) throw transferError('transfer.severalOutputs', { layer: featureLayer.name });
  const size = symbolic.shape.slice(1).reduce((a: number, b) => a * (b ?? 1), 1);
  const values = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let start = 0; start < indices.length; start += batchSize) {
    const idx = indices.subarray(start, Math.min(indices.length, start + batchSize));
    const batch = makeBatch(data.train, data.imageShape, idx, input, classes);
    const out = tf.tidy(() => model.execute(batch.x, symbolic.name) as tf.Tensor);
    try {
      values.set(await out.data(), start * size);
      labels.set(batch.labels, start);
    } finally {
      tf.dispose([batch.x, batch.y, out]);
    }
    if (control && (await control.checkpoint())) return null;
  }
  return { values, labels, count: indices.length, size };
}

function rowsBatch(rows: FeatureRows, order: ArrayLike<number>, classes: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const x = new Float32Array(order.length * rows.size);
  const labels = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    x.set(rows.values.subarray(r * rows.size, (r + 1) * rows.size), i * rows.size);
    labels[i] = rows.labels[r];
  }
  return tf.tidy(() => ({ x: tf.tensor2d(x, [order.length, rows.size]), y: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32') as tf.Tensor2D }));
}

/** Loss and accuracy of the head on cached rows. */
async function measureRows(head: tfl.layers.Layer, rows: FeatureRows, classes: number): Promise<{ loss: number; accuracy: number }> {
  const { x, y } = rowsBatch(rows, Int32Array.from({ length: rows.count }, (_, i) => i), classes);
  const [l, a] = tf.tidy(() => {
    const p = head.apply(x, { training: false }) as tf.Tensor;
    return [categoricalCrossentropy(y, p), accuracy(y, p)];
  });
  try {
    return { loss: (await l.data())[0], accuracy: (await a.data())[0] };
  } finally {
    tf.dispose([x, y, l, a]);
  }
}

/** What a cached fit needs: the transfer model, the layer feeding the head and the head's dense softmax. */
export interface CachedFitArgs {
  model: tfl.LayersModel;
  featureLayer: tfl.layers.Layer;
  head: tfl.layers.Layer;
  optimizer: tf.Optimizer;
  data: ImageDataset;
  input: Shape3;
  classes: number;
  settings: FitSettings;
  control: RunControl;
  onEvent: (e: TrainEvent) => void;
  /** Called with the whole model's weights after each epoch (kept off the GPU, so a lost device loses nothing). */
  onSnapshot?: (snapshot: WeightSnapshot) => void;
  /** The learning-rate schedule over the whole run, as fitLoop's; absent: constant. */
  schedule?: { kind: LrSchedule; base: number };
}

/** The cache's size and how long building it took; null when it was never built. */
export type CacheInfo = { images: number; featureSize: number; ms: number };

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * fitLoop's contract (events, validation tail, seeded shuffle, NaN guard, pause/stop, a lost device or
 * any error ends the run instead of throwing) on cached base outputs: only `head`'s weights change.
 * Returns how it ended and the cache's size and build time.
 */
export async function cachedHeadFit(a: CachedFitArgs): Promise<{ result: FitResult; cache: CacheInfo | null }> {
  const progress: Progress = { epochsCompleted: 0, cache: null };
  try {
    return await headEpochs(a, progress);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const lost = isDeviceLost(detail);
    const why = lost ? message('fit.deviceLost', { detail, epochs: progress.epochsCompleted }) : message('fit.failed', { detail: userMessageOf(error) ?? detail });
    return { result: { end: lost ? 'device-lost' : 'error', ...said(why), epochsCompleted: progress.epochsCompleted, tensorsAfter: tf.memory().numTensors }, cache: progress.cache };
  }
}

interface Progress {
  epochsCompleted: number;
  cache: CacheInfo | null;
}

async function headEpochs(a: CachedFitArgs, progress: Progress): Promise<{ result: FitResult; cache: CacheInfo | null }> {
  const { settings, control, head, classes } = a;
  const { train, val } = splitIndices(a.data.train.count, settings);
  const t0 = now();
  const stoppedCaching = { result: { end: 'stopped' as const, ...said(message('fit.stoppedCaching')), epochsCompleted: 0, tensorsAfter: tf.memory().numTensors }, cache: null };
  const trainRows = await computeFeatures(a.model, a.featureLayer, a.data, Int32Array.from({ length: train }, (_, i) => i), a.input, classes, 128, control);
  if (!trainRows) return stoppedCaching;
  const valRows = val > 0 ? await computeFeatures(a.model, a.featureLayer, a.data, Int32Array.from({ length: val }, (_, i) => train + i), a.input, classes, 128, control) : null;
  if (val > 0 && !valRows) return stoppedCaching;
  const cache = { images: train + val, featureSize: trainRows.size, ms: now() - t0 };
  progress.cache = cache;
  const batches = Math.ceil(train / settings.batchSize);
  const variables = head.trainableWeights.map((w) => w.read() as tf.Variable);
  const snapshot = async () => Promise.all(head.getWeights().map(async (w) => ({ values: Float32Array.from(await w.data()), shape: w.shape })));
  let lastGood = await snapshot();
  let epochsCompleted = 0;
  let step = 0;
  const end = (kind: FitResult['end'], why: UserMessage | null): FitResult => ({ end: kind, ...said(why), epochsCompleted, tensorsAfter: tf.memory().numTensors });
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    a.onEvent({ type: 'epochStart', epoch, epochs: settings.epochs, batches });
    const order = settings.shuffle ? seededPermutation(train, settings.seed + epoch * 7919) : Int32Array.from({ length: train }, (_, i) => i);
    const e0 = now();
    let seen = 0;
    let lossSum = 0;
    let accSum = 0;
    for (let b = 0; b < batches; b++) {
      const idx = order.subarray(b * settings.batchSize, Math.min(train, (b + 1) * settings.batchSize));
      const { x, y } = rowsBatch(trainRows, idx, classes);
      if (a.schedule) setLearningRate(a.optimizer, scheduledRate(a.schedule.kind, a.schedule.base, step, batches * settings.epochs));
      const rate = (a.optimizer as unknown as { learningRate: number }).learningRate;
      step++;
      // minimize's closure keeps the metrics with tf.keep; they are read and disposed below.
      const metrics: { acc?: tf.Scalar; loss?: tf.Scalar } = {};
      const clipped = a.optimizer.minimize(() => {
        const p = head.apply(x, { training: true }) as tf.Tensor;
        metrics.acc = tf.keep(accuracy(y, p));
        metrics.loss = tf.keep(unclippedCrossentropy(y, p));
        return categoricalCrossentropy(y, p);
      }, true, variables);
      let loss: number;
      let accuracyValue: number;
      try {
        loss = metrics.loss ? (await metrics.loss.data())[0] : NaN;
        accuracyValue = metrics.acc ? (await metrics.acc.data())[0] : 0;
      } finally {
        tf.dispose([x, y, clipped ?? [], metrics.acc ?? [], metrics.loss ?? []]);
      }
      if (!Number.isFinite(loss)) {
        const restored = lastGood.map((w) => tf.tensor(w.values, w.shape));
        head.setWeights(restored);
        tf.dispose(restored);
        return { result: end('nan', message('fit.nan', { loss: String(loss), epoch: epoch + 1, batch: b + 1 })), cache };
      }
      seen += idx.length;
      lossSum += loss * idx.length;
      accSum += accuracyValue * idx.length;
      a.onEvent({ type: 'batchEnd', epoch, batch: b, batches, loss, accuracy: accuracyValue, meanLoss: lossSum / seen, meanAccuracy: accSum / seen, learningRate: rate, examplesPerSec: seen / ((now() - e0) / 1000) });
      const stop = await control.checkpoint(() => a.onEvent({ type: 'paused' }), () => a.onEvent({ type: 'resumed' }));
      if (stop) return { result: end('stopped', message('fit.stopped', { epoch: epoch + 1, batch: b + 1 })), cache };
    }
    const v = valRows ? await measureRows(head, valRows, classes) : null;
    epochsCompleted = epoch + 1;
    progress.epochsCompleted = epochsCompleted;
    lastGood = await snapshot();
    if (a.onSnapshot) a.onSnapshot(await snapshotWeights(a.model));
    a.onEvent({ type: 'epochEnd', epoch, loss: lossSum / seen, accuracy: accSum / seen, valLoss: v?.loss ?? null, valAccuracy: v?.accuracy ?? null, examplesPerSec: seen / ((now() - e0) / 1000) });
  }
  return { result: end('completed', null), cache };
}

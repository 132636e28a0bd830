/**
 * The comparison run: the same architecture trained from random weights and from the pretrained
 * base, on the same images with the same optimizer, epochs and batches — the experiment behind "with
 * little data, start from a pretrained network".
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageDataset } from '../../data/datasetTypes';
import { message, transferError } from '../../messages/index';
import { buildModel, countParams, layerOf, type HeadPooling } from '../../model/index';
import { evaluateModel } from '../evaluate';
import { fitLoop, splitIndices, type FitArgs } from '../fitLoop';
import type { CompileSettings, FitResult, FitSettings, TrainEvent } from '../protocol';
import type { Job } from '../jobSlot';
import type { RunControl } from '../runControl';
import { anyAugmentation, augmentTransform } from '../uploads/augmentTransform';
import type { WeightSnapshot } from '../weightSnapshot';
import { cachedHeadFit } from './featureCache';
import { describeInstalled, withNewHead, type InstalledModel, type LoadedBase } from './transferSession';
import type { CompareArm, ComparePoint, CompareResult, FreezeMode, TransferFitResult } from './transferProtocol';

type Shape3 = [number, number, number];

import { disposeOptimizer, makeOptimizer } from '../optimizers';

export { disposeOptimizer, makeOptimizer };

/** The fit loop's schedule for compile settings (none for a constant rate). */
export function scheduleOf(c: CompileSettings): FitArgs['schedule'] {
  return c.schedule && c.schedule !== 'constant' ? { kind: c.schedule, base: c.learningRate } : undefined;
}

/**
 * Fits an installed transfer model: on cached base outputs when only the head trains and no
 * augmentation is on (an augmented image has different features every epoch), else the full loop.
 * `onSnapshot` receives the whole model's weights after each epoch (for recovery from a lost device).
 */
export async function fitTransfer(
  installed: InstalledModel,
  optimizer: tf.Optimizer,
  data: ImageDataset,
  settings: FitSettings,
  control: RunControl,
  onEvent: (e: TrainEvent) => void,
  onSnapshot?: (snapshot: WeightSnapshot) => void,
  schedule?: FitArgs['schedule'],
): Promise<TransferFitResult> {
  const input = installed.model.inputs[0].shape.slice(1) as Shape3;
  const classes = data.classNames.length;
  if (!anyAugmentation(settings.augment) && describeInstalled(installed).cacheEligible) {
    const softmax = layerOf(installed.model, installed.head.at(-1) ?? '');
    const { result, cache } = await cachedHeadFit({ model: installed.model, featureLayer: layerOf(installed.model, installed.featureLayer), head: softmax, optimizer, data, input, classes, settings, control, onEvent, onSnapshot, schedule });
    return { ...result, cache };
  }
  const transformBatch = augmentTransform(settings.augment, settings.augmentSeed ?? settings.seed, data, splitIndices(data.train.count, settings).train, input[2]);
  const result: FitResult = await fitLoop({ model: installed.model, optimizer, data, input, classes, lossWeights: [1], settings, control, onEvent, onSnapshot, transformBatch, schedule, graph: installed.graph });
  return { ...result, cache: null };
}

async function runArm(label: string, model: tfl.LayersModel, fit: (o: tf.Optimizer) => Promise<TransferFitResult>, compile: CompileSettings, data: ImageDataset): Promise<CompareArm> {
  const optimizer = makeOptimizer(compile);
  const t0 = performance.now();
  try {
    const result = await fit(optimizer);
    if (result.end !== 'completed') {
      const arm = message(label === 'transfer' ? 'transfer.armTransfer' : 'transfer.armScratch');
      throw result.detail ? transferError('transfer.armEnded', { arm, why: result.detail }) : transferError('transfer.armEndedPlain', { arm, end: result.end });
    }
    const input = model.inputs[0].shape.slice(1) as Shape3;
    const test = await evaluateModel(model, data, input, data.classNames.length, 0);
    return { label, trainableParams: countParams(model).trainable, epochs: [], testAccuracy: test.accuracy, testLoss: test.loss, testCount: test.count, ms: performance.now() - t0, cached: result.cache !== null };
  } finally {
    disposeOptimizer(optimizer);
  }
}

/**
 * The training images followed by the test images, and the validation split that makes exactly the
 * test images the fit loop's validation tail (it validates on the last examples): both arms then report
 * test loss and accuracy after every epoch through the usual code path, the feature cache included.
 */
export function withTestTail(data: ImageDataset): { data: ImageDataset; validationSplit: number } {
  const size = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  const [n, m] = [data.train.count, data.test.count];
  const images = new Uint8Array((n + m) * size);
  images.set(data.train.images.subarray(0, n * size));
  images.set(data.test.images.subarray(0, m * size), n * size);
  const labels = new Uint8Array(n + m);
  labels.set(data.train.labels.subarray(0, n));
  labels.set(data.test.labels.subarray(0, m), n);
  // floor((n + m) · split) must be m: half an example of slack absorbs rounding.
  return { data: { ...data, train: { images, labels, count: n + m } }, validationSplit: (m + 0.5) / (n + m) };
}

/** What both arms share. */
export interface CompareArgs {
  base: LoadedBase;
  cutAt: string;
  pooling: HeadPooling;
  seed: number;
  mode: FreezeMode;
  data: ImageDataset;
  compile: CompileSettings;
  fit: FitSettings;
  control: RunControl;
  onProgress: (arm: 'scratch' | 'transfer', point: ComparePoint, epochs: number) => void;
}

/** One progress event of scratch vs transfer: an arm's epoch. */
export interface CompareProgress {
  arm: 'scratch' | 'transfer';
  point: ComparePoint;
  epochs: number;
}

/** Scratch vs transfer as the session's job 'transferCompare': progress per epoch of each arm, stopped within a batch. */
export const scratchVsTransferJob: Job<Omit<CompareArgs, 'control' | 'onProgress'>, CompareProgress, CompareResult> = {
  name: 'transferCompare',
  start: (args, onProgress, control) => compareRun({ ...args, control, onProgress: (arm, point, epochs) => onProgress({ arm, point, epochs }) }),
};

/**
 * Trains (1) the transfer architecture from random weights, everything trainable, and (2) the same
 * architecture from the pretrained base with a new head, frozen as `mode` says, on all training images
 * of `data` (its `fit.validationSplit` and `trainLimit` are replaced: the test images are measured after
 * every epoch instead). Both models are disposed before it returns.
 */
export async function compareRun(a: CompareArgs): Promise<CompareResult> {
  const classes = a.data.classNames.length;
  const transfer = await withNewHead(a.base, a.cutAt, classes, a.pooling, a.seed, a.mode);
  const scratch = buildModel(transfer.graph, { seed: a.seed });
  const curves: Record<'scratch' | 'transfer', ComparePoint[]> = { scratch: [], transfer: [] };
  const listen = (arm: 'scratch' | 'transfer') => (e: TrainEvent) => {
    if (e.type !== 'epochEnd') return;
    const point = { epoch: e.epoch + 1, loss: e.loss, accuracy: e.accuracy, valLoss: e.valLoss, valAccuracy: e.valAccuracy };
    curves[arm].push(point);
    a.onProgress(arm, point, a.fit.epochs);
  };
  try {
    const input = scratch.inputs[0].shape.slice(1) as Shape3;
    const tail = withTestTail(a.data);
    const settings: FitSettings = { ...a.fit, validationSplit: tail.validationSplit, trainLimit: 0 };
    const scratchArm = await runArm('from scratch', scratch, async (optimizer) => ({
      ...(await fitLoop({
        model: scratch, optimizer, data: tail.data, input, classes, lossWeights: [1], settings, control: a.control, onEvent: listen('scratch'),
        transformBatch: augmentTransform(settings.augment, settings.augmentSeed ?? settings.seed, tail.data, splitIndices(tail.data.train.count, settings).train, input[2]),
        schedule: scheduleOf(a.compile), graph: transfer.graph,
      })),
      cache: null,
    }), a.compile, a.data);
    const transferArm = await runArm('transfer', transfer.model, (optimizer) => fitTransfer(transfer, optimizer, tail.data, settings, a.control, listen('transfer'), undefined, scheduleOf(a.compile)), a.compile, a.data);
    const trainImages = a.data.train.count;
    return { trainImages, scratch: { ...scratchArm, epochs: curves.scratch }, transfer: { ...transferArm, epochs: curves.transfer } };
  } finally {
    scratch.dispose();
    transfer.model.dispose();
  }
}

import * as tf from '@tensorflow/tfjs-core';
import { buildArch, withTrainingOptions, type ArchGraph } from '../../arch/index';
import { generateColorShapes } from '../../data/colorShapes';
import type { ImageDataset } from '../../data/datasetTypes';
import { buildModel, countParams } from '../../model/index';
import { makeBatch, seededPermutation } from '../batches';
import { measure } from '../fitLoop';
import type { RunControl } from '../runControl';
import { trainStep } from '../trainStep';
import { validateDepthSettings, type DepthExperimentResult, type DepthExperimentSettings, type DepthProgress, type DepthRun, type LayerGradientNorm, type NetFamily } from './depthPresets';
import { stepWithGradientNorms } from './gradientNorms';
import { recomputeBatchNormStatistics } from '../preciseBatchNorm';
import { disposeOptimizer, makeOptimizer, scheduledRate, setLearningRate } from '../optimizers';
import { inspectError } from '../../messages/index';

type Shape3 = readonly [number, number, number];

/** The CIFAR nets' input (32×32 unless the settings say 16×16), with the data's channels (3 for colour shapes, 1 for MNIST digits). */
const inputOf = (data: ImageDataset, s: DepthExperimentSettings): Shape3 => [s.inputSize ?? 32, s.inputSize ?? 32, data.imageShape[2]];
const MEASURE_BATCH = 128;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The experiment's own data: colour shapes (32×32×3, 6 classes) generated from the run's seed, or the
 * first `examples` images of a seeded shuffle of `digits` (MNIST's training split, 28×28×1, zero-padded
 * to 32×32 by the batches).
 */
export function experimentData(settings: DepthExperimentSettings, digits?: ImageDataset): ImageDataset {
  if ((settings.dataset ?? 'shapes') === 'shapes') return generateColorShapes({ seed: settings.seed, trainCount: settings.examples, testCount: 0, size: 32 });
  if (!digits) throw inspectError('inspect.needDigits');
  const size = digits.imageShape[0] * digits.imageShape[1] * digits.imageShape[2];
  const order = seededPermutation(digits.train.count, settings.seed).subarray(0, Math.min(settings.examples, digits.train.count));
  const images = new Uint8Array(order.length * size);
  const labels = new Uint8Array(order.length);
  order.forEach((from, i) => {
    images.set(digits.train.images.subarray(from * size, (from + 1) * size), i * size);
    labels[i] = digits.train.labels[from];
  });
  return { ...digits, train: { images, labels, count: order.length }, test: { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 } };
}



/** The first batch's indices of epoch 0 and every later one: the same order for every network of a run. */
function* batchIndices(s: DepthExperimentSettings, n: number, epoch: number): Generator<Int32Array> {
  const order = seededPermutation(n, s.seed + epoch * 7919);
  for (let start = 0; start < n; start += s.batchSize) yield order.subarray(start, Math.min(n, start + s.batchSize));
}

/** Batches x [≤128, size, size, channels] over the first `n` training images, for BN statistics; each disposed after use. */
function* wholeSubset(data: ImageDataset, INPUT: Shape3, classes: number, n = data.train.count): Generator<tf.Tensor4D> {
  for (let start = 0; start < n; start += MEASURE_BATCH) {
    const idx = Int32Array.from({ length: Math.min(MEASURE_BATCH, n - start) }, (_, i) => start + i);
    const { x, y } = makeBatch(data.train, data.imageShape, idx, INPUT, classes);
    y.dispose();
    try {
      yield x;
    } finally {
      x.dispose();
    }
  }
}

interface RunArgs {
  settings: DepthExperimentSettings;
  data: ImageDataset;
  family: NetFamily;
  depth: number;
  /** Measure the first step's gradient norms (the deepest pair). */
  withNorms: boolean;
  control: RunControl;
  progress: (p: Omit<DepthProgress, 'run' | 'runs' | 'elapsedSeconds'>) => void;
}

/**
 * The first-step gradient norms of a net as Keras would start it (γ = 1 everywhere): one step on the run's
 * first batch with a throwaway model and optimizer, both disposed. For the residual net whose trained copy
 * starts with γ = 0 on its branches (whose gradients are then exactly 0).
 */
async function normsAtKerasInit(s: DepthExperimentSettings, data: ImageDataset, graph: ArchGraph, INPUT: Shape3): Promise<LayerGradientNorm[]> {
  const model = buildModel(graph, { seed: s.seed });
  const optimizer = makeOptimizer(s);
  const first = batchIndices(s, data.train.count, 0).next().value ?? new Int32Array(0);
  const { x, y } = makeBatch(data.train, data.imageShape, first, INPUT, data.classNames.length);
  try {
    return (await stepWithGradientNorms(model, graph, optimizer, x, y)).norms;
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    disposeOptimizer(optimizer);
  }
}

/** Trains one network with the run's budget, then measures its training error; disposes the model. */
async function trainOne(a: RunArgs): Promise<{ run: DepthRun; norms: LayerGradientNorm[] | null }> {
  const { settings: s, data } = a;
  const classes = data.classNames.length;
  const arch = `${a.family === 'plain' ? 'plain' : 'resnet'}${a.depth}`;
  const INPUT = inputOf(data, s);
  const built = buildArch(arch, { width: s.width, classes, input: INPUT });
  const zeroStart = Boolean(s.zeroInitResidual) && a.family === 'residual';
  const graph: ArchGraph = zeroStart ? withTrainingOptions(built, { zeroInitResidual: true }) : built;
  const probed = a.withNorms && zeroStart ? await normsAtKerasInit(s, data, built, INPUT) : null;
  const t0 = now();
  const model = buildModel(graph, { seed: s.seed });
  const optimizer = makeOptimizer(s);
  const batches = Math.ceil(data.train.count / s.batchSize);
  let norms: LayerGradientNorm[] | null = null;
  let diverged = false;
  let lastEpochLoss = NaN;
  const epochErrors: number[] = [];
  const totalSteps = batches * s.epochs;
  let step = 0;
  /** Training error on the first `n` images in inference mode, with the batch norms' exact statistics over them. */
  const trainingError = async (n: number) => {
    await recomputeBatchNormStatistics(model, graph, wholeSubset(data, INPUT, classes, n));
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    const m = await measure(model, data, 'train', idx, INPUT, classes, MEASURE_BATCH);
    return { error: 1 - m.accuracy, loss: m.loss };
  };
  try {
    for (let epoch = 0; epoch < s.epochs && !diverged; epoch++) {
      let lossSum = 0;
      let seen = 0;
      let b = 0;
      for (const idx of batchIndices(s, data.train.count, epoch)) {
        const { x, y } = makeBatch(data.train, data.imageShape, idx, INPUT, classes);
        if (s.schedule === 'cosine') setLearningRate(optimizer, scheduledRate('cosine', s.learningRate, step, totalSteps));
        else if (s.warmupEpochs) setLearningRate(optimizer, epoch < s.warmupEpochs ? s.learningRate / 10 : s.learningRate);
        step++;
        let loss: number;
        try {
          if (a.withNorms && !probed && epoch === 0 && b === 0) {
            const first = await stepWithGradientNorms(model, graph, optimizer, x, y);
            norms = first.norms;
            loss = first.loss;
          } else {
            const r = trainStep(model, optimizer, x, y, [1]);
            try {
              loss = (await r.loss.data())[0];
            } finally {
              tf.dispose([r.loss, r.accuracy]);
            }
          }
        } finally {
          tf.dispose([x, y]);
        }
        if (!Number.isFinite(loss)) {
          diverged = true;
          break;
        }
        lossSum += loss * idx.length;
        seen += idx.length;
        a.progress({ family: a.family, depth: a.depth, epoch, epochs: s.epochs, batch: b + 1, batches, loss });
        b++;
        if (await a.control.checkpoint()) throw inspectError('inspect.experimentStopped');
      }
      if (seen) lastEpochLoss = lossSum / seen;
      if (s.measureEachEpoch && !diverged) epochErrors.push((await trainingError(Math.min(s.measureEachEpoch, data.train.count))).error);
    }
    const m = await trainingError(data.train.count);
    const run: DepthRun = {
      family: a.family, depth: a.depth, arch, params: countParams(model).total, trainError: m.error, trainLoss: m.loss,
      lastEpochLoss, diverged, seconds: (now() - t0) / 1000, ...(s.measureEachEpoch ? { epochErrors } : {}),
    };
    return { run, norms: probed ?? norms };
  } finally {
    model.dispose();
    disposeOptimizer(optimizer);
  }
}

/**
 * The depth experiment: for each depth, a plain and a residual CIFAR-style net (zoo `plainD`/`resnetD`
 * at the given width) trained on the same generated data with the same budget, optimizer, learning
 * rate, seed and batch order. Reports each net's final training error (inference mode, batch-norm
 * statistics recomputed over the training subset) and, at the first step of the deepest pair, the
 * gradient norm of every conv kernel. Uses its own models and data and disposes them; the caller's
 * model is never touched. @throws Error when stopped through `control` or when settings are invalid.
 */
export async function runDepthExperiment(
  settings: DepthExperimentSettings,
  control: RunControl,
  onProgress: (p: DepthProgress) => void,
  digits?: ImageDataset,
): Promise<Omit<DepthExperimentResult, 'backend'>> {
  validateDepthSettings(settings);
  const depths = [...settings.depths].sort((x, y) => x - y);
  const s = { ...settings, depths };
  const data = experimentData(s, digits);
  const deepest = depths[depths.length - 1];
  const plan = depths.flatMap((depth) => (['plain', 'residual'] as const).map((family) => ({ depth, family })));
  const t0 = now();
  const runs: DepthRun[] = [];
  const gradientNorms: DepthExperimentResult['gradientNorms'] = { depth: deepest, plain: [], residual: [] };
  for (const [i, { depth, family }] of plan.entries()) {
    const { run, norms } = await trainOne({
      settings: s, data, family, depth, withNorms: depth === deepest, control,
      progress: (p) => onProgress({ ...p, run: i, runs: plan.length, elapsedSeconds: (now() - t0) / 1000 }),
    });
    runs.push(run);
    if (norms) gradientNorms[family] = norms;
    if (norms && family === 'residual' && s.zeroInitResidual) gradientNorms.residualAtKerasInit = true;
  }
  return { settings: s, runs, gradientNorms, seconds: (now() - t0) / 1000 };
}

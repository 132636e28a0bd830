/**
 * The augmentation experiment: the same network (same seed, same initial weights, same batch order)
 * trained twice on a small subset, once without and once with augmentation, validated on held-out
 * images. Small data is where augmentation's regularising effect shows: the plain run overfits.
 */
import * as tf from '@tensorflow/tfjs-core';
import { disposeOptimizer, makeOptimizer } from '../optimizers';
import { estimateTrainingMemory, inferGraph } from '../../arch/index';
import type { ImageDataset, ImageSplit } from '../../data/datasetTypes';
import { buildModel } from '../../model/index';
import { memoryBudget } from '../backends';
import type { Engine } from '../engine';
import { fitLoop } from '../fitLoop';
import { RunControl } from '../runControl';
import { augmentTransform } from './augmentTransform';
import type { CompareEvent, CompareRequest, CompareResult, CompareRun } from './uploadsProtocol';
import { engineError, uploadsError } from '../../messages/index';

type Shape3 = [number, number, number];

function slice(split: ImageSplit, count: number, size: number): { images: Uint8Array; labels: Uint8Array } {
  return { images: split.images.subarray(0, count * size), labels: split.labels.subarray(0, count) };
}

/**
 * A dataset whose training split is `examples` training images followed by `validation` test images,
 * and the validation split that makes the fit loop validate on exactly those test images.
 */
export function comparisonSubset(data: ImageDataset, examples: number, validation: number): { data: ImageDataset; validationSplit: number; examples: number; validation: number } {
  const size = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  const n = Math.max(1, Math.min(examples, data.train.count));
  const m = Math.max(1, Math.min(validation, data.test.count));
  const train = slice(data.train, n, size);
  const val = slice(data.test, m, size);
  const images = new Uint8Array((n + m) * size);
  images.set(train.images, 0);
  images.set(val.images, n * size);
  const labels = new Uint8Array(n + m);
  labels.set(train.labels, 0);
  labels.set(val.labels, n);
  // floor((n + m) · split) = m exactly: the +0.5 keeps float rounding from losing one.
  const validationSplit = (m + 0.5) / (n + m);
  return { data: { ...data, train: { images, labels, count: n + m } }, validationSplit, examples: n, validation: m };
}

/** Runs the comparison on the engine's current dataset; one run at a time, stoppable. */
export class AugmentComparison {
  private control: RunControl | null = null;

  constructor(private readonly engine: Engine) {}

  stop(): void {
    this.control?.stop();
  }

  async run(req: CompareRequest, onEvent: (e: CompareEvent) => void): Promise<CompareResult> {
    const { data, training, backend } = this.engine.current();
    if (!data) throw engineError('engine.needDataset');
    if (training || this.control) throw uploadsError('uploads.experimentBusy');
    const info = inferGraph(req.graph);
    const budget = memoryBudget(backend?.name ?? 'cpu');
    const estimate = estimateTrainingMemory(info, req.batchSize, req.compile.optimizer).total;
    if (estimate > budget) throw uploadsError('uploads.experimentTooLarge', { model: req.graph.name, estimate: (estimate / 2 ** 20).toFixed(0) });
    const subset = comparisonSubset(data, req.examples, req.validation);
    const input = info.inputShape as Shape3;
    const classes = info.outputShape[0];
    // Holds the Train button's fit off until both runs are done: two loops would halve each other's speed.
    const release = this.engine.claim('engine.busyAugmentExperiment');
    const control = new RunControl();
    this.control = control;
    const runs: CompareResult['runs'] = [];
    try {
      for (const run of ['plain', 'augmented'] as CompareRun[]) {
        if (control.stopRequested) break;
        onEvent({ type: 'runStart', run, epochs: req.epochs, examples: subset.examples, validation: subset.validation });
        const model = buildModel(req.graph, { seed: req.seed });
        const optimizer = makeOptimizer(req.compile);
        try {
          const result = await fitLoop({
            model, optimizer, data: subset.data, input, classes,
            lossWeights: req.graph.outputs.map((o) => o.lossWeight),
            settings: { epochs: req.epochs, batchSize: req.batchSize, validationSplit: subset.validationSplit, shuffle: true, seed: req.seed, trainLimit: 0 },
            control,
            onEvent: (e) => {
              if (e.type === 'epochEnd') onEvent({ type: 'epochEnd', run, epoch: e.epoch + 1, loss: e.loss, accuracy: e.accuracy, valLoss: e.valLoss, valAccuracy: e.valAccuracy, examplesPerSec: e.examplesPerSec });
              else if (e.type === 'batchEnd') onEvent({ type: 'batchEnd', run, epoch: e.epoch, batch: e.batch + 1, batches: e.batches });
            },
            transformBatch: run === 'augmented' ? augmentTransform(req.augment, req.augmentSeed, subset.data, subset.examples, input[2]) : undefined,
          });
          runs.push({ run, end: result.end, message: result.message, detail: result.detail });
          if (result.end !== 'completed') break;
        } finally {
          model.dispose();
          disposeOptimizer(optimizer);
        }
      }
    } finally {
      this.control = null;
      release();
    }
    return { examples: subset.examples, validation: subset.validation, runs, tensorsAfter: tf.memory().numTensors };
  }
}

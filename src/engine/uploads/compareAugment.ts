/**
 * The augmentation experiment: the same network (same seed, same initial weights, same batch order)
 * trained twice on a small subset, once without and once with augmentation, validated on held-out
 * images. Small data is where augmentation's regularising effect shows: the plain run overfits.
 */
import * as tf from '@tensorflow/tfjs-core';
import { disposeOptimizer, makeOptimizer } from '../optimizers';
import { inferGraph } from '../../arch/index';
import type { ImageDataset, ImageSplit } from '../../data/datasetTypes';
import { buildModel } from '../../model/index';
import type { Engine } from '../engine';
import { fitLoop } from '../fitLoop';
import type { Job, Refusal } from '../jobSlot';
import type { RunControl } from '../runControl';
import type { Session } from '../session';
import { augmentTransform } from './augmentTransform';
import type { CompareEvent, CompareRequest, CompareResult, CompareRun } from './uploadsProtocol';
import { engineError, uploadsError } from '../../messages/index';

type Shape3 = [number, number, number];

/** The comparison's own words while training, an evaluation or the comparison itself runs; other jobs keep the slot's. */
const refuseComparison: Refusal = (running) =>
  running === 'fit' || running === 'evaluate' || running === 'augmentComparison' ? uploadsError('uploads.experimentBusy') : undefined;

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

/**
 * The comparison as a job of the session (`augmentComparison`), on the session's current dataset: one
 * job at a time (the slot refuses while another runs), stopped within one batch.
 */
export class AugmentComparison implements Job<CompareRequest, CompareEvent, CompareResult> {
  readonly name = 'augmentComparison';
  private readonly session: Session;

  constructor(engine: Engine) {
    this.session = engine.session;
  }

  /** Stops a running comparison after its current batch. */
  stop(): void {
    this.session.jobs.stop(this.name);
  }

  /** Runs the comparison in the session's job slot (refused while another job runs). */
  async run(req: CompareRequest, onEvent: (e: CompareEvent) => void): Promise<CompareResult> {
    if (!this.session.data) throw engineError('engine.needDataset');
    this.session.jobs.requireFree(refuseComparison);
    const { estimate, budget } = this.session.memoryFor(inferGraph(req.graph), { batchSize: req.batchSize, optimizer: req.compile.optimizer });
    if (estimate > budget) throw uploadsError('uploads.experimentTooLarge', { model: req.graph.name, estimate: (estimate / 2 ** 20).toFixed(0) });
    return this.session.jobs.start(this, req, onEvent, refuseComparison);
  }

  async start(req: CompareRequest, onEvent: (e: CompareEvent) => void, control: RunControl): Promise<CompareResult> {
    const data = this.session.data;
    if (!data) throw engineError('engine.needDataset');
    const info = inferGraph(req.graph);
    const subset = comparisonSubset(data, req.examples, req.validation);
    const input = info.inputShape as Shape3;
    const classes = info.outputShape[0];
    const runs: CompareResult['runs'] = [];
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
    return { examples: subset.examples, validation: subset.validation, runs, tensorsAfter: tf.memory().numTensors };
  }
}

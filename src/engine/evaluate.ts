import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageDataset } from '../data/datasetTypes';
import { makeBatch } from './batches';
import { engineError } from '../messages/index';
import type { Job } from './jobSlot';
import type { EvaluateResult } from './protocol';
import type { RunControl } from './runControl';
import { categoricalCrossentropy, predictMain } from './trainStep';

type Shape3 = readonly [number, number, number];

/** A long evaluation as a job: progress after each batch, cancelled at the next batch by `control.stop()`. */
export interface EvaluateJob {
  readonly control?: RunControl;
  /** Test images evaluated so far, of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Evaluates the main output on the first `limit` test images (0 = all): loss, accuracy, per-class
 * accuracy and the confusion matrix confusion[actual][predicted]. Batches x [≤batchSize, ...input].
 * Disposes everything it makes.
 * @throws UserMessage `engine.evaluationCancelled` when `job.control` was stopped (checked between batches).
 */
export async function evaluateModel(model: tfl.LayersModel, data: ImageDataset, input: Shape3, classes: number, limit: number, batchSize = 256, job: EvaluateJob = {}): Promise<EvaluateResult> {
  const count = limit > 0 ? Math.min(limit, data.test.count) : data.test.count;
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < count; start += batchSize) {
    if (job.control && (await job.control.checkpoint())) throw engineError('engine.evaluationCancelled');
    const idx = Int32Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => start + i);
    const { x, y, labels } = makeBatch(data.test, data.imageShape, idx, input, classes);
    const [loss, predicted] = tf.tidy(() => {
      const p = predictMain(model, x);
      return [categoricalCrossentropy(y, p), tf.argMax(p, -1)];
    });
    try {
      lossSum += (await loss.data())[0] * idx.length;
      const pred = await predicted.data();
      for (let i = 0; i < idx.length; i++) {
        confusion[labels[i]][pred[i]]++;
        if (labels[i] === pred[i]) correct++;
      }
    } finally {
      tf.dispose([x, y, loss, predicted]);
    }
    job.onProgress?.(Math.min(count, start + batchSize), count);
  }
  const perClassAccuracy = confusion.map((row, c) => {
    const total = row.reduce((s, v) => s + v, 0);
    return total ? row[c] / total : 0;
  });
  return { loss: lossSum / Math.max(1, count), accuracy: correct / Math.max(1, count), count, perClassAccuracy, confusion, classNames: [...data.classNames].slice(0, classes) };
}

/** What the session's evaluation job evaluates: the model, its data and shapes, and how many test images (0 = all). */
export interface EvaluationSettings {
  model: tfl.LayersModel;
  data: ImageDataset;
  input: Shape3;
  classes: number;
  limit: number;
  /** Runs first, inside the job (e.g. settling batch-norm statistics a stopped run left behind). */
  before?: () => Promise<void>;
}

/** Test images evaluated so far, of `total`. */
export interface EvaluationProgress {
  done: number;
  total: number;
}

/**
 * Evaluation as the session's job 'evaluate': progress after each batch of 256 test images, cancelled at
 * the next batch by a stop (rejecting with `engine.evaluationCancelled`).
 */
export const evaluationJob: Job<EvaluationSettings, EvaluationProgress, EvaluateResult> = {
  name: 'evaluate',
  async start(s, onProgress, control) {
    await s.before?.();
    return evaluateModel(s.model, s.data, s.input, s.classes, s.limit, 256, { control, onProgress: (done, total) => onProgress({ done, total }) });
  },
};

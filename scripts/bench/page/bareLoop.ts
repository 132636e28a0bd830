/**
 * The reference our engine is measured against: the shortest honest tfjs training loop. Same model
 * (our `buildModel`, same seed), same examples in the same order, same Adam, but the whole epoch is
 * made into two tensors up front and each step is slice → optimizer.minimize → read the loss. What the
 * engine adds on top (uint8 → float batches, padding, one-hot, accuracy, events, pause/stop checks,
 * Comlink) is the pipeline overhead the engine/bare ratio shows.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildArch } from '../../../src/arch/index';
import type { ImageDataset } from '../../../src/data/index';
import { makeBatch } from '../../../src/engine/batches';
import { buildModel } from '../../../src/model/index';
import { BENCH_MODELS, LEAK_CHECK_BATCH, type BenchModel, type CaseOutcome, type CaseSpec, type TensorCounts, type Throughput } from '../schema';
import { epochOrder, loadBenchData } from './benchData';
import { activateBenchBackend } from './setupTfjs';
import { timedThroughput, throughputOf, type BatchMark } from './timing';

/** −mean Σ y·log p, with p clipped as Keras does (the model ends in softmax). */
function crossEntropy(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(tf.clipByValue(p, 1e-7, 1 - 1e-7))), -1)));
}

/** Trains and times one epoch (time-boxed) of the bare loop, then its inference. */
export async function runBareCase(spec: CaseSpec, dataBaseUrl: string): Promise<CaseOutcome> {
  if (spec.backend === 'js') throw new Error('The bare tfjs loop needs a tfjs backend.');
  const actualBackend = await activateBenchBackend(spec.backend);
  const def = BENCH_MODELS[spec.model];
  const data = await loadBenchData(def, dataBaseUrl);
  const n = Math.min(spec.trainExamples, data.train.count);
  const bs = spec.batchSize;
  const model = buildModel(buildArch(def.arch, { input: def.input, classes: def.classes, width: def.width }), { seed: spec.seed });
  const optimizer = tf.train.adam(spec.learningRate);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  // The epoch as two tensors: x [n, H, W, C] already padded / adapted, y [n, classes] one-hot.
  const { x: xs, y: ys } = makeBatch(data.train, data.imageShape, epochOrder(n, spec.seed), def.input, def.classes);
  const step = async (b: number, batch = bs): Promise<number> => {
    const start = b * batch;
    const size = Math.min(batch, n - start);
    // minimize() runs the closure under its own tidy: the slices and activations go with it.
    const loss = optimizer.minimize(() => {
      const xb = tf.slice(xs, [start, 0, 0, 0], [size, -1, -1, -1]);
      const yb = tf.slice(ys, [start, 0], [size, -1]);
      return crossEntropy(yb, model.apply(xb, { training: true }) as tf.Tensor);
    }, true, variables);
    if (!loss) throw new Error('optimizer.minimize returned no loss');
    try {
      return (await loss.data())[0];
    } finally {
      loss.dispose();
    }
  };
  try {
    await step(0); // warm-up: shaders, JIT, the optimizer's slots
    const afterWarmup = tf.memory().numTensors;
    const batches = Math.ceil(n / bs);
    const marks: BatchMark[] = [];
    const t0 = performance.now();
    let stoppedBy: CaseOutcome['stoppedBy'] = 'examples';
    for (let b = 0; b < batches; b++) {
      const loss = await step(b);
      marks.push({ examples: Math.min(n, (b + 1) * bs), sec: (performance.now() - t0) / 1000, loss });
      if (b < batches - 1 && performance.now() - t0 > spec.timeBoxSec * 1000) {
        stoppedBy = 'time';
        break;
      }
    }
    const afterTimed = tf.memory().numTensors;
    const leakCheckEpochs = 2;
    for (let e = 0; e < leakCheckEpochs; e++) await step(0, LEAK_CHECK_BATCH);
    const afterLeakCheck = tf.memory().numTensors;
    const tensors: TensorCounts = { afterWarmup, afterTimed, afterLeakCheck, leakCheckEpochs };
    const inference = spec.inferenceExamples > 0 ? await timeInference(model, data, def, spec.inferenceExamples) : null;
    return {
      actualBackend, backendNote: `tf.getBackend() = ${actualBackend}`,
      trainedExamples: bs + (marks.at(-1)?.examples ?? 0), stoppedBy,
      train: timedThroughput(marks), inference, lastLoss: marks.at(-1)?.loss ?? Number.NaN, tensors, mainThread: null,
    };
  } finally {
    tf.dispose([xs, ys]);
    optimizer.dispose();
    model.dispose();
  }
}

/** Batches of up to 256 (as the engine evaluates), the first one again as warm-up; each batch's output is read back. */
async function timeInference(model: tfl.LayersModel, data: ImageDataset, def: BenchModel, limit: number): Promise<Throughput> {
  const count = Math.min(limit, data.test.count);
  const bs = Math.min(256, count);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  const { x, y } = makeBatch(data.test, data.imageShape, order, def.input, def.classes);
  y.dispose();
  const run = async (start: number): Promise<number> => {
    const size = Math.min(bs, count - start);
    const p = tf.tidy(() => model.predict(tf.slice(x, [start, 0, 0, 0], [size, -1, -1, -1])) as tf.Tensor);
    await p.data();
    p.dispose();
    return size;
  };
  try {
    await run(0);
    const t0 = performance.now();
    let done = 0;
    for (let start = 0; start < count; start += bs) done += await run(start);
    return throughputOf(done, performance.now() - t0);
  } finally {
    x.dispose();
  }
}

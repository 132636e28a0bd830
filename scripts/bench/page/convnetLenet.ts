/**
 * The side-by-side reference: LeNet-5 in ConvNetJS (Karpathy's classic in-browser trainer), with our
 * layer sizes, trained on the same MNIST examples in the same order. ConvNetJS works one example at a
 * time in plain JS arrays and updates the weights every `batch_size` examples. Used on the page's
 * main thread (yielding between batches, as its demos do) and in convnet.worker.ts.
 */
import convnetjs, { type LayerDef, type Net, type Vol } from 'convnetjs';
import type { ImageDataset } from '../../../src/data/index';
import { BENCH_MODELS, CONVNETJS_TRAINER, type CaseOutcome, type TrainSpec } from '../schema';
import { epochOrder } from './benchData';
import { throughputOf, timedThroughput, type BatchMark } from './timing';

/** conv 6@5×5 relu, pool 2, conv 16@5×5 relu, pool 2, fc 120 relu, fc 84 relu, softmax 10 on 32×32×1: 61,706 weights. */
export function convnetLenet5(): Net {
  const defs: LayerDef[] = [
    { type: 'input', out_sx: 32, out_sy: 32, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 6, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'fc', num_neurons: 120, activation: 'relu' },
    { type: 'fc', num_neurons: 84, activation: 'relu' },
    { type: 'softmax', num_classes: 10 },
  ];
  const net = new convnetjs.Net();
  net.makeLayers(defs);
  return net;
}

/** Image `i` of a 28×28×1 split, zero-padded to 32×32×1 in [0, 1] (as our engine adapts it). */
export function mnistVol(images: Uint8Array, i: number): Vol {
  const vol = new convnetjs.Vol(32, 32, 1, 0);
  const src = i * 28 * 28;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) vol.w[(y + 2) * 32 + (x + 2)] = images[src + y * 28 + x] / 255;
  }
  return vol;
}

/**
 * Trains one warm-up batch, then one time-boxed epoch of the first `spec.trainExamples` examples, then
 * times inference on `spec.inferenceExamples` test images.
 * @param pause called between batches (the main thread yields there; a worker need not)
 */
export async function trainConvnetLenet(data: ImageDataset, spec: TrainSpec, pause: () => Promise<void>): Promise<Omit<CaseOutcome, 'mainThread'>> {
  const def = BENCH_MODELS.lenet5;
  if (data.imageShape[0] !== 28 || data.imageShape[2] !== 1) throw new Error(`ConvNetJS LeNet-5 expects 28×28×1 MNIST, got ${data.imageShape.join('×')}`);
  const n = Math.min(spec.trainExamples, data.train.count);
  const order = epochOrder(n, spec.seed);
  // Pixels → volumes up front, as the bare tfjs loop makes its tensors up front.
  const vols = Array.from(order, (i) => mnistVol(data.train.images, i));
  const labels = Array.from(order, (i) => data.train.labels[i]);
  const net = convnetLenet5();
  const trainer = new convnetjs.Trainer(net, { ...CONVNETJS_TRAINER, batch_size: spec.batchSize });
  const bs = spec.batchSize;
  const batch = (b: number): number => {
    let loss = 0;
    const end = Math.min(n, (b + 1) * bs);
    for (let i = b * bs; i < end; i++) loss += trainer.train(vols[i], labels[i]).loss;
    return loss / (end - b * bs);
  };
  batch(0); // warm-up (JIT)
  await pause();
  const batches = Math.ceil(n / bs);
  const marks: BatchMark[] = [];
  let stoppedBy: CaseOutcome['stoppedBy'] = 'examples';
  const t0 = performance.now();
  for (let b = 0; b < batches; b++) {
    const loss = batch(b);
    marks.push({ examples: Math.min(n, (b + 1) * bs), sec: (performance.now() - t0) / 1000, loss });
    if (b < batches - 1 && performance.now() - t0 > spec.timeBoxSec * 1000) {
      stoppedBy = 'time';
      break;
    }
    await pause(); // counted, as the engine's per-batch yield is
  }
  let inference = null;
  if (spec.inferenceExamples > 0) {
    const count = Math.min(spec.inferenceExamples, data.test.count);
    const test = Array.from({ length: count }, (_, i) => mnistVol(data.test.images, i));
    net.forward(test[0], false);
    const t1 = performance.now();
    for (const v of test) net.forward(v, false);
    inference = throughputOf(count, performance.now() - t1);
  }
  return {
    actualBackend: 'js', backendNote: `ConvNetJS 0.3, ${CONVNETJS_TRAINER.method}, batch ${bs} (${def.title})`,
    trainedExamples: bs + (marks.at(-1)?.examples ?? 0), stoppedBy, train: timedThroughput(marks), inference,
    lastLoss: marks.at(-1)?.loss ?? Number.NaN, tensors: null,
  };
}

import { describe, expect, it } from 'vitest';
import type { ImageDataset } from '../../src/data/index';
import { convnetLenet5, mnistVol, trainConvnetLenet } from './page/convnetLenet';

function fakeMnist(count: number): ImageDataset {
  const images = new Uint8Array(count * 28 * 28);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    // A bright column whose position encodes the label: learnable.
    for (let y = 0; y < 28; y++) images[i * 784 + y * 28 + 2 + labels[i] * 2] = 255;
  }
  const split = { images, labels, count };
  return { id: 'fake', name: 'fake', imageShape: [28, 28, 1], classNames: Array.from({ length: 10 }, (_, i) => String(i)), train: split, test: split };
}

describe('ConvNetJS LeNet-5', () => {
  it('has the layer sizes of our LeNet-5: 61,706 weights', () => {
    const total = convnetLenet5().getParamsAndGrads().reduce((s, p) => s + p.params.length, 0);
    expect(total).toBe(61_706);
  });

  it('zero-pads a 28×28 image by 2 px into 32×32×1 in [0, 1]', () => {
    const images = new Uint8Array(784).fill(255);
    const v = mnistVol(images, 0);
    expect([v.sx, v.sy, v.depth]).toEqual([32, 32, 1]);
    expect(v.w[0]).toBe(0);
    expect(v.w[2 * 32 + 2]).toBe(1);
    expect(v.w[29 * 32 + 29]).toBe(1);
    expect(v.w[30 * 32 + 30]).toBe(0);
    expect(v.w.reduce((s, x) => s + x, 0)).toBe(784);
  });

  it('trains a time-boxed epoch and reports throughput, inference and a finite loss', async () => {
    const spec = { batchSize: 16, learningRate: 1e-3, seed: 1, trainExamples: 64, timeBoxSec: 60, inferenceExamples: 32 };
    const out = await trainConvnetLenet(fakeMnist(64), spec, async () => undefined);
    expect(out.train.examples).toBe(64);
    expect(out.trainedExamples).toBe(80);
    expect(out.train.examplesPerSec).toBeGreaterThan(0);
    expect(out.inference?.examples).toBe(32);
    expect(Number.isFinite(out.lastLoss)).toBe(true);
    expect(out.stoppedBy).toBe('examples');
  });
});

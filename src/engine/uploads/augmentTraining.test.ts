import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { defaultAugmentConfig, recommendedAugmentConfig, type AugmentConfig } from '../../augment/config';
import type { ImageDataset } from '../../data/datasetTypes';
import { createRandom } from '../../data/random';
import { buildModel } from '../../model/index';
import { expectNoTensorLeak } from '../../model/testing/expectNoLeak';
import { Engine } from '../engine';
import { fitLoop } from '../fitLoop';
import { RunControl } from '../runControl';
import { augmentTransform, trainingPcaStats } from './augmentTransform';
import { AugmentComparison, comparisonSubset } from './compareAugment';
import type { CompareEvent } from './uploadsProtocol';

/** Two classes of 16×16 RGB images: a bright left half (class 0) or right half (class 1), noisy. */
function tinyDataset(train: number, test: number, channels = 3): ImageDataset {
  const rng = createRandom(5);
  const split = (count: number) => {
    const images = new Uint8Array(count * 16 * 16 * channels);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      labels[i] = i % 2;
      for (let p = 0; p < 256; p++) {
        const left = p % 16 < 8;
        const on = labels[i] === 0 ? left : !left;
        for (let c = 0; c < channels; c++) images[(i * 256 + p) * channels + c] = Math.min(255, (on ? 180 : 40) + rng.int(60) + c * 10);
      }
    }
    return { images, labels, count };
  };
  return { id: 'tiny', name: 'Tiny', imageShape: [16, 16, channels], classNames: ['left', 'right'], train: split(train), test: split(test) };
}

const mirrorOnly: AugmentConfig = { ...defaultAugmentConfig, mirror: { enabled: true, p: 1, horizontal: true, vertical: false } };

describe('augmentation in training', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('no hook when every augmentation is off; invalid settings are refused before training', () => {
    const data = tinyDataset(8, 4);
    expect(augmentTransform(undefined, 1, data, 8, 3)).toBeUndefined();
    expect(augmentTransform(defaultAugmentConfig, 1, data, 8, 3)).toBeUndefined();
    expect(() => augmentTransform({ ...mirrorOnly, mirror: { ...mirrorOnly.mirror, p: 2 } }, 1, data, 8, 3)).toThrow(/mirror\.p/);
  });

  it('the hook mirrors a batch (p = 1), leaks nothing and is reproducible per step', async () => {
    const hook = augmentTransform(mirrorOnly, 1, tinyDataset(8, 4), 8, 3);
    expect(hook).toBeDefined();
    await expectNoTensorLeak(async () => {
      const x = tf.tensor4d(Array.from({ length: 2 * 1 * 3 * 1 }, (_, i) => i / 10), [2, 1, 3, 1]);
      const y = hook!(x, 0);
      expect(Array.from(await y.data()).map((v) => +v.toFixed(3))).toEqual([0.2, 0.1, 0, 0.5, 0.4, 0.3]);
      tf.dispose([x, y]);
    });
  });

  it('PCA statistics come from the training images used; greyscale data switches PCA colour off instead of failing', () => {
    const rgb = tinyDataset(20, 4);
    const stats = trainingPcaStats(rgb, 10);
    expect(stats?.pixelCount).toBe(10 * 256);
    expect(stats!.eigenvalues[0]).toBeGreaterThan(stats!.eigenvalues[2]);
    expect(trainingPcaStats(tinyDataset(4, 4, 1))).toBeNull();
    const grey = augmentTransform(recommendedAugmentConfig, 1, tinyDataset(4, 4, 1), 4, 3);
    const x = tf.ones([2, 16, 16, 3]) as tf.Tensor4D;
    expect(() => tf.dispose(grey!(x, 0))).not.toThrow();
    x.dispose();
  });

  it('fitLoop augments training batches only: one call per training batch, none for validation', async () => {
    const data = tinyDataset(40, 8);
    const graph = buildArch('lenet5', { classes: 2, input: [16, 16, 3] });
    const model = buildModel(graph, { seed: 1 });
    const optimizer = tf.train.adam(0.01);
    const steps: number[] = [];
    const hook = augmentTransform(mirrorOnly, 3, data, 30, 3)!;
    const result = await fitLoop({
      model, optimizer, data, input: [16, 16, 3], classes: 2, lossWeights: [1], control: new RunControl(), onEvent: () => undefined,
      settings: { epochs: 2, batchSize: 10, validationSplit: 0.25, shuffle: true, seed: 1, trainLimit: 0 },
      transformBatch: (x, step) => {
        steps.push(step);
        expect(x.shape[0]).toBeLessThanOrEqual(10);
        return hook(x, step);
      },
    });
    expect(result.end).toBe('completed');
    expect(steps).toEqual([0, 1, 2, 3, 4, 5]); // 30 training examples / 10 = 3 batches × 2 epochs; the 10 validation examples never pass
    model.dispose();
    optimizer.dispose();
  });

  it('Engine.fit trains with augmentation (mirror, crop, PCA) and returns to its tensor count', async () => {
    const engine = new Engine();
    await engine.init('cpu');
    engine.session.installDataset('uploads', tinyDataset(48, 8));
    await engine.build(buildArch('lenet5', { classes: 2, input: [16, 16, 3] }), 2);
    await engine.compile({ optimizer: 'adam', learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' });
    const settings = { epochs: 1, batchSize: 16, validationSplit: 0.25, shuffle: true, seed: 1, trainLimit: 0, augment: recommendedAugmentConfig, augmentSeed: 9 };
    await engine.fit(settings, () => undefined);
    const after = tf.memory().numTensors;
    const result = await engine.fit(settings, () => undefined);
    expect(result.end).toBe('completed');
    expect(tf.memory().numTensors).toBe(after);
    await expect(engine.fit({ ...settings, augment: { ...recommendedAugmentConfig, pcaColor: { enabled: true, p: 1, sigma: -1 } } }, () => undefined)).rejects.toThrow(/pcaColor\.sigma/);
    await engine.disposeModel();
  });
});

describe('with/without augmentation experiment', () => {
  it('setAugmentation installs the session’s batch transform: a fit without `augment` trains as one passing it; null removes it', async () => {
    const engine = new Engine();
    await engine.init('cpu');
    engine.session.installDataset('uploads', tinyDataset(32, 8));
    const graph = buildArch('lenet5', { classes: 2, input: [16, 16, 3] });
    const compile = { optimizer: 'adam', learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' } as const;
    const plain = { epochs: 1, batchSize: 8, validationSplit: 0, shuffle: true, seed: 1, trainLimit: 0 };
    const lossOf = async (settings: typeof plain & { augment?: AugmentConfig; augmentSeed?: number }) => {
      await engine.build(graph, 2);
      await engine.compile(compile);
      const losses: number[] = [];
      await engine.fit(settings, (e) => e.type === 'batchEnd' && losses.push(e.loss));
      return losses;
    };
    const passed = await lossOf({ ...plain, augment: mirrorOnly, augmentSeed: 5 });
    await engine.setAugmentation(mirrorOnly, 5);
    expect(engine.session.batchAugmentation).toEqual({ config: mirrorOnly, seed: 5 });
    expect(await lossOf(plain)).toEqual(passed);
    // A fit's own settings still win over the installed ones (all off = none).
    const own = await lossOf({ ...plain, augment: defaultAugmentConfig });
    await engine.setAugmentation(null, 5);
    expect(engine.session.batchAugmentation).toBeNull();
    const none = await lossOf(plain);
    expect(none).toEqual(own);
    expect(none).not.toEqual(passed);
    await engine.setAugmentation(defaultAugmentConfig, 5);
    expect(engine.session.batchAugmentation).toBeNull();
    await engine.disposeModel();
  });

  it('the subset validates on exactly the requested test images', () => {
    const data = tinyDataset(50, 20);
    const s = comparisonSubset(data, 30, 12);
    expect(s.data.train.count).toBe(42);
    expect(Math.floor(42 * s.validationSplit)).toBe(12);
    expect(Array.from(s.data.train.images.subarray(30 * 768, 31 * 768))).toEqual(Array.from(data.test.images.subarray(0, 768)));
  });

  it('trains the same network twice, reports both curves and leaves no tensors', async () => {
    await tf.setBackend('cpu');
    const engine = new Engine();
    await engine.init('cpu');
    engine.session.installDataset('shapes', tinyDataset(48, 16));
    const before = tf.memory().numTensors;
    const events: CompareEvent[] = [];
    const result = await new AugmentComparison(engine).run({
      graph: buildArch('lenet5', { classes: 2, input: [16, 16, 3] }), seed: 3, examples: 32, validation: 16, epochs: 2, batchSize: 16,
      compile: { optimizer: 'adam', learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' },
      augment: mirrorOnly, augmentSeed: 4,
    }, (e) => events.push(e));
    expect(result.runs.map((r) => `${r.run}:${r.end}`)).toEqual(['plain:completed', 'augmented:completed']);
    const ends = events.filter((e) => e.type === 'epochEnd');
    expect(ends.map((e) => `${e.run}${e.epoch}`)).toEqual(['plain1', 'plain2', 'augmented1', 'augmented2']);
    expect(ends.every((e) => e.type === 'epochEnd' && e.valAccuracy !== null)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    // The session's job slot was freed: another experiment may start.
    expect(() => engine.session.jobs.requireFree()).not.toThrow();
  });
});

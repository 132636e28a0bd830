import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../arch/index';
import { Engine } from './engine';
import type { TrainEvent } from './protocol';
import { sayMessage } from '../messages/index';

const fit = { epochs: 1, batchSize: 32, validationSplit: 0.25, shuffle: true, seed: 1, trainLimit: 128 };

describe('Engine (CPU backend)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = new Engine();
    const status = await engine.init('cpu');
    expect(status.name).toBe('cpu');
    await engine.loadDataset('shapes', '', () => undefined);
  });

  it('returns to the tensor baseline after build, fit, evaluate, predict and dispose', async () => {
    const baseline = tf.memory().numTensors;
    const graph = buildArch('lenet5', { classes: 6 });
    const built = await engine.build(graph, 3);
    expect(built.totalParams).toBe(5 * 5 * 6 + 6 + 5 * 5 * 6 * 16 + 16 + 400 * 120 + 120 + 120 * 84 + 84 + 84 * 6 + 6);
    expect(sayMessage(built.adaptation, 'en')).toContain('32×32×3');
    const afterBuild = tf.memory().numTensors;
    await engine.compile({ optimizer: 'adam', learningRate: 0.003, momentum: 0.9, loss: 'categoricalCrossentropy' });
    const events: TrainEvent[] = [];
    const result = await engine.fit(fit, (e) => events.push(e));
    expect(result.end).toBe('completed');
    expect(events.filter((e) => e.type === 'batchEnd')).toHaveLength(3);
    const end = events.find((e) => e.type === 'epochEnd');
    expect(end && end.type === 'epochEnd' && end.valAccuracy).not.toBeNull();
    // Weights + Adam's two slots per trainable weight (+ its step counter) are the only new tensors.
    const afterFit = tf.memory().numTensors;
    const evaluation = await engine.evaluate(100);
    expect(evaluation.count).toBe(100);
    expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(100);
    const sample = await engine.sample(5);
    const prediction = await engine.predict({ pixels: sample.pixels, shape: sample.shape, label: sample.label }, 3);
    expect(prediction.top).toHaveLength(3);
    expect(prediction.top[0].probability).toBeGreaterThanOrEqual(prediction.top[1].probability);
    expect(tf.memory().numTensors).toBe(afterFit);
    // A second epoch leaks nothing either.
    await engine.fit(fit, () => undefined);
    expect(tf.memory().numTensors).toBe(afterFit);
    expect(afterBuild).toBeGreaterThan(baseline);
    await engine.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('recompiling with SGD momentum and replacing the model leave no tensor behind', async () => {
    const baseline = tf.memory().numTensors;
    await engine.build(buildArch('lenet5', { classes: 6, width: 0.5 }), 4);
    for (let i = 0; i < 3; i++) await engine.compile({ optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' });
    await engine.fit({ ...fit, trainLimit: 64 }, () => undefined);
    await engine.build(buildArch('lenet5', { classes: 6, width: 0.25 }), 5);
    await engine.disposeModel();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops on a NaN loss, says so, and keeps finite weights', async () => {
    await engine.build(buildArch('lenet5', { classes: 6 }), 3);
    await engine.compile({ optimizer: 'adam', learningRate: 1e3, momentum: 0.9, loss: 'categoricalCrossentropy' });
    const result = await engine.fit({ ...fit, trainLimit: 512, epochs: 3 }, () => undefined);
    expect(result.end).toBe('nan');
    expect(result.message).toMatch(/lower learning rate/);
    expect(result.detail?.code).toBe('fit.nan');
    expect(sayMessage(result.detail!, 'ja')).toMatch(/学習率を下げて/);
    const evaluation = await engine.evaluate(50);
    expect(Number.isFinite(evaluation.loss)).toBe(true);
    await engine.disposeModel();
  });

  it('refuses a model too large for memory before allocating it', async () => {
    const before = tf.memory().numTensors;
    await expect(engine.build(buildArch('vgg16', { classes: 6 }), 1, { batchSize: 64, optimizer: 'adam' })).rejects.toThrow(/too large to train here.*MiB.*width multiplier/);
    await expect(engine.build(buildArch('vgg16', { classes: 6 }), 1)).rejects.toMatchObject({ detail: { code: 'engine.modelTooLarge' } });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains GoogLeNet with auxiliary classifiers (losses weighted 0.3) and stops on request', async () => {
    const graph = buildArch('googlenet', { aux: true, width: 0.0625, classes: 6, input: [96, 96, 3] });
    await engine.build(graph, 2);
    await engine.compile({ optimizer: 'adam', learningRate: 0.001, momentum: 0.9, loss: 'categoricalCrossentropy' });
    let batches = 0;
    const result = await engine.fit({ ...fit, batchSize: 8, trainLimit: 64, epochs: 2 }, (e) => {
      if (e.type === 'batchEnd') {
        batches++;
        expect(Number.isFinite(e.loss)).toBe(true);
        if (batches === 2) void engine.stop();
      }
    });
    expect(result.end).toBe('stopped');
    expect(batches).toBe(2);
    const prediction = await engine.predict({ pixels: (await engine.sample(0)).pixels, shape: [32, 32, 3] }, 6);
    expect(prediction.top.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 4);
    await engine.disposeModel();
  });
});

describe('Engine.ready', () => {
  it('waits for a backend activation in flight, and resolves at once when none is', async () => {
    const engine = new Engine();
    await engine.ready();
    const starting = engine.init('cpu');
    expect(engine.session.backend).toBeNull();
    await engine.ready();
    expect(engine.session.backend?.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    await starting;
  });
});

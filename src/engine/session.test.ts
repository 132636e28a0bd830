/**
 * The worker's session: one lifecycle (empty → built → training ⇄ paused → trained), named install
 * operations with a typed replacement notice, and one job slot (one job at a time, a refusal naming the
 * running job, stop within one batch). CPU backend, tiny data.
 */
import '@tensorflow/tfjs-backend-cpu';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch, inferGraph } from '../arch/index';
import { defaultAugmentConfig } from '../augment/config';
import { toUserMessage } from '../messages/index';
import { buildModel } from '../model/index';
import { Engine } from './engine';
import { InspectFeature } from './inspect/inspectApi';
import { DEPTH_PRESETS } from './inspect/depthPresets';
import { JobSlot, type Job } from './jobSlot';
import type { CompileSettings, FitSettings, TrainEvent } from './protocol';
import type { Replacement } from './session';
import { diskFetch, toyDigits } from './transfer/testing/toyData';
import { TransferFeature } from './transfer/transferApi';
import { AugmentComparison } from './uploads/compareAugment';
import type { RunControl } from './runControl';

const compile: CompileSettings = { optimizer: 'adam', learningRate: 0.01, momentum: 0.9, loss: 'categoricalCrossentropy' };
const fit: FitSettings = { epochs: 2, batchSize: 4, validationSplit: 0, shuffle: true, seed: 1, trainLimit: 0 };
const toy = () => toyDigits({ classNames: ['zero', 'one', 'two', 'three'], train: 32, test: 16, salts: [2, 5] });
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => toUserMessage(e).code);

/** A job of `batches` steps that records how many ran: each step awaits the checkpoint, as every real job does. */
function countingJob(batches: number, onBatch: (b: number) => void = () => undefined): Job<null, number, number> & { ran: number } {
  return {
    name: 'augmentComparison',
    ran: 0,
    async start(_settings: null, onProgress: (b: number) => void, control: RunControl) {
      for (let b = 0; b < batches; b++) {
        this.ran++;
        onProgress(b);
        onBatch(b);
        if (await control.checkpoint()) break;
      }
      return this.ran;
    },
  };
}

describe('JobSlot', () => {
  it('runs one job at a time, refuses another naming the running one, and is free again after it settles', async () => {
    const slot = new JobSlot();
    let release: () => void = () => undefined;
    const held = slot.run('depthExperiment', () => new Promise<void>((r) => (release = r)));
    expect(slot.running).toBe('depthExperiment');
    expect(await codeOf(slot.run('fit', async () => 1))).toBe('engine.busyDepthExperiment');
    expect(() => slot.requireFree()).toThrow(/depth experiment is running/);
    release();
    await held;
    expect(slot.running).toBeNull();
    expect(await slot.run('fit', async () => 7)).toBe(7);
    // A job that fails frees the slot too.
    await expect(slot.run('evaluate', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(slot.running).toBeNull();
  });

  it('stop takes effect at the next batch, and only for the jobs it names', async () => {
    const slot = new JobSlot();
    const job = countingJob(100, (b) => {
      if (b === 0) slot.stop('fit'); // another job's stop: ignored
      if (b === 2) slot.stop('augmentComparison');
    });
    expect(await slot.start(job, null, () => undefined)).toBe(3);
  });
});

describe('Session lifecycle and install operations', () => {
  const core = new Engine();
  const session = core.session;
  beforeAll(async () => {
    await core.init('cpu');
  });

  it('empty → built → training ⇄ paused → trained, and built again for a new model', async () => {
    expect(session.phase).toBe('empty');
    core.session.installDataset('mnist', toy());
    await core.build(buildArch('lenet5', { classes: 4 }), 1, { batchSize: 4, optimizer: 'adam' });
    expect(session.phase).toBe('built');
    await core.compile(compile);
    const phases: string[] = [];
    const result = await core.fit({ ...fit, epochs: 1 }, (e: TrainEvent) => {
      if (e.type === 'epochStart') {
        phases.push(session.phase);
        void core.pause();
        phases.push(session.phase);
      }
      if (e.type === 'paused') {
        phases.push(session.phase);
        setTimeout(() => void core.resume(), 0);
      }
      if (e.type === 'resumed') phases.push(session.phase);
    });
    expect(result.end).toBe('completed');
    expect(phases).toEqual(['training', 'paused', 'paused', 'training']);
    expect(session.phase).toBe('trained');
    await core.build(buildArch('lenet5', { classes: 4 }), 2, { batchSize: 4, optimizer: 'adam' });
    expect(session.phase).toBe('built');
    await core.disposeModel();
    expect(session.phase).toBe('empty');
  });

  it('a subset installs over its full dataset and is restored; any other install drops it; listeners hear each', () => {
    const full = toy();
    const heard: Replacement[] = [];
    const off = session.onReplaced((r) => heard.push(r));
    session.installDataset('mnist', full);
    const subset = { ...full, classNames: ['zero', 'one'] };
    session.installSubset('mnist', subset, full, 'transfer');
    expect(session.data).toBe(subset);
    expect(session.fullDataset?.data).toBe(full);
    expect(session.hasSubset).toBe(true);
    session.restoreDataset('transfer');
    expect(session.data).toBe(full);
    expect(session.hasSubset).toBe(false);
    session.installSubset('mnist', subset, full, 'transfer');
    session.installDataset('shapes', toy(), 'uploads');
    session.restoreDataset('transfer'); // nothing under it any more: a no-op, no notice
    expect(session.datasetId).toBe('shapes');
    off();
    session.installDataset('mnist', full);
    expect(heard).toEqual([
      { what: 'dataset', by: 'core', reason: 'installed' },
      { what: 'dataset', by: 'transfer', reason: 'installed' },
      { what: 'dataset', by: 'transfer', reason: 'restored' },
      { what: 'dataset', by: 'transfer', reason: 'installed' },
      { what: 'dataset', by: 'uploads', reason: 'installed' },
    ]);
  });

  it('installing a model disposes the one before it (and its optimizer); a recovered model keeps its owner', async () => {
    const baseline = tf.memory().numTensors;
    await core.build(buildArch('lenet5', { classes: 4 }), 1);
    await core.compile({ ...compile, optimizer: 'sgd' });
    expect(session.modelOwner).toBe('core');
    const heard: Replacement[] = [];
    const off = session.onReplaced((r) => heard.push(r));
    const graph = buildArch('lenet5', { classes: 4 });
    session.installTransferModel(buildModel(graph, { seed: 3 }), graph);
    expect(session.modelOwner).toBe('transfer');
    expect(session.optimizer).toBeNull();
    const rebuilt = buildModel(graph, { seed: 4 });
    session.model?.dispose();
    session.installRecoveredModel(rebuilt);
    expect(session.model).toBe(rebuilt);
    expect(session.modelOwner).toBe('transfer');
    session.disposeModel();
    off();
    expect(heard).toEqual([
      { what: 'model', by: 'transfer', reason: 'installed' },
      { what: 'model', by: 'transfer', reason: 'recovered' },
      { what: 'model', by: 'transfer', reason: 'disposed' },
    ]);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('the memory check refuses before anything is built', () => {
    const big = buildArch('alexnet', {});
    expect(() => session.checkMemory(big, { ...inferGraph(big), totalParams: 4e9, trainableParams: 4e9 }, { batchSize: 64, optimizer: 'adam' })).toThrow(/too large to train here/);
  });
});

describe('one job at a time across the worker', () => {
  const core = new Engine();
  const inspect = new InspectFeature(core);
  const comparison = new AugmentComparison(core);
  const transfer = new TransferFeature(core, diskFetch);
  const compareReq = {
    graph: buildArch('lenet5', { classes: 4 }), seed: 3, examples: 8, validation: 4, epochs: 1, batchSize: 4, compile,
    augment: { ...defaultAugmentConfig, mirror: { enabled: true, p: 1, horizontal: true, vertical: false } }, augmentSeed: 4,
  };
  const depth = { ...DEPTH_PRESETS.quick, depths: [8 as const], width: 0.25, examples: 4, batchSize: 2, epochs: 1 };
  beforeAll(async () => {
    await core.init('cpu');
    core.session.installDataset('mnist', toy());
  });

  it('while a fit runs, evaluate, the comparison, the depth experiment and another fit are refused saying so', async () => {
    await core.build(buildArch('lenet5', { classes: 4 }), 1, { batchSize: 4, optimizer: 'adam' });
    await core.compile(compile);
    const refusals: string[] = [];
    const result = await core.fit({ ...fit, epochs: 1 }, (e) => {
      if (e.type !== 'epochStart') return;
      void Promise.all([codeOf(core.evaluate(0)), codeOf(comparison.run(compareReq, () => undefined)), codeOf(inspect.runDepthExperiment(depth, () => undefined)), codeOf(core.fit(fit, () => undefined))])
        .then((codes) => refusals.push(...codes));
    });
    expect(result.end).toBe('completed');
    // The features keep their own words for "training is running".
    expect(refusals).toEqual(['engine.trainingRunning', 'uploads.experimentBusy', 'inspect.trainingRunning', 'engine.trainingRunning']);
  });

  it('while the comparison runs, Train is refused naming the comparison', async () => {
    let refusal = '';
    const result = await comparison.run(compareReq, (e) => {
      if (e.type === 'runStart' && e.run === 'plain') void codeOf(core.fit(fit, () => undefined)).then((c) => (refusal = c));
    });
    expect(result.runs.map((r) => r.end)).toEqual(['completed', 'completed']);
    expect(refusal).toBe('engine.busyAugmentExperiment');
  });

  it('each stop takes effect within one batch: fit, evaluate, comparison, depth experiment, transfer feature caching', async () => {
    const baseline = tf.memory().numTensors;
    // Fit: stopped before its first batch trains, it ends after that batch.
    let batches = 0;
    const stopped = await core.fit(fit, (e) => {
      if (e.type === 'epochStart') void core.stop();
      if (e.type === 'batchEnd') batches++;
    });
    expect(stopped).toMatchObject({ end: 'stopped', detail: { code: 'fit.stopped', params: { epoch: 1, batch: 1 } } });
    expect(batches).toBe(1);
    // Evaluate: cancelled after its first batch of 256 (16 test images: one batch, so a stop before it starts).
    const cancelled = core.evaluate(0);
    void core.stop();
    expect(await codeOf(cancelled)).toBe('engine.evaluationCancelled');
    // The comparison: stopped at its first run's start, one batch trains.
    let compareBatches = 0;
    const compared = await comparison.run(compareReq, (e) => {
      if (e.type === 'runStart') comparison.stop();
      if (e.type === 'batchEnd') compareBatches++;
    });
    expect(compared.runs).toMatchObject([{ run: 'plain', end: 'stopped' }]);
    expect(compareBatches).toBe(1);
    // The depth experiment: stopped at its first progress report (after one batch).
    let steps = 0;
    const depthRun = inspect.runDepthExperiment(depth, () => {
      steps++;
      void inspect.stopDepthExperiment();
    });
    expect(await codeOf(depthRun)).toBe('inspect.experimentStopped');
    expect(steps).toBe(1);
    // Nothing any of them made is left (the model and its optimizer slots were there before).
    expect(tf.memory().numTensors).toBe(baseline);
    await core.disposeModel();

    // Transfer: a stop while the feature cache is being built ends the fit before any training.
    const beforeTransfer = tf.memory().numTensors;
    await transfer.loadBase({ kind: 'shipped', id: 'lenet5-mnist', modelsUrl: resolve('public/models') });
    await transfer.applyHead({ subset: { datasetId: 'mnist', dataUrl: '', classes: [0, 1, 2], perClass: 8, testPerClass: 4, seed: 1 }, cutAt: 's4_pool', pooling: 'flatten', seed: 3, mode: { kind: 'head' }, plan: { batchSize: 4, optimizer: 'adam' } });
    const installed = tf.memory().numTensors;
    const events: TrainEvent[] = [];
    const caching = transfer.fit(compile, fit, (e) => events.push(e));
    void transfer.stop();
    const r = await caching;
    expect(r.end).toBe('stopped');
    expect(r.detail?.code).toBe('fit.stoppedCaching');
    expect(events.filter((e) => e.type === 'batchEnd')).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(installed);
    // The page has one Stop: the core's stop() ends the fit of an installed transfer model too.
    const again = transfer.fit(compile, fit, () => undefined);
    void core.stop();
    expect((await again).end).toBe('stopped');
    expect(tf.memory().numTensors).toBe(installed);
    await transfer.release();
    await core.disposeModel();
    expect(tf.memory().numTensors).toBe(beforeTransfer);
  });
});

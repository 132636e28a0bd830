/**
 * The depth experiment end to end on the wasm backend (the one the app trains with on CPUs; tfjs' pure-JS
 * cpu backend needs seconds per residual-net step). Tiny budget: this checks the plumbing, not ResNet.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { RunControl } from '../runControl';
import { setUpBackends } from '../wasm/backendParity';
import { runDepthExperiment } from './depthExperiment';
import { DEPTH_PRESETS, validateDepthSettings, type DepthExperimentSettings, type DepthProgress } from './depthPresets';

const tiny: DepthExperimentSettings = { ...DEPTH_PRESETS.quick, depths: [20, 8], examples: 64, batchSize: 32, epochs: 1 };
const convNames = (id: string) => buildArch(id, { width: 0.25, classes: 6, input: [32, 32, 3] }).nodes.filter((n) => n.spec.kind === 'conv2d').map((n) => n.name);

beforeAll(async () => {
  await setUpBackends();
  await tf.setBackend('wasm');
});

describe('runDepthExperiment (wasm)', () => {
  it('trains plain and residual nets per depth with one budget, reports errors and first-step gradient norms, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const progress: DepthProgress[] = [];
    const result = await runDepthExperiment(tiny, new RunControl(), (p) => progress.push(p));
    expect(tf.memory().numTensors).toBe(before);
    expect(result.settings.depths).toEqual([8, 20]);
    expect(result.runs.map((r) => r.arch)).toEqual(['plain8', 'resnet8', 'plain20', 'resnet20']);
    for (const r of result.runs) {
      expect(r.trainError).toBeGreaterThanOrEqual(0);
      expect(r.trainError).toBeLessThanOrEqual(1);
      expect(Number.isFinite(r.trainLoss)).toBe(true);
      expect(r.diverged).toBe(false);
    }
    // Same depth, same parameter count: option-A shortcuts add none.
    expect(result.runs[2].params).toBe(result.runs[3].params);
    expect(result.gradientNorms.depth).toBe(20);
    expect(result.gradientNorms.plain.map((n) => n.layer)).toEqual(convNames('plain20'));
    expect(result.gradientNorms.residual.map((n) => n.layer)).toEqual(convNames('resnet20'));
    expect(result.gradientNorms.plain).toHaveLength(19);
    expect([...result.gradientNorms.plain, ...result.gradientNorms.residual].every((n) => Number.isFinite(n.norm) && n.norm > 0)).toBe(true);
    // Two batches per net, reported in order with the run index.
    expect(progress).toHaveLength(8);
    expect(progress.map((p) => p.run)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(progress[7]).toMatchObject({ family: 'residual', depth: 20, batch: 2, batches: 2, runs: 4 });
  });

  it('frees everything with Adam too (the other optimizer it offers)', async () => {
    const before = tf.memory().numTensors;
    const result = await runDepthExperiment({ ...tiny, depths: [8], optimizer: 'adam', learningRate: 0.01 }, new RunControl(), () => undefined);
    expect(result.runs.map((r) => r.arch)).toEqual(['plain8', 'resnet8']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is reproducible: the same settings give the same numbers', async () => {
    const settings = { ...tiny, depths: [8] as DepthExperimentSettings['depths'] };
    const [a, b] = [await runDepthExperiment(settings, new RunControl(), () => undefined), await runDepthExperiment(settings, new RunControl(), () => undefined)];
    expect(b.runs.map((r) => r.trainLoss)).toEqual(a.runs.map((r) => r.trainLoss));
    expect(b.gradientNorms).toEqual(a.gradientNorms);
  });

  it('stops on request, disposing the half-trained net', async () => {
    const before = tf.memory().numTensors;
    const control = new RunControl();
    await expect(runDepthExperiment(tiny, control, () => control.stop())).rejects.toThrow(/stopped/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("runs the lecture preset's options: 16×16 inputs, residual blocks that start as the identity, a warm-up", async () => {
    const before = tf.memory().numTensors;
    const settings: DepthExperimentSettings = { ...tiny, depths: [8], inputSize: 16, zeroInitResidual: true, warmupEpochs: 1, epochs: 2 };
    const result = await runDepthExperiment(settings, new RunControl(), () => undefined);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.runs.map((r) => r.arch)).toEqual(['plain8', 'resnet8']);
    // At 16×16 the same depth has the same parameters (convolutions do not depend on the map size).
    const at32 = await runDepthExperiment({ ...tiny, depths: [8] }, new RunControl(), () => undefined);
    expect(result.runs.map((r) => r.params)).toEqual(at32.runs.map((r) => r.params));
    expect(result.runs.every((r) => !r.diverged && Number.isFinite(r.trainLoss))).toBe(true);
    // The zero-γ branches get no gradient at the first step: the residual norms come from the Keras-style start.
    expect(result.gradientNorms.residualAtKerasInit).toBe(true);
    expect(result.gradientNorms.residual.every((n) => Number.isFinite(n.norm) && n.norm > 0)).toBe(true);
    expect(DEPTH_PRESETS.lecture).toMatchObject({ depths: [20, 56], inputSize: 16, optimizer: 'adam' });
  });

  it('rejects settings outside what it can build', () => {
    expect(() => validateDepthSettings({ ...tiny, inputSize: 24 as 16 })).toThrow(/input side/);
    expect(() => validateDepthSettings({ ...tiny, warmupEpochs: 1 })).toThrow(/Warm-up/);
    expect(() => validateDepthSettings({ ...tiny, depths: [9 as 8] })).toThrow(/Depths must be among/);
    expect(() => validateDepthSettings({ ...tiny, width: 2 })).toThrow(/Width/);
    expect(() => validateDepthSettings({ ...tiny, examples: 8 })).toThrow(/Examples/);
  });
});

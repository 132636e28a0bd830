import { describe, expect, it } from 'vitest';
import { deadlineSec, MIN_BUDGET, parseBenchArgs, planAugment, planCases, scaled } from './plan';

describe('parseBenchArgs', () => {
  it('defaults to every model and backend, ConvNetJS, the bare loop and the UI run', () => {
    const o = parseBenchArgs([]);
    expect(o.models).toEqual(['lenet5', 'resnet20', 'vgg11-w0.25']);
    expect(o.backends).toEqual(['webgl', 'webgpu', 'wasm', 'cpu']);
    expect([o.convnetjs, o.bare, o.ui, o.quick, o.all]).toEqual([true, true, true, false, false]);
  });

  it('reads lists and switches', () => {
    const o = parseBenchArgs(['--models', 'lenet5', '--backends', 'wasm,cpu', '--augment-backends', 'none', '--no-ui', '--quick', '--out', 'x.json']);
    expect(o).toMatchObject({ models: ['lenet5'], backends: ['wasm', 'cpu'], augmentBackends: [], ui: false, quick: true, out: 'x.json' });
  });

  it('names what is wrong', () => {
    expect(() => parseBenchArgs(['--backends', 'webgl,metal'])).toThrow('unknown metal');
    expect(() => parseBenchArgs(['--models'])).toThrow('--models needs a value');
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option --fast');
  });
});

describe('planCases', () => {
  it('runs LeNet-5 on 2,000 examples at batch 64 on every backend but WebGPU (256), with ConvNetJS first', () => {
    const { cases } = planCases(parseBenchArgs(['--models', 'lenet5']));
    expect(cases.slice(0, 2).map((c) => c.trainer)).toEqual(['convnetjs-main', 'convnetjs-worker']);
    for (const c of cases) {
      expect(c.batchSize).toBe(64);
      expect(c.trainExamples).toBe(c.backend === 'webgpu' ? 256 : 2000);
    }
    expect(cases.filter((c) => c.trainer === 'engine').map((c) => c.backend)).toEqual(['webgl', 'webgpu', 'wasm', 'cpu']);
    expect(cases.filter((c) => c.trainer === 'tfjs-bare')).toHaveLength(4);
  });

  it('lists the pairs it skips with a reason, and --all runs them with the minimum budget', () => {
    const plain = planCases(parseBenchArgs(['--models', 'resnet20']));
    expect(plain.skipped.map((s) => s.backend)).toEqual(['webgl', 'webgpu', 'cpu']);
    expect(plain.skipped[0].reason).toMatch(/--all/);
    const all = planCases(parseBenchArgs(['--models', 'resnet20', '--all']));
    expect(all.skipped).toEqual([]);
    const cpu = all.cases.filter((c) => c.backend === 'cpu');
    expect(cpu.map((c) => c.trainer)).toEqual(['tfjs-bare', 'engine']);
    expect(cpu[0].trainExamples).toBe(MIN_BUDGET.trainExamples);
  });

  it('quarters budgets for --quick but keeps a timed batch', () => {
    expect(scaled({ trainExamples: 2000, timeBoxSec: 90, inferenceExamples: 2000 }, { quick: true })).toEqual({ trainExamples: 500, timeBoxSec: 22.5, inferenceExamples: 256 });
    expect(scaled({ trainExamples: 64, timeBoxSec: 30, inferenceExamples: 64 }, { quick: true }).trainExamples).toBe(64);
  });

  it('gives every case a deadline well beyond its time box', () => {
    for (const c of planCases(parseBenchArgs([])).cases) expect(deadlineSec(c)).toBeGreaterThan(2 * c.timeBoxSec + 60);
  });
});

describe('planAugment', () => {
  it('runs LeNet-5 (digit recipe) on each augment backend and ResNet-20 (natural recipe) on the first', () => {
    const a = planAugment(parseBenchArgs([]));
    expect(a.map((s) => `${s.model}/${s.backend}/${s.recipe}`)).toEqual(['lenet5/wasm/digits', 'lenet5/webgl/digits', 'resnet20/wasm/natural']);
  });

  it('only uses backends that are benchmarked', () => {
    expect(planAugment(parseBenchArgs(['--backends', 'cpu']))).toEqual([]);
  });
});

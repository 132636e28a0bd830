import { describe, expect, it } from 'vitest';
import { parseBenchArgs, planPeaks, planThreads } from './plan';
import { benchMacs, deriveThreads, peakTrainRate, THREADS_TARGET, trainFlops } from './report';
import type { RunResult, ThreadsResult } from './schema';

describe('the threads comparison and the peaks', () => {
  it('compares LeNet-5 and ResNet-20 threaded against one thread when wasm runs', () => {
    expect(planThreads(parseBenchArgs([])).map((t) => [t.model, t.trainExamples, t.batchSize])).toEqual([['lenet5', 8000, 64], ['resnet20', 512, 64]]);
    expect(planThreads(parseBenchArgs(['--backends', 'webgl']))).toEqual([]);
    expect(planThreads(parseBenchArgs(['--no-threads']))).toEqual([]);
  });

  it('measures one peak per backend, and wasm both ways', () => {
    const peaks = planPeaks(parseBenchArgs(['--backends', 'wasm,cpu']));
    expect(peaks.map((p) => [p.backend, p.threads ?? true, p.n])).toEqual([['wasm', true, 1024], ['wasm', false, 1024], ['cpu', true, 256]]);
    expect(planPeaks(parseBenchArgs(['--no-peaks']))).toEqual([]);
  });

  it('training FLOP/s are 3 × 2 × MACs per example × examples/s, MACs from our shape inference', () => {
    expect(benchMacs('lenet5')).toBe(416_520);
    expect(trainFlops('lenet5', 1000)).toBe(6 * 416_520 * 1000);
  });

  it('the ratio is threaded over single, checked against the 1.6× target', () => {
    const t = (ex: number) => ({ examples: 64, seconds: 64 / ex, examplesPerSec: ex });
    const [r] = deriveThreads([{ spec: { model: 'lenet5', batchSize: 64, learningRate: 1e-3, seed: 1, trainExamples: 2000, timeBoxSec: 30, inferenceExamples: 0 }, outcome: { threads: 2, threadedNote: '', singleNote: '', single: t(4000), threaded: t(7000) }, error: null, wallSec: 1 }]);
    expect(r.ratio).toBeCloseTo(1.75);
    expect(r.target).toBe(THREADS_TARGET);
    expect(r.meetsTarget).toBe(true);
  });

  it('sets both WASM peaks beside the side-by-side threads figures, other backends beside their engine run', () => {
    const t = (ex: number) => ({ examples: 64, seconds: 64 / ex, examplesPerSec: ex });
    const threads = [{ model: 'lenet5', outcome: { threads: 2, threadedNote: '', singleNote: '', single: t(4000), threaded: t(6000) } }] as unknown as ThreadsResult[];
    const engine = (backend: string, ex: number) => ({ model: 'lenet5', trainer: 'engine', backend, outcome: { train: t(ex) } }) as unknown as RunResult;
    const runs = [engine('wasm', 3000), engine('webgl', 200)];
    expect(peakTrainRate({ runs, threads }, 'lenet5', { backend: 'wasm', threads: true })).toBe(6000);
    expect(peakTrainRate({ runs, threads }, 'lenet5', { backend: 'wasm', threads: false })).toBe(4000);
    expect(peakTrainRate({ runs, threads }, 'lenet5', { backend: 'webgl', threads: true })).toBe(200);
    expect(peakTrainRate({ runs }, 'lenet5', { backend: 'wasm', threads: true })).toBe(3000);
    expect(peakTrainRate({ runs }, 'lenet5', { backend: 'wasm', threads: false })).toBeNull();
    expect(peakTrainRate({ runs, threads }, 'resnet20', { backend: 'webgl', threads: true })).toBeNull();
  });
});

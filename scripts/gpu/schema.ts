/**
 * `bench-results/gpu.json` (`npm run bench:gpu`, documented in docs/bench.md): the adapter, the
 * CPU-agreement check, and per model and batch the examples/s with the step split into dispatch and
 * wait. Pure types.
 */
import type { BenchModelId } from '../bench/schema';
import type { AdapterReport } from './dawn';

export const GPU_SCHEMA = 'cnn-playground/bench-gpu@1';

/** Steps read back every step (the engine's fit loop until it deferred its metrics reads). */
export interface SyncFigures {
  steps: number;
  /** Mean wall time of a step: dispatch + wait. */
  msPerStep: number;
  /** Mean time in trainStep(): tfjs records and encodes the step's GPU work, returns without waiting. */
  dispatchMs: number;
  /** Mean time in `await loss.data()`: submitting and waiting for the GPU to finish the step. */
  waitMs: number;
  examplesPerSec: number;
}

/**
 * Steps read back as a group at most every {@link GpuReport.settings.readEveryMs} ms, with the engine's own
 * DeferredMetrics (src/engine/deferredMetrics.ts): how the fit loop reads today.
 */
export interface PipelinedFigures {
  steps: number;
  reads: number;
  msPerStep: number;
  dispatchMs: number;
  /** Mean wait per group read. */
  readWaitMs: number;
  examplesPerSec: number;
  /** Fraction of steps after which the GPU still had submitted work in flight: the step did not wait for it. */
  gpuBusyAfterStep: number;
}

/** One model at one batch size. */
export interface GpuRun {
  model: BenchModelId;
  batch: number;
  /** `skipped`: left out on a software adapter by default (`error` says why). */
  status: 'ok' | 'error' | 'skipped';
  error?: string;
  warmupSteps: number;
  sync: SyncFigures | null;
  pipelined: PipelinedFigures | null;
  /** Loss of the first timed step and after the last one (cycling over the same few batches). */
  lossFirst: number | null;
  lossAfter: number | null;
  stepsTrained: number;
  /** Tensors left after the run's model, optimizer and batches were disposed (0: no leak). */
  tensorsLeaked: number;
  /** Training FLOP/s ≈ 3 × 2 × MACs per example × examples/s (pipelined). */
  trainFlops: number | null;
}

/** The first check: LeNet-5 on the same seed, batches and weights, on tfjs-cpu and on WebGPU. */
export interface AgreementCheck {
  model: BenchModelId;
  batch: number;
  steps: number;
  cpuLosses: number[];
  gpuLosses: number[];
  maxAbsDiff: number;
  /** Allowed |gpu − cpu| per step: absolute + relative × |cpu|. */
  tolerance: { absolute: number; relative: number };
  falls: boolean;
  pass: boolean;
}

/** A PyTorch reference on the same machine (scripts/gpu-reference/torch_bench.py), when given. */
export interface TorchComparison {
  device: string;
  /** tfjs-WebGPU ex/s ÷ PyTorch ex/s, per "model/batch". */
  ratios: Record<string, number>;
}

export interface GpuReport {
  schema: typeof GPU_SCHEMA;
  startedAt: string;
  durationSec: number;
  environment: {
    node: string;
    platform: string;
    cpu: string;
    cores: number;
    loadAverage: { start: number; end: number };
    tfjs: string;
    dawn: string;
    vulkan: string[];
  };
  adapter: AdapterReport;
  settings: { optimizer: string; learningRate: number; seed: number; steps: number; timeBoxSec: number; readEveryMs: number; quick: boolean };
  check: AgreementCheck;
  runs: GpuRun[];
  torch: TorchComparison | null;
  /** True when the check passed and every run completed. */
  pass: boolean;
}

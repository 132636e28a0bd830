/// <reference lib="webworker" />
/**
 * The bench page's tfjs worker: the bare tfjs loop, with tfjs set up as the engine's worker sets it
 * up. One worker per case, terminated after it.
 */
import * as Comlink from 'comlink';
import type { CaseOutcome, CaseSpec, KernelProfileOutcome, KernelProfileSpec, PeakOutcome, PeakSpec } from '../schema';
import { runBareCase } from './bareLoop';
import { runKernelProfile } from './kernelProfile';
import { runPeak } from './matmulPeak';

/** The worker's API. */
export interface BenchWorkerApi {
  bare(spec: CaseSpec, dataBaseUrl: string): Promise<CaseOutcome>;
  peak(spec: PeakSpec): Promise<PeakOutcome>;
  profile(spec: KernelProfileSpec): Promise<KernelProfileOutcome>;
}

const api: BenchWorkerApi = {
  bare: (spec, dataBaseUrl) => runBareCase(spec, dataBaseUrl),
  peak: (spec) => runPeak(spec),
  profile: (spec) => runKernelProfile(spec),
};

Comlink.expose(api);

/// <reference lib="webworker" />
/**
 * The bench page's tfjs worker: the bare tfjs loop, with tfjs set up as the engine's worker sets it
 * up. One worker per case, terminated after it.
 */
import * as Comlink from 'comlink';
import type { CaseOutcome, CaseSpec, PeakOutcome, PeakSpec } from '../schema';
import { runBareCase } from './bareLoop';
import { runPeak } from './matmulPeak';

/** The worker's API. */
export interface BenchWorkerApi {
  bare(spec: CaseSpec, dataBaseUrl: string): Promise<CaseOutcome>;
  peak(spec: PeakSpec): Promise<PeakOutcome>;
}

const api: BenchWorkerApi = {
  bare: (spec, dataBaseUrl) => runBareCase(spec, dataBaseUrl),
  peak: (spec) => runPeak(spec),
};

Comlink.expose(api);

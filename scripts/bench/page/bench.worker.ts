/// <reference lib="webworker" />
/**
 * The bench page's tfjs worker: the bare tfjs loop, with tfjs set up as the engine's worker sets it
 * up. One worker per case, terminated after it.
 */
import * as Comlink from 'comlink';
import type { CaseOutcome, CaseSpec } from '../schema';
import { runBareCase } from './bareLoop';

/** The worker's API. */
export interface BenchWorkerApi {
  bare(spec: CaseSpec, dataBaseUrl: string): Promise<CaseOutcome>;
}

const api: BenchWorkerApi = {
  bare: (spec, dataBaseUrl) => runBareCase(spec, dataBaseUrl),
};

Comlink.expose(api);

/// <reference lib="webworker" />
/**
 * ConvNetJS LeNet-5 in a worker (no tfjs in this bundle), for the "in a worker" reference figure.
 */
import * as Comlink from 'comlink';
import { loadBenchData } from './benchData';
import { trainConvnetLenet } from './convnetLenet';
import { BENCH_MODELS, type CaseOutcome, type TrainSpec } from '../schema';

/** The worker's API. */
export interface ConvnetWorkerApi {
  train(spec: TrainSpec, dataBaseUrl: string): Promise<Omit<CaseOutcome, 'mainThread'>>;
}

const api: ConvnetWorkerApi = {
  async train(spec, dataBaseUrl) {
    const data = await loadBenchData(BENCH_MODELS.lenet5, dataBaseUrl);
    return trainConvnetLenet(data, spec, async () => undefined);
  },
};

Comlink.expose(api);

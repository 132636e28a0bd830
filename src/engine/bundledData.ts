/**
 * The engine's bundled datasets (MNIST, Fashion-MNIST): loading with a training limit, and whether a
 * dataset already loaded covers one.
 */
import type { ImageDataset } from '../data/datasetTypes';
import { loadBundledDataset } from '../data/loadBundled';
import { engineError } from '../messages/index';

/** Whether `data` holds the first `trainLimit` training examples (0: all of them). */
export const covers = (data: ImageDataset, trainLimit: number): boolean =>
  data.trainTotal === undefined || (trainLimit > 0 && data.train.count >= Math.min(trainLimit, data.trainTotal));

/**
 * Loads a bundled dataset, or with `trainLimit` the training shards that hold that many examples (and
 * reuses those of `have`); a failure (offline, truncated shard) becomes a message the UI can translate.
 */
export async function loadBundled(id: 'mnist' | 'fashion-mnist', baseUrl: string, onProgress: (loaded: number, total: number) => void, trainLimit: number, have: ImageDataset | undefined): Promise<ImageDataset> {
  try {
    return await loadBundledDataset(id, baseUrl, onProgress, { trainLimit, have });
  } catch (e) {
    throw engineError('engine.datasetFailed', { dataset: id, detail: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
}

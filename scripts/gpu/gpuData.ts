/**
 * The harness's data, from disk: the bundled MNIST shards (only those the runs need) or the engine's
 * generated colour shapes. No tfjs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateColorShapes } from '../../src/data/colorShapes';
import type { ImageDataset } from '../../src/data/datasetTypes';
import { loadBundledDataset } from '../../src/data/loadBundled';
import { SHAPES_SPEC } from '../bench/page/benchData';
import type { BenchModel } from '../bench/schema';

/** Training examples the harness draws its batches from (the first MNIST shard holds 3,000). */
export const HARNESS_EXAMPLES = 3000;

/** `fetch` for `loadBundledDataset` over a folder of dataset folders (e.g. public/data). */
function folderFetch(root: string) {
  return async (url: string): Promise<Response> => {
    const rel = url.startsWith(`${root}/`) ? url.slice(root.length + 1) : url;
    try {
      const bytes = await readFile(join(root, rel));
      return new Response(bytes, { headers: { 'content-type': rel.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
    } catch {
      return new Response('missing', { status: 404, statusText: 'Not Found' });
    }
  };
}

/** Loads the model's dataset: MNIST's first {@link HARNESS_EXAMPLES} from `dataDir`, or the colour shapes. */
export async function loadHarnessData(model: BenchModel, dataDir: string): Promise<ImageDataset> {
  if (model.dataset === 'shapes') return generateColorShapes(SHAPES_SPEC);
  return loadBundledDataset('mnist', dataDir, undefined, { fetch: folderFetch(dataDir), trainLimit: HARNESS_EXAMPLES });
}

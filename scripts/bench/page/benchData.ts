/**
 * The data every trainer of the benchmark sees: the bundled MNIST shards or the engine's generated
 * colour shapes, and the order the engine's fit loop visits the first N training examples in. No tfjs.
 */
import { loadBundledDataset, type ImageDataset } from '../../../src/data/index';
import { generateColorShapes } from '../../../src/data/colorShapes';
import type { BenchModel } from '../schema';

/** The engine's colour-shapes recipe (src/engine/engine.ts SHAPES_SPEC), repeated here to keep tfjs out of the main thread. */
export const SHAPES_SPEC = { seed: 2024, trainCount: 6000, testCount: 1200, size: 32 } as const;

/** Loads (MNIST) or generates (shapes) the model's dataset. `dataBaseUrl` must be absolute in a worker. */
export async function loadBenchData(model: BenchModel, dataBaseUrl: string): Promise<ImageDataset> {
  return model.dataset === 'shapes' ? generateColorShapes(SHAPES_SPEC) : loadBundledDataset('mnist', dataBaseUrl);
}

/**
 * The engine's epoch order of the first `n` training examples for `seed` (src/engine/batches.ts
 * seededPermutation, epoch 0), so every trainer sees the same batches.
 */
export function epochOrder(n: number, seed: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}

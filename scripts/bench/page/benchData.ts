/**
 * The data every trainer of the benchmark sees: the bundled MNIST shards or the engine's generated
 * colour shapes, and the order the engine's fit loop visits the first N training examples in. No tfjs.
 */
import { loadBundledDataset, type ImageDataset } from '../../../src/data/index';
import { generateColorShapes } from '../../../src/data/colorShapes';
import type { BenchModel } from '../schema';
import { seededPermutation } from '../../../src/data/random';

/** The engine's colour-shapes recipe (src/engine/engine.ts SHAPES_SPEC), repeated here to keep tfjs out of the main thread. */
export const SHAPES_SPEC = { seed: 2024, trainCount: 6000, testCount: 1200, size: 32 } as const;

/** Loads (MNIST) or generates (shapes) the model's dataset. `dataBaseUrl` must be absolute in a worker. */
export async function loadBenchData(model: BenchModel, dataBaseUrl: string): Promise<ImageDataset> {
  return model.dataset === 'shapes' ? generateColorShapes(SHAPES_SPEC) : loadBundledDataset('mnist', dataBaseUrl);
}

/** The order our engine's fit loop visits the training examples in epoch 0 (shuffled with `seed`). */
export const epochOrder: (n: number, seed: number) => Int32Array = seededPermutation;

import { describe, expect, it } from 'vitest';
import { ARCH_IDS, buildArch, estimateTrainingMemory, inferGraph, zooEntry } from '../arch/index';
import { DATASET_CHANNELS, recipeFor, type RecipeDataset } from './recipes';

const DATASETS: RecipeDataset[] = ['mnist', 'fashion-mnist', 'shapes', 'uploads'];
/** The WASM backend's training-memory budget (src/engine/backends.ts): every preset must fit it. */
const WASM_BUDGET = 1536 * 2 ** 20;

describe('training recipes', () => {
  it("LeNet-5 on MNIST keeps the app's defaults (Adam 1e-3, batch 64, 2 epochs of every image)", () => {
    expect(recipeFor({ arch: 'lenet5', variant: '', aux: false, dataset: 'mnist' })).toMatchObject({
      optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 2, trainLimit: 0, schedule: 'constant', initializer: 'glorotUniform', scale: null,
    });
  });

  it('every zoo network has a recipe on every dataset whose training size fits in memory at its batch', () => {
    for (const arch of ARCH_IDS) {
      const entry = zooEntry(arch);
      for (const variant of ['', ...entry.variants]) {
        for (const aux of entry.flags.aux ? [false, true] : [false]) {
          for (const dataset of DATASETS) {
            const r = recipeFor({ arch, variant, aux, dataset });
            expect(r.learningRate).toBeGreaterThan(0);
            expect(r.batchSize).toBeGreaterThanOrEqual(8);
            const input = r.scale ? ([r.scale.size, r.scale.size, DATASET_CHANNELS[dataset]] as const) : undefined;
            const graph = buildArch(arch, { variant: variant || undefined, aux, classes: 10, width: r.scale?.width ?? 1, ...(input ? { input } : {}) });
            // inferGraph throws when a layer cannot slide over its input (GoogLeNet's auxiliaries below 96×96).
            const memory = estimateTrainingMemory(inferGraph(graph), r.batchSize, r.optimizer).total;
            expect(memory, `${arch} ${variant} ${aux ? 'aux ' : ''}${dataset}`).toBeLessThan(WASM_BUDGET);
          }
        }
      }
    }
  });

  it('networks too large for class time at their reference size train a smaller copy; deep stacks without batch norm start He-normal', () => {
    const vgg16 = recipeFor({ arch: 'vgg16', variant: '', aux: false, dataset: 'mnist' });
    expect(vgg16.scale).toEqual({ width: 0.25, size: 32 });
    expect(vgg16.initializer).toBe('heNormal');
    // The share link of a hostile URL falls back to these for VGG-16 (e2e/classroom.spec.ts expects 2 and 64).
    expect([vgg16.epochs, vgg16.batchSize]).toEqual([2, 64]);
    expect(recipeFor({ arch: 'resnet50', variant: '', aux: false, dataset: 'mnist' }).bnMomentum).toBe(0.9);
    expect(recipeFor({ arch: 'resnet20', variant: '', aux: false, dataset: 'mnist' }).scale).toEqual({ width: 0.5, size: 32 });
  });

  it('the deep CIFAR stacks train a quarter-width copy at 16×16; the deep plain net learns only with SGD, momentum and a cosine schedule', () => {
    expect(recipeFor({ arch: 'resnet56', variant: '', aux: false, dataset: 'mnist' }).scale).toEqual({ width: 0.25, size: 16 });
    expect(recipeFor({ arch: 'plain56', variant: '', aux: false, dataset: 'mnist' })).toMatchObject({
      optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, schedule: 'cosine', initializer: 'heNormal', bnMomentum: 0.9, scale: { width: 0.25, size: 16 },
    });
    expect(recipeFor({ arch: 'plain20', variant: '', aux: false, dataset: 'mnist' }).optimizer).toBe('adam');
  });

  it('the classic LeNet-5 (tanh, average pooling) trains 2 epochs of 20,000 digits; the modern one every digit', () => {
    expect(recipeFor({ arch: 'lenet5', variant: 'classic', aux: false, dataset: 'mnist' })).toMatchObject({ epochs: 2, trainLimit: 20_000, batchSize: 64 });
    expect(recipeFor({ arch: 'lenet5', variant: 'modern', aux: false, dataset: 'mnist' }).trainLimit).toBe(0);
  });

  it("GoogLeNet's smaller copy builds with its auxiliary heads too (their 5×5/3 pooling needs 96×96)", () => {
    for (const aux of [false, true]) {
      const r = recipeFor({ arch: 'googlenet', variant: '', aux, dataset: 'mnist' });
      expect(r.scale?.size).toBe(aux ? 96 : 64);
      // With the auxiliary losses added, Adam 1e-3 was erratic at this budget; the recipe halves it.
      expect(r.learningRate).toBe(aux ? 0.0005 : 0.001);
      const size = r.scale?.size ?? 0;
      expect(() => inferGraph(buildArch('googlenet', { aux, classes: 10, width: r.scale?.width ?? 1, input: [size, size, 1] }))).not.toThrow();
    }
  });
});

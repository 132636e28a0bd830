/**
 * The recipes of the shipped pretrained bases: architecture, data and training settings. Changing a
 * recipe and rerunning `npx tsx scripts/pretrain.ts` regenerates `public/models/`.
 */
import type { ArchOptions } from '../../src/arch/index';
import type { CompileSettings, EngineDatasetId, FitSettings } from '../../src/engine/protocol';

export interface Recipe {
  id: string;
  title: string;
  arch: string;
  options: ArchOptions & { input: [number, number, number]; classes: number };
  dataset: EngineDatasetId;
  /** Train on these classes only (relabelled 0..k−1), e.g. digits 0–4 to transfer to 5–9 as in Keras' mnist_transfer_cnn example. */
  classes?: number[];
  /**
   * The layer a new head sits on by default. For LeNet-5 the last conv features (s4_pool, 5×5×16,
   * flattened): the dense layers above them are specific to the base's own classes, and heads on
   * them transfer worse (see docs/transfer.md). For ResNet-8 the pooled features.
   */
  featureLayer: string;
  headPooling: 'avg' | 'flatten';
  /** Seeds the initial weights (buildModel) and the batch order (fit). */
  seed: number;
  compile: CompileSettings;
  fit: Omit<FitSettings, 'seed'>;
}

export const RECIPES: readonly Recipe[] = [
  {
    id: 'lenet5-mnist',
    title: 'LeNet-5 (modern) trained on MNIST digits',
    arch: 'lenet5',
    options: { variant: 'modern', input: [32, 32, 1], classes: 10 },
    dataset: 'mnist',
    featureLayer: 's4_pool',
    headPooling: 'flatten',
    seed: 42,
    compile: { optimizer: 'adam', learningRate: 0.001, momentum: 0.9, loss: 'categoricalCrossentropy' },
    fit: { epochs: 3, batchSize: 64, validationSplit: 0, shuffle: true, trainLimit: 0 },
  },
  {
    id: 'lenet5-mnist-0to4',
    title: 'LeNet-5 (modern) trained on MNIST digits 0–4 only',
    arch: 'lenet5',
    options: { variant: 'modern', input: [32, 32, 1], classes: 5 },
    dataset: 'mnist',
    classes: [0, 1, 2, 3, 4],
    featureLayer: 's4_pool',
    headPooling: 'flatten',
    seed: 42,
    compile: { optimizer: 'adam', learningRate: 0.001, momentum: 0.9, loss: 'categoricalCrossentropy' },
    fit: { epochs: 3, batchSize: 64, validationSplit: 0, shuffle: true, trainLimit: 0 },
  },
  {
    id: 'resnet8-shapes',
    title: 'ResNet-8 (CIFAR-style, width ½) trained on colour shapes',
    arch: 'resnet8',
    options: { width: 0.5, input: [32, 32, 3], classes: 6 },
    dataset: 'shapes',
    featureLayer: 'avg_pool',
    headPooling: 'avg',
    seed: 7,
    compile: { optimizer: 'adam', learningRate: 0.003, momentum: 0.9, loss: 'categoricalCrossentropy' },
    fit: { epochs: 6, batchSize: 64, validationSplit: 0, shuffle: true, trainLimit: 0 },
  },
];

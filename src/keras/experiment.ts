/**
 * What the generated Keras code reproduces: the network (its arch graph, head sized for the dataset),
 * the dataset, compile and fit settings and the augmentation, as the playground's page holds them.
 */
import type { ArchGraph } from '../arch/index';
import type { AugmentConfig } from '../augment/config';

export type KerasDatasetId = 'mnist' | 'fashion-mnist' | 'shapes' | 'uploads';

/** One experiment of the playground, in the terms the generator needs. */
export interface KerasExperiment {
  /** The network as trained: its classifier has one unit per class of the dataset. */
  readonly graph: ArchGraph;
  /** Human title, e.g. "LeNet-5 (modern)". */
  readonly title: string;
  /** File stem for the .py, .ipynb and .keras names, e.g. "lenet5-modern-mnist". */
  readonly stem: string;
  readonly dataset: { readonly id: KerasDatasetId; readonly name: string; readonly classNames: readonly string[] };
  readonly compile: { readonly optimizer: 'adam' | 'sgd' | 'rmsprop'; readonly learningRate: number; readonly momentum: number };
  readonly fit: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly validationSplit: number;
    readonly shuffle: boolean;
    readonly seed: number;
    /** Training images used (0 = all), before the validation split. */
    readonly trainLimit: number;
  };
  readonly augment: AugmentConfig;
}

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
  readonly compile: {
    readonly optimizer: 'adam' | 'sgd' | 'rmsprop';
    readonly learningRate: number;
    readonly momentum: number;
    /** The learning rate over the run: constant, or cosine decay after a short warm-up (src/engine/optimizers.ts). */
    readonly schedule: 'constant' | 'cosine';
  };
  readonly fit: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly validationSplit: number;
    readonly shuffle: boolean;
    readonly seed: number;
    /** Training images used (0 = all), before the validation split. */
    readonly trainLimit: number;
    /** Training images whose exact statistics the batch norms get before each validation ("precise BN"). */
    readonly preciseBatchNorm: number;
  };
  /**
   * Set when Train builds a smaller copy of the summary's network (a training recipe's size for class
   * time): `graph` is that copy; this says how it differs from the reference network.
   */
  readonly scaled?: { readonly width: number; readonly input: readonly number[]; readonly referenceParams: number };
  readonly augment: AugmentConfig;
}

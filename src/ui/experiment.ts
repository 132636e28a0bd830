import type { LessonId } from './classroom/lessonIds';
import { defaultAugmentConfig, type AugmentConfig } from '../augment/config';
import type { KernelInit } from '../arch/index';
import type { RecipeSchedule } from '../recipes/recipes';

/**
 * The experiment a page shows: network and options, dataset, training settings, view. It is the
 * single source of the share link (see urlCodec.ts) and of what the engine is asked to do.
 */
export type DatasetId = 'mnist' | 'fashion-mnist' | 'shapes' | 'uploads';
export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type Lang = 'en' | 'ja';

/**
 * The views below the workspace, each with its own link (`?view=`): transfer learning, your data and
 * augmentation (with the with/without comparison), the depth experiment, the 1×1-convolution cost.
 * '' shows every panel in one column (the default, as before views existed).
 */
export const VIEW_IDS = ['transfer', 'data', 'depth', 'cost'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface ExperimentState {
  arch: string;
  /** Empty string: the network's default variant. */
  variant: string;
  /** Null: the network's reference input. */
  input: readonly [number, number, number] | null;
  /** Null: the network's reference class count in the summary; the dataset's when training. */
  classes: number | null;
  width: number;
  groups: number;
  noTop: boolean;
  /** Null: the network's default (Keras ResNets have conv biases, CIFAR ResNets not). */
  convBias: boolean | null;
  aux: boolean;
  dataset: DatasetId;
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  momentum: number;
  /** Learning-rate schedule over the run. */
  schedule: RecipeSchedule;
  /** Kernel initialiser of every conv and dense layer. */
  initializer: KernelInit;
  /** Batch-norm moving-average momentum (networks with batch norm). */
  bnMomentum: number;
  /**
   * Train the network at the summary's size even where the recipe trains a smaller copy (a network too
   * large or too slow for class time at its reference size); see src/recipes/recipes.ts.
   */
  fullSize: boolean;
  validationSplit: number;
  /** Training examples used per epoch (0 = the whole training split). */
  trainLimit: number;
  shuffle: boolean;
  seed: number;
  backend: BackendChoice;
  lang: Lang;
  /** The lesson preset whose card is shown ('' = none); see src/ui/classroom/lessons.ts. */
  lesson: LessonId | '';
  /** The data-testid of the panel a link opens on (scrolled into view); '' = none. */
  panel: string;
  /** The view shown below the workspace ('' = every panel); see {@link VIEW_IDS}. */
  view: ViewId | '';
  /** Presentation layout: large type for a projector. */
  present: boolean;
  /** Augmentation of training batches (src/augment); all off by default. */
  augment: AugmentConfig;
  /** Seeds the augmentation draws and the preview grid. */
  augmentSeed: number;
}

export const DEFAULT_EXPERIMENT: ExperimentState = {
  arch: 'lenet5',
  variant: '',
  input: null,
  classes: null,
  width: 1,
  groups: 1,
  noTop: false,
  convBias: null,
  aux: false,
  dataset: 'mnist',
  epochs: 2,
  batchSize: 64,
  learningRate: 0.001,
  optimizer: 'adam',
  momentum: 0.9,
  schedule: 'constant',
  initializer: 'glorotUniform',
  bnMomentum: 0.99,
  fullSize: false,
  validationSplit: 0.1,
  trainLimit: 0,
  shuffle: true,
  seed: 42,
  backend: 'auto',
  lang: 'en',
  lesson: '',
  panel: '',
  view: '',
  present: false,
  augment: defaultAugmentConfig,
  augmentSeed: 1,
};

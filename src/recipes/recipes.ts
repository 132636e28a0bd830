/**
 * Training recipes: the defaults a practitioner would pick for each network on each dataset (initialiser,
 * optimizer, learning rate and schedule, batch size, batch-norm momentum, epochs, training examples), and,
 * for networks whose reference size cannot train in class time on a CPU-only laptop, the smaller copy
 * Train builds instead. Every value here was measured with `npm run lessons` (see README: "Every network
 * learns at its preset"). Pure TypeScript: the UI, the URL codec and the outcome suite read it.
 */
import { zooEntry, type KernelInit } from '../arch/index';

export type RecipeDataset = 'mnist' | 'fashion-mnist' | 'shapes' | 'uploads';
export type RecipeOptimizer = 'adam' | 'sgd' | 'rmsprop';
export type RecipeSchedule = 'constant' | 'cosine';

/** What a recipe depends on: the network (and its variant / auxiliary heads) and the dataset. */
export interface RecipeKey {
  readonly arch: string;
  /** '' = the network's default variant. */
  readonly variant: string;
  readonly aux: boolean;
  readonly dataset: RecipeDataset;
}

/**
 * The smaller copy Train builds when the reference network is too large or too slow to train here:
 * a width multiplier and a square input side (channels follow the dataset).
 */
export interface RecipeScale {
  readonly width: number;
  readonly size: number;
}

export interface TrainingRecipe {
  readonly optimizer: RecipeOptimizer;
  readonly learningRate: number;
  /** SGD/RMSprop momentum (Adam ignores it). */
  readonly momentum: number;
  readonly schedule: RecipeSchedule;
  readonly batchSize: number;
  readonly epochs: number;
  /** Training examples per epoch (0 = the whole training split). */
  readonly trainLimit: number;
  readonly initializer: KernelInit;
  /** Batch-norm moving-average momentum (only networks with batch norm use it). */
  readonly bnMomentum: number;
  /** Null: the reference network trains as it is. */
  readonly scale: RecipeScale | null;
}

/** The recipe fields that are also experiment settings (URL keys, editable in the UI). */
export const RECIPE_FIELDS = ['optimizer', 'learningRate', 'momentum', 'schedule', 'batchSize', 'epochs', 'trainLimit', 'initializer', 'bnMomentum'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

/** Image shape of each dataset (uploads are stored as RGB). */
export const DATASET_CHANNELS: Readonly<Record<RecipeDataset, 1 | 3>> = { mnist: 1, 'fashion-mnist': 1, shapes: 3, uploads: 3 };

/** Classes of each bundled dataset (uploads: as many as the user's folders, so not known here). */
export const DATASET_CLASSES: Readonly<Record<RecipeDataset, number | null>> = { mnist: 10, 'fashion-mnist': 10, shapes: 6, uploads: null };

/** Keras' defaults and LeNet-5's recipe on MNIST: the app's defaults (Adam 1e-3, batch 64, 2 epochs of all 54,000). */
const BASE: TrainingRecipe = {
  optimizer: 'adam', learningRate: 0.001, momentum: 0.9, schedule: 'constant', batchSize: 64, epochs: 2, trainLimit: 0,
  initializer: 'glorotUniform', bnMomentum: 0.99, scale: null,
};

/** A short run is a few hundred steps: a moving average with momentum 0.9 forgets its start in ~20. */
const SHORT_RUN_BN = 0.9;

type Adjust = Partial<TrainingRecipe>;

/** The recipe of each network (by zoo family, then id) on MNIST. */
function networkRecipe(arch: string, variant: string, aux: boolean): Adjust {
  const entry = zooEntry(arch);
  switch (entry.family) {
    case 'lenet':
      // The 1998 net (LeCun et al.'s own initialisation) trains at half the modern net's speed: 2 epochs of 10,000.
      if (variant === '1998') return { initializer: 'lecun98', batchSize: 32, epochs: 2, trainLimit: 10_000 };
      // Tanh and average pooling (1990s LeNet with today's training) cost ~1.5× the modern net per image on
      // WASM: 2 epochs of 20,000 keep it inside two minutes (96.8 % after 2 × 54,000 took 147 s).
      return variant === 'classic' ? { trainLimit: 20_000 } : {};
    case 'alexnet':
      // Without batch norm a deep ReLU stack needs He initialisation to pass any signal through.
      return { initializer: 'heNormal', learningRate: 0.0005, epochs: 2, trainLimit: 3000, batchSize: 32, scale: { width: 0.25, size: 96 } };
    case 'vgg':
      return { initializer: 'heNormal', learningRate: 0.0003, epochs: 2, trainLimit: 3000, batchSize: 64, scale: { width: 0.25, size: 32 } };
    case 'resnet':
      // At 32×32 the stem (stride 2, max pool) leaves 8×8 for stage 2 and 1×1 after stage 5, as CIFAR-sized inputs do.
      return { bnMomentum: SHORT_RUN_BN, epochs: 2, trainLimit: 3000, batchSize: 32, scale: { width: 0.25, size: 32 } };
    case 'cifar-resnet':
    case 'plain': {
      // Full width (16/32/64 channels) trains at ~50 images/s on a laptop CPU. Up to 20 layers: half width
      // at 32×32, 2 epochs of 2,000 (3,000 took ~175 s in the browser for 92.8 % / 85.8 %). Deeper: a
      // quarter width at 16×16 (MNIST digits shrunk; a quarter of the work per image, the same depth):
      // ResNet-56 77.4 % after 2 × 3,000 in Node.
      const depth = Number(arch.replace(/\D/g, ''));
      const bn = { bnMomentum: SHORT_RUN_BN, batchSize: 32 };
      if (depth <= 20) return { ...bn, epochs: 2, trainLimit: 2000, scale: { width: 0.5, size: 32 } };
      if (entry.family === 'cifar-resnet') return { ...bn, epochs: 2, trainLimit: 3000, scale: { width: 0.25, size: 16 } };
      // A deep plain net is lesson 3's point: it trains worse. Measured in Node (WASM, 2026-12-02): with
      // Adam (1e-3 or 3e-4, Glorot or He) it stays at 12–18 % after 2–4 epochs at any size tried; SGD 0.05
      // with momentum and a cosine schedule from He-normal weights is the one that learns (4 × 4,000:
      // 37.9 % in ~230 s; SGD 0.1: 26.2 % after 3 × 4,000; in the browser 3 × 3,000: 20.4 % in 122 s). Its preset is 4 × 3,500.
      return { ...bn, optimizer: 'sgd', learningRate: 0.05, momentum: 0.9, schedule: 'cosine', initializer: 'heNormal', epochs: 4, trainLimit: 3500, scale: { width: 0.25, size: 16 } };
    }
    case 'googlenet':
      // No batch norm in the 2014 network: He initialisation, as for VGG. At 64×64 the last inception
      // stage sees 2×2 maps and global average pooling does the rest; the auxiliary classifiers' 5×5/3
      // average pool needs at least 5×5 maps after inception 4a/4d, so with them the copy is 96×96.
      // With the auxiliaries (main + 0.3 × each auxiliary loss) Adam 1e-3 was erratic at this budget (31.6,
      // 37.9, 45.6, 57.6 % test accuracy in four browser runs; 2e-3: 31.5 %); 5e-4 reached 76.1 %.
      return { initializer: 'heNormal', epochs: 2, trainLimit: 3000, batchSize: 32, scale: { width: 0.25, size: aux ? 96 : 64 }, ...(aux ? { learningRate: 0.0005 } : {}) };
  }
}

/** What changes with the dataset: the colour shapes are harder than digits for the same budget. */
function datasetAdjust(dataset: RecipeDataset, r: TrainingRecipe): Adjust {
  if (dataset === 'shapes' || dataset === 'uploads') return { epochs: Math.max(r.epochs, 3) };
  return {};
}

/** The recipe for a network on a dataset. @throws ArchError for an unknown network. */
export function recipeFor(key: RecipeKey): TrainingRecipe {
  const net: TrainingRecipe = { ...BASE, ...networkRecipe(key.arch, key.variant, key.aux) };
  return { ...net, ...datasetAdjust(key.dataset, net) };
}

/**
 * Transfer learning's recipe (a new head on a frozen pretrained base, a few dozen images per class): a
 * higher learning rate, small batches and more epochs, so a few dozen images get enough steps. Train in
 * transfer mode and the scratch-vs-transfer comparison both use it (one setting, one result).
 */
export const TRANSFER_RECIPE: Pick<TrainingRecipe, 'optimizer' | 'learningRate' | 'schedule' | 'batchSize' | 'epochs'> = {
  optimizer: 'adam', learningRate: 0.003, schedule: 'constant', batchSize: 16, epochs: 20,
};

/** Whether two values of a recipe field are the same setting (floats compared to 1e-12 relative). */
export function sameRecipeValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

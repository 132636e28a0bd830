import { buildArch, inferGraph, withTrainingOptions, zooEntry } from '../../arch/index';
import { COLOR_SHAPE_CLASS_NAMES } from '../../data/colorShapes';
import { PRECISE_BN_EXAMPLES, type DatasetInfo } from '../../engine/protocol';
import type { KerasExperiment } from '../../keras/index';
import type { ExperimentState } from '../experiment';
import { trainingArchOptions } from '../recipeState';
import { archOptionsOf } from '../useArchInfo';

const FASHION = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
const NAMES = { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST', shapes: 'Colour shapes', uploads: 'Your images' } as const;

/**
 * The class names the code is written for: the bundled datasets' own, the uploaded dataset's once the
 * page has loaded it, else (uploads not loaded) placeholders for the network's class count (`guessed`).
 */
export function classNamesFor(state: ExperimentState, loaded: DatasetInfo | null, fallback: number): { names: string[]; guessed: boolean } {
  if (loaded && loaded.id === state.dataset) return { names: [...loaded.classNames], guessed: false };
  if (state.dataset === 'mnist') return { names: DIGITS, guessed: false };
  if (state.dataset === 'fashion-mnist') return { names: FASHION, guessed: false };
  if (state.dataset === 'shapes') return { names: [...COLOR_SHAPE_CLASS_NAMES], guessed: false };
  return { names: Array.from({ length: fallback }, (_, i) => `class ${i}`), guessed: true };
}

/**
 * The page's experiment in the generator's terms, as Train runs it: the network at the size Train builds
 * (a recipe's smaller copy of a big network, see trainingArchOptions) with a head for the dataset's
 * classes, the recipe's initialiser and batch-norm momentum on its layers (as src/ui/trainingContext.tsx),
 * the dataset, compile settings with the schedule, fit settings with precise BN, and the augmentation.
 * @throws ArchError when the network cannot be built with these options.
 */
export function kerasExperimentOf(state: ExperimentState, classNames: readonly string[]): KerasExperiment {
  const entry = zooEntry(state.arch);
  const variant = state.variant || entry.variants[0] || '';
  const summary = archOptionsOf(state);
  const { options, scaled } = trainingArchOptions(state, summary);
  const graph = withTrainingOptions(buildArch(state.arch, { ...options, classes: classNames.length }), { initializer: state.initializer, bnMomentum: state.bnMomentum });
  const reference = scaled ? inferGraph(buildArch(state.arch, { ...summary, classes: classNames.length })).totalParams : 0;
  return {
    ...(scaled ? { scaled: { width: options.width ?? 1, input: inferGraph(graph).inputShape, referenceParams: reference } } : {}),
    graph,
    title: `${entry.title}${entry.variants.length > 1 ? ` (${variant})` : ''}`,
    stem: `${graph.name}-${state.dataset}`,
    dataset: { id: state.dataset, name: NAMES[state.dataset], classNames },
    compile: { optimizer: state.optimizer, learningRate: state.learningRate, momentum: state.momentum, schedule: state.schedule },
    fit: {
      epochs: state.epochs, batchSize: state.batchSize, validationSplit: state.validationSplit, shuffle: state.shuffle, seed: state.seed, trainLimit: state.trainLimit,
      preciseBatchNorm: PRECISE_BN_EXAMPLES,
    },
    augment: state.augment,
  };
}

import { buildArch, zooEntry } from '../../arch/index';
import { COLOR_SHAPE_CLASS_NAMES } from '../../data/colorShapes';
import type { DatasetInfo } from '../../engine/protocol';
import type { KerasExperiment } from '../../keras/index';
import type { ExperimentState } from '../experiment';
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
 * The page's experiment in the generator's terms: the picked network with a head for the dataset's
 * classes (as Train builds it), the dataset, compile and fit settings and the augmentation.
 * @throws ArchError when the network cannot be built with these options.
 */
export function kerasExperimentOf(state: ExperimentState, classNames: readonly string[]): KerasExperiment {
  const entry = zooEntry(state.arch);
  const variant = state.variant || entry.variants[0] || '';
  const graph = buildArch(state.arch, { ...archOptionsOf(state), classes: classNames.length });
  return {
    graph,
    title: `${entry.title}${entry.variants.length > 1 ? ` (${variant})` : ''}`,
    stem: `${graph.name}-${state.dataset}`,
    dataset: { id: state.dataset, name: NAMES[state.dataset], classNames },
    compile: { optimizer: state.optimizer, learningRate: state.learningRate, momentum: state.momentum },
    fit: { epochs: state.epochs, batchSize: state.batchSize, validationSplit: state.validationSplit, shuffle: state.shuffle, seed: state.seed, trainLimit: state.trainLimit },
    augment: state.augment,
  };
}

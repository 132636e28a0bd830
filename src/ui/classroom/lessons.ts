import { DEFAULT_EXPERIMENT, type ExperimentState } from '../experiment';
import { decodeExperiment, encodeExperiment } from '../urlCodec';
import { LESSON_IDS, type LessonId } from './lessonIds';

/**
 * The lesson presets, in course order. Each is a share link (network, variant, dataset, training
 * settings, the panel to open) plus a card whose texts are in src/ui/i18n/lessons.ts. Settings a link
 * leaves out come from the network's training recipe (src/recipes/). `npm run lessons` checks that each
 * lesson reproduces its claim on a CPU-only laptop, over three seeds.
 */
export const LESSON_QUERIES: Record<LessonId, string> = {
  // The paper's own network against today's, with the same budget (each with its recipe otherwise).
  'lenet-then-and-now': 'arch=lenet5&variant=1998&dataset=mnist&epochs=1&limit=10000',
  // VGG-11's recipe trains a quarter-width copy at 32×32; switching to AlexNet applies AlexNet's.
  'going-deeper': 'arch=vgg11&dataset=mnist',
  'why-resnet': 'arch=resnet20&dataset=mnist&panel=depth-experiment',
  'inception-cost': 'arch=googlenet&panel=cost-explorer',
  // Transfer learning's recipe (Adam 3e-3, batch 16, 20 epochs), for the scratch run too: like with like.
  'transfer-little-data': 'arch=lenet5&dataset=mnist&epochs=20&batch=16&lr=0.003&limit=200&valsplit=0.2&panel=transfer-panel',
  // Random 4-pixel shifts, horizontal flips (p 0.5) and rotations up to 10° (p 0.5): see src/ui/uploads/augmentUrl.ts.
  augmentation: 'arch=lenet5&dataset=mnist&epochs=40&batch=16&limit=600&valsplit=0.5&aug=c-1-1-2-1-1-1-1_r-1-0.5-10&panel=augment-experiment',
  'keras-workflow': 'arch=lenet5&dataset=mnist&epochs=2&limit=6000&panel=training-section',
};

/** The experiment a lesson opens, in the current UI language (a lesson never switches language). */
export function lessonExperiment(id: LessonId, lang: ExperimentState['lang']): ExperimentState {
  const { state } = decodeExperiment(`?${LESSON_QUERIES[id]}`);
  return { ...state, lesson: id, lang };
}

/** The lesson's link, relative to the page: `?v=1&arch=…&lesson=<id>`. */
export function lessonHref(id: LessonId, lang: ExperimentState['lang'] = DEFAULT_EXPERIMENT.lang): string {
  return `?${encodeExperiment(lessonExperiment(id, lang))}`;
}

export { LESSON_IDS, type LessonId };

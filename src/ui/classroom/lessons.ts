import { DEFAULT_EXPERIMENT, type ExperimentState } from '../experiment';
import { decodeExperiment, encodeExperiment } from '../urlCodec';
import { LESSON_IDS, type LessonId } from './lessonIds';

/**
 * The lesson presets, in course order. Each is a share link (network, variant, dataset, training
 * settings, the panel to open) plus a card whose texts are in src/ui/i18n/lessons.ts. Training sizes
 * stay small so every lesson trains in a minute on a school laptop.
 */
export const LESSON_QUERIES: Record<LessonId, string> = {
  'lenet-then-and-now': 'arch=lenet5&variant=classic&dataset=mnist&epochs=1&limit=2000',
  'going-deeper': 'arch=vgg11&width=0.25&input=32,32,3&dataset=shapes&epochs=2&limit=1000',
  'why-resnet': 'arch=resnet20&dataset=shapes&epochs=2&limit=1000&panel=depth-experiment',
  'inception-cost': 'arch=googlenet&panel=cost-explorer',
  'transfer-little-data': 'arch=lenet5&dataset=fashion-mnist&epochs=5&limit=200&valsplit=0.2&panel=transfer-panel',
  // Random 4-pixel shifts, horizontal flips (p 0.5) and rotations up to 10° (p 0.5): see src/ui/uploads/augmentUrl.ts.
  augmentation: 'arch=lenet5&dataset=fashion-mnist&epochs=15&limit=500&valsplit=0.2&aug=c-1-1-4-1-1-1-1_m-1-0.5-1-0_r-1-0.5-10&panel=augment-experiment',
  'keras-workflow': 'arch=lenet5&dataset=mnist&epochs=2&limit=3000&panel=training-section',
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

import type { ExperimentState } from '../experiment';

/** Images and epochs of the with/without-augmentation comparison. */
export interface CompareSizes {
  examples: number;
  validation: number;
  epochs: number;
}

/** The comparison's defaults when the experiment sets no training budget of its own. */
export const DEFAULT_COMPARE_SIZES: CompareSizes = { examples: 256, validation: 256, epochs: 8 };

/**
 * The comparison's sizes from the experiment's own budget, so a lesson link's settings (e.g. 500 images,
 * a 0.2 validation split, 30 epochs) are what "Train both" runs: the training examples are the limit's
 * share after the validation split, the validation images the rest. Without a limit, the defaults.
 */
export function compareSizesOf(s: Pick<ExperimentState, 'trainLimit' | 'validationSplit' | 'epochs'>): CompareSizes {
  if (s.trainLimit <= 0) return DEFAULT_COMPARE_SIZES;
  const validation = Math.max(1, Math.floor(s.trainLimit * s.validationSplit));
  return { examples: Math.max(1, s.trainLimit - validation), validation, epochs: s.epochs };
}

/** Why augmentation settings are refused (src/augment/config.ts), field by field. */
import { defineCatalogue } from './catalogue';

/** English and Japanese templates of the augmentation settings' problems. */
export const augmentMessages = defineCatalogue({
  en: {
    'augment.invalid': 'Invalid augmentation settings: {problems}.',
    'augment.fillMode': "fill must be 'zeros' or 'edge'",
    'augment.shearAxis': "shear.axis must be 'x', 'y' or 'both'",
    'augment.inRange': '{field} must be in [{lo}, {hi}]',
    'augment.wholeAtLeast': '{field} must be a whole number ≥ {min}',
    'augment.atLeast': '{field} must be ≥ {min}',
    'augment.minMax': '{field} must be 0 < min ≤ max',
  },
  ja: {
    'augment.invalid': 'データ拡張の設定が正しくありません: {problems}。',
    'augment.fillMode': "fill は 'zeros' か 'edge' にしてください",
    'augment.shearAxis': "shear.axis は 'x'、'y'、'both' のいずれかにしてください",
    'augment.inRange': '{field} は [{lo}, {hi}] の範囲にしてください',
    'augment.wholeAtLeast': '{field} は {min} 以上の整数にしてください',
    'augment.atLeast': '{field} は {min} 以上にしてください',
    'augment.minMax': '{field} は 0 < 最小 ≤ 最大 にしてください',
  },
});

/** The codes of {@link augmentMessages}. */
export type AugmentMessageCode = keyof typeof augmentMessages.en;

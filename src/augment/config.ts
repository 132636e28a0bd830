/**
 * Typed parameters of every augmentation, the default (all off) and recommended configurations, and
 * validation. Pure TypeScript: the UI builds its parameter panels from these types.
 */
import { augmentMessages, catalogueError, message, sayMessage, type UserMessage } from '../messages/index';

/** What a geometric warp shows where it samples outside the source image. */
export type GeometryFill = 'zeros' | 'edge';

/** Fields every augmentation shares. */
export interface AugmentOpBase {
  enabled: boolean;
  /** Probability in [0, 1] that the op is applied to a given image of the batch. */
  p: number;
}

/** Mirroring. Each enabled direction is drawn independently with probability `p`. */
export interface MirrorParams extends AugmentOpBase {
  horizontal: boolean;
  vertical: boolean;
}

/**
 * Random crop, resized back to the input size. The crop covers `scale` × the input's area with
 * relative aspect `aspect` = (cropW / W) / (cropH / H) (log-uniform), rounded to whole pixels, at a
 * uniform whole-pixel offset inside the input padded by `padding` pixels (filled per `fill`).
 * CIFAR style: padding 4, scale [1, 1], aspect [1, 1]. Inception style: padding 0, scale [0.08, 1],
 * aspect [3/4, 4/3].
 */
export interface CropParams extends AugmentOpBase {
  padding: number;
  scale: readonly [number, number];
  aspect: readonly [number, number];
}

/** Rotation about the image centre by a uniform angle in ±maxDegrees (positive = counter-clockwise on screen). */
export interface RotateParams extends AugmentOpBase {
  maxDegrees: number;
}

/** Shear about the image centre by a uniform angle in ±maxDegrees along the chosen axis (or both, drawn independently). */
export interface ShearParams extends AugmentOpBase {
  maxDegrees: number;
  axis: 'x' | 'y' | 'both';
}

/**
 * Local (elastic) warping: a `gridSize` × `gridSize` lattice of control points each displaced by a
 * uniform (dx, dy) in ±magnitude pixels, bilinearly upsampled to a dense displacement field.
 */
export interface ElasticParams extends AugmentOpBase {
  gridSize: number;
  magnitude: number;
}

/**
 * Brightness: add a uniform δ in ±brightness to every channel. Contrast: scale each channel's
 * distance from the image's channel mean by a uniform factor in [1 − contrast, 1 + contrast].
 * Applies to any channel count.
 */
export interface BrightnessContrastParams extends AugmentOpBase {
  brightness: number;
  contrast: number;
}

/** Per-channel RGB shift: add an independent uniform value in ±amount to each of R, G, B. RGB only. */
export interface ColorShiftParams extends AugmentOpBase {
  amount: number;
}

/** AlexNet PCA colour augmentation: α ~ N(0, sigma²) per principal component and image. RGB only; needs `PcaColorStats`. */
export interface PcaColorParams extends AugmentOpBase {
  sigma: number;
}

/** The whole augmentation pipeline, applied in this order: geometry (crop, mirror, rotate, shear, elastic; one resample), then photometry. */
export interface AugmentConfig {
  fill: GeometryFill;
  crop: CropParams;
  mirror: MirrorParams;
  rotate: RotateParams;
  shear: ShearParams;
  elastic: ElasticParams;
  brightnessContrast: BrightnessContrastParams;
  colorShift: ColorShiftParams;
  pcaColor: PcaColorParams;
}

/** Names of the individual augmentations, in pipeline order. */
export type AugmentOpName = Exclude<keyof AugmentConfig, 'fill'>;

/** All augmentation names in pipeline order. */
export const AUGMENT_OPS: readonly AugmentOpName[] = [
  'crop', 'mirror', 'rotate', 'shear', 'elastic', 'brightnessContrast', 'colorShift', 'pcaColor',
];

/** Every augmentation off; parameters hold sensible values for when the user switches one on. */
export const defaultAugmentConfig: AugmentConfig = {
  fill: 'zeros',
  crop: { enabled: false, p: 1, padding: 4, scale: [1, 1], aspect: [1, 1] },
  mirror: { enabled: false, p: 0.5, horizontal: true, vertical: false },
  rotate: { enabled: false, p: 0.5, maxDegrees: 15 },
  shear: { enabled: false, p: 0.5, maxDegrees: 10, axis: 'x' },
  elastic: { enabled: false, p: 0.5, gridSize: 4, magnitude: 2 },
  brightnessContrast: { enabled: false, p: 0.5, brightness: 0.1, contrast: 0.2 },
  colorShift: { enabled: false, p: 0.5, amount: 0.05 },
  pcaColor: { enabled: false, p: 1, sigma: 0.1 },
};

/**
 * For natural RGB images (CIFAR-like), as in the AlexNet / ResNet-CIFAR recipes: horizontal mirror
 * (p 0.5), pad-4 random crop, and PCA colour shift (σ 0.1, needs `PcaColorStats`).
 */
export const recommendedAugmentConfig: AugmentConfig = {
  ...defaultAugmentConfig,
  crop: { ...defaultAugmentConfig.crop, enabled: true, p: 1, padding: 4, scale: [1, 1], aspect: [1, 1] },
  mirror: { ...defaultAugmentConfig.mirror, enabled: true, p: 0.5, horizontal: true, vertical: false },
  pcaColor: { ...defaultAugmentConfig.pcaColor, enabled: true, p: 1, sigma: 0.1 },
};

/**
 * For digits and other glyphs (MNIST-like), where mirroring changes the class: small rotations, shears,
 * elastic distortion and a pad-2 crop.
 */
export const recommendedDigitAugmentConfig: AugmentConfig = {
  ...defaultAugmentConfig,
  crop: { ...defaultAugmentConfig.crop, enabled: true, p: 1, padding: 2, scale: [1, 1], aspect: [1, 1] },
  rotate: { ...defaultAugmentConfig.rotate, enabled: true, p: 0.5, maxDegrees: 10 },
  shear: { ...defaultAugmentConfig.shear, enabled: true, p: 0.5, maxDegrees: 10, axis: 'x' },
  elastic: { ...defaultAugmentConfig.elastic, enabled: true, p: 0.5, gridSize: 4, magnitude: 1.5 },
};

/** A copy of `config` with `p` set to 1 for every enabled op (used by the preview grid). */
export function withCertainProbability(config: AugmentConfig): AugmentConfig {
  const certain = <T extends AugmentOpBase>(op: T): T => ({ ...op, p: op.enabled ? 1 : op.p });
  return {
    fill: config.fill,
    crop: certain(config.crop),
    mirror: certain(config.mirror),
    rotate: certain(config.rotate),
    shear: certain(config.shear),
    elastic: certain(config.elastic),
    brightnessContrast: certain(config.brightnessContrast),
    colorShift: certain(config.colorShift),
    pcaColor: certain(config.pcaColor),
  };
}

/**
 * Everything wrong with `config`, as messages the UI says in its language (empty when it is valid).
 */
export function augmentConfigProblems(config: AugmentConfig): UserMessage[] {
  const problems: UserMessage[] = [];
  const check = (ok: boolean, problem: UserMessage): void => {
    if (!ok) problems.push(problem);
  };
  const between = (x: number, lo: number, hi: number): boolean => Number.isFinite(x) && x >= lo && x <= hi;
  const inRange = (field: string, lo: number, hi: number) => message('augment.inRange', { field, lo, hi });
  check(config.fill === 'zeros' || config.fill === 'edge', message('augment.fillMode'));
  for (const name of AUGMENT_OPS) check(between(config[name].p, 0, 1), inRange(`${name}.p`, 0, 1));
  const { crop, rotate, shear, elastic, brightnessContrast, colorShift, pcaColor } = config;
  check(Number.isInteger(crop.padding) && crop.padding >= 0, message('augment.wholeAtLeast', { field: 'crop.padding', min: 0 }));
  check(crop.scale[0] > 0 && crop.scale[0] <= crop.scale[1] && Number.isFinite(crop.scale[1]), message('augment.minMax', { field: 'crop.scale' }));
  check(crop.aspect[0] > 0 && crop.aspect[0] <= crop.aspect[1] && Number.isFinite(crop.aspect[1]), message('augment.minMax', { field: 'crop.aspect' }));
  check(between(rotate.maxDegrees, 0, 180), inRange('rotate.maxDegrees', 0, 180));
  check(between(shear.maxDegrees, 0, 75), inRange('shear.maxDegrees', 0, 75));
  check(['x', 'y', 'both'].includes(shear.axis), message('augment.shearAxis'));
  check(Number.isInteger(elastic.gridSize) && elastic.gridSize >= 2, message('augment.wholeAtLeast', { field: 'elastic.gridSize', min: 2 }));
  check(between(elastic.magnitude, 0, Infinity), message('augment.atLeast', { field: 'elastic.magnitude', min: 0 }));
  check(between(brightnessContrast.brightness, 0, 1), inRange('brightnessContrast.brightness', 0, 1));
  check(between(brightnessContrast.contrast, 0, 1), inRange('brightnessContrast.contrast', 0, 1));
  check(between(colorShift.amount, 0, 1), inRange('colorShift.amount', 0, 1));
  check(between(pcaColor.sigma, 0, Infinity), message('augment.atLeast', { field: 'pcaColor.sigma', min: 0 }));
  return problems;
}

/** Everything wrong with `config`, in English (empty when it is valid); see {@link augmentConfigProblems}. */
export function validateAugmentConfig(config: AugmentConfig): string[] {
  return augmentConfigProblems(config).map((m) => sayMessage(m, 'en'));
}

/** Throws (a UserError `augment.invalid` listing every problem) when `config` is invalid. */
export function assertAugmentConfig(config: AugmentConfig): void {
  const problems = augmentConfigProblems(config);
  if (problems.length > 0) throw catalogueError(augmentMessages, 'augment.invalid', { problems });
}

/**
 * Typed parameters of every augmentation, the default (all off) and recommended configurations, and
 * validation. Pure TypeScript: the UI builds its parameter panels from these types.
 */

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

/** Human-readable problems with a configuration; empty when it is valid. */
export function validateAugmentConfig(config: AugmentConfig): string[] {
  const errors: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) errors.push(message);
  };
  const between = (x: number, lo: number, hi: number): boolean => Number.isFinite(x) && x >= lo && x <= hi;
  check(config.fill === 'zeros' || config.fill === 'edge', `fill must be 'zeros' or 'edge'`);
  for (const name of AUGMENT_OPS) check(between(config[name].p, 0, 1), `${name}.p must be in [0, 1]`);
  const { crop, rotate, shear, elastic, brightnessContrast, colorShift, pcaColor } = config;
  check(Number.isInteger(crop.padding) && crop.padding >= 0, 'crop.padding must be a whole number ≥ 0');
  check(crop.scale[0] > 0 && crop.scale[0] <= crop.scale[1] && Number.isFinite(crop.scale[1]), 'crop.scale must be 0 < min ≤ max');
  check(crop.aspect[0] > 0 && crop.aspect[0] <= crop.aspect[1] && Number.isFinite(crop.aspect[1]), 'crop.aspect must be 0 < min ≤ max');
  check(between(rotate.maxDegrees, 0, 180), 'rotate.maxDegrees must be in [0, 180]');
  check(between(shear.maxDegrees, 0, 75), 'shear.maxDegrees must be in [0, 75]');
  check(['x', 'y', 'both'].includes(shear.axis), `shear.axis must be 'x', 'y' or 'both'`);
  check(Number.isInteger(elastic.gridSize) && elastic.gridSize >= 2, 'elastic.gridSize must be a whole number ≥ 2');
  check(between(elastic.magnitude, 0, Infinity), 'elastic.magnitude must be ≥ 0');
  check(between(brightnessContrast.brightness, 0, 1), 'brightnessContrast.brightness must be in [0, 1]');
  check(between(brightnessContrast.contrast, 0, 1), 'brightnessContrast.contrast must be in [0, 1]');
  check(between(colorShift.amount, 0, 1), 'colorShift.amount must be in [0, 1]');
  check(between(pcaColor.sigma, 0, Infinity), 'pcaColor.sigma must be ≥ 0');
  return errors;
}

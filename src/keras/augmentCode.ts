/**
 * The playground's augmentation as Keras: `build_augmentation(x_train)` returns a `keras.Sequential` of
 * preprocessing layers (Keras' own where they exist with the playground's meaning — RandomCrop after
 * ZeroPadding2D, RandomFlip, RandomRotation, RandomShear, RandomBrightness, RandomContrast — and the
 * small layers of augmentLayers.ts otherwise), or None when every augmentation is off.
 */
import type { AugmentConfig } from '../augment/config';
import { augmentLayersCode } from './augmentLayers';
import { py, pyNumber } from './python';

/** The Python of the augmentation: its custom layers and `build_augmentation`. */
export interface AugmentCode {
  /** Helper classes (RandomApply, ElasticWarp, …), or '' when none is needed. */
  readonly layers: string;
  /** `def build_augmentation(x_train): …` */
  readonly builder: string;
  /** True when at least one augmentation is on. */
  readonly active: boolean;
}

const deg = (d: number) => (d * Math.PI) / 180;

/**
 * Keras layers for `config` on images of `channels` channels (colour shifts need 3, as in the playground).
 * Differences that remain: Keras draws its own random numbers, RandomShear draws tan(angle) rather
 * than the angle, and Keras' brightness and contrast clip to [0, 1].
 */
export function augmentCode(config: AugmentConfig, channels: number): AugmentCode {
  const used = new Set<string>();
  const lines: string[] = [];
  const fill = config.fill;
  const keras = (layer: string, p: number) => {
    if (p >= 1) return layer;
    used.add('RandomApply');
    return `RandomApply(${layer}, p=${pyNumber(p)})`;
  };
  const add = (comment: string, ...layers: string[]) => {
    lines.push(`        # ${comment}`);
    for (const l of layers) lines.push(`        ${l},`);
  };
  const { crop, mirror, rotate, shear, elastic, brightnessContrast: bc, colorShift, pcaColor } = config;
  if (crop.enabled) {
    const cifar = crop.scale[0] === 1 && crop.scale[1] === 1 && crop.aspect[0] === 1 && crop.aspect[1] === 1 && fill === 'zeros' && crop.p >= 1;
    if (cifar) {
      add(`random crop: pad ${crop.padding} px with zeros, cut H x W back out (the CIFAR recipe)`, `layers.ZeroPadding2D(${crop.padding})`, 'layers.RandomCrop(height, width)');
    } else {
      used.add('RandomResizedCrop');
      add('random crop of part of the image, resized back (the Inception recipe)', keras(`RandomResizedCrop(padding=${crop.padding}, scale=${py([...crop.scale])}, aspect=${py([...crop.aspect])}, fill=${py(fill)})`, crop.p));
    }
  }
  if (mirror.enabled && (mirror.horizontal || mirror.vertical)) {
    const mode = mirror.horizontal && mirror.vertical ? 'horizontal_and_vertical' : mirror.horizontal ? 'horizontal' : 'vertical';
    if (mirror.p === 0.5) add('mirror (each direction with probability 0.5)', `layers.RandomFlip(${py(mode)})`);
    else {
      used.add('RandomMirror');
      add(`mirror (each direction with probability ${mirror.p})`, `RandomMirror(horizontal=${py(mirror.horizontal)}, vertical=${py(mirror.vertical)}, p=${pyNumber(mirror.p)})`);
    }
  }
  const fillMode = fill === 'zeros' ? '"constant"' : '"nearest"';
  if (rotate.enabled) {
    add(`rotation by up to ${rotate.maxDegrees} degrees either way`, keras(`layers.RandomRotation(${pyNumber(rotate.maxDegrees / 360)}, fill_mode=${fillMode}, fill_value=0.0)`, rotate.p));
  }
  if (shear.enabled) {
    const t = pyNumber(Number(Math.tan(deg(shear.maxDegrees)).toFixed(6)));
    const x = shear.axis !== 'y' ? t : '0.0';
    const y = shear.axis !== 'x' ? t : '0.0';
    add(`shear by up to ${shear.maxDegrees} degrees (factor tan ${shear.maxDegrees} deg)`, keras(`layers.RandomShear(x_factor=${x}, y_factor=${y}, fill_mode=${fillMode}, fill_value=0.0)`, shear.p));
  }
  if (elastic.enabled) {
    used.add('ElasticWarp');
    add(`elastic warp: a ${elastic.gridSize}x${elastic.gridSize} lattice moved by up to ${elastic.magnitude} px`, keras(`ElasticWarp(grid_size=${elastic.gridSize}, magnitude=${pyNumber(elastic.magnitude)}, fill=${py(fill)})`, elastic.p));
  }
  if (bc.enabled && (bc.brightness > 0 || bc.contrast > 0)) {
    const parts = [
      ...(bc.brightness > 0 ? [`layers.RandomBrightness(${pyNumber(bc.brightness)}, value_range=(0.0, 1.0))`] : []),
      ...(bc.contrast > 0 ? [`layers.RandomContrast(${pyNumber(bc.contrast)}, value_range=(0.0, 1.0))`] : []),
    ];
    const both = parts.length === 1 ? parts[0] : `keras.Sequential([${parts.join(', ')}])`;
    add('brightness and contrast', keras(both, bc.p));
  }
  if (colorShift.enabled && channels === 3) {
    used.add('RandomChannelShift');
    add(`RGB shift by up to ${colorShift.amount} per channel`, keras(`RandomChannelShift(${pyNumber(colorShift.amount)})`, colorShift.p));
  }
  const pca = pcaColor.enabled && channels === 3;
  if (pca) {
    used.add('PcaColorShift');
    add(`AlexNet's PCA colour shift, sigma ${pcaColor.sigma}`, keras(`PcaColorShift(eigenvalues, eigenvectors, sigma=${pyNumber(pcaColor.sigma)})`, pcaColor.p));
  }
  const active = lines.length > 0;
  const doc = '    """The training-time augmentation (None when off): random in training only, the identity at inference."""';
  const body = active
    ? [
        '    height, width = INPUT_SHAPE[0], INPUT_SHAPE[1]',
        ...(pca ? ['    eigenvalues, eigenvectors = pca_color_stats(x_train)'] : []),
        '    return keras.Sequential([',
        ...lines,
        '    ], name="augmentation")',
      ]
    : ['    return None'];
  return { layers: augmentLayersCode(used), builder: ['def build_augmentation(x_train):', doc, ...body].join('\n'), active };
}

/**
 * Per-image random parameters of the pipeline, drawn in pure TypeScript from a seed so that a batch is
 * augmented identically on every backend. Each op draws from its own stream (`deriveSeed(seed, op)`),
 * so switching one op on or off does not change what the others draw.
 */
import {
  composeAffine, cropMap, IDENTITY_AFFINE, isIdentityAffine, mirrorMap, rotationShearMap,
  type Affine2D, type CropBox,
} from './affine';
import { AUGMENT_OPS, type AugmentConfig, type AugmentOpName, type CropParams } from './config';
import type { Vec3 } from './eigen3';
import { pcaOffset, type PcaColorStats } from './pcaStats';
import { deriveSeed, mulberry32, normal, uniform, type Rng } from './random';

/** Shape of a batch `[N, H, W, C]`. */
export type BatchShape = readonly [number, number, number, number];

/** Everything `augmentBatch` needs besides the pixels; `null` fields mean "nothing to do". */
export interface AugmentDraws {
  shape: BatchShape;
  /** `applied[op][i]` is 1 when op was applied to image i. */
  applied: Record<AugmentOpName, Uint8Array>;
  /** Per-image inverse map output → source pixel (crop ∘ mirror ∘ rotate/shear), length N; null when all are the identity. */
  affine: Affine2D[] | null;
  /** Elastic control-point displacements `[N, G, G, 2]` flattened, (dx, dy) in output pixels; null when none. */
  elastic: { gridSize: number; displacement: Float32Array } | null;
  /** Contrast factor per image `[N]` (1 where not applied); null when no image gets contrast. */
  contrast: Float32Array | null;
  /** Additive offset per image and channel `[N, C]`: brightness + RGB shift + PCA; null when none. */
  offset: Float32Array | null;
  /** PCA α per image `[N, 3]` (0 where not applied); null when PCA is off or the input is not RGB. */
  pcaAlpha: Float32Array | null;
}

/**
 * Draws every per-image parameter for one batch.
 * @param shape the batch shape `[N, H, W, C]`; colour ops (RGB shift, PCA) need C = 3 and are skipped otherwise.
 * @param stats required when `pcaColor` is enabled and C = 3.
 */
export function drawAugmentParams(
  config: AugmentConfig,
  shape: BatchShape,
  seed: number,
  stats?: PcaColorStats,
): AugmentDraws {
  const [n, h, w, c] = shape;
  const rgb = c === 3;
  if (config.pcaColor.enabled && rgb && stats === undefined) {
    throw new Error('pcaColor is enabled but no PcaColorStats were given: compute them with computePcaColorStats');
  }
  const applied = Object.fromEntries(AUGMENT_OPS.map((op) => [op, new Uint8Array(n)])) as Record<AugmentOpName, Uint8Array>;
  const stream = (op: AugmentOpName): Rng => mulberry32(deriveSeed(seed, op));
  const hits = (op: AugmentOpName, rng: Rng): boolean => config[op].enabled && rng() < config[op].p;

  const affine: Affine2D[] = Array.from({ length: n }, () => IDENTITY_AFFINE);
  if (config.crop.enabled) {
    const rng = stream('crop');
    for (let i = 0; i < n; i++) {
      const hit = hits('crop', rng);
      const map = cropMap(h, w, drawCropBox(rng, config.crop, h, w));
      if (hit) {
        applied.crop[i] = 1;
        affine[i] = composeAffine(affine[i], map);
      }
    }
  }
  if (config.mirror.enabled) {
    const rng = stream('mirror');
    const { horizontal, vertical } = config.mirror;
    for (let i = 0; i < n; i++) {
      const flipX = hits('mirror', rng) && horizontal;
      const flipY = hits('mirror', rng) && vertical;
      if (flipX || flipY) {
        applied.mirror[i] = 1;
        affine[i] = composeAffine(affine[i], mirrorMap(h, w, flipX, flipY));
      }
    }
  }
  const angle = new Float64Array(n);
  const shearX = new Float64Array(n);
  const shearY = new Float64Array(n);
  if (config.rotate.enabled) {
    const rng = stream('rotate');
    const max = config.rotate.maxDegrees;
    for (let i = 0; i < n; i++) {
      const hit = hits('rotate', rng);
      const deg = uniform(rng, -max, max);
      if (hit) {
        applied.rotate[i] = 1;
        angle[i] = deg;
      }
    }
  }
  if (config.shear.enabled) {
    const rng = stream('shear');
    const { maxDegrees: max, axis } = config.shear;
    for (let i = 0; i < n; i++) {
      const hit = hits('shear', rng);
      const sx = uniform(rng, -max, max);
      const sy = uniform(rng, -max, max);
      if (hit) {
        applied.shear[i] = 1;
        shearX[i] = axis === 'y' ? 0 : sx;
        shearY[i] = axis === 'x' ? 0 : sy;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (applied.rotate[i] || applied.shear[i]) {
      affine[i] = composeAffine(affine[i], rotationShearMap(h, w, angle[i], shearX[i], shearY[i]));
    }
  }

  let elastic: AugmentDraws['elastic'] = null;
  if (config.elastic.enabled) {
    const rng = stream('elastic');
    const { gridSize: g, magnitude: m } = config.elastic;
    const displacement = new Float32Array(n * g * g * 2);
    for (let i = 0; i < n; i++) {
      const hit = hits('elastic', rng);
      for (let k = 0; k < g * g * 2; k++) {
        const d = uniform(rng, -m, m);
        if (hit) displacement[i * g * g * 2 + k] = d;
      }
      if (hit) applied.elastic[i] = 1;
    }
    if (m > 0 && applied.elastic.some((a) => a === 1)) elastic = { gridSize: g, displacement };
  }

  const contrast = new Float32Array(n).fill(1);
  const offset = new Float32Array(n * c);
  if (config.brightnessContrast.enabled) {
    const rng = stream('brightnessContrast');
    const { brightness: b, contrast: k } = config.brightnessContrast;
    for (let i = 0; i < n; i++) {
      const hit = hits('brightnessContrast', rng);
      const delta = uniform(rng, -b, b);
      const factor = uniform(rng, 1 - k, 1 + k);
      if (!hit) continue;
      applied.brightnessContrast[i] = 1;
      contrast[i] = factor;
      for (let ch = 0; ch < c; ch++) offset[i * c + ch] += delta;
    }
  }
  if (config.colorShift.enabled && rgb) {
    const rng = stream('colorShift');
    const a = config.colorShift.amount;
    for (let i = 0; i < n; i++) {
      const hit = hits('colorShift', rng);
      const shift = [uniform(rng, -a, a), uniform(rng, -a, a), uniform(rng, -a, a)];
      if (!hit) continue;
      applied.colorShift[i] = 1;
      for (let ch = 0; ch < 3; ch++) offset[i * 3 + ch] += shift[ch];
    }
  }
  let pcaAlpha: Float32Array | null = null;
  if (config.pcaColor.enabled && rgb && stats !== undefined) {
    const rng = stream('pcaColor');
    const sigma = config.pcaColor.sigma;
    pcaAlpha = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const hit = hits('pcaColor', rng);
      const alpha: Vec3 = [normal(rng, 0, sigma), normal(rng, 0, sigma), normal(rng, 0, sigma)];
      if (!hit) continue;
      applied.pcaColor[i] = 1;
      pcaAlpha.set(alpha, i * 3);
      const shift = pcaOffset(stats, alpha);
      for (let ch = 0; ch < 3; ch++) offset[i * 3 + ch] += shift[ch];
    }
  }

  return {
    shape,
    applied,
    affine: affine.every(isIdentityAffine) ? null : affine,
    elastic,
    contrast: contrast.every((k) => k === 1) ? null : contrast,
    offset: offset.every((v) => v === 0) ? null : offset,
    pcaAlpha,
  };
}

/** A crop window of `scale` × the area and relative `aspect`, at a uniform whole-pixel offset in the padded image. */
function drawCropBox(rng: Rng, params: CropParams, h: number, w: number): CropBox {
  const { padding: pad, scale, aspect } = params;
  const s = uniform(rng, scale[0], scale[1]);
  const r = Math.exp(uniform(rng, Math.log(aspect[0]), Math.log(aspect[1])));
  const width = clampInt(Math.round(w * Math.sqrt(s * r)), 1, w + 2 * pad);
  const height = clampInt(Math.round(h * Math.sqrt(s / r)), 1, h + 2 * pad);
  const x = -pad + Math.floor(rng() * (w + 2 * pad - width + 1));
  const y = -pad + Math.floor(rng() * (h + 2 * pad - height + 1));
  return { x, y, width, height };
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

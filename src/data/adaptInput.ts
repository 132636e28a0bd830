/**
 * Fits dataset images to a network's input shape: zero-padding for a slightly larger input of the
 * same aspect (MNIST 28×28 → 32×32 for LeNet-5, as LeCun et al. padded), bilinear resize otherwise,
 * grey ↔ RGB by replicating the channel or taking luminance. Pure functions on typed arrays.
 */
import { engineError, message, type UserMessage } from '../messages/index';
import type { ImageShape } from './datasetTypes';

/** Zero-pad only when the border adds at most this fraction of the source size (28 → 35 pads, 28 → 36 resizes). */
export const MAX_PAD_FRACTION = 0.25;

/** ITU-R BT.601 luma weights, as in `tf.image.rgbToGrayscale`. */
const LUMA = [0.299, 0.587, 0.114] as const;

/** What {@link adaptImages} will do, step by step. */
export interface AdaptationPlan {
  readonly from: ImageShape;
  readonly to: ImageShape;
  readonly spatial: 'same' | 'pad' | 'resize';
  /** Zero border in pixels; all 0 unless `spatial` is `pad`. */
  readonly pad: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly channels: 'same' | 'grey-to-rgb' | 'rgb-to-grey';
}

function checkShape(shape: ImageShape, role: string): void {
  if (!shape.every((d) => Number.isInteger(d) && d > 0)) throw new Error(`${role} shape [${shape.join(', ')}] must be three positive integers`);
}

/**
 * Decides how to turn `from` images into `to` images.
 * @throws Error for channel counts other than equal, 1 → 3 or 3 → 1
 */
export function planAdaptation(from: ImageShape, to: ImageShape): AdaptationPlan {
  checkShape(from, 'Source');
  checkShape(to, 'Target');
  const [fh, fw, fc] = from;
  const [th, tw, tc] = to;
  let channels: AdaptationPlan['channels'] = 'same';
  if (fc === 1 && tc === 3) channels = 'grey-to-rgb';
  else if (fc === 3 && tc === 1) channels = 'rgb-to-grey';
  else if (fc !== tc) throw engineError('adapt.channels', { from: fc, to: tc });

  const noPad = { top: 0, bottom: 0, left: 0, right: 0 };
  if (fh === th && fw === tw) return { from, to, spatial: 'same', pad: noPad, channels };
  const sameAspect = fh * tw === fw * th;
  const slightlyLarger = th >= fh && tw >= fw && th - fh <= fh * MAX_PAD_FRACTION && tw - fw <= fw * MAX_PAD_FRACTION;
  if (sameAspect && slightlyLarger) {
    // An odd border puts the extra pixel at the bottom / right.
    const top = Math.floor((th - fh) / 2);
    const left = Math.floor((tw - fw) / 2);
    return { from, to, spatial: 'pad', pad: { top, bottom: th - fh - top, left, right: tw - fw - left }, channels };
  }
  return { from, to, spatial: 'resize', pad: noPad, channels };
}

const fmt = (s: ImageShape): string => s.join('×');

/**
 * What the adaptation does, as a message the UI says in its language, e.g. (English)
 * `28×28×1 → 32×32×1: zero-padded, 2 px on each side`.
 * @throws Error when the channels cannot be converted
 */
export function describeAdaptation(from: ImageShape, to: ImageShape): UserMessage {
  const plan = planAdaptation(from, to);
  if (plan.spatial === 'same' && plan.channels === 'same') return message('adapt.asIs', { from: fmt(from) });
  const { top, bottom, left, right } = plan.pad;
  const border = top === bottom && top === left && top === right ? message('adapt.borderEven', { px: top }) : message('adapt.borderUneven', { top, bottom, left, right });
  const steps: UserMessage[] = [];
  if (plan.spatial === 'pad') steps.push(message('adapt.pad', { border }));
  if (plan.spatial === 'resize') steps.push(message('adapt.resize'));
  if (plan.channels !== 'same') steps.push(message(plan.channels === 'grey-to-rgb' ? 'adapt.greyToRgb' : 'adapt.rgbToGrey'));
  return message('adapt.steps', { from: fmt(from), to: fmt(to), steps });
}

/** Per output row (or column): source indices `i0`, `i1` and the weight of `i1`; `i0 = -1` means zero padding. */
interface AxisSampling {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly w: Float32Array;
}

function axisSampling(source: number, target: number, spatial: AdaptationPlan['spatial'], before: number): AxisSampling {
  const i0 = new Int32Array(target);
  const i1 = new Int32Array(target);
  const w = new Float32Array(target);
  for (let t = 0; t < target; t++) {
    if (spatial === 'resize') {
      // Half-pixel centres (tf.image.resizeBilinear with halfPixelCenters, PIL): pixel t covers [t, t + 1).
      const s = Math.min(source - 1, Math.max(0, ((t + 0.5) * source) / target - 0.5));
      i0[t] = Math.floor(s);
      i1[t] = Math.min(source - 1, i0[t] + 1);
      w[t] = s - i0[t];
    } else {
      const s = t - before;
      i0[t] = s >= 0 && s < source ? s : -1;
      i1[t] = i0[t];
    }
  }
  return { i0, i1, w };
}

/**
 * Converts uint8 images to floats in [0, 1] of another shape.
 * @param images `N × from` uint8 pixels, channels-last
 * @returns `data`: `N × to` floats, channels-last; `description`: as {@link describeAdaptation}
 * @throws Error if `images.length` is not a multiple of the source image size, or channels cannot be converted
 */
export function adaptImages(images: Uint8Array, from: ImageShape, to: ImageShape): { data: Float32Array; description: UserMessage } {
  const plan = planAdaptation(from, to);
  const description = describeAdaptation(from, to);
  const [fh, fw, fc] = from;
  const [th, tw, tc] = to;
  const inSize = fh * fw * fc;
  if (images.length % inSize !== 0) throw new Error(`${images.length} bytes are not a whole number of ${fmt(from)} images`);
  const n = images.length / inSize;
  const data = new Float32Array(n * th * tw * tc);
  if (plan.spatial === 'same' && plan.channels === 'same') {
    for (let i = 0; i < images.length; i++) data[i] = images[i] / 255;
    return { data, description };
  }
  const rows = axisSampling(fh, th, plan.spatial, plan.pad.top);
  const cols = axisSampling(fw, tw, plan.spatial, plan.pad.left);
  const pixel = new Float32Array(fc);
  for (let img = 0; img < n; img++) {
    const src = img * inSize;
    for (let y = 0; y < th; y++) {
      if (rows.i0[y] < 0) continue; // padding rows stay 0
      const r0 = src + rows.i0[y] * fw * fc;
      const r1 = src + rows.i1[y] * fw * fc;
      const wy = rows.w[y];
      for (let x = 0; x < tw; x++) {
        if (cols.i0[x] < 0) continue;
        const c0 = cols.i0[x] * fc;
        const c1 = cols.i1[x] * fc;
        const wx = cols.w[x];
        for (let c = 0; c < fc; c++) {
          const top = images[r0 + c0 + c] * (1 - wx) + images[r0 + c1 + c] * wx;
          const bottom = images[r1 + c0 + c] * (1 - wx) + images[r1 + c1 + c] * wx;
          pixel[c] = (top * (1 - wy) + bottom * wy) / 255;
        }
        const out = ((img * th + y) * tw + x) * tc;
        if (plan.channels === 'same') for (let c = 0; c < fc; c++) data[out + c] = pixel[c];
        else if (plan.channels === 'grey-to-rgb') data.fill(pixel[0], out, out + 3);
        else data[out] = LUMA[0] * pixel[0] + LUMA[1] * pixel[1] + LUMA[2] * pixel[2];
      }
    }
  }
  return { data, description };
}

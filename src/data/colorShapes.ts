/**
 * "Colour shapes": a seeded, procedurally generated RGB dataset of six shapes with random fill colour,
 * position, scale, rotation, plain or gradient background, and pixel noise. Needs colour (unlike MNIST)
 * yet trains in seconds. Pure TypeScript: runs in a worker or Node.
 */
import type { ImageDataset, ImageSplit } from './datasetTypes';
import { createRandom, deriveSeed, type Random } from './random';
import { SHAPE_KINDS, shapeCoverage, type ShapePose } from './shapeRaster';

/** Id of the generated dataset. */
export const COLOR_SHAPES_ID = 'color-shapes';

/** Class names in label order (label k is `SHAPE_KINDS[k]`). */
export const COLOR_SHAPE_CLASS_NAMES: readonly string[] = ['Circle', 'Square', 'Triangle', 'Cross', 'Ring', 'Star'];

/** Options of {@link generateColorShapes}. */
export interface ColorShapesOptions {
  readonly seed: number;
  readonly trainCount: number;
  readonly testCount: number;
  /** Image side in pixels; default 32. */
  readonly size?: number;
}

type Rgb = readonly [number, number, number];

function hsv(h: number, s: number, v: number): Rgb {
  const f = (n: number): number => {
    const k = (n + h * 6) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5), f(3), f(1)];
}

const luma = (c: Rgb): number => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];

/** Enough luminance contrast that the shape survives conversion to grey, and a clear colour step. */
function contrasts(a: Rgb, b: Rgb): boolean {
  return Math.abs(luma(a) - luma(b)) >= 0.15 && Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) >= 0.35;
}

/** A fill colour and the two ends of the background gradient (equal for a plain background). */
function pickColours(rng: Random): { fill: Rgb; from: Rgb; to: Rgb } {
  const fill = hsv(rng.next(), rng.uniform(0.5, 1), rng.uniform(0.45, 1));
  for (let attempt = 0; attempt < 16; attempt++) {
    const from = hsv(rng.next(), rng.uniform(0, 0.8), rng.uniform(0.1, 1));
    const gradient = rng.next() < 0.5;
    const shift = (c: number): number => Math.min(1, Math.max(0, c + (gradient ? rng.uniform(-0.25, 0.25) : 0)));
    const to: Rgb = [shift(from[0]), shift(from[1]), shift(from[2])];
    if (contrasts(fill, from) && contrasts(fill, to)) return { fill, from, to };
  }
  const plain: Rgb = luma(fill) > 0.5 ? [0.08, 0.08, 0.08] : [0.92, 0.92, 0.92];
  return { fill, from: plain, to: plain };
}

function randomPose(rng: Random, size: number): ShapePose {
  const radius = size * rng.uniform(0.2, 0.42);
  const margin = radius + 0.5;
  return { cx: rng.uniform(margin, size - margin), cy: rng.uniform(margin, size - margin), radius, angle: rng.uniform(0, 2 * Math.PI) };
}

/** Paints one `size × size × 3` image of `SHAPE_KINDS[label]` into `out` at `offset`. */
function paintSample(rng: Random, label: number, size: number, mask: Float32Array, out: Uint8ClampedArray, offset: number): void {
  shapeCoverage(SHAPE_KINDS[label], randomPose(rng, size), size, mask);
  const { fill, from, to } = pickColours(rng);
  const direction = rng.uniform(0, 2 * Math.PI);
  const gx = Math.cos(direction) / size;
  const gy = Math.sin(direction) / size;
  // Noise in 0..255 units; drawn from an inline xorshift32 seeded per image: calling `rng` for
  // every channel of every pixel would double the generation time.
  const noise = (255 * rng.uniform(0, 0.08)) / 65536;
  let state = Math.floor(rng.next() * 0xffffffff) | 1;
  for (let y = 0, p = 0; y < size; y++) {
    for (let x = 0; x < size; x++, p++) {
      // t runs from about 0 to 1 across the image along the gradient direction.
      const t = Math.min(1, Math.max(0, 0.5 + (x + 0.5 - size / 2) * gx + (y + 0.5 - size / 2) * gy));
      const cover = mask[p];
      for (let ch = 0; ch < 3; ch++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const background = from[ch] + (to[ch] - from[ch]) * t;
        // Sum of two 16-bit uniforms: a triangular distribution on (-65536, 65536).
        const jitter = (state & 0xffff) + (state >>> 16) - 65535;
        // The clamped array rounds and clips to 0..255.
        out[offset + p * 3 + ch] = 255 * (background + (fill[ch] - background) * cover) + noise * jitter;
      }
    }
  }
}

function generateSplit(seed: number, count: number, size: number): ImageSplit {
  const rng = createRandom(seed);
  const classes = SHAPE_KINDS.length;
  const labels = rng.shuffle(Array.from({ length: count }, (_, i) => i % classes));
  const images = new Uint8Array(count * size * size * 3);
  const pixels = new Uint8ClampedArray(images.buffer);
  const mask = new Float32Array(size * size);
  labels.forEach((label, i) => paintSample(rng, label, size, mask, pixels, i * size * size * 3));
  return { images, labels: Uint8Array.from(labels), count };
}

/**
 * Generates the dataset. Classes are balanced (counts differ by at most one) and shuffled; train and
 * test come from independent streams of `seed`, so the test set does not change with `trainCount`.
 * @returns images `[size, size, 3]`, uint8 RGB, channels-last
 */
export function generateColorShapes({ seed, trainCount, testCount, size = 32 }: ColorShapesOptions): ImageDataset {
  if (!Number.isInteger(size) || size < 8) throw new Error(`Colour shapes need an integer size of at least 8, not ${size}`);
  for (const [name, n] of [['trainCount', trainCount], ['testCount', testCount]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, not ${n}`);
  }
  return {
    id: COLOR_SHAPES_ID,
    name: 'Colour shapes',
    imageShape: [size, size, 3],
    classNames: COLOR_SHAPE_CLASS_NAMES,
    train: generateSplit(deriveSeed(seed, 'train'), trainCount, size),
    test: generateSplit(deriveSeed(seed, 'test'), testCount, size),
  };
}

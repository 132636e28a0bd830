/**
 * Seeded pseudo-random numbers in pure TypeScript (no tfjs), so per-image augmentation parameters are
 * drawn identically on every backend and can be shown by the UI.
 */

import { createRandom } from '../data/random';

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG, good enough for augmentation draws (not for cryptography).
 * @param seed any number; reduced to 32 bits.
 */
export function mulberry32(seed: number): Rng {
  return createRandom(toUint32(seed)).next;
}

/**
 * An independent seed for a named sub-stream, so that e.g. enabling rotation does not change the crops
 * drawn for the same seed. FNV-1a over the stream name, mixed with the seed by a murmur3 finaliser.
 */
export function deriveSeed(seed: number, stream: string): number {
  let h = 0x811c9dc5 ^ toUint32(seed);
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform draw in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** A normal draw N(mean, sd²) by Box–Muller (one of the pair is discarded to keep streams simple). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u1 = 1 - rng(); // (0, 1]: log is finite
  const u2 = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function toUint32(seed: number): number {
  return Number.isFinite(seed) ? Math.floor(seed) >>> 0 : 0;
}

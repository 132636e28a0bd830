/**
 * How much an accuracy measured on n validation images can be trusted: one image's worth of accuracy
 * and the half-width of the Wilson 95% interval (which, unlike p ± 1.96·√(p(1−p)/n), is not zero at
 * 100% on 18 images).
 */

/** Validation sets smaller than this get the confidence note. */
export const SMALL_VALIDATION = 200;

/** Percentage points one validation image is worth. */
export function pointsPerImage(n: number): number {
  return n > 0 ? 100 / n : 0;
}

/** Half-width, in percentage points, of the Wilson 95% interval of an accuracy `p` (0..1) measured on `n` images. */
export function wilsonMargin(p: number, n: number, z = 1.96): number {
  if (n <= 0) return 100;
  const q = Math.min(1, Math.max(0, p));
  const half = (z * Math.sqrt((q * (1 - q)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return half * 100;
}

/**
 * 2-D affine maps of pixel coordinates, in pure TypeScript. Every geometric augmentation is written as
 * an *inverse* map: for an output pixel (x = column, y = row) it gives the source position to sample.
 * Pixel centres sit on integer coordinates, so the identity map reproduces the image exactly.
 */

/** `[a, b, c, d, e, f]`: source x = a·x + b·y + c, source y = d·x + e·y + f. */
export type Affine2D = readonly [number, number, number, number, number, number];

/** The map that samples every pixel from itself. */
export const IDENTITY_AFFINE: Affine2D = [1, 0, 0, 0, 1, 0];

/** A crop window in source pixel coordinates; x, y may be negative (inside the padding). */
export interface CropBox {
  /** Column of the window's top-left pixel. */
  x: number;
  /** Row of the window's top-left pixel. */
  y: number;
  /** Width in pixels (≥ 1). */
  width: number;
  /** Height in pixels (≥ 1). */
  height: number;
}

/** `outer ∘ inner`: apply `inner` to the output pixel first, then `outer`. */
export function composeAffine(outer: Affine2D, inner: Affine2D): Affine2D {
  const [a, b, c, d, e, f] = outer;
  const [p, q, r, s, t, u] = inner;
  return [a * p + b * s, a * q + b * t, a * r + b * u + c, d * p + e * s, d * q + e * t, d * r + e * u + f];
}

/** True when `m` is exactly the identity. */
export function isIdentityAffine(m: Affine2D): boolean {
  return m.every((v, i) => v === IDENTITY_AFFINE[i]);
}

/**
 * Samples the crop window `box` of the source, stretched over an `h` × `w` output. The window's corner
 * pixels land on the output's corner pixels (as `tf.image.cropAndResize` does), so a window of the
 * output's own size is a pure whole-pixel shift.
 */
export function cropMap(h: number, w: number, box: CropBox): Affine2D {
  const sx = w > 1 ? (box.width - 1) / (w - 1) : 0;
  const sy = h > 1 ? (box.height - 1) / (h - 1) : 0;
  const cx = w > 1 ? box.x : box.x + (box.width - 1) / 2;
  const cy = h > 1 ? box.y : box.y + (box.height - 1) / 2;
  return [sx, 0, cx, 0, sy, cy];
}

/** Mirrors an `h` × `w` image left–right and/or top–bottom (exact: whole pixels map to whole pixels). */
export function mirrorMap(h: number, w: number, horizontal: boolean, vertical: boolean): Affine2D {
  return [horizontal ? -1 : 1, 0, horizontal ? w - 1 : 0, 0, vertical ? -1 : 1, vertical ? h - 1 : 0];
}

/**
 * Rotates the content of an `h` × `w` image about its centre by `rotationDeg` (counter-clockwise on
 * screen), then shears it by `shearXDeg` (x += tan·y) and `shearYDeg` (y += tan·x).
 * Returns the inverse map: src = c + R(θ) · Sx⁻¹ · Sy⁻¹ · (p − c), with y pointing down, where
 * R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]] undoes the rotation.
 */
export function rotationShearMap(h: number, w: number, rotationDeg: number, shearXDeg = 0, shearYDeg = 0): Affine2D {
  const theta = (rotationDeg * Math.PI) / 180;
  // Exact zeros for 0°, 90°, 180°… so right-angle rotations stay on the pixel grid.
  const cos = snap(Math.cos(theta));
  const sin = snap(Math.sin(theta));
  const tx = Math.tan((shearXDeg * Math.PI) / 180);
  const ty = Math.tan((shearYDeg * Math.PI) / 180);
  // Sx⁻¹ · Sy⁻¹ = [[1 + tx·ty, −tx], [−ty, 1]]
  const s00 = 1 + tx * ty, s01 = -tx, s10 = -ty, s11 = 1;
  const a = cos * s00 - sin * s10;
  const b = cos * s01 - sin * s11;
  const d = sin * s00 + cos * s10;
  const e = sin * s01 + cos * s11;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  return [a, b, cx - a * cx - b * cy, d, e, cy - d * cx - e * cy];
}

function snap(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-12 ? r : v;
}

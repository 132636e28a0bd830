/**
 * RGB colour statistics for AlexNet's PCA colour augmentation, in pure TypeScript (no tfjs) so the UI
 * can compute and show them on the main thread.
 */
import { symmetricEigen3, type Matrix3, type Vec3 } from './eigen3';

/** Principal components of the RGB pixel distribution of a training set, in [0, 1] pixel units. */
export interface PcaColorStats {
  /** Per-channel mean (R, G, B). */
  mean: Vec3;
  /** 3×3 population covariance of RGB pixel values (divided by the pixel count, not count − 1). */
  covariance: Matrix3;
  /** Eigenvalues λ1 ≥ λ2 ≥ λ3 of the covariance (variances along the principal axes), clamped at 0. */
  eigenvalues: Vec3;
  /** Row-major 3×3 whose column j is the unit eigenvector p_j for λ_j. */
  eigenvectors: Matrix3;
  /** Number of pixels the statistics were computed over (count · h · w). */
  pixelCount: number;
}

/**
 * Computes the RGB covariance of a whole image set and its eigen-decomposition.
 * @param images `count` RGB images in NHWC order, i.e. `[count, h, w, 3]` flattened. A `Uint8Array` is
 *   read as 0–255 and scaled to [0, 1]; a `Float32Array` is taken as already in [0, 1], so the
 *   statistics are in the units `augmentBatch` works in.
 */
export function computePcaColorStats(
  images: Float32Array | Uint8Array,
  count: number,
  h: number,
  w: number,
): PcaColorStats {
  const pixels = count * h * w;
  if (!Number.isInteger(pixels) || pixels <= 0) {
    throw new Error(`computePcaColorStats: need at least one pixel, got count=${count} h=${h} w=${w}`);
  }
  if (images.length < pixels * 3) {
    throw new Error(`computePcaColorStats: expected ${pixels * 3} values ([${count}, ${h}, ${w}, 3]), got ${images.length}`);
  }
  const unit = images instanceof Uint8Array ? 1 / 255 : 1;

  let sr = 0, sg = 0, sb = 0;
  for (let i = 0; i < pixels * 3; i += 3) {
    sr += images[i];
    sg += images[i + 1];
    sb += images[i + 2];
  }
  const mr = sr / pixels, mg = sg / pixels, mb = sb / pixels;

  // Second pass about the mean: numerically safer than E[x²] − E[x]².
  let rr = 0, rg = 0, rb = 0, gg = 0, gb = 0, bb = 0;
  for (let i = 0; i < pixels * 3; i += 3) {
    const r = images[i] - mr;
    const g = images[i + 1] - mg;
    const b = images[i + 2] - mb;
    rr += r * r; rg += r * g; rb += r * b;
    gg += g * g; gb += g * b; bb += b * b;
  }
  const k = (unit * unit) / pixels;
  const covariance: Matrix3 = [
    [rr * k, rg * k, rb * k],
    [rg * k, gg * k, gb * k],
    [rb * k, gb * k, bb * k],
  ];
  const { values, vectors } = symmetricEigen3(covariance);
  return {
    mean: [mr * unit, mg * unit, mb * unit],
    covariance,
    eigenvalues: [Math.max(0, values[0]), Math.max(0, values[1]), Math.max(0, values[2])],
    eigenvectors: vectors,
    pixelCount: pixels,
  };
}

/**
 * The RGB offset AlexNet adds to every pixel of one image: `[p1 p2 p3] · [α1λ1, α2λ2, α3λ3]ᵀ`.
 * @param alpha the image's three α draws (α ~ N(0, σ²) in the paper, σ = 0.1).
 */
export function pcaOffset(stats: PcaColorStats, alpha: Vec3): Vec3 {
  const p = stats.eigenvectors;
  const l = stats.eigenvalues;
  const c0 = alpha[0] * l[0], c1 = alpha[1] * l[1], c2 = alpha[2] * l[2];
  return [
    p[0][0] * c0 + p[0][1] * c1 + p[0][2] * c2,
    p[1][0] * c0 + p[1][1] * c1 + p[1][2] * c2,
    p[2][0] * c0 + p[2][1] * c1 + p[2][2] * c2,
  ];
}

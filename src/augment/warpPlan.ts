/**
 * Where each output pixel of a warp reads from, in pure TypeScript. The per-batch parameters are tiny
 * (six affine coefficients and a G × G lattice per image), so the source positions, the bilinear
 * corners and their weights are cheaper to compute here in one pass and upload once than as the ~90
 * small tensor ops they took before (the digit recipe on wasm: 5.7 → 1.9 ms a batch of 64, in Node).
 * The sampler (`sampler.ts`) then needs one gather, one multiply and one sum.
 */
import type { Affine2D } from './affine';
import type { GeometryFill } from './config';

/** Elastic control-point displacements: `[N, G, G, 2]` flattened, (dx, dy) in output pixels. */
export interface ElasticLattice {
  gridSize: number;
  displacement: Float32Array;
}

/** Source positions, one per output pixel `[N, Ho, Wo]` flattened (x = column, y = row, pixel centres on integers). */
export interface SourcePositions {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * Every position a whole pixel (shifts, flips, right-angle turns): output pixel p is source row
 * `index[p]` of the batch seen as `[N·H·W, C]` rows, exactly.
 */
export interface WholePixelPlan {
  /** Output shape `[N, Ho, Wo]`. */
  shape: readonly [number, number, number];
  corners: 1;
  /** `[N·Ho·Wo]` rows (n·H + y)·W + x; the row N·H·W ('zeros' fill, outside the image) is a zero row the sampler appends. */
  index: Int32Array;
  /** True when some index is the zero row N·H·W. */
  readsZeroRow: boolean;
}

/**
 * Bilinear: output pixel p is Σₖ `weight[4p + k]` · row `index[4p + k]` of the batch seen as
 * `[N·H·W, C]` rows, over its four corner pixels (a corner outside the image weighs 0 with 'zeros').
 */
export interface FourCornerPlan {
  /** Output shape `[N, Ho, Wo]`. */
  shape: readonly [number, number, number];
  corners: 4;
  /** `[N·Ho·Wo·4]` rows, always inside the batch. */
  index: Int32Array;
  /** `[N·Ho·Wo·4]` bilinear weights. */
  weight: Float32Array;
}

/** What one resample reads. */
export type BilinearPlan = WholePixelPlan | FourCornerPlan;

/** Where a plan's arrays come from (every element gets written, so they need not be zeroed). */
export interface PlanBuffers {
  int32(size: number): Int32Array;
  float32(size: number): Float32Array;
}

/** New arrays for every plan. */
export const freshPlanBuffers: PlanBuffers = {
  int32: (size) => new Int32Array(size),
  float32: (size) => new Float32Array(size),
};

/**
 * The same (growing) arrays for every plan, so a plan built into them is valid only until the next:
 * for a caller that copies the plan at once. A fresh ~2 MB pair a batch cost more in allocation and
 * garbage collection than building the plan itself.
 */
export function reusedPlanBuffers(): PlanBuffers {
  let ints = new Int32Array(0);
  let floats = new Float32Array(0);
  return {
    int32(size) {
      if (ints.length < size) ints = new Int32Array(size);
      return ints.subarray(0, size);
    },
    float32(size) {
      if (floats.length < size) floats = new Float32Array(size);
      return floats.subarray(0, size);
    },
  };
}

/**
 * The plan for warping an `[N, h, w, C]` batch by one inverse affine map per image, after the optional
 * elastic displacement: source = M · (p + d(p)), d upsampled from the lattice as `upsampleLattice` does.
 * Whole-pixel maps (integer coefficients, no lattice) get a one-corner plan, which is exact.
 * @param maps length N.
 */
export function warpPlan(
  maps: readonly Affine2D[],
  h: number,
  w: number,
  fill: GeometryFill,
  lattice?: ElasticLattice,
  buffers: PlanBuffers = freshPlanBuffers,
): BilinearPlan {
  const n = maps.length;
  const shape = [n, h, w] as const;
  const edge = fill === 'edge';
  if (lattice === undefined && maps.every((m) => m.every(Number.isInteger))) {
    const out = wholePixelPlan(shape, buffers);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const [a, b, c, d, e, f] = maps[i];
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++, p++) writeWhole(out, p, a * x + b * y + c, d * x + e * y + f, i * h * w, h, w, edge);
    }
    return out;
  }
  const out = fourCornerPlan(shape, buffers);
  const field = lattice === undefined ? null : latticeRows(lattice, n, w);
  const rows = lattice === undefined ? null : alignCornersAxis(lattice.gridSize, h);
  const g2w = lattice === undefined ? 0 : lattice.gridSize * w * 2;
  // Source positions one output row at a time, then one tight loop writes that row's corners.
  const sx = new Float64Array(w);
  const sy = new Float64Array(w);
  for (let i = 0; i < n; i++) {
    const m = maps[i];
    const a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5];
    const displaced = field !== null && rows !== null && field.moved[i] === 1;
    for (let y = 0; y < h; y++) {
      if (displaced) {
        // The lattice rows above and below this output row, already upsampled along x: [W, 2] each;
        // resizeBilinear's order of operations: top + (bottom − top) · frac.
        const v = field.values;
        const top = i * g2w + rows.lo[y] * w * 2;
        const bottom = i * g2w + rows.hi[y] * w * 2;
        const fy = rows.frac[y];
        for (let x = 0; x < w; x++) {
          const tx = v[top + 2 * x], ty = v[top + 2 * x + 1];
          const gx = x + (tx + (v[bottom + 2 * x] - tx) * fy);
          const gy = y + (ty + (v[bottom + 2 * x + 1] - ty) * fy);
          sx[x] = a * gx + b * gy + c;
          sy[x] = d * gx + e * gy + f;
        }
      } else {
        for (let x = 0; x < w; x++) {
          sx[x] = a * x + b * y + c;
          sy[x] = d * x + e * y + f;
        }
      }
      writeFourRow(out, (i * h + y) * w, sx, sy, 0, w, i * h * w, h, w, edge);
    }
  }
  return out;
}

/**
 * The plan for sampling an `[N, h, w, C]` batch at arbitrary `positions` `[N, Ho, Wo]`. Outside the
 * image, `'zeros'` gives a neighbour weight 0 (so edges fade over one pixel, as `tf.image.transform`'s
 * constant fill does) and `'edge'` clamps the position to the border pixel. Whole-number positions get a
 * one-corner plan, which reproduces the source exactly.
 */
export function bilinearPlan(
  positions: SourcePositions,
  shape: readonly [number, number, number],
  h: number,
  w: number,
  fill: GeometryFill,
): BilinearPlan {
  const [n, ho, wo] = shape;
  const size = n * ho * wo;
  const { x: px, y: py } = positions;
  if (px.length !== size || py.length !== size) {
    throw new Error(`bilinearPlan: expected ${size} positions, got ${px.length} and ${py.length}`);
  }
  const edge = fill === 'edge';
  let whole = true;
  for (let p = 0; p < size && whole; p++) whole = Number.isInteger(px[p]) && Number.isInteger(py[p]);
  if (whole) {
    const out = wholePixelPlan(shape, freshPlanBuffers);
    for (let p = 0; p < size; p++) writeWhole(out, p, px[p], py[p], Math.floor(p / (ho * wo)) * h * w, h, w, edge);
    return out;
  }
  const out = fourCornerPlan(shape, freshPlanBuffers);
  const xs = Float64Array.from(px), ys = Float64Array.from(py);
  for (let i = 0; i < n; i++) writeFourRow(out, i * ho * wo, xs, ys, i * ho * wo, ho * wo, i * h * w, h, w, edge);
  return out;
}

/**
 * Upsamples the lattice to a dense field `[N, h, w, 2]` exactly as `tf.image.resizeBilinear` with align
 * corners does (the lattice's corner points sit on the image's corner pixels; see `elasticField`).
 * `warpPlan` computes the same numbers on the fly.
 */
export function upsampleLattice(lattice: ElasticLattice, n: number, h: number, w: number): Float32Array {
  const { values } = latticeRows(lattice, n, w);
  const rows = alignCornersAxis(lattice.gridSize, h);
  const g2w = lattice.gridSize * w * 2;
  const out = new Float32Array(n * h * w * 2);
  for (let i = 0, o = 0; i < n; i++) {
    for (let y = 0; y < h; y++) {
      const top = i * g2w + rows.lo[y] * w * 2;
      const bottom = i * g2w + rows.hi[y] * w * 2;
      for (let k = 0; k < w * 2; k++, o++) out[o] = values[top + k] + (values[bottom + k] - values[top + k]) * rows.frac[y];
    }
  }
  return out;
}

/**
 * The lattice upsampled along x only: `[N, G, w, 2]` (the first half of the separable bilinear
 * upsampling), and which images have any displacement at all (the others skip the field).
 */
function latticeRows(lattice: ElasticLattice, n: number, w: number): { values: Float64Array; moved: Uint8Array } {
  const { gridSize: g, displacement: d } = lattice;
  if (d.length !== n * g * g * 2) throw new Error(`elastic lattice: expected ${n * g * g * 2} values, got ${d.length}`);
  const cols = alignCornersAxis(g, w);
  const values = new Float64Array(n * g * w * 2);
  const moved = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = i * g * g * 2; k < (i + 1) * g * g * 2; k++) if (d[k] !== 0) moved[i] = 1;
    if (moved[i] === 0) continue;
    for (let r = 0; r < g; r++) {
      const row = (i * g + r) * g * 2;
      for (let x = 0; x < w; x++) {
        for (let k = 0; k < 2; k++) {
          const left = d[row + cols.lo[x] * 2 + k];
          values[((i * g + r) * w + x) * 2 + k] = left + (d[row + cols.hi[x] * 2 + k] - left) * cols.frac[x];
        }
      }
    }
  }
  return { values, moved };
}

/** Per output coordinate: the two lattice points around it and the fraction between them (align corners). */
function alignCornersAxis(inSize: number, outSize: number): { lo: Int32Array; hi: Int32Array; frac: Float64Array } {
  const scale = (inSize > 1 ? inSize - 1 : inSize) / (outSize > 1 ? outSize - 1 : outSize);
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const frac = new Float64Array(outSize);
  for (let i = 0; i < outSize; i++) {
    const src = scale * i;
    lo[i] = Math.floor(src);
    hi[i] = Math.min(inSize - 1, Math.ceil(src));
    frac[i] = src - lo[i];
  }
  return { lo, hi, frac };
}

function wholePixelPlan(shape: readonly [number, number, number], buffers: PlanBuffers): WholePixelPlan {
  return { shape, corners: 1, index: buffers.int32(shape[0] * shape[1] * shape[2]), readsZeroRow: false };
}

function fourCornerPlan(shape: readonly [number, number, number], buffers: PlanBuffers): FourCornerPlan {
  const size = 4 * shape[0] * shape[1] * shape[2];
  return { shape, corners: 4, index: buffers.int32(size), weight: buffers.float32(size) };
}

/**
 * Output pixel p reads whole source pixel (x, y) of the image starting at row `base`: clamped to the
 * border ('edge'), or the zero row N·H·W when outside ('zeros').
 */
function writeWhole(plan: WholePixelPlan, p: number, x: number, y: number, base: number, h: number, w: number, edge: boolean): void {
  if (edge || (x >= 0 && x <= w - 1 && y >= 0 && y <= h - 1)) {
    plan.index[p] = base + clamp(y, h - 1) * w + clamp(x, w - 1);
  } else {
    plan.index[p] = plan.shape[0] * h * w;
    plan.readsZeroRow = true;
  }
}

/**
 * Output pixels p0 … p0 + count − 1 read the four pixels around source positions
 * (xs[from + j], ys[from + j]) of the image starting at row `base`, bilinearly weighted; a neighbour
 * outside weighs 0 ('zeros'; with 'edge' the position is clamped first).
 */
function writeFourRow(
  plan: FourCornerPlan, p0: number, xs: Float64Array, ys: Float64Array, from: number, count: number,
  base: number, h: number, w: number, edge: boolean,
): void {
  const { index, weight } = plan;
  for (let j = 0; j < count; j++) {
    const sx = xs[from + j], sy = ys[from + j];
    // 'zeros': far outside reads the same as two pixels outside (every corner weighs 0), and the
    // bound keeps the corners in int32 range.
    const x = edge ? clamp(sx, w - 1) : sx < -2 ? -2 : sx > w + 1 ? w + 1 : sx;
    const y = edge ? clamp(sy, h - 1) : sy < -2 ? -2 : sy > h + 1 ? h + 1 : sy;
    const fx0 = Math.floor(x), fy0 = Math.floor(y);
    const fx = x - fx0, fy = y - fy0;
    let wx0 = 1 - fx, wx1 = fx, wy0 = 1 - fy, wy1 = fy;
    // Integer corners (NaN → 0 keeps the index valid and the weight carries the NaN); a clamped corner weighs 0.
    let c0 = fx0 | 0, r0 = fy0 | 0;
    let c1 = c0 + 1, r1 = r0 + 1;
    if (c0 < 0 || c0 >= w) { wx0 = 0; c0 = c0 < 0 ? 0 : w - 1; }
    if (c1 < 0 || c1 >= w) { wx1 = 0; c1 = c1 < 0 ? 0 : w - 1; }
    if (r0 < 0 || r0 >= h) { wy0 = 0; r0 = r0 < 0 ? 0 : h - 1; }
    if (r1 < 0 || r1 >= h) { wy1 = 0; r1 = r1 < 0 ? 0 : h - 1; }
    const k = 4 * (p0 + j);
    index[k] = base + r0 * w + c0;
    index[k + 1] = base + r0 * w + c1;
    index[k + 2] = base + r1 * w + c0;
    index[k + 3] = base + r1 * w + c1;
    weight[k] = wy0 * wx0;
    weight[k + 1] = wy0 * wx1;
    weight[k + 2] = wy1 * wx0;
    weight[k + 3] = wy1 * wx1;
  }
}

/** `v` clamped to [0, hi]; NaN → 0, so an index stays valid (the weight then carries the NaN). */
function clamp(v: number, hi: number): number {
  return v > 0 ? (v < hi ? v : hi) : 0;
}

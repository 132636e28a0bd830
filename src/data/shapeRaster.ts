/**
 * A tiny anti-aliased rasteriser for the "Colour shapes" dataset: each shape is a signed distance
 * function in a unit frame (circumradius 1), and a pixel's coverage is `clamp(0.5 − distance)` with the
 * distance in pixels. Pure TypeScript, so it runs in workers and Node without a canvas.
 */

/** The shape classes, in label order. */
export const SHAPE_KINDS = ['circle', 'square', 'triangle', 'cross', 'ring', 'star'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** Where a shape sits in the image, in pixels and radians. */
export interface ShapePose {
  /** Centre, measured from the top-left corner of the image (pixel centres are at k + 0.5). */
  readonly cx: number;
  readonly cy: number;
  /** Circumradius: every shape fits in the circle of this radius around the centre. */
  readonly radius: number;
  /** Clockwise rotation on screen (y points down). */
  readonly angle: number;
}

type Point = readonly [number, number];

function regularPolygon(sides: number, radius: number, startAngle: number): Point[] {
  return Array.from({ length: sides }, (_, k): Point => {
    const a = startAngle + (2 * Math.PI * k) / sides;
    return [radius * Math.cos(a), radius * Math.sin(a)];
  });
}

function starPolygon(points: number, outer: number, inner: number): Point[] {
  return Array.from({ length: 2 * points }, (_, k): Point => {
    const r = k % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (Math.PI * k) / points;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
}

function crossPolygon(halfWidth: number): Point[] {
  const t = halfWidth;
  const a = Math.sqrt(1 - t * t); // arm ends touch the unit circle
  return [[-t, -a], [t, -a], [t, -t], [a, -t], [a, t], [t, t], [t, a], [-t, a], [-t, t], [-a, t], [-a, -t], [-t, -t]];
}

// Proportions chosen so that no two shapes overlap by more than ~85% (IoU) at the same pose, whatever the rotation (see the tests).
const POLYGONS: Partial<Record<ShapeKind, Float64Array>> = {
  square: Float64Array.from(regularPolygon(4, 1, Math.PI / 4).flat()),
  triangle: Float64Array.from(regularPolygon(3, 1, -Math.PI / 2).flat()),
  cross: Float64Array.from(crossPolygon(0.28).flat()),
  star: Float64Array.from(starPolygon(5, 1, 0.45).flat()),
};
const NO_POLYGON = new Float64Array(0);
const CIRCLE_RADIUS = 0.8;
const RING_OUTER = 0.95;
const RING_INNER = 0.6;

/** Signed distance from (x, y) to a closed polygon given as flat [x0, y0, x1, y1, …]; negative inside (even–odd rule). */
function polygonDistance(x: number, y: number, v: Float64Array): number {
  let best = Infinity;
  let sign = 1;
  const n = v.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = v[i];
    const yi = v[i + 1];
    const ex = v[j] - xi;
    const ey = v[j + 1] - yi;
    const wx = x - xi;
    const wy = y - yi;
    let t = (wx * ex + wy * ey) / (ex * ex + ey * ey);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const bx = wx - ex * t;
    const by = wy - ey * t;
    const d = bx * bx + by * by;
    if (d < best) best = d;
    if ((yi <= y) !== (v[j + 1] <= y) && x < xi + ((y - yi) * ex) / ey) sign = -sign;
  }
  return sign * Math.sqrt(best);
}

/** Signed distance in the unit frame of `kind`; negative inside. */
export function shapeDistance(kind: ShapeKind, x: number, y: number): number {
  if (kind === 'circle') return Math.hypot(x, y) - CIRCLE_RADIUS;
  if (kind === 'ring') {
    const mid = (RING_OUTER + RING_INNER) / 2;
    return Math.abs(Math.hypot(x, y) - mid) - (RING_OUTER - RING_INNER) / 2;
  }
  return polygonDistance(x, y, POLYGONS[kind] ?? NO_POLYGON);
}

/**
 * Coverage of each pixel by the shape, anti-aliased over about one pixel.
 * @returns `size × size` values in [0, 1], row-major
 */
export function shapeCoverage(kind: ShapeKind, pose: ShapePose, size: number, out: Float32Array = new Float32Array(size * size)): Float32Array {
  out.fill(0);
  const cos = Math.cos(pose.angle);
  const sin = Math.sin(pose.angle);
  const reach = pose.radius + 1;
  const x0 = Math.max(0, Math.floor(pose.cx - reach));
  const x1 = Math.min(size - 1, Math.ceil(pose.cx + reach));
  const y0 = Math.max(0, Math.floor(pose.cy - reach));
  const y1 = Math.min(size - 1, Math.ceil(pose.cy + reach));
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - pose.cy;
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - pose.cx;
      // Rotate the pixel back into the shape's frame, then scale to unit circumradius.
      const u = (dx * cos + dy * sin) / pose.radius;
      const v = (-dx * sin + dy * cos) / pose.radius;
      const coverage = 0.5 - shapeDistance(kind, u, v) * pose.radius;
      out[y * size + x] = coverage <= 0 ? 0 : coverage >= 1 ? 1 : coverage;
    }
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { SHAPE_KINDS, shapeCoverage, type ShapeKind, type ShapePose } from './shapeRaster';

const SIZE = 32;
const CENTRE: ShapePose = { cx: 16, cy: 16, radius: 12, angle: 0 };
const area = (mask: Float32Array): number => mask.reduce((s, v) => s + v, 0);
const at = (mask: Float32Array, x: number, y: number): number => mask[y * SIZE + x];

function iou(a: Float32Array, b: Float32Array): number {
  let inter = 0;
  let union = 0;
  for (let p = 0; p < a.length; p++) {
    inter += Math.min(a[p], b[p]);
    union += Math.max(a[p], b[p]);
  }
  return inter / union;
}

describe('shapeCoverage', () => {
  it.each(SHAPE_KINDS)('%s: coverage in [0, 1] and nothing beyond the circumradius', (kind) => {
    const pose = { cx: 13.3, cy: 17.8, radius: 9.4, angle: 0.7 };
    const mask = shapeCoverage(kind, pose, SIZE);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const v = at(mask, x, y);
        expect(v >= 0 && v <= 1).toBe(true);
        if (Math.hypot(x + 0.5 - pose.cx, y + 0.5 - pose.cy) > pose.radius + 1) expect(v).toBe(0);
      }
    }
  });

  it('gives the analytic areas (in units of radius²)', () => {
    const expected: Record<ShapeKind, number> = {
      circle: Math.PI * 0.8 ** 2,
      square: 2,
      triangle: (3 * Math.sqrt(3)) / 4,
      cross: 2 * (2 * Math.sqrt(1 - 0.28 ** 2)) * 0.56 - 0.56 ** 2,
      ring: Math.PI * (0.95 ** 2 - 0.6 ** 2),
      star: 5 * 0.45 * Math.sin(Math.PI / 5),
    };
    for (const kind of SHAPE_KINDS) {
      const measured = area(shapeCoverage(kind, CENTRE, SIZE)) / CENTRE.radius ** 2;
      expect(measured / expected[kind], kind).toBeCloseTo(1, 1);
    }
  });

  it('fills the centre of every shape but the ring', () => {
    for (const kind of SHAPE_KINDS) {
      const centre = at(shapeCoverage(kind, CENTRE, SIZE), 15, 15) + at(shapeCoverage(kind, CENTRE, SIZE), 16, 16);
      expect(centre, kind).toBeCloseTo(kind === 'ring' ? 0 : 2, 5);
    }
  });

  it('points the triangle up at angle 0 and rotates clockwise on screen', () => {
    const up = shapeCoverage('triangle', CENTRE, SIZE);
    expect(at(up, 16, 6)).toBeGreaterThan(0.5); // apex above the centre
    expect(at(up, 16, 25)).toBe(0); // flat side: nothing below y = 16 + radius / 2
    const right = shapeCoverage('triangle', { ...CENTRE, angle: Math.PI / 2 }, SIZE);
    expect(at(right, 25, 16)).toBeGreaterThan(0.5); // apex now to the right
  });

  it('keeps the circle and ring unchanged under rotation', () => {
    for (const kind of ['circle', 'ring'] as const) {
      const a = shapeCoverage(kind, CENTRE, SIZE);
      const b = shapeCoverage(kind, { ...CENTRE, angle: 1.1 }, SIZE);
      for (let p = 0; p < a.length; p++) expect(Math.abs(a[p] - b[p])).toBeLessThan(1e-5);
    }
  });

  it('tells every pair of shapes apart: IoU below 0.86 at any relative rotation', () => {
    for (const a of SHAPE_KINDS) {
      for (const b of SHAPE_KINDS) {
        if (a === b) continue;
        const maskA = shapeCoverage(a, CENTRE, SIZE);
        for (let k = 0; k < 24; k++) {
          const maskB = shapeCoverage(b, { ...CENTRE, angle: (k * Math.PI) / 12 }, SIZE);
          expect(iou(maskA, maskB), `${a} vs ${b}`).toBeLessThan(0.86);
        }
      }
    }
  });

  it('clips shapes at the image border', () => {
    const mask = shapeCoverage('square', { cx: 1, cy: 1, radius: 6, angle: 0 }, SIZE);
    expect(at(mask, 0, 0)).toBe(1);
    expect(mask).toHaveLength(SIZE * SIZE);
  });
});

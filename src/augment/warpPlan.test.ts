import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeAffine, cropMap, IDENTITY_AFFINE, mirrorMap, rotationShearMap, type Affine2D } from './affine';
import { drawElasticGrid, elasticField } from './elastic';
import { gatherBilinear, sampleBilinear } from './sampler';
import { expectClose, noiseBatch, useCpuBackend, values } from './testing';
import { bilinearPlan, upsampleLattice, warpPlan, type BilinearPlan } from './warpPlan';

beforeAll(useCpuBackend);

const N = 3, H = 7, W = 9;
const maps: Affine2D[] = [rotationShearMap(H, W, 17, 8, -5), IDENTITY_AFFINE, composeAffine(cropMap(H, W, { x: -1, y: 2, width: 6, height: 5 }), mirrorMap(H, W, true, false))];
const lattice = { gridSize: 4, displacement: drawElasticGrid(N, 4, 2, 3) };

/** Reference positions built with tfjs ops: M · (p + d(p)), d from ResizeBilinear. */
function referencePositions(withLattice: boolean): { x: number[]; y: number[] } {
  const field = withLattice ? values(tf.tidy(() => elasticField(tf.tensor4d(lattice.displacement, [N, 4, 4, 2]), H, W))) : null;
  const x: number[] = [], y: number[] = [];
  for (let i = 0, p = 0; i < N; i++) {
    const [a, b, c, d, e, f] = maps[i];
    for (let r = 0; r < H; r++) for (let q = 0; q < W; q++, p++) {
      const gx = q + (field ? field[2 * p] : 0), gy = r + (field ? field[2 * p + 1] : 0);
      x.push(a * gx + b * gy + c);
      y.push(d * gx + e * gy + f);
    }
  }
  return { x, y };
}

describe('upsampleLattice', () => {
  it('gives ResizeBilinear’s align-corners field', () => {
    const reference = tf.tidy(() => elasticField(tf.tensor4d(lattice.displacement, [N, 4, 4, 2]), H, W));
    const mine = Array.from(upsampleLattice(lattice, N, H, W));
    const ref = values(reference);
    reference.dispose();
    expect(Math.max(...mine.map((v, i) => Math.abs(v - ref[i])))).toBeLessThan(1e-6);
  });
});

describe('warpPlan', () => {
  for (const fill of ['zeros', 'edge'] as const) {
    it(`matches sampling at independently computed positions (${fill}, with and without a lattice)`, () => {
      const x = noiseBatch(N, H, W, 2, 4);
      for (const withLattice of [false, true]) {
        const plan = warpPlan(maps, H, W, fill, withLattice ? lattice : undefined);
        const ref = referencePositions(withLattice);
        const srcX = tf.tensor3d(ref.x, [N, H, W]), srcY = tf.tensor3d(ref.y, [N, H, W]);
        const expected = sampleBilinear(x, srcX, srcY, fill);
        expectClose(gatherBilinear(x, plan), expected, 1e-5);
        tf.dispose([srcX, srcY, expected]);
      }
      x.dispose();
    });
  }

  it('uses one corner per pixel for whole-pixel maps, and a zero row for pixels from outside (zeros)', () => {
    const shift: Affine2D = [1, 0, 2, 0, 1, 0];
    const inside = warpPlan([mirrorMap(H, W, true, true)], H, W, 'zeros');
    expect(inside).toMatchObject({ corners: 1, readsZeroRow: false });
    const shifted = warpPlan([shift], H, W, 'zeros');
    expect(shifted).toMatchObject({ corners: 1, readsZeroRow: true });
    expect(Array.from(shifted.index).slice(W - 3, W)).toEqual([W - 1, H * W, H * W]);
    expect(warpPlan([shift], H, W, 'edge')).toMatchObject({ corners: 1, readsZeroRow: false });
    expect(warpPlan([rotationShearMap(H, W, 10)], H, W, 'zeros').corners).toBe(4);
  });

  it('always produces valid rows, and weights summing to 1 where all four corners are inside', () => {
    const weightSums = (plan: BilinearPlan): number[] => {
      if (plan.corners !== 4) throw new Error('expected a four-corner plan');
      return Array.from({ length: N * H * W }, (_, p) => [0, 1, 2, 3].reduce((s, k) => s + plan.weight[4 * p + k], 0));
    };
    const displaced = warpPlan(maps, H, W, 'zeros', lattice);
    expect(displaced.index.every((r) => r >= 0 && r < N * H * W)).toBe(true);
    expect(weightSums(displaced).every((s) => s >= 0 && s <= 1 + 1e-6)).toBe(true);
    // Without the lattice, the identity image (1) reads every pixel from inside.
    const rigid = weightSums(warpPlan(maps, H, W, 'zeros'));
    expect(rigid.slice(H * W, 2 * H * W).every((s) => Math.abs(s - 1) < 1e-6)).toBe(true);
  });
});

describe('bilinearPlan', () => {
  it('reads zero far outside the image (zeros) and the border pixel (edge)', () => {
    const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const far = { x: [-1e12, 1e12, 0.5, 3.5], y: [0.5, 0.5, -5e9, 1] };
    expectClose(gatherBilinear(x, bilinearPlan(far, [1, 1, 4], 2, 2, 'zeros')), [0, 0, 0, 0]);
    expectClose(gatherBilinear(x, bilinearPlan(far, [1, 1, 4], 2, 2, 'edge')), [2, 3, 1.5, 4]);
    x.dispose();
  });

  it('rejects positions of the wrong size', () => {
    expect(() => bilinearPlan({ x: [0], y: [0, 1] }, [1, 1, 2], 2, 2, 'zeros')).toThrow(/positions/);
  });
});

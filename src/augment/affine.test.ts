import { describe, expect, it } from 'vitest';
import { composeAffine, cropMap, IDENTITY_AFFINE, isIdentityAffine, mirrorMap, rotationShearMap, type Affine2D } from './affine';

const apply = (m: Affine2D, x: number, y: number): [number, number] => [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];

describe('affine maps', () => {
  it('rotation and shear by 0 and a full-size crop are exactly the identity', () => {
    expect(isIdentityAffine(rotationShearMap(32, 32, 0, 0, 0))).toBe(true);
    expect(isIdentityAffine(cropMap(28, 28, { x: 0, y: 0, width: 28, height: 28 }))).toBe(true);
    expect(isIdentityAffine(mirrorMap(5, 5, false, false))).toBe(true);
  });

  it('rotation by 90° is exact on a square grid (np.rot90: out[r][c] = in[c][W−1−r])', () => {
    const m = rotationShearMap(5, 5, 90);
    expect(apply(m, 0, 0)).toEqual([4, 0]);
    expect(apply(m, 3, 1)).toEqual([3, 3]);
  });

  it('composes outer ∘ inner', () => {
    const flip = mirrorMap(4, 6, true, false);
    const crop = cropMap(4, 6, { x: -2, y: 1, width: 6, height: 4 });
    const both = composeAffine(crop, flip);
    expect(apply(both, 1, 2)).toEqual(apply(crop, ...apply(flip, 1, 2)));
    expect(composeAffine(IDENTITY_AFFINE, both)).toEqual(both);
  });

  it('crop maps window corners onto output corners', () => {
    const m = cropMap(8, 8, { x: 2, y: 1, width: 4, height: 3 });
    expect(apply(m, 0, 0)).toEqual([2, 1]);
    expect(apply(m, 7, 7)).toEqual([5, 3]);
  });

  it('x-shear moves rows below the centre right (x += tan·y)', () => {
    const m = rotationShearMap(9, 9, 0, 45, 0);
    // Output pixel one row below the centre, at the centre column, samples one column to the left.
    const [sx, sy] = apply(m, 4, 5);
    expect(sx).toBeCloseTo(3, 12);
    expect(sy).toBeCloseTo(5, 12);
  });
});

import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cropResize, flipHorizontal, flipVertical, rotate, shear } from './geometric';
import { batchFrom, expectClose, expectNoLeak, noiseBatch, useCpuBackend, values } from './testing';

beforeAll(useCpuBackend);

describe('mirroring', () => {
  it('a horizontal flip reverses every row exactly', () => {
    const x = noiseBatch(2, 3, 5, 3);
    const v = values(x);
    const expected: number[] = [];
    for (let i = 0; i < 2; i++) for (let y = 0; y < 3; y++) for (let xx = 4; xx >= 0; xx--) {
      const at = ((i * 3 + y) * 5 + xx) * 3;
      expected.push(v[at], v[at + 1], v[at + 2]);
    }
    const out = flipHorizontal(x);
    expect(values(out)).toEqual(expected);
    tf.dispose([x, out]);
  });

  it('a vertical flip reverses the row order exactly', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 3, 2, 1]);
    const out = flipVertical(x);
    expect(values(out)).toEqual([5, 6, 3, 4, 1, 2]);
    tf.dispose([x, out]);
  });
});

describe('cropResize', () => {
  it('keeps the input size, and a full-size window without padding is the identity', () => {
    const x = noiseBatch(2, 8, 6, 3);
    const out = cropResize(x, [{ x: 0, y: 0, width: 6, height: 8 }, { x: 0, y: 0, width: 6, height: 8 }]);
    expect(out.shape).toEqual([2, 8, 6, 3]);
    expect(values(out)).toEqual(values(x));
    tf.dispose([x, out]);
  });

  it('CIFAR-style: a same-size window into the zero padding is an exact shift', () => {
    const x = batchFrom(1, 4, 4, 1, (_i, y, xx) => 1 + y * 4 + xx);
    const out = cropResize(x, [{ x: -1, y: 2, width: 4, height: 4 }]);
    expect(values(out)).toEqual([
      0, 9, 10, 11,
      0, 13, 14, 15,
      0, 0, 0, 0,
      0, 0, 0, 0,
    ]);
    tf.dispose([x, out]);
  });

  it('stretches the window content over the output (exact for a linear ramp)', () => {
    const f = (y: number, x: number): number => 0.1 * x + 0.03 * y;
    const x = batchFrom(1, 8, 8, 1, (_i, y, xx) => f(y, xx));
    const out = cropResize(x, [{ x: 2, y: 1, width: 4, height: 5 }]);
    // Output pixel (r, c) samples source (1 + r·4/7, 2 + c·3/7).
    const expected: number[] = [];
    for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) expected.push(f(1 + (r * 4) / 7, 2 + (c * 3) / 7));
    expectClose(out, expected, 1e-6);
    tf.dispose([x, out]);
  });
});

describe('rotate and shear', () => {
  it('by 0 are the identity (within 1e-5)', () => {
    const x = noiseBatch(2, 7, 9, 3);
    expectClose(rotate(x, 0), x, 1e-5);
    expectClose(shear(x, 0, 0), x, 1e-5);
    tf.dispose(x);
  });

  it('rotation by 90° of a square image equals transpose + flip (np.rot90, counter-clockwise)', () => {
    const n = 6;
    const x = noiseBatch(1, n, n, 2);
    const expected = tf.reverse(tf.transpose(x, [0, 2, 1, 3]), 1); // out[r][c] = in[c][n−1−r]
    expectClose(rotate(x, 90), expected, 1e-5);
    expectClose(rotate(x, [90], 'edge'), expected, 1e-5);
    tf.dispose([x, expected]);
  });

  it('rotates and shears a linear ramp as the maps say (interior pixels, bilinear is exact there)', () => {
    tf.tidy(() => {
      const h = 11, w = 11, c = 5;
      const f = (y: number, x: number): number => 0.02 * x + 0.05 * y;
      const x = batchFrom(1, h, w, 1, (_i, y, xx) => f(y, xx));
      const rot = values(rotate(x, 30));
      const sh = values(shear(x, 20));
      const t = (30 * Math.PI) / 180, k = Math.tan((20 * Math.PI) / 180);
      for (let r = 3; r <= 7; r++) {
        for (let col = 3; col <= 7; col++) {
          const dx = col - c, dy = r - c;
          // Rotation undo: src = c + R(θ)(p − c); shear undo: src.x = x − tan·dy.
          expect(rot[r * w + col]).toBeCloseTo(f(c + Math.sin(t) * dx + Math.cos(t) * dy, c + Math.cos(t) * dx - Math.sin(t) * dy), 5);
          expect(sh[r * w + col]).toBeCloseTo(f(r, col - k * dy), 5);
        }
      }
      x.dispose();
    });
  });

  it('takes per-image angles and does not leak', () => {
    const x = noiseBatch(3, 5, 5, 1);
    expectNoLeak(() => rotate(x, [0, 10, -20]));
    expectNoLeak(() => shear(x, [0, 10, -20], 5, 'edge'));
    expect(() => rotate(x, [1, 2])).toThrow(/3 per-image values/);
    x.dispose();
  });
});

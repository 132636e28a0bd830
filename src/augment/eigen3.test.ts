import { describe, expect, it } from 'vitest';
import { symmetricEigen3, type Matrix3 } from './eigen3';

type M = number[][];
const mul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const transpose = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const rot = (axis: 0 | 1 | 2, deg: number): M => {
  const t = (deg * Math.PI) / 180, c = Math.cos(t), s = Math.sin(t);
  const [i, j] = [[1, 2], [0, 2], [0, 1]][axis];
  const r: M = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  r[i][i] = c; r[i][j] = -s; r[j][i] = s; r[j][j] = c;
  return r;
};
const asMatrix3 = (a: M): Matrix3 => [[a[0][0], a[0][1], a[0][2]], [a[1][0], a[1][1], a[1][2]], [a[2][0], a[2][1], a[2][2]]];
const column = (m: Matrix3 | M, j: number): number[] => [m[0][j], m[1][j], m[2][j]];
const dot = (a: number[], b: number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

describe('symmetricEigen3', () => {
  it('recovers diag(3, 2, 1) rotated by a known orthonormal matrix, vectors up to sign', () => {
    const q = mul(mul(rot(0, 30), rot(1, -50)), rot(2, 20));
    const m = mul(mul(q, [[3, 0, 0], [0, 2, 0], [0, 0, 1]]), transpose(q));
    const { values, vectors } = symmetricEigen3(asMatrix3(m));
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(2, 12);
    expect(values[2]).toBeCloseTo(1, 12);
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(dot(column(vectors, j), column(q, j)))).toBeCloseTo(1, 12);
    }
  });

  it('returns orthonormal vectors that reconstruct the matrix', () => {
    const m: Matrix3 = [[0.3, 0.1, -0.05], [0.1, 0.2, 0.07], [-0.05, 0.07, 0.15]];
    const { values, vectors } = symmetricEigen3(m);
    const v = vectors.map((r) => [...r]);
    const back = mul(mul(v, [[values[0], 0, 0], [0, values[1], 0], [0, 0, values[2]]]), transpose(v));
    const vtv = mul(transpose(v), v);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(back[i][j]).toBeCloseTo(m[i][j], 12);
        expect(vtv[i][j]).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    expect(values[1]).toBeGreaterThanOrEqual(values[2]);
  });

  it('handles diagonal input and repeated eigenvalues', () => {
    const diag = symmetricEigen3([[1, 0, 0], [0, 5, 0], [0, 0, 3]]);
    expect(diag.values).toEqual([5, 3, 1]);
    expect(column(diag.vectors, 0)).toEqual([0, 1, 0]);
    const iso = symmetricEigen3([[2, 0, 0], [0, 2, 0], [0, 0, 2]]);
    expect(iso.values).toEqual([2, 2, 2]);
  });

  it('gives each eigenvector its largest component positive', () => {
    const { vectors } = symmetricEigen3([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]);
    for (let j = 0; j < 3; j++) {
      const c = column(vectors, j);
      const big = c.reduce((b, v) => (Math.abs(v) > Math.abs(b) ? v : b), 0);
      expect(big).toBeGreaterThan(0);
    }
  });
});

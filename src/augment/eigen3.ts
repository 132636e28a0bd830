/** Symmetric 3×3 eigen-decomposition by cyclic Jacobi rotations, in pure TypeScript. */

/** A 3-vector. */
export type Vec3 = readonly [number, number, number];
/** A 3×3 matrix stored row-major: `m[row][col]`. */
export type Matrix3 = readonly [Vec3, Vec3, Vec3];

/** Eigenvalues in descending order and the matching unit eigenvectors. */
export interface SymmetricEigen3 {
  /** λ1 ≥ λ2 ≥ λ3. */
  values: Vec3;
  /** Row-major 3×3 whose column j is the unit eigenvector for `values[j]`; each column's largest-magnitude component is positive. */
  vectors: Matrix3;
}

const MAX_SWEEPS = 50;

/**
 * Eigen-decomposition of a symmetric 3×3 matrix: `m = V diag(values) Vᵀ`.
 * Each Jacobi rotation zeroes one off-diagonal entry; a few sweeps reach machine precision.
 * Only the upper triangle is read, so a slightly asymmetric input is treated as symmetric.
 */
export function symmetricEigen3(m: Matrix3): SymmetricEigen3 {
  const a = [
    [m[0][0], m[0][1], m[0][2]],
    [m[0][1], m[1][1], m[1][2]],
    [m[0][2], m[1][2], m[2][2]],
  ];
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const scale = Math.max(1e-300, Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]) + offDiagonal(a));
  for (let sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-15 * scale; sweep++) {
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]] as const) {
      if (Math.abs(a[p][q]) > 1e-300) rotate(a, v, p, q);
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j][j] - a[i][i]);
  const columns = order.map((j) => canonicalSign([v[0][j], v[1][j], v[2][j]]));
  return {
    values: [a[order[0]][order[0]], a[order[1]][order[1]], a[order[2]][order[2]]],
    vectors: [
      [columns[0][0], columns[1][0], columns[2][0]],
      [columns[0][1], columns[1][1], columns[2][1]],
      [columns[0][2], columns[1][2], columns[2][2]],
    ],
  };
}

/** Applies the Givens rotation G(p, q, θ) that zeroes a[p][q]: a ← Gᵀ a G, v ← v G. */
function rotate(a: number[][], v: number[][], p: number, q: number): void {
  const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < 3; k++) {
    const akp = a[k][p];
    const akq = a[k][q];
    a[k][p] = c * akp - s * akq;
    a[k][q] = s * akp + c * akq;
  }
  for (let k = 0; k < 3; k++) {
    const apk = a[p][k];
    const aqk = a[q][k];
    a[p][k] = c * apk - s * aqk;
    a[q][k] = s * apk + c * aqk;
  }
  for (let k = 0; k < 3; k++) {
    const vkp = v[k][p];
    const vkq = v[k][q];
    v[k][p] = c * vkp - s * vkq;
    v[k][q] = s * vkp + c * vkq;
  }
}

function offDiagonal(a: number[][]): number {
  return Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
}

/** Eigenvectors are defined up to sign; fix it so results are reproducible. */
function canonicalSign(x: number[]): Vec3 {
  let big = 0;
  for (let i = 1; i < 3; i++) if (Math.abs(x[i]) > Math.abs(x[big])) big = i;
  const s = x[big] < 0 ? -1 : 1;
  return [s * x[0], s * x[1], s * x[2]];
}

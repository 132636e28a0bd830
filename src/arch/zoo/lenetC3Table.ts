/**
 * Table I of LeCun et al. (1998), "Gradient-based learning applied to document recognition": which of
 * S2's six feature maps each of C3's sixteen maps reads. Maps 0–5 take three contiguous S2 maps, 6–11
 * four contiguous, 12–14 four discontinuous, and 15 all six ("contiguous" wraps around: 4, 5, 0).
 */
export const LENET_C3_TABLE: readonly (readonly number[])[] = [
  [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [0, 4, 5], [0, 1, 5],
  [0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [0, 3, 4, 5], [0, 1, 4, 5], [0, 1, 2, 5],
  [0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
];

/** A table as a boolean matrix [input map][output map], the way the paper prints Table I (rows = S2 maps). */
export function connectionMatrix(table: readonly (readonly number[])[], inputs: number): boolean[][] {
  return Array.from({ length: inputs }, (_, c) => table.map((row) => row.includes(c)));
}

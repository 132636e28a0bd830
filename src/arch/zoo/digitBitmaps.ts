/**
 * The fixed parameter vectors of LeNet-5's RBF output units. The paper (LeCun et al. 1998, §II.B, Fig. 3)
 * draws each class as a stylised 7×12 bitmap (+1 ink, −1 background), so that F6's 84 = 7·12 outputs
 * learn to draw the character. We have no copy of the paper's bitmaps here, so the ten digits below are
 * our own drawing of 0–9 on the same 7×12 grid (a stated substitute). Classes beyond ten get seeded
 * random ±1 codes, the alternative the paper itself names.
 */

/** Bitmap width and height (the paper's 7×12). */
export const BITMAP_WIDTH = 7;
export const BITMAP_HEIGHT = 12;

/** Digits 0–9, 12 rows of 7 cells each; '#' is ink (+1), '.' background (−1). */
export const DIGIT_BITMAPS: readonly (readonly string[])[] = [
  ['.......', '..###..', '.#...#.', '#.....#', '#.....#', '#.....#', '#.....#', '#.....#', '#.....#', '.#...#.', '..###..', '.......'],
  ['.......', '...#...', '..##...', '.#.#...', '...#...', '...#...', '...#...', '...#...', '...#...', '...#...', '.#####.', '.......'],
  ['.......', '..###..', '.#...#.', '#.....#', '......#', '.....#.', '....#..', '...#...', '..#....', '.#.....', '#######', '.......'],
  ['.......', '.#####.', '#.....#', '......#', '......#', '...###.', '......#', '......#', '......#', '#.....#', '.#####.', '.......'],
  ['.......', '....##.', '...#.#.', '..#..#.', '.#...#.', '#....#.', '#######', '.....#.', '.....#.', '.....#.', '.....#.', '.......'],
  ['.......', '#######', '#......', '#......', '######.', '......#', '......#', '......#', '......#', '#.....#', '.#####.', '.......'],
  ['.......', '..####.', '.#.....', '#......', '#......', '######.', '#.....#', '#.....#', '#.....#', '#.....#', '.#####.', '.......'],
  ['.......', '#######', '......#', '.....#.', '.....#.', '....#..', '....#..', '...#...', '...#...', '..#....', '..#....', '.......'],
  ['.......', '.#####.', '#.....#', '#.....#', '#.....#', '.#####.', '#.....#', '#.....#', '#.....#', '#.....#', '.#####.', '.......'],
  ['.......', '.#####.', '#.....#', '#.....#', '#.....#', '#.....#', '.######', '......#', '......#', '.....#.', '.####..', '.......'],
];

/** A bitmap as its ±1 vector, row by row (length 84). */
export function bitmapVector(rows: readonly string[]): number[] {
  return rows.flatMap((row) => [...row].map((cell) => (cell === '#' ? 1 : -1)));
}

/** Seeded ±1 code of length n for class `index` (an LCG; the arch module draws no other randomness). */
function randomCode(index: number, n: number): number[] {
  let s = (Math.imul(index + 1, 2654435761) ^ 0x5bd1e995) >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s & 0x80000000 ? 1 : -1;
  });
}

/**
 * The RBF parameter vectors for `classes` classes: the digit bitmaps 0…9 first (in label order, so
 * MNIST's label d is drawn as digit d), then random ±1 codes. Each vector has 84 entries.
 */
export function rbfCentres(classes: number): number[][] {
  const n = BITMAP_WIDTH * BITMAP_HEIGHT;
  return Array.from({ length: classes }, (_, i) => (i < DIGIT_BITMAPS.length ? bitmapVector(DIGIT_BITMAPS[i]) : randomCode(i, n)));
}

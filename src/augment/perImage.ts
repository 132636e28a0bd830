/** Per-image parameters: one value per image of the batch `[N]`, or one value for all of them. */
export type PerImage = number | readonly number[];

/** Expands a per-image parameter to an array of length `n`. */
export function perImage(values: PerImage, n: number): number[] {
  if (typeof values === 'number') return new Array<number>(n).fill(values);
  if (values.length !== n) throw new Error(`expected ${n} per-image values, got ${values.length}`);
  return [...values];
}

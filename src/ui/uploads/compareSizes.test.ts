import { describe, expect, it } from 'vitest';
import { compareSizesOf, DEFAULT_COMPARE_SIZES } from './compareSizes';

describe('compareSizesOf', () => {
  it("uses the experiment's budget: the limit split by the validation fraction, and its epochs", () => {
    expect(compareSizesOf({ trainLimit: 500, validationSplit: 0.2, epochs: 30 })).toEqual({ examples: 400, validation: 100, epochs: 30 });
    expect(compareSizesOf({ trainLimit: 0, validationSplit: 0.1, epochs: 2 })).toEqual(DEFAULT_COMPARE_SIZES);
    expect(compareSizesOf({ trainLimit: 10, validationSplit: 0, epochs: 3 }).validation).toBe(1);
  });
});

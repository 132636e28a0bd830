import { describe, expect, it } from 'vitest';
import { seededPermutation } from '../../src/engine/batches';
import { SHAPES_SPEC as ENGINE_SHAPES_SPEC } from '../../src/engine/engine';
import { epochOrder, SHAPES_SPEC } from './page/benchData';

describe('bench data matches the engine', () => {
  it.each([[1, 0], [64, 1], [2000, 1], [2000, 7919], [513, 42]])('epochOrder(%i, %i) is the engine fit loop’s epoch-0 order', (n, seed) => {
    expect(Array.from(epochOrder(n, seed))).toEqual(Array.from(seededPermutation(n, seed)));
  });

  it('generates the same colour shapes as the engine', () => {
    expect(SHAPES_SPEC).toEqual(ENGINE_SHAPES_SPEC);
  });
});

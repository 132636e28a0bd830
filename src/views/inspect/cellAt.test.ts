import { describe, expect, it } from 'vitest';
import { cellAt, gridLayout, moveCell } from './featureGrid';

describe('cellAt', () => {
  // 6 maps of 28×28 at scale 2 (56 px tiles), gap 4, 3 columns in 180 px.
  const layout = gridLayout(6, 28, 28, { targetTile: 56, maxWidth: 180, gap: 4 });
  it('finds the channel, row and column under a pixel', () => {
    expect(layout.columns).toBe(3);
    expect(cellAt(layout, 28, 28, 0, 0)).toEqual({ y: 0, x: 0, c: 0 });
    expect(cellAt(layout, 28, 28, 60 + 11, 5)).toEqual({ y: 2, x: 5, c: 1 });
    expect(cellAt(layout, 28, 28, 60 * 2 + 55, 60 + 55)).toEqual({ y: 27, x: 27, c: 5 });
  });
  it('is null in a gap or past the last tile', () => {
    expect(cellAt(layout, 28, 28, 57, 0)).toBeNull();
    expect(cellAt(layout, 28, 28, 0, 200)).toBeNull();
  });
});

describe('moveCell (choosing a feature-map cell from the keyboard)', () => {
  it('moves within a map, stops at its edges and changes the map with Page Up / Page Down', () => {
    const at = { y: 0, x: 27, c: 0 };
    expect(moveCell(at, 'ArrowUp', 28, 28, 6)).toEqual(at);
    expect(moveCell(at, 'ArrowRight', 28, 28, 6)).toEqual(at);
    expect(moveCell(at, 'ArrowDown', 28, 28, 6)).toEqual({ y: 1, x: 27, c: 0 });
    expect(moveCell(at, 'ArrowLeft', 28, 28, 6)).toEqual({ y: 0, x: 26, c: 0 });
    expect(moveCell(at, 'PageUp', 28, 28, 6)).toEqual(at);
    expect(moveCell({ ...at, c: 5 }, 'PageDown', 28, 28, 6)).toEqual({ ...at, c: 5 });
    expect(moveCell(at, 'PageDown', 28, 28, 6)).toEqual({ ...at, c: 1 });
    expect(moveCell(at, 'End', 28, 28, 6)).toEqual({ y: 27, x: 27, c: 0 });
    expect(moveCell(at, 'Home', 28, 28, 6)).toEqual({ y: 0, x: 0, c: 0 });
    expect(moveCell(at, 'a', 28, 28, 6)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { penKey, startPen } from './penKeys';

describe('penKey', () => {
  const size = 192;
  it('moves a lifted pen without a stroke, and a lowered one with the stroke it leaves', () => {
    const pen = startPen(size);
    const lifted = penKey(pen, 'ArrowRight', false, size);
    expect(lifted).toEqual({ kind: 'move', pen: { x: 104, y: 96, down: false }, stroke: null });
    const down = penKey(pen, ' ', false, size);
    expect(down).toEqual({ kind: 'toggle', pen: { x: 96, y: 96, down: true } });
    if (down.kind !== 'toggle') throw new Error('unreachable');
    expect(penKey(down.pen, 'ArrowDown', true, size)).toEqual({ kind: 'move', pen: { x: 96, y: 128, down: true }, stroke: [96, 96, 96, 128] });
  });
  it('stays on the pad', () => {
    expect(penKey({ x: 2, y: 190, down: false }, 'ArrowLeft', true, size)).toMatchObject({ pen: { x: 0, y: 190 } });
    expect(penKey({ x: 2, y: 190, down: false }, 'ArrowDown', true, size)).toMatchObject({ pen: { x: 2, y: 192 } });
  });
  it('Enter toggles, Delete clears and lifts, other keys do nothing', () => {
    expect(penKey({ x: 1, y: 1, down: true }, 'Enter', false, size)).toEqual({ kind: 'toggle', pen: { x: 1, y: 1, down: false } });
    expect(penKey({ x: 1, y: 1, down: true }, 'Delete', false, size)).toEqual({ kind: 'clear', pen: { x: 1, y: 1, down: false } });
    expect(penKey({ x: 1, y: 1, down: true }, 'a', false, size)).toEqual({ kind: 'none' });
  });
});

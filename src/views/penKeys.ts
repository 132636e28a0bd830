/**
 * Keyboard drawing on a square pad: arrow keys move a pen, Shift moves it further, and while the pen is
 * down every move leaves a stroke. Pure maths (no DOM), so the keyboard path is unit-tested.
 */

/** A pen on a `size`×`size` pad, in pad pixels. */
export interface Pen {
  x: number;
  y: number;
  down: boolean;
}

/** What a key does to the pen: move (with the stroke to draw when the pen is down), toggle, clear, or nothing. */
export type PenAction =
  | { kind: 'move'; pen: Pen; stroke: [number, number, number, number] | null }
  | { kind: 'toggle'; pen: Pen }
  | { kind: 'clear'; pen: Pen }
  | { kind: 'none' };

const DIRECTIONS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The pen's first position: the centre, lifted. */
export const startPen = (size: number): Pen => ({ x: size / 2, y: size / 2, down: false });

/**
 * The action of `key` (a KeyboardEvent.key) on `pen`. Steps are `size / 24` pixels (a stroke's width,
 * about one input pixel of a 28×28 digit), four times that with Shift; the pen stays on the pad.
 */
export function penKey(pen: Pen, key: string, shift: boolean, size: number): PenAction {
  const dir = DIRECTIONS[key];
  if (dir) {
    const step = (size / 24) * (shift ? 4 : 1);
    const clamp = (v: number) => Math.min(size, Math.max(0, v));
    const next = { ...pen, x: clamp(pen.x + dir[0] * step), y: clamp(pen.y + dir[1] * step) };
    return { kind: 'move', pen: next, stroke: pen.down ? [pen.x, pen.y, next.x, next.y] : null };
  }
  if (key === ' ' || key === 'Enter') return { kind: 'toggle', pen: { ...pen, down: !pen.down } };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear', pen: { ...pen, down: false } };
  return { kind: 'none' };
}

import { describe, expect, it } from 'vitest';
import { coalesceFrames, type FrameScheduler } from './frameCoalescer';

/** A hand-driven frame clock: `tick()` runs the frame callbacks asked for so far. */
function fakeFrames(): FrameScheduler & { tick: () => void; asked: () => number } {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  let asked = 0;
  return {
    request: (run) => {
      asked++;
      callbacks.set(next, run);
      return next++;
    },
    cancel: (id) => void callbacks.delete(id),
    tick: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const run of due) run();
    },
    asked: () => asked,
  };
}

describe('coalesceFrames', () => {
  it('hands every item pushed between two frames over once, in order, on the frame', () => {
    const frames = fakeFrames();
    const calls: number[][] = [];
    const c = coalesceFrames<number>((items) => calls.push(items), frames);
    for (let i = 0; i < 100; i++) c.push(i);
    expect(calls).toEqual([]);
    expect(frames.asked()).toBe(1);
    frames.tick();
    expect(calls).toEqual([Array.from({ length: 100 }, (_, i) => i)]);
    c.push(100);
    c.push(101);
    frames.tick();
    expect(calls).toEqual([Array.from({ length: 100 }, (_, i) => i), [100, 101]]);
    expect(frames.asked()).toBe(2);
  });

  it('flush applies what is pending at once and cancels the frame; an empty flush does nothing', () => {
    const frames = fakeFrames();
    const calls: string[][] = [];
    const c = coalesceFrames<string>((items) => calls.push(items), frames);
    c.flush();
    expect(calls).toEqual([]);
    c.push('a');
    c.push('b');
    c.flush();
    expect(calls).toEqual([['a', 'b']]);
    frames.tick(); // the cancelled frame must not hand anything over again
    expect(calls).toEqual([['a', 'b']]);
    c.push('c');
    frames.tick();
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });
});

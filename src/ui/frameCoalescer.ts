/** Gathers items and hands them over at most once per animation frame (see {@link coalesceFrames}). */
export interface FrameCoalescer<T> {
  /** Adds an item; the first one since the last hand-over asks for a frame. */
  push: (item: T) => void;
  /** Hands over what is pending now (nothing when nothing is), and forgets the frame asked for. */
  flush: () => void;
}

/** How a frame is asked for and forgotten: `requestAnimationFrame` in the page, a fake in tests. */
export interface FrameScheduler {
  request: (run: () => void) => number;
  cancel: (id: number) => void;
}

const browserFrames: FrameScheduler = {
  request: (run) => requestAnimationFrame(run),
  cancel: (id) => cancelAnimationFrame(id),
};

/**
 * Coalesces bursts of events to the screen's refresh rate: every item pushed between two frames reaches
 * `apply` together, in order, once. Training batches can end hundreds of times a second, and re-rendering
 * the curves more often than the screen can show them only costs main-thread time. Call `flush()` before
 * an event that must follow the pending ones (an epoch's end) and when the stream ends.
 */
export function coalesceFrames<T>(apply: (items: T[]) => void, frames: FrameScheduler = browserFrames): FrameCoalescer<T> {
  let pending: T[] = [];
  let frame: number | null = null;
  const flush = (): void => {
    if (frame !== null) frames.cancel(frame);
    frame = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    apply(items);
  };
  return {
    push: (item) => {
      pending.push(item);
      frame ??= frames.request(() => {
        frame = null;
        flush();
      });
    },
    flush,
  };
}

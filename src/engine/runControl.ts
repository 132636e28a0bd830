/**
 * Pause / resume / stop for a running fit. The training loop awaits {@link RunControl.checkpoint} after
 * every batch: it yields to the worker's event loop (so pause and stop messages get through) and waits
 * while paused.
 */
export class RunControl {
  private pausedResolve: (() => void) | null = null;
  private pausedPromise: Promise<void> | null = null;
  stopRequested = false;

  get paused(): boolean {
    return this.pausedPromise !== null;
  }

  pause(): void {
    if (this.pausedPromise) return;
    this.pausedPromise = new Promise((resolve) => (this.pausedResolve = resolve));
  }

  resume(): void {
    this.pausedResolve?.();
    this.pausedPromise = null;
    this.pausedResolve = null;
  }

  /** Stops at the next batch boundary (also ends a pause). */
  stop(): void {
    this.stopRequested = true;
    this.resume();
  }

  /** Yields once to the event loop, then waits while paused. Returns true when a stop was requested. */
  async checkpoint(onPause?: () => void, onResume?: () => void): Promise<boolean> {
    await yieldToEventLoop();
    if (this.pausedPromise) {
      onPause?.();
      await this.pausedPromise;
      if (!this.stopRequested) onResume?.();
    }
    return this.stopRequested;
  }
}

/** Lets queued messages run: a MessageChannel round trip, which (unlike setTimeout) is not clamped to 4 ms. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

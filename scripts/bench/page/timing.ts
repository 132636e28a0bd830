/**
 * Timing helpers of the bench page and its workers: throughput with the warm-up batch left out, a
 * time box, and a main-thread monitor (long tasks and timer gaps).
 */
import type { MainThreadStats, Throughput } from '../schema';

/** Cumulative examples trained at the end of a batch, and seconds since the run started. */
export interface BatchMark {
  readonly examples: number;
  readonly sec: number;
  readonly loss: number;
}

/**
 * Examples/s of a timed epoch: examples at the end of its last batch over seconds since it started.
 * Every run trains one untimed warm-up batch before (shader compilation, JIT, the optimizer's slots),
 * so all of the timed epoch's batches count.
 * @throws Error when there is no batch at all
 */
export function timedThroughput(marks: readonly BatchMark[]): Throughput {
  const last = marks.at(-1);
  if (!last) throw new Error('No batch finished: nothing to time.');
  return { examples: last.examples, seconds: last.sec, examplesPerSec: last.sec > 0 ? last.examples / last.sec : 0 };
}

/** Throughput of `examples` done in `ms` milliseconds. */
export function throughputOf(examples: number, ms: number): Throughput {
  const seconds = ms / 1000;
  return { examples, seconds, examplesPerSec: seconds > 0 ? examples / seconds : 0 };
}

/** Lets queued messages and rendering run: the engine's own MessageChannel yield. */
export { yieldToEventLoop } from '../../../src/engine/runControl';

/** Sleeps; used to let late event messages arrive. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Watches the page's main thread while a worker trains: `longtask` entries (tasks of 50 ms or more)
 * and the longest gap between consecutive `setTimeout(0)` callbacks (which also sees shorter tasks).
 */
export class MainThreadMonitor {
  private observer: PerformanceObserver | null = null;
  private longest = 0;
  private count = 0;
  private maxGap = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = 0;

  /** Starts watching. */
  start(): void {
    this.longest = 0;
    this.count = 0;
    this.maxGap = 0;
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      this.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          this.count++;
          this.longest = Math.max(this.longest, entry.duration);
        }
      });
      this.observer.observe({ type: 'longtask', buffered: false });
    }
    this.last = performance.now();
    const tick = (): void => {
      const t = performance.now();
      this.maxGap = Math.max(this.maxGap, t - this.last);
      this.last = t;
      this.timer = setTimeout(tick, 0);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops watching and returns what it saw. */
  stop(): MainThreadStats {
    if (this.observer) {
      for (const entry of this.observer.takeRecords()) {
        this.count++;
        this.longest = Math.max(this.longest, entry.duration);
      }
      this.observer.disconnect();
      this.observer = null;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return { longestTaskMs: Math.round(this.longest), longTasks: this.count, maxTimerGapMs: Math.round(this.maxGap * 10) / 10 };
  }
}

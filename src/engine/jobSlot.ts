/**
 * One contract for the worker's long jobs (fit, evaluate, the augmentation comparison, the depth
 * experiment, scratch vs transfer, transfer's fit with its feature cache) and the one slot they run in:
 * one job at a time, a refusal that names the running job, and a stop that takes effect at the next
 * batch boundary (every job's loop awaits `control.checkpoint()` after each batch).
 */
import { engineError, type EngineMessageCode } from '../messages/index';
import { RunControl } from './runControl';

/** Why a job is refused: one of the engine catalogue's busy messages, naming the job that runs. */
export type BusyCode = Extract<EngineMessageCode, `engine.busy${string}` | 'engine.trainingRunning' | 'engine.evaluating'>;

/** The long jobs of the worker, and what a refusal says while each runs. */
export const JOB_BUSY = {
  fit: 'engine.trainingRunning',
  evaluate: 'engine.evaluating',
  transferFit: 'engine.busyTransfer',
  transferCompare: 'engine.busyTransferCompare',
  augmentComparison: 'engine.busyAugmentExperiment',
  depthExperiment: 'engine.busyDepthExperiment',
} as const satisfies Record<string, BusyCode>;

export type JobName = keyof typeof JOB_BUSY;

/**
 * A long job: `start` runs it to its end and resolves with its result (which says how it ended, e.g. a
 * FitResult's `end`) or rejects with a typed reason (a UserMessage error); `control.stop()` ends it
 * within one batch, `pause()` holds it at the next batch boundary.
 */
export interface Job<S, E, R> {
  readonly name: JobName;
  start(settings: S, onProgress: (e: E) => void, control: RunControl): Promise<R>;
}

/** A feature's refusal for a running job; undefined keeps the slot's busy message. */
export type Refusal = (running: JobName) => Error | undefined;

/** The session's one job slot. */
export class JobSlot {
  private current: { name: JobName; control: RunControl } | null = null;

  /** The running job, or null when the slot is free. */
  get running(): JobName | null {
    return this.current?.name ?? null;
  }

  /** True while the running job is paused. */
  get paused(): boolean {
    return this.current?.control.paused ?? false;
  }

  /**
   * Refuses unless the slot is free: with the running job's busy message, or with what `refuse` makes of
   * the running job (a feature's own words, e.g. "stop training before starting the depth experiment").
   */
  requireFree(refuse?: Refusal): void {
    const running = this.current?.name;
    if (running) throw refuse?.(running) ?? engineError(JOB_BUSY[running]);
  }

  /** Runs `job` in the slot, refusing while another runs; the slot is free again when it settles. */
  start<S, E, R>(job: Job<S, E, R>, settings: S, onProgress: (e: E) => void, refuse?: Refusal): Promise<R> {
    return this.run(job.name, (control) => job.start(settings, onProgress, control), refuse);
  }

  /** Runs `body` as job `name` with a fresh RunControl (the form of `start` for jobs written inline). */
  async run<R>(name: JobName, body: (control: RunControl) => Promise<R>, refuse?: Refusal): Promise<R> {
    this.requireFree(refuse);
    const entry = { name, control: new RunControl() };
    this.current = entry;
    try {
      return await body(entry.control);
    } finally {
      if (this.current === entry) this.current = null;
    }
  }

  /** Stops the running job at its next batch when it is one of `names` (all jobs when none are named). */
  stop(...names: JobName[]): void {
    this.of(names)?.stop();
  }

  pause(...names: JobName[]): void {
    this.of(names)?.pause();
  }

  resume(...names: JobName[]): void {
    this.of(names)?.resume();
  }

  private of(names: JobName[]): RunControl | null {
    const c = this.current;
    return c && (names.length === 0 || names.includes(c.name)) ? c.control : null;
  }
}

import * as tf from '@tensorflow/tfjs-core';

/** How often a fit reads its batch metrics back from the device, at most (ms). */
export const METRICS_READ_INTERVAL_MS = 100;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** One batch's metrics as numbers, with what the caller attached to it. */
export interface ReadBatch<M> {
  meta: M;
  loss: number;
  accuracy: number;
  mainLoss: number | null;
}

/**
 * Batch metrics (scalars on the device) kept until a group is read with one GPU→CPU transfer: reading
 * every batch (`await loss.data()`) would drain a real GPU's command queue once per step. The caller
 * pushes each batch's scalars (ownership passes here), asks {@link due}, and {@link read}s them all.
 */
export class DeferredMetrics<M> {
  private pending: { loss: tf.Scalar; accuracy: tf.Scalar; mainLoss: tf.Scalar | null; meta: M }[] = [];
  private lastRead = now();

  constructor(private readonly intervalMs = METRICS_READ_INTERVAL_MS) {}

  /** Keeps one batch's scalars (disposed by {@link read} or {@link dispose}). */
  push(loss: tf.Scalar, accuracy: tf.Scalar, mainLoss: tf.Scalar | null, meta: M): void {
    this.pending.push({ loss, accuracy, mainLoss, meta });
  }

  get size(): number {
    return this.pending.length;
  }

  /** True when the last read is at least the interval ago. */
  due(): boolean {
    return this.pending.length > 0 && now() - this.lastRead >= this.intervalMs;
  }

  /** Reads every pending batch with one transfer ([3, n] values) and disposes their scalars. */
  async read(): Promise<ReadBatch<M>[]> {
    const batch = this.pending;
    this.pending = [];
    this.lastRead = now();
    if (batch.length === 0) return [];
    const packed = tf.tidy(() => tf.stack([
      tf.stack(batch.map((b) => b.loss)),
      tf.stack(batch.map((b) => b.accuracy)),
      tf.stack(batch.map((b) => b.mainLoss ?? tf.scalar(NaN))),
    ]));
    try {
      const v = await packed.data();
      const n = batch.length;
      return batch.map((b, i) => ({ meta: b.meta, loss: v[i], accuracy: v[n + i], mainLoss: b.mainLoss ? v[2 * n + i] : null }));
    } finally {
      packed.dispose();
      for (const b of batch) tf.dispose([b.loss, b.accuracy, ...(b.mainLoss ? [b.mainLoss] : [])]);
    }
  }

  /** Drops everything still pending (a run that ended by an error). */
  dispose(): void {
    for (const b of this.pending) tf.dispose([b.loss, b.accuracy, ...(b.mainLoss ? [b.mainLoss] : [])]);
    this.pending = [];
  }
}

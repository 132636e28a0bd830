/**
 * Data-parallel training over one worker per core, the way to use every CPU core that scales: each
 * step the training worker sends every replica its share of the batch and the current weights, computes
 * its own share's gradients meanwhile, adds the replicas' (each scaled by its share, so the sum is the
 * whole batch's gradient) and applies the optimizer once. The model, optimizer and their state live in
 * the training worker only; a replica keeps nothing between steps but its copy of the topology.
 *
 * XNNPACK's threads (one worker, a thread pool) scale only the large convolutions and leave the rest of a
 * step serial; here every kernel, the tape and the engine run on every core. One difference from one
 * worker: batch norm's batch statistics are each share's (as in multi-GPU training without synchronised
 * batch norm), and its moving averages follow the training worker's share.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { modelTopologyOf } from '../../model/index';
import { snapshotWeights } from '../weightSnapshot';
import { disposeBatchGradients, lossAndGradients, trainableVariables, trainStep } from '../trainStep';
import type { GradientReply, GradientRequest, ReplicaApi } from './replicaProtocol';

/** The smallest share worth a worker: below it a step's fixed costs outweigh the split. */
export const MIN_SHARE = 8;

/**
 * The least forward work (multiply-adds) a share must carry: a split costs each step a few milliseconds
 * (the weights out, the gradients back, a wait for the slowest worker), which a share must outweigh.
 * Measured on the 2-core machine: LeNet-5 (0.42M MACs an example, shares of 32 = 13M) trained at 0.96×
 * one worker when split, ResNet-20 (41M an example) at 1.63×.
 */
export const MIN_SHARE_MACS = 100e6;

/** One replica as the training worker sees it: its API, how to send a request, how to end it. */
export interface ReplicaEndpoint {
  api: ReplicaApi;
  /** Sends a gradient request, handing its x and y buffers over instead of copying them. */
  gradients(request: GradientRequest): Promise<GradientReply>;
  terminate(): void;
}

/** What a training step returns (as {@link trainStep}): scalars the caller disposes. */
export type StepResult = ReturnType<typeof trainStep>;

/**
 * Splits a batch of `n` over at most `workers` workers, none with fewer than {@link MIN_SHARE}
 * examples nor (given the model's forward multiply-adds per example) under {@link MIN_SHARE_MACS} of
 * work: the training worker's share first (it is the largest; the others are equal).
 */
export function batchShares(n: number, workers: number, macsPerExample = Infinity): number[] {
  const byWork = macsPerExample > 0 ? Math.floor((n * macsPerExample) / MIN_SHARE_MACS) : 0;
  const k = Math.max(1, Math.min(workers, Math.floor(n / MIN_SHARE), byWork));
  const each = Math.floor(n / k);
  return [n - each * (k - 1), ...Array.from({ length: k - 1 }, () => each)];
}

/** The training worker's side: its replicas, and the data-parallel step. */
export class DataParallel {
  private attached: tfl.LayersModel | null = null;
  private macsPerExample = Infinity;

  constructor(private readonly replicas: readonly ReplicaEndpoint[]) {}

  /** The workers a step can use: the replicas and this one. */
  get workers(): number {
    return this.replicas.length + 1;
  }

  /** Starts every replica's backend; throws when one does not start. */
  async start(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.api.start()));
  }

  /**
   * Gives every replica a copy of `model` (its topology, trainable flags and every weight): call it
   * before a run, since the model, its frozen layers or its non-trainable weights may have changed.
   * `macsPerExample` (forward multiply-adds, from the arch graph) decides which batches are worth a split.
   */
  async attach(model: tfl.LayersModel, macsPerExample = Infinity): Promise<void> {
    const topology = modelTopologyOf(model);
    const { values, shapes } = await snapshotWeights(model);
    this.attached = null;
    await Promise.all(this.replicas.map((r) => r.api.attach({ topology, weights: values, shapes })));
    this.attached = model;
    this.macsPerExample = macsPerExample;
  }

  /** Whether a batch of `n` would be split (else the step trains in this worker alone). */
  splits(n: number): boolean {
    return batchShares(n, this.workers, this.macsPerExample).length > 1;
  }

  /**
   * One optimisation step on x [N, H, W, C], y [N, K] over the workers: the same loss, metrics and
   * update as {@link trainStep} on the whole batch (batch-norm statistics aside, see the file's note).
   * Falls back to {@link trainStep} when the batch is too small to split or no model is attached.
   */
  async step(model: tfl.LayersModel, optimizer: tf.Optimizer, x: tf.Tensor4D, y: tf.Tensor2D, lossWeights: readonly number[]): Promise<StepResult> {
    const n = x.shape[0];
    const shares = batchShares(n, this.workers, this.macsPerExample);
    if (shares.length === 1 || this.attached !== model) return trainStep(model, optimizer, x, y, lossWeights);
    const variables = trainableVariables(model);
    const weights = await Promise.all(variables.map(async (v) => Float32Array.from(await v.data())));
    const [, h, w, c] = x.shape;
    const classes = y.shape[1];
    const replies: Promise<GradientReply>[] = [];
    let start = shares[0];
    for (let i = 1; i < shares.length; i++) {
      const len = shares[i];
      const [xs, ys] = tf.tidy(() => [tf.slice(x, [start, 0, 0, 0], [len, h, w, c]), tf.slice(y, [start, 0], [len, classes])]);
      try {
        const [xd, yd] = await Promise.all([xs.data(), ys.data()]);
        replies.push(this.replicas[i - 1].gradients({
          x: Float32Array.from(xd), xShape: [len, h, w, c], y: Float32Array.from(yd), yShape: [len, classes],
          weights, lossScale: len / n, lossWeights: [...lossWeights],
        }));
      } finally {
        tf.dispose([xs, ys]);
      }
      start += len;
    }
    // A rejected reply must not go unhandled while this worker computes its own share.
    const remote = Promise.all(replies);
    remote.catch(() => undefined);
    const own = shares[0];
    const [x0, y0] = tf.tidy(() => [tf.slice(x, [0, 0, 0, 0], [own, h, w, c]), tf.slice(y, [0, 0], [own, classes])]);
    let g: ReturnType<typeof lossAndGradients> | null = null;
    try {
      g = lossAndGradients(model, x0, y0, lossWeights, variables, own / n);
      const sums = await Promise.all(g.grads.map(async (t) => (t ? Float32Array.from(await t.data()) : null)));
      const [loss, acc] = await Promise.all([g.loss.data(), g.accuracy.data()]);
      const main = g.mainLoss ? (await g.mainLoss.data())[0] : null;
      let lossSum = loss[0] * own;
      let accSum = acc[0] * own;
      let mainSum = main === null ? null : main * own;
      const others = await remote;
      others.forEach((r, i) => {
        const len = shares[i + 1];
        r.grads.forEach((gr, j) => {
          const sum = sums[j];
          if (!gr || !sum) return;
          for (let e = 0; e < sum.length; e++) sum[e] += gr[e];
        });
        lossSum += r.loss * len;
        accSum += r.accuracy * len;
        if (mainSum !== null && r.mainLoss !== null) mainSum += r.mainLoss * len;
      });
      const grads = sums.map((s, j) => (s ? tf.tensor(s, variables[j].shape) : undefined));
      try {
        optimizer.applyGradients(variables.map((v, j) => ({ name: v.name, tensor: grads[j] as tf.Tensor })));
      } finally {
        tf.dispose(grads.filter((t): t is tf.Tensor => t !== undefined));
      }
      return { loss: tf.scalar(lossSum / n), accuracy: tf.scalar(accSum / n), mainLoss: mainSum === null ? null : tf.scalar(mainSum / n) };
    } finally {
      tf.dispose([x0, y0]);
      if (g) disposeBatchGradients(g);
    }
  }

  /** Ends every replica worker. */
  terminate(): void {
    this.attached = null;
    for (const r of this.replicas) r.terminate();
  }
}

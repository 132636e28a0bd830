/**
 * The replica's side of data-parallel training, apart from its worker (replica.worker.ts) so that tests
 * run it in-process: a copy of the session's model that computes the gradients of batch shares.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { modelFromTopology } from '../../model/index';
import { disposeBatchGradients, lossAndGradients, trainableVariables } from '../trainStep';
import type { GradientReply, GradientRequest, ReplicaApi, ReplicaModel } from './replicaProtocol';

export class ReplicaCore implements ReplicaApi {
  private model: tfl.LayersModel | null = null;

  /** @param startBackend activates the replica's backend (the worker's: one-thread WASM) */
  constructor(private readonly startBackend: () => Promise<string> = async () => tf.getBackend()) {}

  async start(): Promise<string> {
    return this.startBackend();
  }

  async attach(m: ReplicaModel): Promise<void> {
    await this.detach();
    const model = await modelFromTopology(m.topology);
    const tensors = m.weights.map((w, i) => tf.tensor(w, m.shapes[i]));
    try {
      model.setWeights(tensors);
    } catch (error) {
      model.dispose();
      throw error;
    } finally {
      tf.dispose(tensors);
    }
    this.model = model;
  }

  /** x [n, H, W, C], y [n, K] → the share's gradients d(loss · lossScale)/dw, with the request's weights. */
  async gradients(r: GradientRequest): Promise<GradientReply> {
    const model = this.model;
    if (!model) throw new Error('replica: no model attached');
    const variables = trainableVariables(model);
    if (r.weights.length !== variables.length) throw new Error(`replica: ${r.weights.length} weights sent for ${variables.length} trainable variables`);
    tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(r.weights[i], v.shape))));
    const x = tf.tensor4d(r.x, r.xShape);
    const y = tf.tensor2d(r.y, r.yShape);
    let g: ReturnType<typeof lossAndGradients> | null = null;
    try {
      g = lossAndGradients(model, x, y, r.lossWeights, variables, r.lossScale);
      const grads = await Promise.all(g.grads.map(async (t) => (t ? Float32Array.from(await t.data()) : null)));
      const [loss, accuracy] = await Promise.all([g.loss.data(), g.accuracy.data()]);
      const mainLoss = g.mainLoss ? (await g.mainLoss.data())[0] : null;
      return { grads, loss: loss[0], accuracy: accuracy[0], mainLoss };
    } finally {
      tf.dispose([x, y]);
      if (g) disposeBatchGradients(g);
    }
  }

  async detach(): Promise<number> {
    this.model?.dispose();
    this.model = null;
    return tf.memory().numTensors;
  }
}

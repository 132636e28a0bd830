/**
 * What the training worker and its replica workers say to each other in data-parallel training
 * (dataParallel.ts): plain typed arrays and numbers only. A replica holds a copy of the model, takes
 * its share of each batch with the current weights, and sends back that share's gradients.
 */
import type { ModelTopology } from '../../model/index';

/** The model a replica trains on: its topology and every weight (model.weights order). */
export interface ReplicaModel {
  topology: ModelTopology;
  weights: Float32Array[];
  shapes: number[][];
}

/** One batch share: x [n, H, W, C] and one-hot y [n, K], and the weights to compute them with. */
export interface GradientRequest {
  x: Float32Array;
  xShape: [number, number, number, number];
  y: Float32Array;
  yShape: [number, number];
  /** The trainable weights (model.trainableWeights order) after the last update. */
  weights: Float32Array[];
  /** This share's size over the whole batch's: its gradients are scaled by it, so the shares' sum is the batch's. */
  lossScale: number;
  lossWeights: number[];
}

/** A share's results: scaled gradients (null where the loss does not reach a weight) and unscaled metrics. */
export interface GradientReply {
  grads: (Float32Array | null)[];
  loss: number;
  accuracy: number;
  mainLoss: number | null;
}

/** A replica worker's API (Comlink). */
export interface ReplicaApi {
  /** Starts tfjs on one-thread WASM with our training kernels; returns the backend's name. */
  start(): Promise<string>;
  /** Replaces the replica's model. */
  attach(model: ReplicaModel): Promise<void>;
  /** The gradients of one share (see {@link GradientRequest}). */
  gradients(request: GradientRequest): Promise<GradientReply>;
  /** Disposes the model; returns the tensors left. */
  detach(): Promise<number>;
}

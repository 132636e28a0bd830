import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/**
 * Mean categorical cross-entropy of softmax outputs p [N, K] against one-hot y [N, K] (a scalar).
 * Probabilities are clipped to [1e-7, 1 − 1e-7], as Keras does.
 */
export function categoricalCrossentropy(y: tf.Tensor2D, p: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(tf.clipByValue(p, 1e-7, 1 - 1e-7))), -1))) as tf.Scalar);
}

/**
 * The same cross-entropy without the clip, for monitoring only: it is +Infinity when the model gives the
 * true class probability 0 (a diverged model), which the clipped training loss would hide at ~16.
 * Computed as −log Σ_k y_k·p_k (equal for one-hot y), so a wrong class whose probability underflows to
 * 0 — routine for a confident net whose scores lie a hundred or more apart — does not make it
 * 0·log 0 = NaN.
 */
export function unclippedCrossentropy(y: tf.Tensor2D, p: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.log(tf.sum(tf.mul(y, p), -1)))) as tf.Scalar);
}

/** Fraction of rows whose arg-max matches the one-hot label (a scalar). */
export function accuracy(y: tf.Tensor2D, p: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(y, -1), tf.argMax(p, -1)), 'float32')) as tf.Scalar);
}

/** The loss, metrics and gradients of one batch, before any update (see {@link lossAndGradients}). */
export interface BatchGradients {
  /** d(loss · lossScale)/dv for each variable, in the order given (undefined where the loss does not reach it). */
  grads: (tf.Tensor | undefined)[];
  /** Unclipped Σ wᵢ·CE(outputᵢ) (not scaled). */
  loss: tf.Scalar;
  /** The main output's accuracy. */
  accuracy: tf.Scalar;
  /** The main output's own unclipped loss when the model has more than one output, else null. */
  mainLoss: tf.Scalar | null;
}

/**
 * The gradients of the training loss on batch x [N, H, W, C], y [N, K] with respect to `variables`
 * (the model's trainable variables), without updating anything. The loss is Σ wᵢ·CE(outputᵢ) over the
 * model's outputs (GoogLeNet's auxiliaries weigh 0.3; tfjs' compile() cannot weight losses, hence this
 * custom step), multiplied by `lossScale` for the gradients only: a worker that trains a share n of a
 * batch of N passes n/N, so that the shares' gradients add up to the whole batch's. The returned loss
 * is the unclipped value (see {@link unclippedCrossentropy}), unscaled. Returns tensors the caller disposes.
 */
export function lossAndGradients(
  model: tfl.LayersModel,
  x: tf.Tensor4D,
  y: tf.Tensor2D,
  lossWeights: readonly number[],
  variables: tf.Variable[],
  lossScale = 1,
): BatchGradients {
  let acc: tf.Scalar | null = null;
  let monitored: tf.Scalar | null = null;
  let main: tf.Scalar | null = null;
  const { value, grads } = tf.variableGrads(() => {
    const out = model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
    const outputs = Array.isArray(out) ? out : [out];
    acc = tf.keep(accuracy(y, outputs[0]));
    monitored = tf.keep(tf.tidy(() => {
      const first = unclippedCrossentropy(y, outputs[0]);
      if (outputs.length > 1) main = tf.keep(tf.clone(first));
      let m = tf.mul(first, lossWeights[0] ?? 1) as tf.Scalar;
      for (let i = 1; i < outputs.length; i++) m = tf.add(m, tf.mul(unclippedCrossentropy(y, outputs[i]), lossWeights[i] ?? 0)) as tf.Scalar;
      return m;
    }));
    let total = tf.mul(categoricalCrossentropy(y, outputs[0]), lossWeights[0] ?? 1) as tf.Scalar;
    for (let i = 1; i < outputs.length; i++) {
      total = tf.add(total, tf.mul(categoricalCrossentropy(y, outputs[i]), lossWeights[i] ?? 0)) as tf.Scalar;
    }
    return lossScale === 1 ? total : (tf.mul(total, lossScale) as tf.Scalar);
  }, variables);
  // Gradients follow Keras' clipped loss; the reported loss is unclipped so divergence shows as Infinity.
  value.dispose();
  return { grads: variables.map((v) => grads[v.name]), loss: monitored ?? tf.scalar(NaN), accuracy: acc ?? tf.scalar(0), mainLoss: main };
}

/** Disposes everything {@link lossAndGradients} returned. */
export function disposeBatchGradients(g: BatchGradients): void {
  tf.dispose([...g.grads.filter((t): t is tf.Tensor => t !== undefined), g.loss, g.accuracy, ...(g.mainLoss ? [g.mainLoss] : [])]);
}

/** The model's trainable variables, in the order of `model.trainableWeights`. */
export const trainableVariables = (model: tfl.LayersModel): tf.Variable[] => model.trainableWeights.map((w) => w.read() as tf.Variable);

/**
 * One optimisation step on batch x [N, H, W, C], y [N, K]: {@link lossAndGradients}, then the
 * optimizer's update (what `optimizer.minimize` does). Accuracy is the main (first) output's; `mainLoss`
 * the main output's own unclipped loss when the model has more than one output (else null). Returns
 * scalars the caller disposes.
 */
export function trainStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  x: tf.Tensor4D,
  y: tf.Tensor2D,
  lossWeights: readonly number[],
): { loss: tf.Scalar; accuracy: tf.Scalar; mainLoss: tf.Scalar | null } {
  const variables = trainableVariables(model);
  const { grads, ...metrics } = lossAndGradients(model, x, y, lossWeights, variables);
  try {
    // As optimizer.minimize(f, true, variables) hands them over.
    optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i] as tf.Tensor })));
  } finally {
    tf.dispose(grads.filter((g): g is tf.Tensor => g !== undefined));
  }
  return metrics;
}

/**
 * Inference on x [N, H, W, C]: the main output's probabilities [N, K] (auxiliary outputs discarded).
 */
export function predictMain(model: tfl.LayersModel, x: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const out = model.apply(x, { training: false }) as tf.Tensor | tf.Tensor[];
    const main = Array.isArray(out) ? out[0] : out;
    return main as tf.Tensor2D;
  });
}

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

/**
 * One optimisation step on batch x [N, H, W, C], y [N, K]. The loss is Σ wᵢ·CE(outputᵢ) over the
 * model's outputs (GoogLeNet's auxiliaries weigh 0.3; tfjs' compile() cannot weight losses, hence this
 * custom step). The returned loss is the unclipped value (see {@link unclippedCrossentropy}); accuracy is
 * the main (first) output's; `mainLoss` is the main output's own unclipped loss when the model has more
 * than one output (else null). Returns scalars the caller disposes.
 */
export function trainStep(
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  x: tf.Tensor4D,
  y: tf.Tensor2D,
  lossWeights: readonly number[],
): { loss: tf.Scalar; accuracy: tf.Scalar; mainLoss: tf.Scalar | null } {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let acc: tf.Scalar | null = null;
  let monitored: tf.Scalar | null = null;
  let main: tf.Scalar | null = null;
  const clipped = optimizer.minimize(
    () => {
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
      return total;
    },
    true,
    variables,
  ) as tf.Scalar;
  // Gradients follow Keras' clipped loss; the reported loss is unclipped so divergence shows as Infinity.
  clipped.dispose();
  return { loss: monitored ?? tf.scalar(NaN), accuracy: acc ?? tf.scalar(0), mainLoss: main };
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

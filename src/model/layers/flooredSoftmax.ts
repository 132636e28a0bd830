import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';

/**
 * The least probability a {@link FlooredSoftmax} gives a class: just above the 1e-7 at which the
 * engine's cross-entropy clips (src/engine/trainStep.ts, as Keras), so the clip never cuts a gradient.
 */
export const PROBABILITY_FLOOR = 2e-7;

/**
 * p = max(softmax(z), floor) over the last axis, with the backward pass of the exact cross-entropy:
 * for upstream dp, u = dp ⊙ p and dz = u − s·Σu (s = softmax(z)). Where no class is floored this is
 * softmax's own Jacobian; for −log p_D (the cross-entropy's upstream −1/p_D at the target) it gives
 * s − e_D even when s_D underflowed, i.e. the gradient of −log s_D computed from the logits.
 */
export const flooredSoftmax = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const s = tf.softmax(z, -1);
  const p = tf.maximum(s, PROBABILITY_FLOOR);
  save([s, p]);
  return {
    value: p,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [soft, floored] = saved;
      const u = tf.mul(dy, floored);
      return tf.sub(u, tf.mul(soft, tf.sum(u, -1, true)));
    },
  };
});

/**
 * A softmax output layer for scores far apart, such as the 1998 LeNet-5's softmax(−y) over RBF
 * penalties tens to hundreds apart, where float32 softmax gives wrong classes (and, early on, the right
 * one) exactly 0: a probability under the loss's 1e-7 clip has no gradient, and 0 reads as an infinite
 * loss. Each probability is floored at {@link PROBABILITY_FLOOR} (the sum stays within 1 ± K·2e-7), and
 * the gradient is the exact cross-entropy's (see {@link flooredSoftmax}), so a confidently wrong example
 * still teaches; the per-example loss shown is capped at −log 2e-7 ≈ 15.4. Input and output
 * [batch, …, K]; no weights. Keras: `Activation('softmax')` (Keras takes a softmax's cross-entropy from
 * its logits, which this reproduces).
 */
export class FlooredSoftmax extends tfl.layers.Layer {
  static className = 'FlooredSoftmax';

  constructor(args: LayerArgs = {}) {
    super(args);
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return firstShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => flooredSoftmax(firstTensor(inputs)));
  }
}

tf.serialization.registerClass(FlooredSoftmax);

import * as tf from '@tensorflow/tfjs-core';

/** LeNet-5's squashing constants (LeCun et al. 1998, eq. 7, Appendix A): f(a) = A·tanh(S·a). */
export const SCALED_TANH_A = 1.7159;
export const SCALED_TANH_S = 2 / 3;

/** f(a) = 1.7159·tanh(2a/3), element-wise; shape unchanged. f(±1) ≈ ±1. */
export function scaledTanh(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.tanh(tf.mul(x, SCALED_TANH_S)), SCALED_TANH_A));
}

/**
 * The same function as a tfjs activation named `scaledTanh`, registered in tfjs' serialization map, so
 * a stock Conv2D or Dense built with `activation: 'scaledTanh'` applies it (tfjs looks activations up by
 * class name there) and saves and loads it by that name. Keras: `lambda a: 1.7159 * tf.tanh(2 * a / 3)`.
 */
export class ScaledTanh extends tf.serialization.Serializable {
  static className = 'scaledTanh';

  apply(x: tf.Tensor): tf.Tensor {
    return scaledTanh(x);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

tf.serialization.registerClass(ScaledTanh);

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Kwargs } from './layerTypes';

type BatchNormalization = ReturnType<typeof tfl.layers.batchNormalization>;
/** tfjs-layers' `BatchNormalizationLayerArgs` (`epsilon`, `momentum`, `axis`, …). */
export type BatchNormArgs = NonNullable<Parameters<typeof tfl.layers.batchNormalization>[0]>;
type BatchNormalizationClass = (new (args?: BatchNormArgs) => BatchNormalization) &
  Pick<typeof tfl.layers.Layer, 'fromConfig'> & { className: string };

/**
 * tfjs-layers exports only the `batchNormalization()` factory, not its class; the class is taken from
 * an instance that is never built (no tensors).
 */
const TfBatchNormalization = tfl.layers.batchNormalization().constructor as unknown as BatchNormalizationClass;

/**
 * tfjs' BatchNormalization with Keras 2 semantics for freezing: while `trainable` is false it runs in
 * inference mode even during training, so a frozen layer's moving mean and variance stay put (stock tfjs
 * keeps updating them, which silently changes a frozen pretrained base during transfer learning).
 * Input and output [batch, …, C]; weights gamma, beta (trainable) and moving_mean, moving_variance
 * (non-trainable), each [C].
 */
export class FreezableBatchNorm extends TfBatchNormalization {
  static override className = 'FreezableBatchNorm';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return super.call(inputs, this.trainable ? kwargs : { ...kwargs, training: false });
  }
}

tf.serialization.registerClass(FreezableBatchNorm);

import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * Small typing helpers shared by the custom layers, taken from tfjs-layers' public API (its `LayerArgs`
 * and `Kwargs` types are not re-exported from the package root).
 */

/** Constructor arguments every tfjs layer accepts (`name`, `trainable`, `dtype`, …). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tfl.layers.Layer>[0]>;

/** Keyword arguments of `Layer.call` (e.g. `{ training: true }`). */
export type Kwargs = Parameters<tfl.layers.Layer['call']>[1];

/** The single tensor a one-input layer is called with. */
export function firstTensor(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(inputs) ? inputs[0] : inputs;
}

/** The single shape a one-input layer is built with: [batch, H, W, C]. */
export function firstShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
  return Array.isArray(inputShape[0]) ? (inputShape as tfl.Shape[])[0] : (inputShape as tfl.Shape);
}

/** Throws unless `shape` is a [batch, H, W, C] feature-map shape. */
export function expectFeatureMap(layer: string, kind: string, shape: tfl.Shape): void {
  if (shape.length !== 4) {
    throw new Error(`Layer "${layer}" (${kind}) needs a [batch, H, W, C] input, got [${shape.join(', ')}].`);
  }
}

import * as tf from '@tensorflow/tfjs-core';
import type { ActivationName } from '../../arch';
import { scaledTanh } from './scaledTanh';

/** Applies one of the arch activations element-wise (softmax over the last axis). Shape is unchanged. */
export function applyActivation(x: tf.Tensor, activation: ActivationName): tf.Tensor {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softmax':
      return tf.softmax(x, -1);
    case 'scaledTanh':
      return scaledTanh(x);
  }
}

const NAMES: readonly ActivationName[] = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax', 'scaledTanh'];

/** Narrows a deserialised config value to an activation name. @throws Error for anything else. */
export function toActivationName(value: unknown): ActivationName {
  const found = NAMES.find((n) => n === value);
  if (!found) throw new Error(`Unknown activation "${String(value)}" (known: ${NAMES.join(', ')}).`);
  return found;
}

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** Every weight of a model (trainable or not), copied out of the backend as float arrays. */
export interface WeightSnapshot {
  values: Float32Array[];
  shapes: number[][];
}

/** Copies all weights out of the backend (await data(), no sync read), so they survive a lost device. */
export async function snapshotWeights(model: tfl.LayersModel): Promise<WeightSnapshot> {
  const tensors = model.weights.map((w) => w.read());
  const values = await Promise.all(tensors.map(async (t) => Float32Array.from(await t.data())));
  return { values, shapes: tensors.map((t) => [...t.shape]) };
}

/** Writes a snapshot back into a model built from the same graph. */
export function restoreWeights(model: tfl.LayersModel, snapshot: WeightSnapshot): void {
  const tensors = snapshot.values.map((v, i) => tf.tensor(v, snapshot.shapes[i]));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import './layers/index';

/** A layers model's topology as plain data (layers, configs with `trainable`, connections): no weights. */
export type ModelTopology = tf.io.ModelJSON['modelTopology'];

/** The topology of `model`, as tfjs writes it into model.json (see {@link modelFromTopology}). */
export function modelTopologyOf(model: tfl.LayersModel): ModelTopology {
  return model.toJSON(null, false) as ModelTopology;
}

/**
 * A model with the layers, connections and `trainable` flags of `topology` (our custom layers
 * included), on the active backend, with freshly initialised weights.
 */
export async function modelFromTopology(modelTopology: ModelTopology): Promise<tfl.LayersModel> {
  return tfl.models.modelFromJSON({ modelTopology });
}

/**
 * A fresh model with the architecture of `model`: the same layers (class, config, name), connections
 * and `trainable` flags (tfjs writes each layer's flag into its config), with new variables on the
 * active backend holding freshly initialised weights — write a snapshot back with `setWeights`.
 * What the engine needs after a lost GPU device: the old model's variables are gone with the device,
 * its topology (plain data in the layer objects) is not. Works for any layers model, including one not
 * built from an arch graph (a transfer model read from files or a URL).
 */
export async function rebuildArchitecture(model: tfl.LayersModel): Promise<tfl.LayersModel> {
  return modelFromTopology(modelTopologyOf(model));
}

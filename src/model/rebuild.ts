import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import './layers/index';

/**
 * A fresh model with the architecture of `model`: the same layers (class, config, name), connections
 * and `trainable` flags (tfjs writes each layer's flag into its config), with new variables on the
 * active backend holding freshly initialised weights — write a snapshot back with `setWeights`.
 * What the engine needs after a lost GPU device: the old model's variables are gone with the device,
 * its topology (plain data in the layer objects) is not. Works for any layers model, including one not
 * built from an arch graph (a transfer model read from files or a URL).
 */
export async function rebuildArchitecture(model: tfl.LayersModel): Promise<tfl.LayersModel> {
  const modelTopology = model.toJSON(null, false) as tf.io.ModelJSON['modelTopology'];
  return tfl.models.modelFromJSON({ modelTopology });
}

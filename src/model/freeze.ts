import type * as tfl from '@tensorflow/tfjs-layers';
import { nodeOfLayer } from './nodeLayers';

/** Picks layers: by arch node / layer name (helpers follow their node), or by a predicate. */
export type LayerSelector =
  | ReadonlySet<string>
  | readonly string[]
  | ((layer: tfl.layers.Layer, index: number) => boolean);

function matcher(which: LayerSelector): (layer: tfl.layers.Layer, index: number) => boolean {
  if (typeof which === 'function') return which;
  const names: ReadonlySet<string> = which instanceof Set ? which : new Set(which);
  return (layer) => names.has(layer.name) || names.has(nodeOfLayer(layer.name));
}

/**
 * Freezes exactly the selected layers (trainable = false) and makes every other layer trainable, so the
 * model's trainable weights (and `countParams(model).trainable`) update at once. A frozen batch norm
 * also stops updating its moving statistics (FreezableBatchNorm). Call it before `model.compile`, or
 * compile again afterwards: tfjs collects the weights to train when it compiles. Input layers are skipped.
 * @returns the names of the frozen layers, in model order.
 */
export function freezeLayers(model: tfl.LayersModel, which: LayerSelector): string[] {
  const frozen = matcher(which);
  const names: string[] = [];
  model.layers.forEach((layer, index) => {
    // Input layers hold no weights and tfjs does not save their flag: leave them be.
    if (layer.getClassName() === 'InputLayer') return;
    const freeze = frozen(layer, index);
    layer.trainable = !freeze;
    if (freeze) names.push(layer.name);
  });
  return names;
}

/**
 * Freezes every layer from the input up to and including `lastFrozen` (in the model's topological
 * layer order, helpers of that node included) and makes the rest trainable — the usual transfer setup.
 * @throws Error when the model has no layer `lastFrozen`.
 */
export function freezeUpTo(model: tfl.LayersModel, lastFrozen: string): string[] {
  let last = -1;
  model.layers.forEach((layer, index) => {
    if (nodeOfLayer(layer.name) === lastFrozen) last = index;
  });
  if (last < 0) throw new Error(`Model "${model.name}" has no layer "${lastFrozen}".`);
  return freezeLayers(model, (_layer, index) => index <= last);
}

/**
 * One entry point for both: a layer name freezes up to and including it ({@link freezeUpTo}); a set,
 * list or predicate freezes exactly those layers ({@link freezeLayers}).
 * @returns the names of the frozen layers, in model order.
 */
export function setTrainableUpTo(model: tfl.LayersModel, upTo: string | LayerSelector): string[] {
  return typeof upTo === 'string' ? freezeUpTo(model, upTo) : freezeLayers(model, upTo);
}

/** Makes every layer trainable again. */
export function unfreezeAll(model: tfl.LayersModel): void {
  freezeLayers(model, () => false);
}
